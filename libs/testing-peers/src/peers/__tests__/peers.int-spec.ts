import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { existsSync } from 'node:fs';
import {
  type HledgerWebPeer,
  type TrytonPeer,
  createGnucashBook,
  holdGnucashLock,
  readGnucashBook,
  requireDebianPackages,
  startHledgerWeb,
  startTryton,
  trytonClient,
  trytonValue,
} from '../index';

const TIMEOUT = 120_000;

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

function expectGone(pid: number): void {
  expect(pid).toBeGreaterThan(0);
  expect(alive(pid)).toBe(false);
  expect(alive(-pid)).toBe(false); // nothing left in its process group
}

describe('requireDebianPackages', () => {
  it('names the missing package and the install script', () => {
    expect(() =>
      requireDebianPackages('Demo', ['ledgerlink-no-such-package']),
    ).toThrow(/ledgerlink-no-such-package.*bash tools\/peers\/install\.sh/);
  });
});

describe('Tryton peer', () => {
  let peer: TrytonPeer;
  beforeAll(async () => {
    peer = await startTryton();
  }, TIMEOUT);
  afterAll(() => peer?.stop(), TIMEOUT); // stop() is idempotent

  it('serves the known parties, taxes and invoices over JSON-RPC', async () => {
    const { call } = await trytonClient(peer);
    const parties = await call<{ name: string }[]>(
      'model.party.party.search_read',
      [[], 0, null, [['name', 'ASC']], ['name']],
    );
    expect(parties.map((p) => p.name)).toEqual([
      'Acme GmbH',
      'Ledgerlink Test Company',
      'Paper Supplies Ltd',
    ]);

    const taxes = await call<Record<string, unknown>[]>(
      'model.account.tax.search_read',
      [[], 0, null, null, ['name', 'type', 'rate']],
    );
    expect(
      taxes.map((t) => [t['name'], t['type'], trytonValue(t['rate'])]),
    ).toEqual([['VAT 20%', 'percentage', '0.20']]);

    const fields = [
      'type',
      'number',
      'reference',
      'state',
      'party.name',
      'invoice_date',
      'total_amount',
    ];
    const invoices = await call<Record<string, unknown>[]>(
      'model.account.invoice.search_read',
      [
        [],
        0,
        null,
        [['id', 'ASC']],
        [...fields, 'untaxed_amount', 'tax_amount', 'amount_to_pay'],
      ],
    );
    const simple = invoices.map((i) => ({
      type: i['type'],
      number: i['number'],
      reference: i['reference'],
      state: i['state'],
      party: (i['party.'] as { name: string }).name,
      date: trytonValue(i['invoice_date']),
      untaxed: trytonValue(i['untaxed_amount']),
      tax: trytonValue(i['tax_amount']),
      total: trytonValue(i['total_amount']),
      toPay: trytonValue(i['amount_to_pay']),
    }));
    expect(simple).toEqual([
      {
        type: 'out',
        number: 'INV-0001',
        reference: 'PO-1001',
        state: 'posted',
        party: 'Acme GmbH',
        date: '2026-11-01',
        untaxed: '1250.50',
        tax: '250.10',
        total: '1500.60',
        toPay: '1000.60',
      },
      {
        type: 'in',
        number: null,
        reference: 'BILL-0001',
        state: 'draft',
        party: 'Paper Supplies Ltd',
        date: '2026-11-02',
        untaxed: '50.00',
        tax: '10.00',
        total: '60.00',
        toPay: '0',
      },
    ]);
  });

  it(
    'gives every start a fresh database',
    async () => {
      const { call } = await trytonClient(peer);
      await call('model.party.party.create', [
        [{ name: 'Written by the test' }],
      ]);
      expect(await call('model.party.party.search_count', [[]])).toBe(4);
      const other = await startTryton();
      try {
        expect(other.url).not.toBe(peer.url);
        expect(
          await (
            await trytonClient(other)
          ).call('model.party.party.search_count', [[]]),
        ).toBe(3);
      } finally {
        await other.stop();
      }
      expectGone(other.pid);
    },
    TIMEOUT,
  );

  it('stops by PID and removes its temp dir', async () => {
    const { pid, dir } = peer;
    await peer.stop();
    expectGone(pid);
    expect(existsSync(dir)).toBe(false);
  });
});

