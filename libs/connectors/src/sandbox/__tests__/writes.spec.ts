import { describe, expect, it } from '@jest/globals';
import { ConnectorNotSupportedError, ConnectorValidationError, type UnifiedRecord, type WriteOperation } from '../../connector';
import { MemoryStore } from './memory-store';
import { FIXED_NOW, p, readAll, sandbox } from './support';

const line = { description: 'Widgets', unitAmount: 12.5, quantity: 4, accountRef: { id: 'acc-4000' }, taxRateRef: { id: 'tax-std' } };
const newInvoice = { customerRef: { id: 'cus-000002' }, issueDate: '2025-06-01T00:00:00Z', lineItems: [line] };

function setup(volume = '50') {
  const store = new MemoryStore();
  const c = sandbox({ volume }, store);
  let n = 0;
  const write = (op: Omit<WriteOperation, 'key'> & { key?: string }) => c.write({ ...op, key: op.key ?? `key-${++n}` });
  const byId = async (dataType: WriteOperation['dataType'], id: string) => (await readAll(c, dataType)).find((r) => r.id === id);
  return { store, c, write, byId };
}

async function validationError(promise: Promise<unknown>): Promise<ConnectorValidationError> {
  const err = await promise.then(() => undefined, (e: unknown) => e);
  expect(err).toBeInstanceOf(ConnectorValidationError);
  return err as ConnectorValidationError;
}

