import type { BillPayment, Payment, PaymentAllocation } from '@ledgerlink/models';
import { type Books, pad, PREFIX, recordId } from '../books/books';
import { makeBill } from './bills';
import { makeInvoice } from './invoices';

/** One payment line settling one document: amount X, linked with amount -X (contract 10.6). */
function settlementLine(a: PaymentAllocation, type: 'Invoice' | 'Bill', documentId: string) {
  const x = a.allocation.totalAmount as number;
  return { amount: x, allocatedOnDate: a.allocation.allocatedOnDate, links: [{ type, id: documentId, amount: -x }] };
}

/** Payment `pay-<i>` exists when invoice `i` is paid or part-paid, and is the one its allocation names. */
export function makePayment(b: Books, i: number): Payment | undefined {
  const inv = makeInvoice(b, i);
  const a = inv.paymentAllocations?.[0];
  if (!a || !inv.customerRef) return undefined;
  return {
    id: recordId(PREFIX.payments, i),
    date: a.payment.paidOnDate as string,
    customerRef: inv.customerRef,
    accountRef: a.payment.accountRef,
    totalAmount: a.payment.totalAmount,
    currency: 'GBP',
    reference: `PAY-${pad(i)}`,
    lines: [settlementLine(a, 'Invoice', inv.id)],
    sourceModifiedDate: inv.sourceModifiedDate,
  };
}

/** Bill payment `bpay-<i>` exists when bill `i` is paid or part-paid. */
export function makeBillPayment(b: Books, i: number): BillPayment | undefined {
  const bill = makeBill(b, i);
  const a = bill.paymentAllocations?.[0];
  if (!a || !bill.supplierRef) return undefined;
  return {
    id: recordId(PREFIX.billPayments, i),
    date: a.payment.paidOnDate as string,
    supplierRef: bill.supplierRef,
    accountRef: a.payment.accountRef,
    totalAmount: a.payment.totalAmount,
    currency: 'GBP',
    reference: `BP-${pad(i)}`,
    lines: [settlementLine(a, 'Bill', bill.id)],
    sourceModifiedDate: bill.sourceModifiedDate,
  };
}
