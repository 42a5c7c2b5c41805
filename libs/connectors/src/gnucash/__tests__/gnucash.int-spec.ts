import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import Database from 'better-sqlite3';
import { copyFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { type GnucashBook, createGnucashBook, holdGnucashLock, readGnucashBook } from '@ledgerlink/testing-peers';
import { ConnectorAuthError, ConnectorNotSupportedError, ConnectorUnavailableError, ConnectorValidationError, type Connector } from '../../connector';
import { balanced, connect, create, editBook, fileHash, readAll, undescribed } from './gnucash.fixtures';

const TIMEOUT = 60_000;
type Book = Awaited<ReturnType<typeof createGnucashBook>>;
const day = (d: string) => `${d}T00:00:00Z`;

/** The known book (tools/peers/gnucash_create_book.py), read by the connector and by GnuCash itself. */
describe('GnuCash connector: authorize, read and options on the known book', () => {
  let book: Book;
  let gnucash: GnucashBook;
  let c: Connector;
  const guid = (code: string) => gnucash.accounts.find((a) => a.code === code)?.guid;

  beforeAll(async () => {
    book = await createGnucashBook();
    gnucash = await readGnucashBook(book.path);
    c = connect(book.path);
  }, TIMEOUT);
  afterAll(() => book?.cleanup());

  it('authorizes a GnuCash SQLite book, named by its file when no company name is set', async () => {
    await expect(c.authorize()).resolves.toEqual({ companyName: 'book', connectionInfo: { bookPath: book.path, gnucashVersion: '4.13', writable: true } });
  });

  it('takes the company name and address GnuCash stores in the book options', async () => {
    const copy = join(dirname(book.path), 'muster.gnucash');
    copyFileSync(book.path, copy);
    await editBook(copy, 'company', 'Muster Handels GmbH', 'Hauptstr. 1\n\n10115 Berlin');
    await expect(connect(copy).authorize()).resolves.toMatchObject({ companyName: 'Muster Handels GmbH' });
    expect(await readAll(connect(copy), 'company')).toEqual([
      { companyName: 'Muster Handels GmbH', companyLegalName: 'Muster Handels GmbH', baseCurrency: 'EUR', addresses: [{ type: 'Billing', line1: 'Hauptstr. 1', city: '10115 Berlin' }] },
    ]);
  }, TIMEOUT);

  it('rejects a missing, relative or non-GnuCash bookPath naming the field', async () => {
    const notABook = join(dirname(book.path), 'notes.gnucash');
    writeFileSync(notABook, 'hello');
    const empty = join(dirname(book.path), 'empty.sqlite');
    new Database(empty).exec('CREATE TABLE books(guid text)').close();
    for (const [path, message] of [
      ['/nonexistent/book.gnucash', /No GnuCash book at/],
      ['book.gnucash', /absolute path/],
      [notABook, /is not a GnuCash SQLite book/],
      [empty, /is not a GnuCash SQLite book \(missing tables accounts, gnclock/],
    ] as const) {
      const err = await connect(path).authorize().catch((e: unknown) => e);
      expect(err).toBeInstanceOf(ConnectorAuthError);
      expect(err).toMatchObject({ field: 'bookPath', message: expect.stringMatching(message) });
    }
  });

  it('reads the chart of accounts with exact balances, agreeing with GnuCash', async () => {
    const accounts = await readAll(c, 'chartOfAccounts');
    expect(accounts).toHaveLength(11);
    const byCode = Object.fromEntries(accounts.map((a) => [a.nominalCode, a]));
    expect(byCode['1200']).toEqual({
      id: guid('1200'), nominalCode: '1200', name: 'Bank', fullyQualifiedName: 'Assets:Bank', fullyQualifiedCategory: 'Asset.Bank',
      type: 'Asset', currency: 'EUR', currentBalance: 1500, status: 'Active', isBankAccount: true,
    });
    const summary = accounts.map((a) => [a.nominalCode, a.fullyQualifiedName, a.type, a.currentBalance]).sort();
    expect(summary).toEqual([
      ['1000', 'Assets', 'Asset', 0],
      ['1100', 'Assets:Accounts Receivable', 'Asset', 1000.6],
      ['1200', 'Assets:Bank', 'Asset', 1500],
      ['2000', 'Liabilities', 'Liability', 0],
      ['2100', 'Liabilities:Accounts Payable', 'Liability', -60],
      ['2200', 'Liabilities:VAT Payable', 'Liability', -240.1],
      ['3000', 'Equity', 'Equity', -1000],
      ['4000', 'Income', 'Income', 0],
      ['4100', 'Income:Sales', 'Income', -1250.5],
      ['6000', 'Expenses', 'Expense', 0],
      ['6100', 'Expenses:Office', 'Expense', 50],
    ]);
    for (const a of gnucash.accounts) expect(byCode[a.code].currentBalance.toFixed(2)).toBe(a.balance);
  });

  it('streams in keyset batches from one snapshot, whatever the batch size', async () => {
    const batches: number[] = [];
    for await (const b of c.read('chartOfAccounts', { batchSize: 2 })) batches.push(b.length);
    expect(batches).toEqual([2, 2, 2, 2, 2, 1]);
    const small = (await readAll(c, 'journalEntries', { batchSize: 1 })).map((j) => j.id);
    expect(small).toEqual((await readAll(c, 'journalEntries')).map((j) => j.id));
    const aborted = new AbortController();
    aborted.abort();
    await expect(readAll(c, 'customers', { signal: aborted.signal })).rejects.toThrow();
  });

  it('reads customers and suppliers', async () => {
    expect(await readAll(c, 'customers')).toEqual([
      {
        id: gnucash.customers[0].guid, customerName: 'Acme GmbH', contactName: 'Acme GmbH', emailAddress: 'ap@acme.example', defaultCurrency: 'EUR',
        addresses: [{ type: 'Billing', line1: '1 Main St' }], status: 'Active', supplementalData: { content: { gnucash: { id: 'C001' } } },
      },
    ]);
    expect(await readAll(c, 'suppliers')).toEqual([
      { id: gnucash.vendors[0].guid, supplierName: 'Paper Supplies Ltd', contactName: 'Paper Supplies Ltd', defaultCurrency: 'EUR', status: 'Active', supplementalData: { content: { gnucash: { id: 'V001' } } } },
    ]);
  });

  it('reads the customer invoice with lines, tax, payments and what is due', async () => {
    const [inv] = await readAll(c, 'invoices');
    const vat = { id: expect.any(String), name: 'VAT20', effectiveTaxRate: 20 };
    const sales = { id: guid('4100'), name: 'Income:Sales' };
    expect(inv).toMatchObject({
      id: gnucash.invoices.find((i) => i.id === 'INV-0001')?.guid, invoiceNumber: 'INV-0001', note: 'first invoice',
      customerRef: { id: gnucash.customers[0].guid, companyName: 'Acme GmbH' },
      issueDate: day('2026-11-01'), dueDate: day('2026-12-01'), currency: 'EUR',
      subTotal: 1250.5, totalTaxAmount: 250.1, totalAmount: 1500.6, amountDue: 1000.6, status: 'PartiallyPaid',
      lineItems: [
        { description: 'Consulting', quantity: 10, unitAmount: 120, subTotal: 1200, taxAmount: 240, totalAmount: 1440, accountRef: sales, taxRateRef: vat },
        { description: 'Travel', quantity: 1, unitAmount: 50.5, subTotal: 50.5, taxAmount: 10.1, totalAmount: 60.6, accountRef: sales, taxRateRef: vat },
      ],
      paymentAllocations: [{ payment: { reference: 'PAY-1', paidOnDate: day('2026-11-10') }, allocation: { totalAmount: 500, currency: 'EUR' } }],
    });
  });

  it('reads the vendor bill', async () => {
    expect(await readAll(c, 'bills')).toEqual([
      expect.objectContaining({
        reference: 'BILL-0001', supplierRef: { id: gnucash.vendors[0].guid, supplierName: 'Paper Supplies Ltd' },
        issueDate: day('2026-11-01'), dueDate: day('2026-11-15'), subTotal: 50, taxAmount: 10, totalAmount: 60, amountDue: 60, status: 'Open',
        lineItems: [expect.objectContaining({ description: 'Paper', quantity: 5, unitAmount: 10, subTotal: 50, taxAmount: 10, accountRef: { id: guid('6100'), name: 'Expenses:Office' } })],
      }),
    ]);
  });

  it('reads payments from the A/R lots (and no bill payments in this book)', async () => {
    const invoiceId = gnucash.invoices.find((i) => i.id === 'INV-0001')?.guid;
    expect(await readAll(c, 'payments')).toEqual([
      {
        id: gnucash.transactions.find((t) => t.num === 'PAY-1')?.guid, date: day('2026-11-10'), reference: 'PAY-1', note: 'payment', currency: 'EUR', totalAmount: 500,
        customerRef: { id: gnucash.customers[0].guid, companyName: 'Acme GmbH' }, accountRef: { id: guid('1200'), name: 'Assets:Bank' },
        lines: [{ amount: 500, allocatedOnDate: day('2026-11-10'), links: [{ type: 'Invoice', id: invoiceId, amount: -500 }] }],
      },
    ]);
    expect(await readAll(c, 'billPayments')).toEqual([]);
  });

  it('reads tax tables as tax rates', async () => {
    expect(await readAll(c, 'taxRates')).toEqual([
      { id: expect.stringMatching(/^[0-9a-f]{32}$/), code: 'VAT20', name: 'VAT20', effectiveTaxRate: 20, totalTaxRate: 20, status: 'Active', components: [{ name: 'Liabilities:VAT Payable', rate: 20, isCompound: false }] },
    ]);
  });

  it('reads every transaction as a balanced journal entry, linked to its invoice, bill or payment', async () => {
    const entries = await readAll(c, 'journalEntries');
    expect(entries).toHaveLength(4);
    for (const e of entries) expect(e.journalLines.reduce((s: number, l: { netAmount: number }) => s + Math.round(l.netAmount * 100), 0)).toBe(0);
    const byNum = Object.fromEntries(entries.map((e) => [e.supplementalData.content.gnucash.num, e]));
    expect(byNum['J-1']).toMatchObject({
      description: 'Opening capital', postedOn: day('2026-11-01'),
      journalLines: expect.arrayContaining([
        { netAmount: 1000, currency: 'EUR', accountRef: { id: guid('1200'), name: 'Assets:Bank' } },
        { netAmount: -1000, currency: 'EUR', accountRef: { id: guid('3000'), name: 'Equity' } },
      ]),
    });
    expect(byNum['J-1'].recordRef).toBeUndefined();
    expect(byNum['INV-0001'].recordRef).toEqual({ id: gnucash.invoices.find((i) => i.id === 'INV-0001')?.guid, dataType: 'invoices' });
    expect(byNum['BILL-0001'].recordRef).toMatchObject({ dataType: 'bills' });
    expect(byNum['PAY-1'].recordRef).toMatchObject({ dataType: 'payments' });
    const recent = await readAll(c, 'journalEntries', { from: new Date('2026-11-05T00:00:00Z') });
    expect(recent.map((e) => e.supplementalData.content.gnucash.num)).toEqual(['PAY-1']);
  });

  it('offers push options built from the book, every property described', async () => {
    const accounts = await c.options('chartOfAccounts', 'Create');
    expect(accounts.properties?.['fullyQualifiedCategory'].options?.map((o) => o.value)).toEqual(expect.arrayContaining(['Asset.Bank', 'Asset.Cash', 'Income.Income']));
    expect(accounts.properties?.['fullyQualifiedName'].options?.map((o) => o.value)).toContain('Liabilities:VAT Payable');
    expect(accounts.properties?.['currency'].options?.map((o) => o.value)).toEqual(['EUR']);
    const invoices = await c.options('invoices', 'Create');
    expect(invoices.properties?.['customerRef'].properties?.['id'].options).toEqual([expect.objectContaining({ value: gnucash.customers[0].guid, displayName: 'Acme GmbH' })]);
    const line = invoices.properties?.['lineItems'].properties ?? {};
    expect(line['accountRef'].properties?.['id'].options?.map((o) => o.displayName)).toEqual(['Income', 'Income:Sales']);
    expect(line['taxRateRef'].properties?.['id'].options?.map((o) => o.displayName)).toEqual(['VAT20']);
    const bills = await c.options('bills', 'Create');
    expect(bills.properties?.['supplierRef'].properties?.['id'].options?.map((o) => o.displayName)).toEqual(['Paper Supplies Ltd']);
    for (const t of ['chartOfAccounts', 'customers', 'suppliers', 'invoices', 'bills', 'journalEntries'] as const) {
      expect(undescribed((await c.options(t, 'Create')).properties)).toEqual([]);
    }
    await expect(c.options('customers', 'Update')).rejects.toBeInstanceOf(ConnectorNotSupportedError);
    await expect(c.options('payments', 'Create')).rejects.toBeInstanceOf(ConnectorNotSupportedError);
  });
});

/** Writes into a fresh known book; GnuCash's own bindings then check what it sees. */
describe('GnuCash connector: writes that GnuCash accepts', () => {
  let book: Book;
  let c: Connector;
  const id: Record<string, string> = {};

  beforeAll(async () => {
    book = await createGnucashBook();
    c = connect(book.path);
    for (const a of await readAll(c, 'chartOfAccounts')) id[a.nominalCode] = a.id;
    id['vat'] = (await readAll(c, 'taxRates'))[0].id;
  }, TIMEOUT);
  afterAll(() => book?.cleanup());

  it('creates accounts in the tree', async () => {
    const petty = await c.write(create('chartOfAccounts', { name: 'Petty Cash', fullyQualifiedName: 'Assets:Petty Cash', nominalCode: '1300', fullyQualifiedCategory: 'Asset.Cash', description: 'cash float' }));
    expect(petty.record).toEqual({
      id: expect.stringMatching(/^[0-9a-f]{32}$/), name: 'Petty Cash', fullyQualifiedName: 'Assets:Petty Cash', nominalCode: '1300', description: 'cash float',
      fullyQualifiedCategory: 'Asset.Cash', type: 'Asset', currency: 'EUR', currentBalance: 0, status: 'Active', isBankAccount: true,
    });
    expect(petty.changes).toEqual([{ type: 'Created', recordRef: { id: petty.record?.id, dataType: 'chartOfAccounts' } }]);
    await c.write(create('chartOfAccounts', { name: 'Marketing', type: 'Expense', nominalCode: '7000' }));
    const seen = await readGnucashBook(book.path);
    expect(seen.accounts).toEqual(expect.arrayContaining([
      { guid: petty.record?.id, name: 'Petty Cash', fullName: 'Assets:Petty Cash', code: '1300', type: 'CASH', description: 'cash float', balance: '0.00' },
      expect.objectContaining({ fullName: 'Marketing', code: '7000', type: 'EXPENSE' }),
    ]));
  }, TIMEOUT);

  it('rejects accounts GnuCash would not accept, naming the fields', async () => {
    const err = (record: Record<string, unknown>) => c.write(create('chartOfAccounts', record)).catch((e: unknown) => e);
    expect(await err({ name: 'Fees', fullyQualifiedName: 'Assets:Fees', fullyQualifiedCategory: 'Income.Income' })).toMatchObject({ errors: [{ itemId: 'fullyQualifiedCategory' }] });
    expect(await err({ name: 'Bank', fullyQualifiedName: 'Assets:Bank', fullyQualifiedCategory: 'Asset.Bank', nominalCode: '1200' })).toMatchObject({
      errors: [{ itemId: 'name' }, { itemId: 'nominalCode' }],
    });
    expect(await err({ fullyQualifiedName: 'Nowhere:Thing', type: 'Asset' })).toMatchObject({ errors: [{ itemId: 'fullyQualifiedName', message: 'parent account "Nowhere" does not exist' }] });
    expect(await err({ name: 'Untyped' })).toBeInstanceOf(ConnectorValidationError);
    expect((await readAll(c, 'chartOfAccounts')).length).toBe(13);
  });

  it('creates customers and suppliers, numbered from the book counters', async () => {
    const globex = await c.write(create('customers', {
      customerName: 'Globex Ltd', emailAddress: 'billing@globex.example', phone: '+49 30 1234',
      addresses: [{ type: 'Billing', line1: '2 Side St', postalCode: '10115', city: 'Berlin' }, { type: 'Delivery', line1: 'Dock 4' }],
    }));
    expect(globex.record).toMatchObject({
      customerName: 'Globex Ltd', contactName: 'Globex Ltd', emailAddress: 'billing@globex.example', phone: '+49 30 1234', defaultCurrency: 'EUR', status: 'Active',
      addresses: [{ type: 'Billing', line1: '2 Side St', city: '10115 Berlin' }, { type: 'Delivery', line1: 'Dock 4' }],
      supplementalData: { content: { gnucash: { id: '000001' } } },
    });
    const ink = await c.write(create('suppliers', { supplierName: 'Ink Co', emailAddress: 'sales@ink.example' }));
    id['globex'] = String(globex.record?.id);
    id['ink'] = String(ink.record?.id);
    const seen = await readGnucashBook(book.path);
    expect(seen.customers).toEqual([
      { guid: id['globex'], id: '000001', name: 'Globex Ltd', email: 'billing@globex.example', active: true },
      expect.objectContaining({ id: 'C001', name: 'Acme GmbH' }),
    ]);
    expect(seen.vendors).toEqual([{ guid: id['ink'], id: '000001', name: 'Ink Co', email: 'sales@ink.example', active: true }, expect.objectContaining({ id: 'V001' })]);
    await expect(c.write(create('customers', { emailAddress: 'x@y.z' }))).rejects.toMatchObject({ errors: [{ itemId: 'customerName' }] });
  }, TIMEOUT);

  it('creates and posts an invoice; GnuCash sees it posted and can pay it', async () => {
    const res = await c.write(create('invoices', {
      customerRef: { id: id['globex'] }, invoiceNumber: 'INV-0100', issueDate: '2026-11-16T00:00:00', dueDate: '2026-12-16', note: 'made by Ledgerlink', totalAmount: 270,
      lineItems: [
        { description: 'Widgets', quantity: 3, unitAmount: 25, accountRef: { id: id['4100'] }, taxRateRef: { id: id['vat'] } },
        { description: 'Support', quantity: 2, unitAmount: 80, discountAmount: 10, accountRef: { id: id['4100'] }, taxRateRef: { id: id['vat'] } },
      ],
    }));
    const invoiceId = String(res.record?.id);
    expect(res.record).toMatchObject({
      invoiceNumber: 'INV-0100', customerRef: { id: id['globex'], companyName: 'Globex Ltd' }, issueDate: day('2026-11-16'), dueDate: day('2026-12-16'),
      subTotal: 225, totalDiscount: 10, totalTaxAmount: 45, totalAmount: 270, amountDue: 270, status: 'Submitted', note: 'made by Ledgerlink',
    });
    let seen = await readGnucashBook(book.path);
    expect(seen.invoices.find((i) => i.id === 'INV-0100')).toEqual({
      guid: invoiceId, id: 'INV-0100', type: 'Invoice', owner: 'Globex Ltd', ownerId: '000001', datePosted: '2026-11-16', dateDue: '2026-12-16',
      posted: true, paid: false, notes: 'made by Ledgerlink', subtotal: '225.00', tax: '45.00', total: '270.00',
      lines: [{ description: 'Widgets', quantity: '3.00', price: '25.00' }, { description: 'Support', quantity: '2.00', price: '80.00' }],
    });
    const posting = seen.transactions.find((t) => t.num === 'INV-0100');
    expect(posting?.description).toBe('Globex Ltd');
    expect(balanced(posting?.splits ?? [])).toBe(true);
    expect(posting?.splits.map((s) => [s.account, s.value]).sort()).toEqual([
      ['Assets:Accounts Receivable', '270.00'], ['Income:Sales', '-225.00'], ['Liabilities:VAT Payable', '-45.00'],
    ]);

    await editBook(book.path, 'pay', 'invoice', 'INV-0100', '100.00', '1200', '2026-11-20', 'PAY-100');
    const [partly] = (await readAll(c, 'invoices')).filter((i) => i.id === invoiceId);
    expect(partly).toMatchObject({ status: 'PartiallyPaid', amountDue: 170, paymentAllocations: [{ payment: { reference: 'PAY-100' }, allocation: { totalAmount: 100 } }] });
    const payment = (await readAll(c, 'payments')).find((p) => p.reference === 'PAY-100');
    expect(payment).toMatchObject({ totalAmount: 100, customerRef: { id: id['globex'] }, lines: [{ amount: 100, links: [{ type: 'Invoice', id: invoiceId, amount: -100 }] }] });

    await editBook(book.path, 'pay', 'invoice', 'INV-0100', '170.00', '1200', '2026-11-25', 'PAY-101');
    const [paid] = (await readAll(c, 'invoices')).filter((i) => i.id === invoiceId);
    expect(paid).toMatchObject({ status: 'Paid', amountDue: 0, paidOnDate: day('2026-11-25') });
    seen = await readGnucashBook(book.path);
    expect(seen.invoices.find((i) => i.id === 'INV-0100')?.paid).toBe(true);
  }, TIMEOUT);

  it('creates a draft invoice, numbered from the counter, that GnuCash leaves unposted', async () => {
    const res = await c.write(create('invoices', {
      customerRef: { id: id['globex'] }, issueDate: '2026-11-18', status: 'Draft',
      lineItems: [{ description: 'Estimate', quantity: '1.5', unitAmount: '99.99', accountRef: { id: id['4100'] } }],
    }));
    expect(res.record).toMatchObject({ invoiceNumber: '000001', status: 'Draft', subTotal: 149.99, totalTaxAmount: 0, totalAmount: 149.99, amountDue: 149.99 });
    const seen = (await readGnucashBook(book.path)).invoices.find((i) => i.guid === res.record?.id);
    expect(seen).toMatchObject({ type: 'Invoice', posted: false, total: '149.99', lines: [{ description: 'Estimate', quantity: '1.50', price: '99.99' }] });
  }, TIMEOUT);

  it('rejects invoices GnuCash could not post, naming the fields', async () => {
    const err = await c
      .write(create('invoices', {
        customerRef: { id: 'f'.repeat(32) }, issueDate: 'soon', status: 'Paid',
        lineItems: [{ quantity: 1, unitAmount: 'ten', accountRef: { id: id['1100'] } }],
      }))
      .catch((e: unknown) => e);
    expect(err).toBeInstanceOf(ConnectorValidationError);
    expect((err as ConnectorValidationError).errors.map((e) => e.itemId)).toEqual(['customerRef.id', 'issueDate', 'status', 'lineItems[0].unitAmount', 'lineItems[0].accountRef.id']);
    await expect(c.write(create('invoices', {
      customerRef: { id: id['globex'] }, issueDate: '2026-11-18', totalAmount: 100,
      lineItems: [{ quantity: 1, unitAmount: 100, accountRef: { id: id['4100'] }, taxRateRef: { id: id['vat'] } }],
    }))).rejects.toThrow('totalAmount 100.00 differs from the total GnuCash computes, 120.00');
  });

  it('creates and posts a bill; GnuCash pays it and the connector reads the bill payment', async () => {
    const res = await c.write(create('bills', {
      supplierRef: { id: id['ink'] }, reference: 'B-77', issueDate: '2026-11-17', note: 'toner',
      lineItems: [{ description: 'Ink', quantity: 4, unitAmount: 12.5, accountRef: { id: id['6100'] }, taxRateRef: { id: id['vat'] } }],
    }));
    const billId = String(res.record?.id);
    expect(res.record).toMatchObject({ reference: 'B-77', supplierRef: { id: id['ink'], supplierName: 'Ink Co' }, issueDate: day('2026-11-17'), dueDate: day('2026-11-17'), subTotal: 50, taxAmount: 10, totalAmount: 60, amountDue: 60, status: 'Open' });
    const seen = await readGnucashBook(book.path);
    expect(seen.invoices.find((i) => i.id === 'B-77')).toMatchObject({ guid: billId, type: 'Bill', owner: 'Ink Co', posted: true, total: '60.00', tax: '10.00', lines: [{ description: 'Ink', quantity: '4.00', price: '12.50' }] });
    const posting = seen.transactions.find((t) => t.num === 'B-77');
    expect(posting?.splits.map((s) => [s.account, s.value]).sort()).toEqual([['Expenses:Office', '50.00'], ['Liabilities:Accounts Payable', '-60.00'], ['Liabilities:VAT Payable', '10.00']]);

    await editBook(book.path, 'pay', 'bill', 'B-77', '60.00', '1200', '2026-11-21', 'BP-1');
    expect((await readAll(c, 'bills')).find((b) => b.id === billId)).toMatchObject({ status: 'Paid', amountDue: 0 });
    expect(await readAll(c, 'billPayments')).toEqual([
      expect.objectContaining({
        reference: 'BP-1', date: day('2026-11-21'), totalAmount: 60, supplierRef: { id: id['ink'], supplierName: 'Ink Co' }, accountRef: { id: id['1200'], name: 'Assets:Bank' },
        lines: [{ amount: 60, allocatedOnDate: day('2026-11-21'), links: [{ type: 'Bill', id: billId, amount: -60 }] }],
      }),
    ]);
  }, TIMEOUT);

  it('creates balanced journal entries and refuses unbalanced ones', async () => {
    const res = await c.write(create('journalEntries', {
      description: 'Office rent', postedOn: '2026-11-19T00:00:00Z',
      journalLines: [{ netAmount: 750, accountRef: { id: id['6100'] }, description: 'rent November' }, { netAmount: -750, accountRef: { id: id['1200'] } }],
    }));
    expect(res.record).toMatchObject({
      description: 'Office rent', postedOn: day('2026-11-19'), createdOn: '2026-11-22T09:00:00Z',
      journalLines: [
        { netAmount: 750, description: 'rent November', currency: 'EUR', accountRef: { id: id['6100'], name: 'Expenses:Office' } },
        { netAmount: -750, currency: 'EUR', accountRef: { id: id['1200'], name: 'Assets:Bank' } },
      ],
    });
    const before = await readGnucashBook(book.path);
    expect(before.transactions.find((t) => t.guid === res.record?.id)).toEqual({
      guid: res.record?.id, num: '', date: '2026-11-19', description: 'Office rent',
      splits: [{ account: 'Expenses:Office', memo: 'rent November', value: '750.00' }, { account: 'Assets:Bank', memo: '', value: '-750.00' }],
    });
    const lines = (a: number, b: number) => [{ netAmount: a, accountRef: { id: id['6100'] } }, { netAmount: b, accountRef: { id: id['1200'] } }];
    await expect(c.write(create('journalEntries', { journalLines: lines(100, -99.99) }))).rejects.toThrow('Debits 100.00 do not equal credits 99.99');
    await expect(c.write(create('journalEntries', { journalLines: lines(10.001, -10.001) }))).rejects.toMatchObject({ errors: [{ itemId: 'journalLines[0].netAmount' }, { itemId: 'journalLines[1].netAmount' }] });
    await expect(c.write(create('journalEntries', { journalLines: lines(1, -1).slice(0, 1) }))).rejects.toBeInstanceOf(ConnectorValidationError);
    expect((await readGnucashBook(book.path)).transactions).toHaveLength(before.transactions.length);
  }, TIMEOUT);

  it('never creates a record twice for the same operation key', async () => {
    const op = create('customers', { customerName: 'Idem Corp' }, 'retried-key');
    const first = await c.write(op);
    await expect(c.write(op)).resolves.toEqual(first);
    const invoiceOp = create('invoices', { customerRef: { id: first.record?.id }, issueDate: '2026-11-20', lineItems: [{ quantity: 1, unitAmount: 5, accountRef: { id: id['4100'] } }] });
    const invoice = await c.write(invoiceOp);
    await expect(c.write(invoiceOp)).resolves.toEqual(invoice);
    const seen = await readGnucashBook(book.path);
    expect(seen.customers.filter((x) => x.name === 'Idem Corp')).toHaveLength(1);
    expect(seen.invoices.filter((i) => i.owner === 'Idem Corp')).toHaveLength(1);
    await expect(c.write(create('suppliers', { supplierName: 'Other' }, 'retried-key'))).rejects.toBeInstanceOf(ConnectorValidationError);
  }, TIMEOUT);

  it('supports Create only', async () => {
    for (const op of [
      { key: 'u', type: 'Update', dataType: 'customers', recordId: id['globex'], record: { customerName: 'x' } },
      { key: 'd', type: 'Delete', dataType: 'journalEntries', recordId: 'x' },
      { key: 'p', type: 'Create', dataType: 'payments', record: {} },
    ] as const) {
      await expect(c.write(op)).rejects.toBeInstanceOf(ConnectorNotSupportedError);
    }
  });
});

/** GnuCash's advisory lock: no writes while GnuCash has the book open. */
describe('GnuCash connector: the gnclock lock', () => {
  let book: Book;
  let c: Connector;

  beforeAll(async () => {
    book = await createGnucashBook();
    c = connect(book.path);
  }, TIMEOUT);
  afterAll(() => book?.cleanup());

  it('does not write while GnuCash has the book open, reads meanwhile, and writes once it is closed', async () => {
    const op = create('customers', { customerName: 'Waiting Ltd' });
    const lock = await holdGnucashLock(book.path);
    try {
      const before = fileHash(book.path);
      const err = await c.write(op).catch((e: unknown) => e);
      expect(err).toBeInstanceOf(ConnectorUnavailableError);
      expect((err as Error).message).toMatch(new RegExp(`^The GnuCash book is open in GnuCash on .+ \\(pid ${lock.pid}\\)`));
      expect(fileHash(book.path)).toBe(before);
      expect(await readAll(c, 'customers')).toHaveLength(1);
      expect((await readGnucashBook(book.path)).customers.map((x) => x.name)).toEqual(['Acme GmbH']);
    } finally {
      await lock.release();
    }
    await expect(c.write(op)).resolves.toMatchObject({ record: { customerName: 'Waiting Ltd' } });
    const seen = await readGnucashBook(book.path);
    expect(seen.customers.map((x) => x.name)).toEqual(['Waiting Ltd', 'Acme GmbH']);
    expect(seen.lock).toEqual([]);
  }, TIMEOUT);

  it('names the holder of a stale lock left by a crashed GnuCash', async () => {
    const db = new Database(book.path);
    db.prepare('INSERT INTO gnclock(Hostname, PID) VALUES (?, ?)').run('crashed-host', 4242);
    try {
      await expect(c.write(create('suppliers', { supplierName: 'Later Ltd' }))).rejects.toThrow(/open in GnuCash on crashed-host \(pid 4242\)/);
    } finally {
      db.prepare('DELETE FROM gnclock').run();
      db.close();
    }
  });
});
