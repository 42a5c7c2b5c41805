import { describe, expect, it } from '@jest/globals';
import type { ConnectorStore, WriteResult } from '../../connector';
import type { TrytonBooks } from '../tryton.books';
import { AccountTypeTree, mapAccount, stripMarkers } from '../tryton.map-accounts';
import { amountDue, billStatus, invoiceStatus, lineTax, mapInvoice, percent } from '../tryton.map-invoices';
import { mapJournalEntry, mapTaxRate } from '../tryton.map-ledger';
import { mapAddresses } from '../tryton.map-parties';
import { rolesOf } from '../tryton.roles';
import { writeRecord } from '../tryton.write';

const dec = (d: string) => ({ __class__: 'Decimal', decimal: d });
const day = (y: number, m: number, d: number) => ({ __class__: 'date', year: y, month: m, day: d });

// Tryton's minimal chart of account types (SQLite flags are 0/1).
const TYPES = new AccountTypeTree([
  { id: 1, name: 'Minimal Account Type Chart', parent: null },
  { id: 2, name: 'Asset', parent: 1, assets: 1 },
  { id: 3, name: 'Liability', parent: 1 },
  { id: 4, name: 'Equity', parent: 1 },
  { id: 6, name: 'Current', parent: 2, assets: 1 },
  { id: 8, name: 'Current', parent: 3 },
  { id: 10, name: 'Income', parent: 4, statement: 'income' },
  { id: 12, name: 'Receivable', parent: 6, assets: 1, receivable: 1 },
  { id: 13, name: 'Payable', parent: 8, payable: 1 },
  { id: 14, name: 'Tax', parent: 8 },
  { id: 15, name: 'Revenue', parent: 10, revenue: 1 },
  { id: 16, name: 'Expense', parent: 10, expense: true },
]);

describe('account types', () => {
  it('resolves kinds from flags, then names up the tree', () => {
    expect([12, 13, 14, 15, 16, 4, 1].map((id) => TYPES.kind(id))).toEqual(['Asset', 'Liability', 'Liability', 'Income', 'Expense', 'Equity', 'Unknown']);
    expect(TYPES.path(12)).toBe('Asset.Current.Receivable');
    expect(TYPES.path(15)).toBe('Equity.Income.Revenue');
    expect(TYPES.byPath('liability.current.tax')?.id).toBe(14);
  });

  it('picks a flagged, party-free type for a bare kind', () => {
    expect(TYPES.forKind('Income')?.id).toBe(15);
    expect(TYPES.forKind('Expense')?.id).toBe(16);
    expect(TYPES.forKind('Asset')?.id).toBe(2);
    expect(TYPES.forKind('Liability')?.id).toBe(3);
  });

  it('maps an account and hides idempotency markers from its description', () => {
    const row = { id: 9, name: 'Bank', code: '1010', note: 'Main bank\nledgerlink:push:abc', type: 6, active: true, closed: 0, balance: dec('-0.00'), 'currency.': { code: 'EUR' } };
    expect(mapAccount(row, TYPES, new Set([9]))).toEqual({
      id: '9',
      nominalCode: '1010',
      name: 'Bank',
      description: 'Main bank',
      fullyQualifiedCategory: 'Asset.Current',
      fullyQualifiedName: 'Asset.Current.Bank',
      currency: 'EUR',
      currentBalance: 0,
      type: 'Asset',
      status: 'Active',
      isBankAccount: true,
      sourceModifiedDate: undefined,
    });
    expect(stripMarkers('ledgerlink:push:abc')).toBeUndefined();
  });
});

