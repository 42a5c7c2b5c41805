import type { UnifiedRecord, WriteOperation, WriteResult } from '../../connector';
import { TAX_REFS } from '../books/chart';
import { money, pence } from '../books/time';
import { Checker } from './checker';
import { created, type Ledger } from './ledger';

type Allocation = { payment?: { id?: string }; allocation?: { totalAmount?: number } };

/** What differs between invoices and bills. */
export interface DocumentKind {
  dataType: 'invoices' | 'bills';
  what: string;
  prefix: string;
  party: { field: 'customerRef' | 'supplierRef'; dataType: 'customers' | 'suppliers'; nameField: 'customerName' | 'supplierName'; refName: 'companyName' | 'supplierName' };
  numberField: 'invoiceNumber' | 'reference';
  taxField: 'totalTaxAmount' | 'taxAmount';
  /** Statuses a writer may set (Void only on update); the others follow from payments. */
  settable: readonly string[];
  open: string;
}

export const INVOICE: DocumentKind = {
  dataType: 'invoices',
  what: 'invoice',
  prefix: 'inv',
  party: { field: 'customerRef', dataType: 'customers', nameField: 'customerName', refName: 'companyName' },
  numberField: 'invoiceNumber',
  taxField: 'totalTaxAmount',
  settable: ['Draft', 'Submitted', 'Void'],
  open: 'Submitted',
};

export const BILL: DocumentKind = {
  dataType: 'bills',
  what: 'bill',
  prefix: 'bill',
  party: { field: 'supplierRef', dataType: 'suppliers', nameField: 'supplierName', refName: 'supplierName' },
  numberField: 'reference',
  taxField: 'taxAmount',
  settable: ['Draft', 'Open', 'Void'],
  open: 'Open',
};

/** Pence paid against a document so far (sum of its payment allocations). */
export const paidOn = (doc: UnifiedRecord) => ((doc['paymentAllocations'] as Allocation[] | undefined) ?? []).reduce((s, a) => s + pence(a.allocation?.totalAmount ?? 0), 0);

/** Status and amount due of a document with `total` and `paid` pence, for a requested status. */
export function standing(total: number, paid: number, requested: string): { status: string; amountDue: number } {
  if (requested === 'Void') return { status: 'Void', amountDue: 0 };
  if (paid <= 0) return { status: requested, amountDue: money(total) };
  return { status: paid >= total ? 'Paid' : 'PartiallyPaid', amountDue: money(Math.max(0, total - paid)) };
}

/** Line items validated and totalled in pence; tax from the tax rate unless given. */
async function lines(l: Ledger, c: Checker, raw: unknown) {
  let sub = 0;
  let tax = 0;
  const lineItems = [];
  for (const [k, item] of c.array('lineItems', raw, { required: true, min: 1 }).entries()) {
    const p = `lineItems[${k}]`;
    const o = c.object(p, item);
    const unit = c.number(`${p}.unitAmount`, o['unitAmount'], { required: true }) ?? 0;
    const quantity = c.number(`${p}.quantity`, o['quantity'], { required: true, positive: true }) ?? 0;
    const discount = c.number(`${p}.discountAmount`, o['discountAmount'], { min: 0 });
    const description = c.string(`${p}.description`, o['description'], { max: 4000 });
    const accountId = c.object(`${p}.accountRef`, o['accountRef'])['id'];
    const account = accountId === undefined ? undefined : await l.ref(c, `${p}.accountRef.id`, 'chartOfAccounts', accountId, 'Account');
    const taxId = c.object(`${p}.taxRateRef`, o['taxRateRef'])['id'];
    const taxRate = taxId === undefined ? undefined : TAX_REFS.find((t) => t.id === taxId);
    if (taxId !== undefined && !taxRate) c.fail(`${p}.taxRateRef.id`, `Tax rate ${String(taxId)} does not exist`);
    const lineSub = Math.round(unit * quantity * 100) - pence(discount ?? 0);
    const givenTax = c.number(`${p}.taxAmount`, o['taxAmount'], { min: 0 });
    const lineTax = givenTax !== undefined ? pence(givenTax) : Math.round((lineSub * (taxRate?.effectiveTaxRate ?? 0)) / 100);
    sub += lineSub;
    tax += lineTax;
    lineItems.push({
      ...(description !== undefined && { description }),
      unitAmount: unit,
      quantity,
      ...(discount !== undefined && { discountAmount: discount }),
      subTotal: money(lineSub),
      taxAmount: money(lineTax),
      totalAmount: money(lineSub + lineTax),
      ...(account && { accountRef: { id: account.id, name: account['name'] } }),
      ...(taxRate && { taxRateRef: { ...taxRate } }),
    });
  }
  return { lineItems, sub, tax };
}

