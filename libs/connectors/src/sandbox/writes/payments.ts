import type { UnifiedRecord, WriteChange, WriteOperation, WriteResult } from '../../connector';
import { BANK_ACCOUNTS } from '../books/chart';
import { money, pence } from '../books/time';
import { Checker } from './checker';
import { BILL, type DocumentKind, INVOICE, paidOn, standing } from './documents';
import { created, type Ledger } from './ledger';

/** What differs between payments (receivable, against invoices) and bill payments (payable, against bills). */
interface PaymentKind {
  dataType: 'payments' | 'billPayments';
  what: string;
  prefix: string;
  linkType: 'Invoice' | 'Bill';
  document: DocumentKind;
}

export const PAYMENT: PaymentKind = { dataType: 'payments', what: 'payment', prefix: 'pay', linkType: 'Invoice', document: INVOICE };
export const BILL_PAYMENT: PaymentKind = { dataType: 'billPayments', what: 'bill payment', prefix: 'bpay', linkType: 'Bill', document: BILL };

type Link = { type?: string; id?: string; amount?: number };
type Line = { amount?: number; links?: Link[] };
type Allocation = { payment?: { id?: string } };

const allocations = (doc: UnifiedRecord) => (doc['paymentAllocations'] as Allocation[] | undefined) ?? [];

/** A document with `delta` pence more paid (negative: less), its status and amountDue following. */
function settled(l: Ledger, doc: UnifiedRecord, kind: DocumentKind, paymentId: string, delta: number, allocation?: unknown): UnifiedRecord {
  const total = pence(doc['totalAmount'] as number);
  const paid = paidOn(doc) + delta;
  const { status, amountDue } = standing(total, paid, kind.open);
  const rest = allocations(doc).filter((a) => a.payment?.id !== paymentId);
  const next: UnifiedRecord = { ...doc, paymentAllocations: allocation ? [...rest, allocation] : rest, amountDue, status, sourceModifiedDate: l.now() };
  if (status !== 'Paid') delete next['paidOnDate'];
  else if (kind === INVOICE && allocation) next['paidOnDate'] = (allocation as { allocation: { allocatedOnDate: string } }).allocation.allocatedOnDate;
  return next;
}

/**
 * payments / billPayments Create. Each line pays documents through links of the opposite sign
 * (line amount X, link amount −X); the documents' amountDue and status follow. Applying is idempotent
 * per payment id, so a retried create does not pay a document twice.
 */
