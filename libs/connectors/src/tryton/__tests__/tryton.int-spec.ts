import { afterAll, beforeAll, describe, expect, it, jest } from '@jest/globals';
import { type TrytonPeer, startTryton, trytonClient, trytonValue } from '@ledgerlink/testing-peers';
import type { PushOption, PushOptionProperty, SupportedDataType } from '@ledgerlink/models';
import {
  type Connector,
  ConnectorAuthError,
  ConnectorNotSupportedError,
  ConnectorValidationError,
  type ReadOptions,
  type UnifiedRecord,
  type WriteOperation,
} from '../../connector';
import { trytonDefinition } from '../tryton.definition';
import { TrytonClient } from '../tryton.rpc';

jest.setTimeout(120_000);

let peer: TrytonPeer;
let tryton: Awaited<ReturnType<typeof trytonClient>>;
let connector: Connector;
let acmeId: string;
let paperId: string;
let inv1Id: string;
let bill1Id: string;
let vatId: string;
let revenueId: string;
let expenseId: string;

const credentials = (over: Record<string, string> = {}) => ({
  serverUrl: peer.url,
  database: peer.database,
  username: peer.user,
  password: peer.password,
  ...over,
});
const connect = (over: Record<string, string> = {}) => trytonDefinition.create({ credentials: credentials(over), connectionId: 'tryton-test' });

async function readAll(dataType: SupportedDataType, options?: ReadOptions): Promise<UnifiedRecord[]> {
  const out: UnifiedRecord[] = [];
  for await (const batch of connector.read(dataType, options)) out.push(...batch);
  return out;
}

/** Tryton's own view of records (through the peer's JSON-RPC helper, not the connector). */
async function find(model: string, domain: unknown[], fields: string[]): Promise<Record<string, unknown>[]> {
  const rows = await tryton.call<Record<string, unknown>[]>(`model.${model}.search_read`, [domain, 0, null, [['id', 'ASC']], fields]);
  return rows.map((r) => Object.fromEntries(Object.entries(r).map(([k, v]) => [k, trytonValue(v)])));
}

async function authError(over: Record<string, string>): Promise<ConnectorAuthError> {
  const error = await connect(over)
    .authorize()
    .then(() => undefined, (e: unknown) => e);
  expect(error).toBeInstanceOf(ConnectorAuthError);
  return error as ConnectorAuthError;
}

async function validationError(op: Promise<unknown>): Promise<ConnectorValidationError> {
  const error = await op.then(() => undefined, (e: unknown) => e);
  expect(error).toBeInstanceOf(ConnectorValidationError);
  return error as ConnectorValidationError;
}

const write = (op: Omit<WriteOperation, 'key'> & { key?: string }) => connector.write({ key: `k-${Math.random()}`, ...op });
const line = (over: Record<string, unknown> = {}) => ({ description: 'Design', quantity: 2, unitAmount: 100, accountRef: { id: revenueId }, taxRateRef: { id: vatId }, ...over });

beforeAll(async () => {
  peer = await startTryton();
  tryton = await trytonClient(peer);
  connector = connect();
  const ids = async (model: string, name: string) => String((await find(model, [['name', '=', name]], ['id']))[0]['id']);
  acmeId = await ids('party.party', 'Acme GmbH');
  paperId = await ids('party.party', 'Paper Supplies Ltd');
  vatId = await ids('account.tax', 'VAT 20%');
  revenueId = await ids('account.account', 'Main Revenue');
  expenseId = await ids('account.account', 'Main Expense');
  inv1Id = String((await find('account.invoice', [['number', '=', 'INV-0001']], ['id']))[0]['id']);
  bill1Id = String((await find('account.invoice', [['reference', '=', 'BILL-0001']], ['id']))[0]['id']);
});

afterAll(async () => {
  await connector?.close?.();
  await peer?.stop();
});