/** A totals field may be sent; if it is, it must match what the lines add up to. */
function checkTotal(c: Checker, field: string, given: unknown, computed: number) {
  const v = c.number(field, given);
  if (v !== undefined && pence(v) !== computed) c.fail(field, `is ${v} but the line items add up to ${money(computed)}`);
}

/** invoices / bills Create and Update: totals are computed from the lines; payments are kept on update. */
export async function writeDocument(l: Ledger, op: WriteOperation, rec: Record<string, unknown>, kind: DocumentKind): Promise<WriteResult> {
  const c = new Checker();
  const existing = op.type === 'Update' ? await l.find(kind.dataType, op.recordId as string) : undefined;
  if (op.type === 'Update' && !existing) c.fail('id', `${kind.what} ${op.recordId} does not exist`);
  const id = existing ? (existing.id as string) : l.newId(kind.prefix, op.key);
  const partyRef = c.object(kind.party.field, rec[kind.party.field], true);
  const party = await l.ref(c, `${kind.party.field}.id`, kind.party.dataType, partyRef['id'], kind.party.dataType === 'customers' ? 'Customer' : 'Supplier');
  const issueDate = c.date('issueDate', rec['issueDate'], true);
  const dueDate = c.date('dueDate', rec['dueDate']);
  const currency = c.currency('currency', rec['currency']);
  const number = c.string(kind.numberField, rec[kind.numberField], { max: 20 });
  const note = c.string('note', rec['note'], { max: 2000 });
  const { lineItems, sub, tax } = await lines(l, c, rec['lineItems']);
  const total = sub + tax;
  checkTotal(c, 'subTotal', rec['subTotal'], sub);
  checkTotal(c, kind.taxField, rec[kind.taxField], tax);
  checkTotal(c, 'totalAmount', rec['totalAmount'], total);
  const paid = existing ? paidOn(existing) : 0;
  let requested: string = kind.open;
  const settable = op.type === 'Create' ? kind.settable.filter((x) => x !== 'Void') : kind.settable;
  if (paid === 0) requested = c.oneOf('status', rec['status'], settable, kind.open) ?? kind.open;
  else if (rec['status'] !== undefined && rec['status'] !== existing?.['status'] && rec['status'] !== standing(total, paid, kind.open).status) {
    c.fail('status', `${kind.what} has payments of ${money(paid)}; its status follows them`);
  }
  if (paid > total) c.fail('totalAmount', `is less than the ${money(paid)} already paid`);
  if (existing && party && paid > 0 && party.id !== (existing[kind.party.field] as { id?: string } | undefined)?.id) {
    c.fail(`${kind.party.field}.id`, `cannot change on a ${kind.what} with payments`);
  }
  c.done(kind.what);

  const { status, amountDue } = standing(total, paid, requested);
  const doc: UnifiedRecord = {
    id,
    [kind.numberField]: number ?? (existing?.[kind.numberField] as string | undefined) ?? `${kind.prefix.toUpperCase()}-${id.slice(kind.prefix.length + 1).toUpperCase()}`,
    [kind.party.field]: { id: party?.id, [kind.party.refName]: party?.[kind.party.nameField] },
    issueDate,
    ...(dueDate !== undefined && { dueDate }),
    currency,
    lineItems,
    paymentAllocations: existing?.['paymentAllocations'] ?? [],
    subTotal: money(sub),
    [kind.taxField]: money(tax),
    totalAmount: money(total),
    amountDue,
    status,
    ...(note !== undefined && { note }),
    ...(status === 'Paid' && existing?.['paidOnDate'] !== undefined && { paidOnDate: existing['paidOnDate'] }),
    sourceModifiedDate: l.now(),
  };
  await l.put(kind.dataType, doc);
  if (!existing) return created(doc, kind.dataType);
  return { record: doc, changes: [{ type: 'Modified', recordRef: { id, dataType: kind.dataType } }] };
}

/** invoices / bills Delete: only while nothing has been paid against the document. */
export async function deleteDocument(l: Ledger, op: WriteOperation, kind: DocumentKind): Promise<WriteResult> {
  const c = new Checker();
  const doc = await l.find(kind.dataType, op.recordId as string);
  if (!doc) c.fail('id', `${kind.what} ${op.recordId} does not exist`);
  else if (paidOn(doc) > 0) c.fail('id', `${kind.what} ${op.recordId} has payments allocated; it cannot be deleted`);
  c.done(kind.what);
  await l.tombstone(kind.dataType, doc as UnifiedRecord);
  return { changes: [{ type: 'Deleted', recordRef: { id: op.recordId as string, dataType: kind.dataType } }] };
}
