import type { Invoice, InvoiceStatus, PaymentAllocation } from '@ledgerlink/models';
import { type Books, docDay, pad, PREFIX, recordId } from '../books/books';
import { BANK_ACCOUNTS } from '../books/chart';
import { partyName } from '../books/names';
import { Rng, SALT } from '../books/random';
import { isoDay, isoInstant, money } from '../books/time';
import { makeLines, SALES_ITEMS } from './lines';

const { min, max, round } = Math;

/** Status mix of the pull benchmark: Paid 50%, Submitted 25%, Draft 10%, PartiallyPaid 10%, Void 5%. */
function invoiceStatus(u: number): InvoiceStatus {
  return u < 0.5 ? 'Paid' : u < 0.75 ? 'Submitted' : u < 0.85 ? 'Draft' : u < 0.95 ? 'PartiallyPaid' : 'Void';
}

/** Paid and part-paid documents: how much (pence) was paid, on which day, when the payment was recorded. */
export interface Settlement {
  paid: number;
  day: number;
  modified: string;
}

/** How much of `total` a document in `status` has had paid, and when (both drawn from `r`). */
export function settle(b: Books, i: number, status: string, total: number, issue: number, r: Rng): Settlement | undefined {
  const paid = status === 'Paid' ? total : status === 'PartiallyPaid' ? min(total - 1, max(1, round(total * (0.2 + 0.6 * r.next())))) : 0;
  if (paid <= 0) return undefined;
  const day = min(b.anchorDay - 1, issue + r.between(3, 45));
  return { paid, day, modified: isoInstant(day, 540 + (i % 480)) };
}

export function allocation(paymentId: string, s: Settlement): PaymentAllocation {
  const date = isoDay(s.day);
  return {
    payment: { id: paymentId, accountRef: BANK_ACCOUNTS[0], currency: 'GBP', paidOnDate: date, totalAmount: money(s.paid) },
    allocation: { currency: 'GBP', allocatedOnDate: date, totalAmount: money(s.paid) },
  };
}

/** Invoice `i`: a customer, 1–3 sales lines, and amountDue that reflects its payment (payment `pay-<i>`). */
export function makeInvoice(b: Books, i: number): Invoice {
  const r = new Rng(b.seed, SALT.invoices, i);
  const issue = docDay(b, i, b.counts.invoices, r.next());
  const customer = 1 + r.int(b.counts.customers);
  const status = invoiceStatus(r.next());
  const { lineItems, sub, tax } = makeLines(r, SALES_ITEMS);
  const total = sub + tax;
  const s = settle(b, i, status, total, issue, r);
  const inv: Invoice = {
    id: recordId(PREFIX.invoices, i),
    invoiceNumber: `INV-${pad(i)}`,
    customerRef: { id: recordId(PREFIX.customers, customer), companyName: partyName(b.seed, SALT.customers, customer, false) },
    issueDate: isoDay(issue),
    dueDate: isoDay(issue + 30),
    currency: 'GBP',
    lineItems,
    paymentAllocations: s ? [allocation(recordId(PREFIX.payments, i), s)] : [],
    subTotal: money(sub),
    totalTaxAmount: money(tax),
    totalAmount: money(total),
    amountDue: status === 'Void' ? 0 : money(total - (s?.paid ?? 0)),
    status,
    sourceModifiedDate: s ? s.modified : isoInstant(min(b.anchorDay - 1, issue + r.int(3)), 480 + r.int(600)),
  };
  if (status === 'Paid' && s) inv.paidOnDate = isoDay(s.day);
  return inv;
}