describe('authorize', () => {
  it('logs in and names the company', async () => {
    const result = await connector.authorize();
    expect(result.companyName).toBe('Ledgerlink Test Company');
    expect(result.connectionInfo).toMatchObject({ database: peer.database, baseCurrency: 'EUR' });
    expect(String(result.connectionInfo?.['serverVersion'])).toMatch(/^6\.0\./);
  });

  it('names serverUrl when nothing answers there or the URL is malformed', async () => {
    expect((await authError({ serverUrl: 'http://127.0.0.1:1' })).field).toBe('serverUrl');
    expect((await authError({ serverUrl: 'not a url' })).field).toBe('serverUrl');
  });

  it('names database for an unknown database', async () => {
    const e = await authError({ database: 'no_such_books' });
    expect(e.field).toBe('database');
    expect(e.message).toContain('no_such_books');
  });

  it('logs in again when Tryton dropped the session', async () => {
    const client = new TrytonClient(credentials());
    await client.login();
    (client as unknown as { session: { key: string } }).session.key = 'expired';
    expect(await client.search('party.party', [['name', '=', 'Acme GmbH']], 0, 1, null)).toEqual([Number(acmeId)]);
  });

  it('names password for a bad login, and username when it is missing', async () => {
    const e = await authError({ password: 'wrong' });
    expect(e.field).toBe('password');
    expect(e.message).toMatch(/username or password/);
    expect((await authError({ username: '' })).field).toBe('username');
  });
});

