import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { type HledgerWebPeer, freePort, startHledgerWeb } from '@ledgerlink/testing-peers';
import { execFile } from 'node:child_process';
import { readFile, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { type Server, createServer } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import {
  type Connector,
  ConnectorAuthError,
  ConnectorNotSupportedError,
  ConnectorValidationError,
  type UnifiedRecord,
  type WriteOperation,
} from '../../connector';
import { hledgerDefinition } from '../hledger.definition';

const TIMEOUT = 60_000;
const run = promisify(execFile);

function connect(url: string): Connector {
  return hledgerDefinition.create({ credentials: { baseUrl: url }, connectionId: 'conn-hledger' });
}

async function readAll(c: Connector, dataType: 'chartOfAccounts' | 'journalEntries', opts = {}) {
  const batches: UnifiedRecord[][] = [];
  for await (const batch of c.read(dataType, opts)) batches.push(batch);
  return { batches, records: batches.flat() };
}

/** What the hledger CLI itself makes of the journal file (no hledger-web involved). */
async function cliBalances(journalPath: string): Promise<Record<string, string>> {
  const { stdout } = await run('hledger', ['-f', journalPath, 'bal', '--flat', '-O', 'csv']);
  const rows = stdout.trim().split('\n').slice(1).map((l) => l.split('","').map((c) => c.replace(/"/g, '')));
  return Object.fromEntries(rows);
}

/** `hledger print`, with runs of spaces squeezed (column alignment is hledger's business). */
async function cliPrint(journalPath: string, query: string[] = []): Promise<string> {
  return (await run('hledger', ['-f', journalPath, 'print', ...query])).stdout.replace(/ {2,}/g, '  ');
}

async function apiTransactions(peer: HledgerWebPeer): Promise<{ tdescription: string; tcomment: string; tpostings: { paccount: string; pamount: { acommodity: string; aquantity: { decimalMantissa: number; decimalPlaces: number } }[] }[] }[]> {
  return (await (await fetch(`${peer.url}/transactions`)).json()) as never;
}

const KNOWN_BALANCES = {
  'assets:bank': 1500,
  'assets:receivable:acme': 1000.6,
  'liabilities:vat': -240.1,
  'liabilities:payable:paper-supplies': -60,
  'equity:capital': -1000,
  'income:sales': -1250.5,
  'expenses:office': 50,
};

describe('hledger connector against hledger-web 1.25 (read)', () => {
  let peer: HledgerWebPeer;
  let c: Connector;
  beforeAll(async () => {
    peer = await startHledgerWeb();
    c = connect(peer.url);
  }, TIMEOUT);
  afterAll(() => peer?.stop(), TIMEOUT);

  it('authorizes and names the company after the journal file', async () => {
    await expect(c.authorize()).resolves.toEqual({
      companyName: 'books.journal',
      connectionInfo: { hledgerWebVersion: '1.25', journalFile: 'books.journal', accounts: 14, transactions: 4, canWrite: true },
    });
  });

  it('reads the chart of accounts with the known balances and types', async () => {
    const { records } = await readAll(c, 'chartOfAccounts');
    expect(records.map((a) => a.id)).toEqual([
      'assets',
      'assets:bank',
      'assets:receivable',
      'assets:receivable:acme',
      'equity',
      'equity:capital',
      'expenses',
      'expenses:office',
      'income',
      'income:sales',
      'liabilities',
      'liabilities:payable',
      'liabilities:payable:paper-supplies',
      'liabilities:vat',
    ]);
    const byId = Object.fromEntries(records.map((a) => [a.id, a]));
    for (const [id, balance] of Object.entries(KNOWN_BALANCES)) expect([id, byId[id]?.['currentBalance']]).toEqual([id, balance]);
    const leaf = (id: string, name: string, type: string, currentBalance: number, isBankAccount = false) => ({
      id,
      name,
      fullyQualifiedName: id,
      type,
      status: 'Active',
      isBankAccount,
      currentBalance,
      currency: 'EUR',
    });
    expect(byId['assets:bank']).toEqual(leaf('assets:bank', 'bank', 'Asset', 1500, true));
    expect(byId['assets:receivable:acme']).toEqual(leaf('assets:receivable:acme', 'acme', 'Asset', 1000.6));
    expect(byId['liabilities:vat']).toEqual(leaf('liabilities:vat', 'vat', 'Liability', -240.1));
    expect(byId['liabilities:payable:paper-supplies']).toEqual(leaf('liabilities:payable:paper-supplies', 'paper-supplies', 'Liability', -60));
    expect(byId['equity:capital']).toEqual(leaf('equity:capital', 'capital', 'Equity', -1000));
    expect(byId['income:sales']).toEqual(leaf('income:sales', 'sales', 'Income', -1250.5));
    expect(byId['expenses:office']).toEqual(leaf('expenses:office', 'office', 'Expense', 50));
    // Parents carry their subtree's balance, like `hledger bal --tree`.
    expect(byId['assets']).toMatchObject({ name: 'assets', type: 'Asset', currentBalance: 2500.6 });
    expect(byId['liabilities']).toMatchObject({ type: 'Liability', currentBalance: -300.1 });
    for (const a of records) expect(a).not.toHaveProperty('nominalCode');
  });

  it('reads the known journal entries with exact lines and stable ids', async () => {
    const first = await readAll(c, 'journalEntries');
    const second = await readAll(c, 'journalEntries');
    expect(second.records.map((r) => r.id)).toEqual(first.records.map((r) => r.id));
    expect(new Set(first.records.map((r) => r.id)).size).toBe(4);
    const strip = first.records.map(({ id, ...rest }) => {
      expect(id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-5[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
      return rest;
    });
    const l = (account: string, netAmount: number, description?: string) => ({
      netAmount,
      currency: 'EUR',
      accountRef: { id: account, name: account.split(':').pop() },
      ...(description ? { description } : {}),
    });
    expect(strip).toEqual([
      { postedOn: '2026-11-01T00:00:00', description: 'Opening capital', journalLines: [l('assets:bank', 1000), l('equity:capital', -1000)] },
      {
        postedOn: '2026-11-01T00:00:00',
        description: 'Acme GmbH | Invoice INV-0001',
        journalLines: [l('assets:receivable:acme', 1500.6), l('income:sales', -1250.5), l('liabilities:vat', -250.1, 'taxcode: VAT20')],
      },
      {
        postedOn: '2026-11-02T00:00:00',
        description: 'Paper Supplies Ltd | Bill BILL-0001',
        journalLines: [l('expenses:office', 50), l('liabilities:vat', 10, 'taxcode: VAT20'), l('liabilities:payable:paper-supplies', -60)],
      },
      { postedOn: '2026-11-10T00:00:00', description: 'Acme GmbH | Payment INV-0001', journalLines: [l('assets:bank', 500), l('assets:receivable:acme', -500)] },
    ]);
  });

  it('streams in batches of batchSize and honours from', async () => {
    const all = await readAll(c, 'journalEntries');
    const batched = await readAll(c, 'journalEntries', { batchSize: 3 });
    expect(batched.batches.map((b) => b.length)).toEqual([3, 1]);
    expect(batched.records).toEqual(all.records);
    const accounts = await readAll(c, 'chartOfAccounts', { batchSize: 5 });
    expect(accounts.batches.map((b) => b.length)).toEqual([5, 5, 4]);

    const recent = await readAll(c, 'journalEntries', { from: new Date('2026-11-02T00:00:00Z') });
    expect(recent.records.map((r) => r.description)).toEqual(['Paper Supplies Ltd | Bill BILL-0001', 'Acme GmbH | Payment INV-0001']);
    // Same ids as in the full read: the filter does not renumber anything.
    expect(recent.records.map((r) => r.id)).toEqual(all.records.slice(2).map((r) => r.id));
    expect((await readAll(c, 'journalEntries', { from: new Date('2027-01-01T00:00:00Z') })).batches).toEqual([]);
  });

  it('offers the journal accounts in the create options', async () => {
    const option = await c.options('journalEntries', 'Create');
    const lines = option.properties?.['journalLines'];
    expect(lines?.type).toBe('Array');
    expect(lines?.properties?.['accountRef'].properties?.['id'].options?.map((o) => o.value)).toContain('expenses:office');
    expect(lines?.properties?.['accountRef'].properties?.['id'].options).toHaveLength(14);
    expect(lines?.properties?.['currency'].options?.map((o) => o.value)).toEqual(['EUR']);
  });

  it('refuses the data types hledger does not have', async () => {
    for (const t of ['invoices', 'customers', 'company'] as const) {
      await expect(c.read(t)[Symbol.asyncIterator]().next()).rejects.toBeInstanceOf(ConnectorNotSupportedError);
    }
  });
});

describe('hledger connector authorize failures', () => {
  let other: Server;
  let otherUrl: string;
  beforeAll(async () => {
    other = createServer((req, res) => {
      res.writeHead(200, { 'Content-Type': 'text/html' });
      res.end('<html>not hledger</html>');
    });
    await new Promise<void>((ok) => other.listen(0, '127.0.0.1', ok));
    const addr = other.address();
    otherUrl = `http://127.0.0.1:${typeof addr === 'object' && addr ? addr.port : 0}`;
  });
  afterAll(() => new Promise<void>((ok) => other.close(() => ok())));

  it('rejects an unreachable server, naming baseUrl', async () => {
    const port = await freePort();
    await expect(connect(`http://127.0.0.1:${port}`).authorize()).rejects.toMatchObject({ name: 'ConnectorAuthError', field: 'baseUrl' });
  });

  it('rejects a server that is not hledger-web, naming baseUrl', async () => {
    const err = await connect(otherUrl).authorize().catch((e: unknown) => e);
    expect(err).toBeInstanceOf(ConnectorAuthError);
    expect(err).toMatchObject({ field: 'baseUrl', message: expect.stringContaining('No hledger-web JSON API') });
  });

  it('rejects a malformed URL, naming baseUrl', async () => {
    await expect(connect('127.0.0.1:5000').authorize()).rejects.toMatchObject({ name: 'ConnectorAuthError', field: 'baseUrl' });
  });
});

describe('hledger connector writes (PUT /add)', () => {
  let peer: HledgerWebPeer;
  let c: Connector;
  beforeAll(async () => {
    peer = await startHledgerWeb();
    c = connect(peer.url);
  }, TIMEOUT);
  afterAll(() => peer?.stop(), TIMEOUT);

  const create = (key: string, record: Record<string, unknown>): WriteOperation => ({ key, type: 'Create', dataType: 'journalEntries', record });
  const chairs = {
    postedOn: '2026-11-20T00:00:00',
    description: 'Office chairs',
    journalLines: [
      { netAmount: 120.35, accountRef: { id: 'expenses:office' }, description: 'Two chairs' },
      { netAmount: 24.07, accountRef: { id: 'liabilities:vat' } },
      { netAmount: -144.42, accountRef: { id: 'assets:bank' } },
    ],
  };

  it('creates a balanced entry that hledger-web and the hledger CLI both see', async () => {
    const before = await readAll(c, 'journalEntries');
    const result = await c.write(create('op-chairs-1', chairs));
    const id = result.record?.id as string;
    expect(result.changes).toEqual([{ type: 'Created', recordRef: { id, dataType: 'journalEntries' } }]);
    expect(result.record).toEqual({
      id,
      postedOn: '2026-11-20T00:00:00',
      description: 'Office chairs',
      journalLines: [
        { netAmount: 120.35, currency: 'EUR', description: 'Two chairs', accountRef: { id: 'expenses:office', name: 'office' } },
        { netAmount: 24.07, currency: 'EUR', accountRef: { id: 'liabilities:vat', name: 'vat' } },
        { netAmount: -144.42, currency: 'EUR', accountRef: { id: 'assets:bank', name: 'bank' } },
      ],
    });

    // hledger-web's own API
    const txns = await apiTransactions(peer);
    expect(txns).toHaveLength(5);
    expect(txns[4].tdescription).toBe('Office chairs');
    expect(txns[4].tcomment).toBe('ledgerlink-op: op-chairs-1\n');
    expect(txns[4].tpostings.map((p) => [p.paccount, p.pamount[0].acommodity, p.pamount[0].aquantity.decimalMantissa, p.pamount[0].aquantity.decimalPlaces])).toEqual([
      ['expenses:office', 'EUR', 12035, 2],
      ['liabilities:vat', 'EUR', 2407, 2],
      ['assets:bank', 'EUR', -14442, 2],
    ]);

    // The hledger CLI, straight from the journal file.
    expect(await cliPrint(peer.journalPath, ['desc:Office chairs'])).toBe(
      [
        '2026-11-20 Office chairs  ; ledgerlink-op: op-chairs-1',
        '  expenses:office  120.35 EUR  ; Two chairs',
        '  liabilities:vat  24.07 EUR',
        '  assets:bank  -144.42 EUR',
        '',
        '',
      ].join('\n'),
    );
    expect(await cliBalances(peer.journalPath)).toEqual({
      'assets:bank': '1355.58 EUR',
      'assets:receivable:acme': '1000.60 EUR',
      'equity:capital': '-1000.00 EUR',
      'expenses:office': '170.35 EUR',
      'income:sales': '-1250.50 EUR',
      'liabilities:vat': '-216.03 EUR',
      'liabilities:payable:paper-supplies': '-60.00 EUR',
      total: '0',
    });

    // The read side: the new entry has the returned id; the old ones kept theirs.
    const after = await readAll(c, 'journalEntries');
    expect(after.records.map((r) => r.id)).toEqual([...before.records.map((r) => r.id), id]);
    expect(after.records[4]).toEqual(result.record);
    const accounts = Object.fromEntries((await readAll(c, 'chartOfAccounts')).records.map((a) => [a.id, a.currentBalance]));
    expect(accounts['assets:bank']).toBe(1355.58);
    expect(accounts['liabilities:vat']).toBe(-216.03);
  });

  it('keeps existing ids when an earlier-dated entry is appended', async () => {
    const before = (await readAll(c, 'journalEntries')).records.map((r) => r.id);
    await c.write(
      create('op-early', {
        postedOn: '2026-10-15',
        description: 'Earlier top-up',
        journalLines: [
          { netAmount: 10, accountRef: { id: 'assets:bank' } },
          { netAmount: 0, accountRef: { id: 'expenses:office' }, description: 'memo line' },
          { netAmount: -10, accountRef: { id: 'equity:capital' } },
        ],
      }),
    );
    expect(await cliPrint(peer.journalPath, ['desc:Earlier top-up'])).toBe(
      '2026-10-15 Earlier top-up  ; ledgerlink-op: op-early\n  assets:bank  10.00 EUR\n  expenses:office  0  ; memo line\n  equity:capital  -10.00 EUR\n\n',
    );
    const after = (await readAll(c, 'journalEntries')).records.map((r) => r.id);
    expect(after.slice(0, before.length)).toEqual(before);
    expect(after).toHaveLength(before.length + 1);
  });

  it('rejects an unbalanced entry and leaves the journal byte-for-byte unchanged', async () => {
    const bytes = await readFile(peer.journalPath);
    const err = await c
      .write(
        create('op-unbalanced', {
          postedOn: '2026-11-21',
          description: 'Off by a cent',
          journalLines: [
            { netAmount: 25, accountRef: { id: 'expenses:office' } },
            { netAmount: -24.99, accountRef: { id: 'assets:bank' } },
          ],
        }),
      )
      .catch((e: unknown) => e);
    expect(err).toBeInstanceOf(ConnectorValidationError);
    expect((err as ConnectorValidationError).errors).toEqual([{ itemId: 'journalLines', message: expect.stringContaining('difference 0.01 EUR') }]);
    expect((await readFile(peer.journalPath)).equals(bytes)).toBe(true);
    // …and the journal still parses.
    await expect(run('hledger', ['-f', peer.journalPath, 'check'])).resolves.toBeDefined();
  });

  it('rejects unknown accounts without writing', async () => {
    const bytes = await readFile(peer.journalPath);
    const err = await c
      .write(
        create('op-unknown-account', {
          postedOn: '2026-11-21',
          journalLines: [
            { netAmount: 5, accountRef: { id: 'expenses:travel' } },
            { netAmount: -5, accountRef: { id: 'assets:bank' } },
          ],
        }),
      )
      .catch((e: unknown) => e);
    expect(err).toBeInstanceOf(ConnectorValidationError);
    expect((err as ConnectorValidationError).errors.map((e) => e.itemId)).toEqual(['journalLines[0].accountRef.id']);
    expect((await readFile(peer.journalPath)).equals(bytes)).toBe(true);
  });

  it('writes one transaction for one operation key, however often it is sent', async () => {
    const record = {
      postedOn: '2026-11-22',
      description: 'Stamps',
      journalLines: [
        { netAmount: 7.8, accountRef: { id: 'expenses:office' } },
        { netAmount: -7.8, accountRef: { id: 'assets:bank' } },
      ],
    };
    const first = await c.write(create('op-stamps', record));
    const retry = await c.write(create('op-stamps', record));
    // A second connector instance (another worker) and concurrent retries.
    const concurrent = await Promise.all([c.write(create('op-stamps', record)), connect(peer.url).write(create('op-stamps', record))]);
    for (const r of [retry, ...concurrent]) expect(r).toEqual(first);
    const tagged = (await apiTransactions(peer)).filter((t) => t.tcomment.includes('ledgerlink-op: op-stamps'));
    expect(tagged).toHaveLength(1);
    expect((await cliPrint(peer.journalPath, ['desc:Stamps'])).match(/^2026-11-22 Stamps/gm)).toHaveLength(1);
    // Written at the commodity's precision: 7.80, not 7.8.
    expect(await readFile(peer.journalPath, 'utf8')).toMatch(/expenses:office +7\.80 EUR\n/);

    // First attempts racing on one connection: the connector serialises its writes.
    const pens = { ...record, description: 'Pens' };
    const racing = await Promise.all([1, 2, 3].map(() => c.write(create('op-pens', pens))));
    expect(new Set(racing.map((r) => r.record?.id)).size).toBe(1);
    expect((await apiTransactions(peer)).filter((t) => t.tdescription === 'Pens')).toHaveLength(1);
  });

  it('does not support update or delete', async () => {
    await expect(c.write({ key: 'u', type: 'Update', dataType: 'journalEntries', recordId: 'x', record: chairs })).rejects.toBeInstanceOf(ConnectorNotSupportedError);
    await expect(c.write({ key: 'd', type: 'Delete', dataType: 'journalEntries', recordId: 'x' })).rejects.toBeInstanceOf(ConnectorNotSupportedError);
  });
});

describe('hledger connector on other journals', () => {
  let dir: string;
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'ledgerlink-hledger-spec-'));
  });
  afterAll(() => rm(dir, { recursive: true, force: true }));

  it('writes amounts in the decimal mark of a comma-decimal journal', async () => {
    const journal = join(dir, 'komma.journal');
    await writeFile(
      journal,
      ['commodity 1.000,00 EUR', '', '2026-01-01 Start', '    assets:bank    1.000,50 EUR', '    equity:start', ''].join('\n'),
    );
    const peer = await startHledgerWeb({ journal });
    try {
      const c = connect(peer.url);
      await c.write({
        key: 'op-komma',
        type: 'Create',
        dataType: 'journalEntries',
        record: {
          postedOn: '2026-01-02',
          description: 'Einzahlung',
          journalLines: [
            { netAmount: 1234.56, accountRef: { id: 'assets:bank' } },
            { netAmount: -1234.56, accountRef: { id: 'equity:start' } },
          ],
        },
      });
      // "1234.56 EUR" would have been read by hledger as 123.456,00 EUR here.
      expect(await cliBalances(peer.journalPath)).toEqual({ 'assets:bank': '2235,06 EUR', 'equity:start': '-2235,06 EUR', total: '0' });
      expect(await cliPrint(peer.journalPath, ['desc:Einzahlung'])).toContain('assets:bank  1.234,56 EUR');
      // The file itself holds the journal's decimal comma and no digit groups.
      expect((await readFile(peer.journalPath, 'utf8')).replace(/ {2,}/g, '  ')).toContain('\n  assets:bank  1234,56 EUR\n');
    } finally {
      await peer.stop();
    }
  }, TIMEOUT);

  it('reports a read-only hledger-web at authorize and refuses to write there', async () => {
    const peer = await startHledgerWeb({ capabilities: 'view' });
    try {
      const c = connect(peer.url);
      await expect(c.authorize()).resolves.toMatchObject({ connectionInfo: { canWrite: false } });
      const bytes = await readFile(peer.journalPath);
      await expect(
        c.write({
          key: 'op-ro',
          type: 'Create',
          dataType: 'journalEntries',
          record: { postedOn: '2026-11-21', journalLines: [{ netAmount: 1, accountRef: { id: 'assets:bank' } }, { netAmount: -1, accountRef: { id: 'equity:capital' } }] },
        }),
      ).rejects.toMatchObject({ name: 'ConnectorAuthError', field: 'baseUrl' });
      expect((await readFile(peer.journalPath)).equals(bytes)).toBe(true);
    } finally {
      await peer.stop();
    }
  }, TIMEOUT);
});