export async function createPayment(l: Ledger, op: WriteOperation, rec: Record<string, unknown>, kind: PaymentKind): Promise<WriteResult> {
  const c = new Checker();
  const doc = kind.document;
  const id = l.newId(kind.prefix, op.key);
  const date = c.date('date', rec['date'], true);
  const partyRef = c.object(doc.party.field, rec[doc.party.field], true);
  const party = await l.ref(c, `${doc.party.field}.id`, doc.party.dataType, partyRef['id'], doc.party.dataType === 'customers' ? 'Customer' : 'Supplier');
  const accountId = c.object('accountRef', rec['accountRef'])['id'];
  const found = accountId === undefined ? undefined : await l.ref(c, 'accountRef.id', 'chartOfAccounts', accountId, 'Account');
  if (found && found['isBankAccount'] !== true) c.fail('accountRef.id', `${String(accountId)} is not a bank account`);
  const account = found ? { id: found.id as string, name: found['name'] as string } : BANK_ACCOUNTS[0];
  const currency = c.currency('currency', rec['currency']);
  const reference = c.string('reference', rec['reference'], { max: 100 });
  const note = c.string('note', rec['note'], { max: 2000 });

  const perDocument = new Map<string, { path: string; amount: number }>();
  let total = 0;
  const lines = [];
  for (const [k, raw] of c.array('lines', rec['lines'], { required: true, min: 1 }).entries()) {
    const p = `lines[${k}]`;
    const o = c.object(p, raw);
    const amount = c.number(`${p}.amount`, o['amount'], { required: true, positive: true }) ?? 0;
    const allocatedOnDate = c.date(`${p}.allocatedOnDate`, o['allocatedOnDate']) ?? date;
    let linked = 0;
    const links = c.array(`${p}.links`, o['links'], { required: true, min: 1 }).map((rawLink, j) => {
      const lp = `${p}.links[${j}]`;
      const link = c.object(lp, rawLink);
      const type = c.oneOf(`${lp}.type`, link['type'], [kind.linkType, 'PaymentOnAccount'] as const);
      const linkAmount = c.number(`${lp}.amount`, link['amount'], { required: true }) ?? 0;
      linked += pence(linkAmount);
      if (type === kind.linkType) {
        const docId = c.string(`${lp}.id`, link['id'], { required: true });
        if (docId !== undefined) {
          const prev = perDocument.get(docId);
          perDocument.set(docId, { path: prev?.path ?? `${lp}.id`, amount: (prev?.amount ?? 0) - pence(linkAmount) });
        }
        return { type, id: docId, amount: linkAmount };
      }
      return { type: type ?? 'PaymentOnAccount', amount: linkAmount };
    });
    if (linked !== -pence(amount)) c.fail(`${p}.links`, `link amounts must add up to −${amount} (the line amount, opposite sign)`);
    total += pence(amount);
    lines.push({ amount, ...(allocatedOnDate !== undefined && { allocatedOnDate }), links });
  }
  const givenTotal = c.number('totalAmount', rec['totalAmount']);
  if (givenTotal !== undefined && pence(givenTotal) !== total) c.fail('totalAmount', `is ${givenTotal} but the lines add up to ${money(total)}`);

  const updates: UnifiedRecord[] = [];
  for (const [docId, { path, amount }] of perDocument) {
    const d = await l.ref(c, path, doc.dataType, docId, kind.linkType);
    if (!d || allocations(d).some((a) => a.payment?.id === id)) continue;
    const owner = (d[doc.party.field] as { id?: string } | undefined)?.id;
    if (party && owner !== party.id) c.fail(path, `${kind.linkType} ${docId} belongs to ${owner}, not ${String(party.id)}`);
    else if (d['status'] !== doc.open && d['status'] !== 'PartiallyPaid') c.fail(path, `${kind.linkType} ${docId} is ${String(d['status'])} and cannot be paid`);
    else if (amount <= 0 || amount > pence(d['amountDue'] as number)) c.fail(path, `pays ${money(amount)} but ${kind.linkType} ${docId} has ${d['amountDue']} due`);
    else {
      const allocation = {
        payment: { id, accountRef: account, currency, paidOnDate: date, totalAmount: money(total) },
        allocation: { currency, allocatedOnDate: date, totalAmount: money(amount) },
      };
      updates.push(settled(l, d, doc, id, amount, allocation));
    }
  }
  c.done(kind.what);

  const payment: UnifiedRecord = {
    id,
    date,
    [doc.party.field]: { id: party?.id, [doc.party.refName]: party?.[doc.party.nameField] },
    accountRef: account,
    totalAmount: money(total),
    currency,
    ...(note !== undefined && { note }),
    ...(reference !== undefined && { reference }),
    lines,
    sourceModifiedDate: l.now(),
  };
  await l.put(kind.dataType, payment);
  for (const u of updates) await l.put(doc.dataType, u);
  return created(payment, kind.dataType, updates.map((u) => ({ type: 'Modified', recordRef: { id: u.id as string, dataType: doc.dataType } })));
}

/** billPayments Delete: the bills it paid get their amount due back. */
export async function deletePayment(l: Ledger, op: WriteOperation, kind: PaymentKind): Promise<WriteResult> {
  const c = new Checker();
  const payment = await l.find(kind.dataType, op.recordId as string);
  if (!payment) c.fail('id', `${kind.what} ${op.recordId} does not exist`);
  c.done(kind.what);
  const p = payment as UnifiedRecord;
  const changes: WriteChange[] = [];
  const docIds = new Set(((p['lines'] as Line[] | undefined) ?? []).flatMap((line) => (line.links ?? []).filter((k) => k.type === kind.linkType && k.id).map((k) => k.id as string)));
  for (const docId of docIds) {
    const d = await l.find(kind.document.dataType, docId);
    const mine = d ? allocations(d).filter((a) => a.payment?.id === p.id) : [];
    if (!d || mine.length === 0) continue;
    const back = mine.reduce((s, a) => s + pence((a as { allocation?: { totalAmount?: number } }).allocation?.totalAmount ?? 0), 0);
    await l.put(kind.document.dataType, settled(l, d, kind.document, p.id as string, -back));
    changes.push({ type: 'Modified', recordRef: { id: docId, dataType: kind.document.dataType } });
  }
  await l.tombstone(kind.dataType, p);
  return { changes: [{ type: 'Deleted', recordRef: { id: p.id as string, dataType: kind.dataType } }, ...changes] };
}