describe('read', () => {
  it('chartOfAccounts: types, categories, balances, bank flag', async () => {
    const accounts = await readAll('chartOfAccounts');
    const byName = Object.fromEntries(accounts.map((a) => [a['name'], a]));
    expect(Object.keys(byName).sort()).toEqual(['Main Cash', 'Main Expense', 'Main Payable', 'Main Receivable', 'Main Revenue', 'Main Tax', 'Minimal Account Chart']);
    expect(byName['Main Receivable']).toMatchObject({
      type: 'Asset',
      fullyQualifiedCategory: 'Asset.Current.Receivable',
      fullyQualifiedName: 'Asset.Current.Receivable.Main Receivable',
      currentBalance: 1000.6,
      currency: 'EUR',
      status: 'Active',
      isBankAccount: false,
    });
    expect(byName['Main Revenue']).toMatchObject({ type: 'Income', currentBalance: -1250.5 });
    expect(byName['Main Cash']).toMatchObject({ type: 'Asset', currentBalance: 500, isBankAccount: true });
    expect(byName['Main Tax']).toMatchObject({ type: 'Liability', currentBalance: -250.1 });
    expect(byName['Main Payable']).toMatchObject({ type: 'Liability' });
    expect(byName['Main Expense']).toMatchObject({ type: 'Expense', currentBalance: 0 });
    expect(byName['Minimal Account Chart']).toMatchObject({ type: 'Unknown', status: 'Archived' });
    expect(accounts.every((a) => typeof a.sourceModifiedDate === 'string' && a.sourceModifiedDate.endsWith('Z'))).toBe(true);
  });

  it('streams in batches of batchSize, in id order', async () => {
    const batches: UnifiedRecord[][] = [];
    for await (const b of connector.read('chartOfAccounts', { batchSize: 3 })) batches.push(b);
    expect(batches.map((b) => b.length)).toEqual([3, 3, 1]);
    const ids = batches.flat().map((a) => Number(a.id));
    expect(ids).toEqual([...ids].sort((a, b) => a - b));
  });

  it('customers and suppliers: parties by use, never the company itself', async () => {
    const customers = await readAll('customers');
    expect(customers).toEqual([
      {
        id: acmeId,
        customerName: 'Acme GmbH',
        emailAddress: 'ap@acme.example',
        addresses: [{ type: 'Billing', line1: '1 Main St', city: 'Berlin', postalCode: '10115' }],
        status: 'Active',
        sourceModifiedDate: expect.any(String),
      },
    ]);
    const suppliers = await readAll('suppliers');
    expect(suppliers.map((s) => [s.id, s['supplierName'], s['addresses']])).toEqual([
      [paperId, 'Paper Supplies Ltd', [{ type: 'Billing', line1: '9 Mill Rd', city: 'Leeds' }]],
    ]);
  });

  it('invoices: INV-0001, partly paid', async () => {
    const [inv, ...rest] = await readAll('invoices');
    expect(rest).toEqual([]);
    expect(inv).toMatchObject({
      id: inv1Id,
      invoiceNumber: 'INV-0001',
      customerRef: { id: acmeId, companyName: 'Acme GmbH' },
      issueDate: '2026-11-01T00:00:00',
      dueDate: '2026-12-01T00:00:00',
      currency: 'EUR',
      subTotal: 1250.5,
      totalTaxAmount: 250.1,
      totalAmount: 1500.6,
      amountDue: 1000.6,
      status: 'PartiallyPaid',
    });
    expect(inv['paidOnDate']).toBeUndefined();
    expect(inv['lineItems']).toEqual([
      {
        description: 'Consulting',
        unitAmount: 120,
        quantity: 10,
        subTotal: 1200,
        taxAmount: 240,
        totalAmount: 1440,
        accountRef: { id: revenueId, name: 'Main Revenue' },
        taxRateRef: { id: vatId, name: 'VAT 20%', effectiveTaxRate: 20 },
      },
      expect.objectContaining({ description: 'Travel', unitAmount: 50.5, quantity: 1, subTotal: 50.5, taxAmount: 10.1 }),
    ]);
    expect(inv['paymentAllocations']).toEqual([
      {
        payment: { id: expect.any(String), reference: 'PAY-1', currency: 'EUR', paidOnDate: '2026-11-10T00:00:00', totalAmount: 500 },
        allocation: { currency: 'EUR', allocatedOnDate: '2026-11-10T00:00:00', totalAmount: 500 },
      },
    ]);
  });

  it('bills: BILL-0001, draft', async () => {
    expect(await readAll('bills')).toEqual([
      expect.objectContaining({
        id: bill1Id,
        reference: 'BILL-0001',
        supplierRef: { id: paperId, supplierName: 'Paper Supplies Ltd' },
        issueDate: '2026-11-02T00:00:00',
        subTotal: 50,
        taxAmount: 10,
        totalAmount: 60,
        amountDue: 60,
        status: 'Draft',
        lineItems: [expect.objectContaining({ description: 'Paper', quantity: 5, unitAmount: 10, accountRef: { id: expenseId, name: 'Main Expense' } })],
      }),
    ]);
  });

  it('payments: the 500.00 paid on INV-0001; no bill payments yet', async () => {
    const payments = await readAll('payments');
    expect(payments).toEqual([
      {
        id: expect.any(String),
        date: '2026-11-10T00:00:00',
        customerRef: { id: acmeId, companyName: 'Acme GmbH' },
        accountRef: { id: expect.any(String), name: 'Main Cash' },
        totalAmount: 500,
        currency: 'EUR',
        reference: 'PAY-1',
        lines: [{ amount: 500, allocatedOnDate: '2026-11-10T00:00:00', links: [{ type: 'Invoice', id: inv1Id, amount: -500 }] }],
        sourceModifiedDate: expect.any(String),
      },
    ]);
    expect(await readAll('billPayments')).toEqual([]);
  });

  it('taxRates, journalEntries and company', async () => {
    expect(await readAll('taxRates')).toEqual([
      {
        id: vatId,
        code: 'VAT 20%',
        name: 'VAT 20%',
        effectiveTaxRate: 20,
        totalTaxRate: 20,
        components: [{ name: 'VAT 20%', rate: 20, isCompound: false }],
        status: 'Active',
        sourceModifiedDate: expect.any(String),
      },
    ]);
    const entries = await readAll('journalEntries');
    expect(entries.map((e) => [e['journalRef'], e['postedOn']])).toEqual([
      [{ id: expect.any(String), name: 'Revenue' }, '2026-11-01T00:00:00'],
      [{ id: expect.any(String), name: 'Cash' }, '2026-11-10T00:00:00'],
    ]);
    for (const e of entries) {
      const lines = e['journalLines'] as { netAmount: number }[];
      expect(Math.round(lines.reduce((s, l) => s + l.netAmount, 0) * 100)).toBe(0);
    }
    expect(entries[1]['description']).toBe('PAY-1');
    expect((entries[1]['journalLines'] as unknown[]).map((l) => [(l as { accountRef: { name: string } }).accountRef.name, (l as { netAmount: number }).netAmount]).sort()).toEqual([
      ['Main Cash', 500],
      ['Main Receivable', -500],
    ]);
    expect(await readAll('company')).toEqual([
      expect.objectContaining({
        companyName: 'Ledgerlink Test Company',
        baseCurrency: 'EUR',
        financialYearStartDate: '2026-01-01T00:00:00',
        createdDate: expect.stringMatching(/Z$/),
      }),
    ]);
  });

  it('modifiedSince and from filter in Tryton', async () => {
    expect(await readAll('invoices', { modifiedSince: new Date('2100-01-01T00:00:00Z') })).toEqual([]);
    expect(await readAll('invoices', { modifiedSince: new Date('2000-01-01T00:00:00Z') })).toHaveLength(1);
    expect(await readAll('bills', { from: new Date('2026-11-05T00:00:00Z') })).toEqual([]);
    expect(await readAll('journalEntries', { from: new Date('2026-11-05T00:00:00Z') })).toHaveLength(1);
  });
});

