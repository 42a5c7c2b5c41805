import type { Bill, BillStatus } from '@ledgerlink/models';
import { type Books, docDay, PREFIX, recordId } from '../books/books';
import { partyName } from '../books/names';
import { Rng, SALT } from '../books/random';
import { isoDay, isoInstant, money } from '../books/time';
import { allocation, settle } from './invoices';
import { makeLines, PURCHASE_ITEMS } from './lines';

const { min } = Math;

/** Paid 55%, Open 25%, PartiallyPaid 10%, Draft 5%, Void 5%. */
function billStatus(u: number): BillStatus {
  return u < 0.55 ? 'Paid' : u < 0.8 ? 'Open' : u < 0.9 ? 'PartiallyPaid' : u < 0.95 ? 'Draft' : 'Void';
}

/** Bill `i`: a supplier, 1–3 purchase lines, amountDue reflecting bill payment `bpay-<i>`. */
export function makeBill(b: Books, i: number): Bill {
  const r = new Rng(b.seed, SALT.bills, i);
  const issue = docDay(b, i, b.counts.bills, r.next());
  const supplier = 1 + r.int(b.counts.suppliers);
  const status = billStatus(r.next());
  const reference = `SI-${r.between(10_000, 99_999)}`;
  const { lineItems, sub, tax } = makeLines(r, PURCHASE_ITEMS);
  const total = sub + tax;
  const s = settle(b, i, status, total, issue, r);
  return {
    id: recordId(PREFIX.bills, i),
    reference,
    supplierRef: { id: recordId(PREFIX.suppliers, supplier), supplierName: partyName(b.seed, SALT.suppliers, supplier, true) },
    issueDate: isoDay(issue),
    dueDate: isoDay(issue + 30),
    currency: 'GBP',
    lineItems,
    paymentAllocations: s ? [allocation(recordId(PREFIX.billPayments, i), s)] : [],
    subTotal: money(sub),
    taxAmount: money(tax),
    totalAmount: money(total),
    amountDue: status === 'Void' ? 0 : money(total - (s?.paid ?? 0)),
    status,
    sourceModifiedDate: s ? s.modified : isoInstant(min(b.anchorDay - 1, issue + r.int(3)), 480 + r.int(600)),
  };
}