describe('invoice status and amounts', () => {
  it('follows Tryton state and the amount due', () => {
    expect(invoiceStatus('draft', 100, 100)).toBe('Draft');
    expect(invoiceStatus('posted', 100, 100)).toBe('Submitted');
    expect(invoiceStatus('posted', 100, 40)).toBe('PartiallyPaid');
    expect(invoiceStatus('posted', 100, 0)).toBe('Paid');
    expect(invoiceStatus('paid', 100, 0)).toBe('Paid');
    expect(invoiceStatus('cancelled', 100, 0)).toBe('Void');
    expect(billStatus('posted', 60, 60)).toBe('Open');
    expect(billStatus('validated', 60, 60)).toBe('Draft');
    expect(amountDue('draft', 240, 0)).toBe(240);
    expect(amountDue('posted', 240, 90)).toBe(90);
    expect(amountDue('cancelled', 240, 240)).toBe(0);
  });

  it('computes line tax and rates as percentages', () => {
    expect(lineTax(50.5, 1, [{ type: 'percentage', rate: dec('0.20') }])).toBe(10.1);
    expect(lineTax(10, 3, [{ type: 'fixed', amount: dec('0.50') }, { type: 'percentage', rate: dec('0.07') }])).toBe(2.2);
    expect(percent(dec('0.075'))).toBe(7.5);
  });

  it('maps a posted, partly paid invoice', () => {
    const inv = mapInvoice({
      row: {
        id: 1, type: 'out', number: 'INV-1', state: 'posted', party: 2, 'party.': { name: 'Acme' }, invoice_date: day(2026, 11, 1),
        untaxed_amount: dec('100'), tax_amount: dec('20'), total_amount: dec('120'), amount_to_pay: dec('20'), 'currency.': { code: 'EUR' },
      },
      lines: [{ id: 1, type: 'line', description: 'Work', quantity: 1, unit_price: dec('100'), amount: dec('100'), account: 6, taxes: [1] }, { id: 2, type: 'comment' }],
      taxes: new Map([[1, { id: 1, name: 'VAT', type: 'percentage', rate: dec('0.2') }]]),
      payments: [{ id: 7, date: day(2026, 11, 5), credit: dec('100'), debit: dec('0') }],
      maturities: [day(2026, 12, 1)],
    });
    expect(inv).toMatchObject({ status: 'PartiallyPaid', amountDue: 20, dueDate: '2026-12-01T00:00:00', customerRef: { id: '2', companyName: 'Acme' } });
    expect(inv.lineItems).toHaveLength(1);
    expect(inv.lineItems?.[0]).toMatchObject({ taxAmount: 20, totalAmount: 120, taxRateRef: { id: '1', effectiveTaxRate: 20 } });
    expect(inv.paymentAllocations?.[0].allocation).toEqual({ currency: 'EUR', allocatedOnDate: '2026-11-05T00:00:00', totalAmount: 100 });
    expect(inv.supplementalData?.content['tryton']).toEqual({ state: 'posted', number: 'INV-1' });
  });
});

describe('parties, taxes, moves', () => {
  it('marks the address Tryton invoices to as Billing', () => {
    const rows = [
      { id: 3, street: '9 Mill Rd\nUnit 4', city: 'Leeds', invoice: 0, sequence: null },
      { id: 4, street: 'Dock 2', invoice: 1, sequence: null, 'country.': { code: 'GB' } },
    ];
    expect(mapAddresses(rows)).toEqual([
      { type: 'Unknown', line1: '9 Mill Rd', line2: 'Unit 4', city: 'Leeds' },
      { type: 'Billing', line1: 'Dock 2', country: 'GB' },
    ]);
    expect(mapAddresses([{ id: 1, street: null, invoice: 0 }])).toEqual([]);
  });

  it('lists a party without any role signal as both customer and supplier', () => {
    expect([...rolesOf({ customer: false, supplier: false })].sort()).toEqual(['customer', 'supplier']);
    expect([...rolesOf({ customer: true, supplier: false })]).toEqual(['customer']);
  });

  it('maps a group tax and an archived tax', () => {
    const group = mapTaxRate({ id: 5, name: 'GST+PST', type: 'none', active: 1 }, [
      { id: 6, name: 'GST', type: 'percentage', rate: dec('0.05') },
      { id: 7, name: 'PST', type: 'percentage', rate: dec('0.07') },
    ], '2026-11-20');
    expect(group).toMatchObject({ effectiveTaxRate: 12, totalTaxRate: 12, status: 'Active', components: [{ name: 'GST', rate: 5, isCompound: false }, { name: 'PST', rate: 7, isCompound: false }] });
    expect(mapTaxRate({ id: 8, name: 'Old', type: 'percentage', rate: dec('0.1'), end_date: day(2025, 12, 31) }, [], '2026-11-20').status).toBe('Archived');
  });

  it('signs journal lines debit positive, credit negative', () => {
    const je = mapJournalEntry({ id: 2, date: day(2026, 11, 10), journal: 3, 'journal.': { name: 'Cash' }, description: 'PAY-1' }, [
      { account: 2, 'account.': { name: 'Cash' }, debit: dec('500'), credit: dec('0') },
      { account: 5, 'account.': { name: 'Receivable' }, debit: dec('0'), credit: dec('500') },
    ], 'EUR');
    expect(je.journalLines?.map((l) => [l.accountRef?.name, l.netAmount, l.currency])).toEqual([['Cash', 500, 'EUR'], ['Receivable', -500, 'EUR']]);
    expect(je).toMatchObject({ id: '2', postedOn: '2026-11-10T00:00:00', journalRef: { id: '3', name: 'Cash' }, description: 'PAY-1' });
  });
});

describe('write idempotency with a store', () => {
  it('replays a finished operation without touching Tryton', async () => {
    const done: WriteResult = { changes: [{ type: 'Created', recordRef: { id: '7', dataType: 'customers' } }] };
    const store = { getOperation: async (key: string) => (key === 'k1' ? done : undefined) } as unknown as ConnectorStore;
    const books = {} as TrytonBooks; // any Tryton call would throw
    await expect(writeRecord(books, { key: 'k1', type: 'Create', dataType: 'customers', record: {} }, store)).resolves.toBe(done);
  });
});