function everyPropertyDescribed(props: Record<string, PushOptionProperty> | undefined, path = ''): string[] {
  return Object.entries(props ?? {}).flatMap(([k, p]) => [
    ...(typeof p.description === 'string' && p.description ? [] : [`${path}${k}`]),
    ...everyPropertyDescribed(p.properties, `${path}${k}.`),
  ]);
}

describe('options', () => {
  it('invoices: customer, tax and revenue account choices from the books, and a post flag', async () => {
    const o: PushOption = await connector.options('invoices', 'Create');
    const p = o.properties ?? {};
    expect(p['customerRef'].properties?.['id'].options).toEqual([expect.objectContaining({ value: acmeId, displayName: 'Acme GmbH' })]);
    const line = p['lineItems'].properties ?? {};
    expect(line['taxRateRef'].properties?.['id'].options).toEqual([expect.objectContaining({ value: vatId, displayName: 'VAT 20%', description: '20%' })]);
    expect(line['accountRef'].properties?.['id'].options?.map((c) => c.displayName)).toEqual(['Main Revenue']);
    expect(p['post']).toMatchObject({ type: 'Boolean', required: false, description: expect.stringContaining('Post the document after creating it') });
    expect(p['issueDate']).toMatchObject({ type: 'DateTime', required: true });
    expect(everyPropertyDescribed(p)).toEqual([]);
  });

  it('bills, parties, accounts and payments', async () => {
    const bills = await connector.options('bills', 'Create');
    expect(bills.properties?.['supplierRef'].properties?.['id'].options?.map((c) => c.displayName)).toEqual(['Paper Supplies Ltd']);
    expect(bills.properties?.['lineItems'].properties?.['accountRef'].properties?.['id'].options?.map((c) => c.displayName)).toEqual(['Main Expense']);
    const customers = await connector.options('customers', 'Create');
    expect(customers.properties?.['customerName']).toMatchObject({ required: true });
    expect((await connector.options('customers', 'Update')).properties?.['customerName']).toMatchObject({ required: false });
    const accounts = await connector.options('chartOfAccounts', 'Create');
    expect(accounts.properties?.['fullyQualifiedCategory'].options?.map((c) => c.value)).toEqual(expect.arrayContaining(['Asset.Current.Receivable', 'Equity.Income.Revenue']));
    const payments = await connector.options('payments', 'Create');
    expect(payments.properties?.['accountRef'].properties?.['id'].options).toEqual([expect.objectContaining({ displayName: 'Main Cash' })]);
    for (const o of [bills, customers, accounts, payments]) expect(everyPropertyDescribed(o.properties)).toEqual([]);
    await expect(connector.options('taxRates', 'Create')).rejects.toBeInstanceOf(ConnectorNotSupportedError);
    await expect(connector.options('payments', 'Update')).rejects.toBeInstanceOf(ConnectorNotSupportedError);
  });
});