describe('GnuCash book peer', () => {
  let book: { path: string; cleanup(): Promise<void> };
  beforeAll(async () => {
    book = await createGnucashBook();
  }, TIMEOUT);
  afterAll(() => book?.cleanup(), TIMEOUT); // cleanup() is idempotent

  it('reads the known accounts, owners, tax table, invoices and transactions through GnuCash', async () => {
    const seen = await readGnucashBook(book.path);
    const balances = Object.fromEntries(
      seen.accounts.map((a) => [
        `${a.code} ${a.fullName} ${a.type}`,
        a.balance,
      ]),
    );
    expect(balances).toEqual({
      '1000 Assets ASSET': '0.00',
      '1100 Assets:Accounts Receivable RECEIVABLE': '1000.60',
      '1200 Assets:Bank BANK': '1500.00',
      '2000 Liabilities LIABILITY': '0.00',
      '2100 Liabilities:Accounts Payable PAYABLE': '-60.00',
      '2200 Liabilities:VAT Payable LIABILITY': '-240.10',
      '3000 Equity EQUITY': '-1000.00',
      '4000 Income INCOME': '0.00',
      '4100 Income:Sales INCOME': '-1250.50',
      '6000 Expenses EXPENSE': '0.00',
      '6100 Expenses:Office EXPENSE': '50.00',
    });
    expect(seen.customers.map((c) => [c.id, c.name, c.email])).toEqual([
      ['C001', 'Acme GmbH', 'ap@acme.example'],
    ]);
    expect(seen.vendors.map((v) => [v.id, v.name])).toEqual([
      ['V001', 'Paper Supplies Ltd'],
    ]);
    expect(seen.taxTables).toEqual([
      {
        name: 'VAT20',
        entries: [
          {
            account: 'Liabilities:VAT Payable',
            amount: '20.00',
            type: 'PERCENT',
          },
        ],
      },
    ]);
    expect(
      seen.invoices.map((i) => [
        i.id,
        i.type,
        i.ownerId,
        i.datePosted,
        i.subtotal,
        i.tax,
        i.total,
        i.paid,
      ]),
    ).toEqual([
      [
        'BILL-0001',
        'Bill',
        'V001',
        '2026-11-01',
        '50.00',
        '10.00',
        '60.00',
        false,
      ],
      [
        'INV-0001',
        'Invoice',
        'C001',
        '2026-11-01',
        '1250.50',
        '250.10',
        '1500.60',
        false,
      ],
    ]);
    expect(seen.transactions.map((t) => [t.date, t.num])).toEqual([
      ['2026-11-01', 'BILL-0001'],
      ['2026-11-01', 'INV-0001'],
      ['2026-11-01', 'J-1'],
      ['2026-11-10', 'PAY-1'],
    ]);
    expect(seen.lock).toEqual([]);
  });

  it('holds and releases the GnuCash lock like an open GnuCash', async () => {
    const lock = await holdGnucashLock(book.path);
    try {
      expect((await readGnucashBook(book.path)).lock).toEqual([
        { hostname: expect.any(String), pid: lock.pid },
      ]);
      await expect(holdGnucashLock(book.path)).rejects.toThrow(
        /ERR_BACKEND_LOCKED/,
      );
    } finally {
      await lock.release();
    }
    expectGone(lock.pid);
    expect((await readGnucashBook(book.path)).lock).toEqual([]);
  });

  it('cleans up the book', async () => {
    const path = book.path;
    await book.cleanup();
    expect(existsSync(path)).toBe(false);
  });
});

describe('hledger-web peer', () => {
  let peer: HledgerWebPeer;
  beforeAll(async () => {
    peer = await startHledgerWeb();
  }, TIMEOUT);
  afterAll(() => peer?.stop(), TIMEOUT); // stop() is idempotent

  const get = async <T>(p: HledgerWebPeer, path: string) =>
    (await (await fetch(`${p.url}${path}`)).json()) as T;
  type Amount = {
    acommodity: string;
    aquantity: { decimalMantissa: number; decimalPlaces: number };
  };

  it('serves the known transactions and account balances', async () => {
    const txns = await get<
      { tcode: string; tdate: string; tdescription: string }[]
    >(peer, '/transactions');
    expect(txns.map((t) => [t.tdate, t.tcode])).toEqual([
      ['2026-11-01', 'J-1'],
      ['2026-11-01', 'INV-0001'],
      ['2026-11-02', 'BILL-0001'],
      ['2026-11-10', 'PAY-1'],
    ]);
    const accounts = await get<{ aname: string; aibalance: Amount[] }[]>(
      peer,
      '/accounts',
    );
    const balance = (name: string) => {
      const a = accounts.find((x) => x.aname === name)?.aibalance[0];
      return a
        ? `${a.aquantity.decimalMantissa}e-${a.aquantity.decimalPlaces} ${a.acommodity}`
        : 'no balance';
    };
    expect(balance('assets:bank')).toBe('150000e-2 EUR');
    expect(balance('assets:receivable:acme')).toBe('100060e-2 EUR');
    expect(balance('liabilities:vat')).toBe('-24010e-2 EUR');
    expect(balance('income:sales')).toBe('-125050e-2 EUR');
  });

  it(
    'appends with PUT /add to its own copy only',
    async () => {
      const amount = (cents: number) => ({
        acommodity: 'EUR',
        aquantity: {
          decimalMantissa: cents,
          decimalPlaces: 2,
          floatingPoint: cents / 100,
        },
        astyle: {
          ascommodityside: 'R',
          ascommodityspaced: true,
          asprecision: 2,
        },
      });
      const posting = (account: string, cents: number) => ({
        paccount: account,
        pamount: [amount(cents)],
        pcomment: '',
        pstatus: 'Unmarked',
        ptags: [],
        ptype: 'RegularPosting',
      });
      const res = await fetch(`${peer.url}/add`, {
        method: 'PUT',
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify({
          tdate: '2026-11-20',
          tstatus: 'Unmarked',
          tcode: 'TEST-1',
          tdescription: 'added by the test',
          tcomment: '',
          ttags: [],
          tindex: 0,
          tprecedingcomment: '',
          tsourcepos: [
            { sourceName: '', sourceLine: 1, sourceColumn: 1 },
            { sourceName: '', sourceLine: 1, sourceColumn: 1 },
          ],
          tpostings: [
            posting('expenses:office', 2500),
            posting('assets:bank', -2500),
          ],
        }),
      });
      expect(res.status).toBe(201);
      expect((await get<unknown[]>(peer, '/transactions')).length).toBe(5);
      const other = await startHledgerWeb();
      try {
        expect((await get<unknown[]>(other, '/transactions')).length).toBe(4);
      } finally {
        await other.stop();
      }
      expectGone(other.pid);
    },
    TIMEOUT,
  );

  it('stops by PID', async () => {
    const { pid, journalPath } = peer;
    await peer.stop();
    expectGone(pid);
    expect(existsSync(journalPath)).toBe(false);
  });
});