describe('sandbox writes', () => {
  it('creates an invoice with totals computed from the lines, and it appears in reads', async () => {
    const { c, write, byId } = setup();
    const { record, changes } = await write({ type: 'Create', dataType: 'invoices', record: newInvoice });
    expect(record).toMatchObject({
      customerRef: { id: 'cus-000002', companyName: expect.any(String) },
      subTotal: 50,
      totalTaxAmount: 10,
      totalAmount: 60,
      amountDue: 60,
      status: 'Submitted',
      sourceModifiedDate: FIXED_NOW.toISOString(),
      lineItems: [{ subTotal: 50, taxAmount: 10, totalAmount: 60, accountRef: { id: 'acc-4000', name: 'Sales' }, taxRateRef: { id: 'tax-std', effectiveTaxRate: 20 } }],
    });
    expect(changes).toEqual([{ type: 'Created', recordRef: { id: record?.id, dataType: 'invoices' } }]);
    expect(await byId('invoices', record?.id as string)).toEqual(record);
    expect(await readAll(c, 'invoices')).toHaveLength(51);
    // An incremental read after the anchor returns only what was written.
    expect((await readAll(c, 'invoices', { modifiedSince: new Date('2026-01-01T00:00:00Z') })).map((r) => r.id)).toEqual([record?.id]);
  });

  it('updates replace the record (generated or written), delete hides it', async () => {
    const { c, write, byId } = setup();
    const draft = (await readAll(c, 'invoices')).find((i) => i['status'] === 'Draft') as UnifiedRecord;
    const { record } = await write({ type: 'Update', dataType: 'invoices', recordId: draft.id, record: { ...draft, note: 'Revised', lineItems: [line], subTotal: undefined, totalTaxAmount: undefined, totalAmount: undefined } });
    expect(record).toMatchObject({ id: draft.id, note: 'Revised', totalAmount: 60, amountDue: 60, status: 'Draft', invoiceNumber: draft['invoiceNumber'] });
    expect(await byId('invoices', draft.id as string)).toEqual(record);
    expect(await readAll(c, 'invoices')).toHaveLength(50);

    const customer = await byId('customers', 'cus-000003');
    await write({ type: 'Update', dataType: 'customers', recordId: 'cus-000003', record: { ...customer, customerName: 'Renamed Ltd' } });
    expect(await byId('customers', 'cus-000003')).toMatchObject({ customerName: 'Renamed Ltd', emailAddress: customer?.['emailAddress'] });

    expect(await write({ type: 'Delete', dataType: 'invoices', recordId: draft.id })).toEqual({ changes: [{ type: 'Deleted', recordRef: { id: draft.id, dataType: 'invoices' } }] });
    expect(await byId('invoices', draft.id as string)).toBeUndefined();
    expect(await readAll(c, 'invoices')).toHaveLength(49);
    // Incremental reads report the deletion.
    const since = new Date('2026-01-01T00:00:00Z');
    expect((await readAll(c, 'invoices', { modifiedSince: since })).find((r) => r.id === draft.id)).toMatchObject({ metadata: { isDeleted: true } });
    await validationError(write({ type: 'Update', dataType: 'invoices', recordId: draft.id, record: newInvoice }));
  });

  it('is idempotent on the operation key: one record, the same result', async () => {
    const { c, store, write } = setup();
    const first = await write({ key: 'same', type: 'Create', dataType: 'invoices', record: newInvoice });
    const again = await write({ key: 'same', type: 'Create', dataType: 'invoices', record: newInvoice });
    expect(again).toEqual(first);
    expect(await readAll(c, 'invoices')).toHaveLength(51);
    expect(store.records.get('invoices')?.size).toBe(1);
    const other = await write({ key: 'other', type: 'Create', dataType: 'invoices', record: newInvoice });
    expect(other.record?.id).not.toBe(first.record?.id);
  });

  it('names the field in validation errors', async () => {
    const { write } = setup();
    let err = await validationError(write({ type: 'Create', dataType: 'invoices', record: { ...newInvoice, customerRef: { id: 'cus-999999' } } }));
    expect(err.errors).toEqual([{ itemId: 'customerRef.id', message: 'customerRef.id: Customer cus-999999 does not exist' }]);
    expect(err.message).toContain('customerRef.id');
    err = await validationError(write({ type: 'Create', dataType: 'invoices', record: { customerRef: { id: 'cus-000001' }, lineItems: [{ unitAmount: 'x' }] } }));
    expect(err.errors.map((e) => e.itemId)).toEqual(['issueDate', 'lineItems[0].unitAmount', 'lineItems[0].quantity']);
    err = await validationError(write({ type: 'Create', dataType: 'invoices', record: { ...newInvoice, totalAmount: 61 } }));
    expect(err.errors).toEqual([{ itemId: 'totalAmount', message: 'totalAmount: is 61 but the line items add up to 60' }]);
    err = await validationError(write({ type: 'Create', dataType: 'invoices', record: { ...newInvoice, status: 'Paid' } }));
    expect(err.errors[0].itemId).toBe('status');
    err = await validationError(write({ type: 'Create', dataType: 'chartOfAccounts', record: { nominalCode: '12345678901', name: 'X', fullyQualifiedCategory: 'Asset.Weird' } }));
    expect(err.errors.map((e) => e.itemId)).toEqual(['nominalCode', 'fullyQualifiedCategory']);
    err = await validationError(write({ type: 'Create', dataType: 'journalEntries', record: { journalLines: [{ netAmount: 10, accountRef: { id: 'acc-7100' } }, { netAmount: -9, accountRef: { id: 'acc-2109' } }] } }));
    expect(err.errors).toEqual([{ itemId: 'journalLines', message: 'journalLines: must balance: net amounts add up to 1, not 0' }]);
  });

  it('pays an invoice: amountDue and status follow, with the contract sign convention', async () => {
    const { write, byId } = setup();
    const inv = (await write({ type: 'Create', dataType: 'invoices', record: newInvoice })).record as UnifiedRecord;
    const pay = (x: number, key?: string) =>
      write({ key, type: 'Create', dataType: 'payments', record: { date: '2025-06-10', customerRef: { id: 'cus-000002' }, lines: [{ amount: x, links: [{ type: 'Invoice', id: inv.id, amount: -x }] }] } });
    const part = await pay(20, 'pay-1');
    expect(part.record).toMatchObject({ totalAmount: 20, accountRef: { id: 'acc-1200' }, lines: [{ amount: 20, links: [{ type: 'Invoice', id: inv.id, amount: -20 }] }] });
    expect(part.changes).toEqual([
      { type: 'Created', recordRef: { id: part.record?.id, dataType: 'payments' } },
      { type: 'Modified', recordRef: { id: inv.id, dataType: 'invoices' } },
    ]);
    expect(await byId('invoices', inv.id as string)).toMatchObject({ status: 'PartiallyPaid', amountDue: 40 });
    expect(await pay(20, 'pay-1')).toEqual(part);
    expect(await byId('invoices', inv.id as string)).toMatchObject({ amountDue: 40 });
    const err = await validationError(pay(41));
    expect(err.errors).toEqual([{ itemId: 'lines[0].links[0].id', message: `lines[0].links[0].id: pays 41 but Invoice ${inv.id} has 40 due` }]);
    await pay(40);
    expect(await byId('invoices', inv.id as string)).toMatchObject({ status: 'Paid', amountDue: 0, paidOnDate: '2025-06-10T00:00:00Z' });
    expect((await validationError(write({ type: 'Delete', dataType: 'invoices', recordId: inv.id }))).errors[0].itemId).toBe('id');
  });

  it('deletes a generated bill payment and gives the bill its amount due back', async () => {
    const { c, write, byId } = setup();
    const bp = (await readAll(c, 'billPayments'))[0];
    const billId = (bp['lines'] as { links: { id: string }[] }[])[0].links[0].id;
    const before = await byId('bills', billId);
    const { changes } = await write({ type: 'Delete', dataType: 'billPayments', recordId: bp.id });
    expect(changes).toEqual([
      { type: 'Deleted', recordRef: { id: bp.id, dataType: 'billPayments' } },
      { type: 'Modified', recordRef: { id: billId, dataType: 'bills' } },
    ]);
    expect(await byId('billPayments', bp.id as string)).toBeUndefined();
    const after = await byId('bills', billId);
    expect(after).toMatchObject({ status: 'Open', paymentAllocations: [] });
    expect(p(after?.['amountDue'])).toBe(p(before?.['totalAmount']));
    // With nothing paid any more, the bill can now be deleted.
    await write({ type: 'Delete', dataType: 'bills', recordId: billId });
    expect(await byId('bills', billId)).toBeUndefined();
  });

  it('creates accounts, contacts and journals, and refuses what metadata does not offer', async () => {
    const { c, write, byId } = setup();
    const acc = await write({ type: 'Create', dataType: 'chartOfAccounts', record: { nominalCode: '4030', name: 'Licences', fullyQualifiedCategory: 'Income.Revenue' } });
    expect(acc.record).toMatchObject({ id: 'acc-4030', type: 'Income', status: 'Active', fullyQualifiedName: 'Income.Revenue.Licences' });
    expect((await validationError(write({ type: 'Create', dataType: 'chartOfAccounts', record: { nominalCode: '4000', name: 'Dup', fullyQualifiedCategory: 'Income.Revenue' } }))).errors[0].itemId).toBe('nominalCode');
    const sup = await write({ type: 'Create', dataType: 'suppliers', record: { supplierName: 'New Supplies Ltd', emailAddress: 'a@b.example' } });
    expect(await byId('suppliers', sup.record?.id as string)).toMatchObject({ supplierName: 'New Supplies Ltd', status: 'Active' });
    const je = await write({ type: 'Create', dataType: 'journalEntries', record: { description: 'Accrual', journalLines: [{ netAmount: 100, accountRef: { id: 'acc-4030' } }, { netAmount: -100, accountRef: { id: 'acc-2109' } }] } });
    expect(je.record).toMatchObject({ journalLines: [{ netAmount: 100, accountRef: { id: 'acc-4030', name: 'Licences' } }, { netAmount: -100 }] });
    await write({ type: 'Delete', dataType: 'journalEntries', recordId: je.record?.id });
    expect(await byId('journalEntries', je.record?.id as string)).toBeUndefined();
    expect(await readAll(c, 'chartOfAccounts')).toHaveLength(34);
    await expect(write({ type: 'Delete', dataType: 'customers', recordId: 'cus-000001' })).rejects.toBeInstanceOf(ConnectorNotSupportedError);
    await expect(write({ type: 'Create', dataType: 'taxRates', record: {} })).rejects.toBeInstanceOf(ConnectorNotSupportedError);
  });

  it('needs the platform store to write', async () => {
    await expect(sandbox().write({ key: 'k', type: 'Create', dataType: 'invoices', record: newInvoice })).rejects.toThrow(/connector store/);
  });
});