describe('write: customers and suppliers', () => {
  let globexId: string;

  it('creates a customer that Tryton shows, in the Customer category', async () => {
    const result = await write({
      key: 'cust-globex',
      type: 'Create',
      dataType: 'customers',
      record: { customerName: 'Globex Corp', emailAddress: 'billing@globex.example', addresses: [{ type: 'Billing', line1: '2 Side St', city: 'Springfield', postalCode: '12345' }] },
    });
    globexId = String(result.record?.id);
    expect(result.changes).toEqual([{ type: 'Created', recordRef: { id: globexId, dataType: 'customers' } }]);
    expect(result.record).toMatchObject({ customerName: 'Globex Corp', emailAddress: 'billing@globex.example', status: 'Active' });
    const [party] = await find('party.party', [['id', '=', Number(globexId)]], ['name', 'email', 'categories.name']);
    expect(party).toMatchObject({ name: 'Globex Corp', email: 'billing@globex.example' });
    expect(party['categories.']).toEqual([expect.objectContaining({ name: 'Customer' })]);
    const [address] = await find('party.address', [['party', '=', Number(globexId)]], ['street', 'city', 'postal_code']);
    expect(address).toMatchObject({ street: '2 Side St', city: 'Springfield', postal_code: '12345' });
    expect((await readAll('customers')).map((c) => c['customerName'])).toEqual(['Acme GmbH', 'Globex Corp']);
    expect((await readAll('suppliers')).map((c) => c['supplierName'])).toEqual(['Paper Supplies Ltd']);
  });

  it('is idempotent on the operation key', async () => {
    const again = await write({ key: 'cust-globex', type: 'Create', dataType: 'customers', record: { customerName: 'Globex Corp' } });
    expect(again.record?.id).toBe(globexId);
    expect(await find('party.party', [['name', '=', 'Globex Corp']], ['id'])).toHaveLength(1);
  });

  it('updates the customer in Tryton', async () => {
    const result = await write({ type: 'Update', dataType: 'customers', recordId: globexId, record: { customerName: 'Globex Corporation', phone: '+49 30 1234' } });
    expect(result.changes).toEqual([{ type: 'Modified', recordRef: { id: globexId, dataType: 'customers' } }]);
    const [party] = await find('party.party', [['id', '=', Number(globexId)]], ['name', 'phone', 'email']);
    expect(party).toMatchObject({ name: 'Globex Corporation', phone: '+49 30 1234', email: 'billing@globex.example' });
  });

  it('creates a supplier; rejects missing names and unknown ids', async () => {
    const s = await write({ type: 'Create', dataType: 'suppliers', record: { supplierName: 'Ink & Toner AG' } });
    expect((await readAll('suppliers')).map((x) => x.id)).toContain(s.record?.id);
    const missing = await validationError(write({ type: 'Create', dataType: 'customers', record: { emailAddress: 'x@example.com' } }));
    expect(missing.errors).toEqual([expect.objectContaining({ itemId: 'customerName' })]);
    const unknown = await validationError(write({ type: 'Update', dataType: 'customers', recordId: '99999', record: { customerName: 'Nobody' } }));
    expect(unknown.errors).toEqual([expect.objectContaining({ itemId: 'id' })]);
  });
});

describe('write: invoices and bills', () => {
  let draftId: string;

  it('creates a draft invoice with Tryton computing the tax', async () => {
    const result = await write({ type: 'Create', dataType: 'invoices', record: { customerRef: { id: acmeId }, issueDate: '2026-11-20', note: 'Thanks', lineItems: [line()] } });
    draftId = String(result.record?.id);
    expect(result.record).toMatchObject({ status: 'Draft', subTotal: 200, totalTaxAmount: 40, totalAmount: 240, amountDue: 240, note: 'Thanks' });
    const [inv] = await find('account.invoice', [['id', '=', Number(draftId)]], ['state', 'type', 'party', 'total_amount', 'tax_amount', 'comment']);
    expect(inv).toMatchObject({ state: 'draft', type: 'out', party: Number(acmeId), total_amount: '240.00', tax_amount: '40.00', comment: 'Thanks' });
  });

  it('updates a draft invoice: lines replaced, totals recomputed', async () => {
    const result = await write({ type: 'Update', dataType: 'invoices', recordId: draftId, record: { lineItems: [line({ quantity: 3 }), line({ description: 'Support', unitAmount: 50, quantity: 1 })] } });
    expect(result.record).toMatchObject({ status: 'Draft', subTotal: 350, totalAmount: 420 });
    const [inv] = await find('account.invoice', [['id', '=', Number(draftId)]], ['total_amount', 'lines']);
    expect(inv).toMatchObject({ total_amount: '420.00' });
    expect(inv['lines']).toHaveLength(2);
  });

  it('creates a posted invoice; a posted invoice cannot be updated or deleted', async () => {
    const result = await write({ type: 'Create', dataType: 'invoices', record: { customerRef: { id: acmeId }, issueDate: '2026-11-20', dueDate: '2026-12-20', post: true, lineItems: [line()] } });
    const id = Number(result.record?.id);
    expect(result.record).toMatchObject({ status: 'Submitted', invoiceNumber: 'INV-0002', totalAmount: 240, amountDue: 240, dueDate: '2026-12-20T00:00:00' });
    const [inv] = await find('account.invoice', [['id', '=', id]], ['state', 'number', 'amount_to_pay']);
    expect(inv).toEqual({ id, state: 'posted', number: 'INV-0002', amount_to_pay: '240.00' });
    const update = await validationError(write({ type: 'Update', dataType: 'invoices', recordId: String(id), record: { note: 'late change' } }));
    expect(update.message).toMatch(/INV-0002 is posted and cannot be changed/);
    const del = await validationError(write({ type: 'Delete', dataType: 'invoices', recordId: String(id) }));
    expect(del.message).toMatch(/posted and cannot be deleted/);
  });

  it('status Submitted posts too; one record per operation key', async () => {
    // dueDate before today: Tryton raises a UserWarning on posting, which the connector confirms.
    const record = { customerRef: { id: acmeId }, issueDate: '2026-11-21', dueDate: '2026-11-21', status: 'Submitted', lineItems: [line()] };
    const op = { key: 'inv-idem', type: 'Create' as const, dataType: 'invoices' as const, record };
    const first = await connector.write(op);
    const second = await connector.write(op);
    expect(second.record?.id).toBe(first.record?.id);
    expect(second.record?.['status']).toBe('Submitted');
    expect(await find('account.invoice', [['type', '=', 'out'], ['invoice_date', '=', { __class__: 'date', year: 2026, month: 11, day: 21 }]], ['id'])).toHaveLength(1);
  });

  it('rejects missing and unknown fields with item ids', async () => {
    const e = await validationError(write({ type: 'Create', dataType: 'invoices', record: { customerRef: { id: '99999' }, lineItems: [{ quantity: 1, unitAmount: 5 }] } }));
    expect(e.errors.map((x) => x.itemId).sort()).toEqual(['customerRef.id', 'issueDate', 'lineItems[0].accountRef.id']);
    const wrongAccount = await validationError(write({ type: 'Create', dataType: 'invoices', record: { customerRef: { id: acmeId }, issueDate: '2026-11-21', lineItems: [line({ accountRef: { id: expenseId } })] } }));
    expect(wrongAccount.errors).toEqual([expect.objectContaining({ itemId: 'lineItems[0].accountRef.id' })]);
  });

  it('deletes the draft bill BILL-0001; it is gone from Tryton', async () => {
    const result = await write({ type: 'Delete', dataType: 'bills', recordId: bill1Id });
    expect(result).toEqual({ changes: [{ type: 'Deleted', recordRef: { id: bill1Id, dataType: 'bills' } }] });
    expect(await find('account.invoice', [['id', '=', Number(bill1Id)]], ['id'])).toEqual([]);
    const again = await validationError(write({ type: 'Delete', dataType: 'bills', recordId: bill1Id }));
    expect(again.errors).toEqual([expect.objectContaining({ itemId: 'id' })]);
  });
});

describe('write: payments', () => {
  it('pays part of INV-0001 through the pay wizard; Tryton shows less due; retries pay once', async () => {
    const op: WriteOperation = {
      key: 'pay-inv1',
      type: 'Create',
      dataType: 'payments',
      record: { date: '2026-11-21', totalAmount: 200, reference: 'PAY-2', lines: [{ amount: 200, links: [{ type: 'Invoice', id: inv1Id, amount: -200 }] }] },
    };
    const result = await connector.write(op);
    expect(result.record).toMatchObject({ totalAmount: 200, reference: 'PAY-2', customerRef: { id: acmeId }, accountRef: { name: 'Main Cash' }, lines: [{ links: [{ type: 'Invoice', id: inv1Id }] }] });
    await connector.write(op);
    const [inv] = await find('account.invoice', [['id', '=', Number(inv1Id)]], ['state', 'amount_to_pay']);
    expect(inv).toMatchObject({ state: 'posted', amount_to_pay: '800.60' });
    expect((await readAll('payments')).map((p) => p['totalAmount'])).toEqual([500, 200]);
  });

  it('refuses to overpay, and pays the rest: the invoice is Paid', async () => {
    const pay = (amount: number) => write({ type: 'Create', dataType: 'payments', record: { date: '2026-11-22', lines: [{ amount, links: [{ type: 'Invoice', id: inv1Id }] }] } });
    const over = await validationError(pay(900));
    expect(over.errors).toEqual([expect.objectContaining({ itemId: 'lines[0].amount' })]);
    await pay(800.6);
    const [inv] = await find('account.invoice', [['id', '=', Number(inv1Id)]], ['state', 'amount_to_pay']);
    expect(inv).toMatchObject({ state: 'paid', amount_to_pay: '0' });
    const read = (await readAll('invoices')).find((i) => i.id === inv1Id);
    expect(read).toMatchObject({ status: 'Paid', amountDue: 0, paidOnDate: '2026-11-22T00:00:00' });
  });

  it('creates and posts a bill, then pays it (billPayments)', async () => {
    const bill = await write({ type: 'Create', dataType: 'bills', record: { supplierRef: { id: paperId }, issueDate: '2026-11-20', reference: 'SUP-77', status: 'Open', lineItems: [line({ accountRef: { id: expenseId } })] } });
    expect(bill.record).toMatchObject({ status: 'Open', reference: 'SUP-77', totalAmount: 240, amountDue: 240 });
    const paid = await write({ type: 'Create', dataType: 'billPayments', record: { date: '2026-11-22', totalAmount: 240, lines: [{ amount: 240, links: [{ type: 'Bill', id: bill.record?.id }] }] } });
    expect(paid.record).toMatchObject({ totalAmount: 240, supplierRef: { id: paperId }, lines: [{ links: [{ type: 'Bill', id: bill.record?.id, amount: -240 }] }] });
    const [row] = await find('account.invoice', [['id', '=', Number(bill.record?.id)]], ['state']);
    expect(row['state']).toBe('paid');
    expect(await readAll('billPayments')).toHaveLength(1);
  });
});

describe('write: accounts', () => {
  it('creates an account of a Tryton type, once per key', async () => {
    const op: WriteOperation = { key: 'acct-1', type: 'Create', dataType: 'chartOfAccounts', record: { name: 'Consulting Revenue', nominalCode: '4100', type: 'Income' } };
    const result = await connector.write(op);
    expect(result.record).toMatchObject({ name: 'Consulting Revenue', nominalCode: '4100', type: 'Income', fullyQualifiedCategory: 'Equity.Income.Revenue', status: 'Active' });
    await connector.write(op);
    expect(await find('account.account', [['name', '=', 'Consulting Revenue']], ['code', 'type.revenue'])).toEqual([expect.objectContaining({ code: '4100' })]);
    const bad = await validationError(write({ type: 'Create', dataType: 'chartOfAccounts', record: { name: 'X', fullyQualifiedCategory: 'Nope' } }));
    expect(bad.errors).toEqual([expect.objectContaining({ itemId: 'fullyQualifiedCategory' })]);
  });

  it('does not offer what it does not implement', async () => {
    await expect(write({ type: 'Update', dataType: 'chartOfAccounts', recordId: '1', record: {} })).rejects.toBeInstanceOf(ConnectorNotSupportedError);
    await expect(write({ type: 'Create', dataType: 'journalEntries', record: {} })).rejects.toBeInstanceOf(ConnectorNotSupportedError);
  });
});
