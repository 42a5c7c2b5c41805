import type { Bill, BillStatus, Invoice, InvoiceStatus, LineItem, PaymentAllocation } from '@ledgerlink/models';
import { cents, m2o, modifiedAt, money, related, text, toDateOnly, toIsoDate, toNumber } from './tryton.values';

export const INVOICE_FIELDS = [
  'type', 'number', 'reference', 'description', 'comment', 'party', 'party.name', 'invoice_date', 'payment_term_date',
  'state', 'untaxed_amount', 'tax_amount', 'total_amount', 'amount_to_pay', 'currency.code', 'payment_lines', 'lines_to_pay',
  'write_date', 'create_date',
];
export const INVOICE_LINE_FIELDS = ['invoice', 'type', 'description', 'quantity', 'unit_price', 'amount', 'account', 'account.name', 'taxes', 'note', 'sequence'];
export const PAYMENT_LINE_FIELDS = ['date', 'debit', 'credit', 'move.description'];
export const TAX_FIELDS = ['name', 'description', 'type', 'rate', 'amount', 'active', 'start_date', 'end_date', 'parent', 'childs', 'write_date', 'create_date'];

const omitUndefined = <T extends object>(o: T): T => Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined)) as T;

/** Everything one invoice maps from; `lines`, `payments` and `maturities` already belong to it. */
export interface InvoiceParts {
  row: Record<string, unknown>;
  lines: Record<string, unknown>[];
  taxes: Map<number, Record<string, unknown>>;
  payments: Record<string, unknown>[];
  /** maturity_date of the invoice's lines to pay. */
  maturities: unknown[];
}

/** What is still owed: the whole total until posted, Tryton's amount_to_pay after, nothing once paid or cancelled. */
export function amountDue(state: string, total: number, amountToPay: number): number {
  if (state === 'draft' || state === 'validated') return total;
  if (state === 'posted') return amountToPay;
  return 0;
}

/** Tryton state + amount due → the contract's status (10.4: Submitted / PartiallyPaid / Paid from amountDue). */
export function invoiceStatus(state: string, total: number, due: number): InvoiceStatus {
  switch (state) {
    case 'draft':
    case 'validated':
      return 'Draft';
    case 'posted':
      if (due <= 0) return 'Paid';
      return due < total ? 'PartiallyPaid' : 'Submitted';
    case 'paid':
      return 'Paid';
    case 'cancelled':
      return 'Void';
    default:
      return 'Unknown';
  }
}

export function billStatus(state: string, total: number, due: number): BillStatus {
  const s = invoiceStatus(state, total, due);
  return s === 'Submitted' ? 'Open' : s;
}

/** Per-line tax: Tryton stores tax totals per invoice only, so this is the line's share, rounded to cents. */
export function lineTax(amount: number, quantity: number, taxes: Record<string, unknown>[]): number {
  let tax = 0;
  for (const t of taxes) {
    if (t['type'] === 'percentage') tax += amount * (toNumber(t['rate']) ?? 0);
    else if (t['type'] === 'fixed') tax += quantity * (toNumber(t['amount']) ?? 0);
  }
  return cents(tax);
}

/** Tryton's rate (0.20) → the contract's percentage (20). */
export const percent = (rate: unknown): number | undefined => {
  const r = toNumber(rate);
  return r === undefined ? undefined : Math.round(r * 1e6) / 1e4;
};

function mapLine(line: Record<string, unknown>, taxes: Map<number, Record<string, unknown>>): LineItem {
  const quantity = toNumber(line['quantity']) ?? 0;
  const subTotal = money(line['amount']);
  const lineTaxes = ((line['taxes'] as number[]) ?? []).map((id) => taxes.get(id)).filter((t): t is Record<string, unknown> => !!t);
  const taxAmount = lineTax(subTotal, quantity, lineTaxes);
  const first = lineTaxes[0];
  const item: LineItem = {
    description: text(line['description']),
    unitAmount: money(line['unit_price']),
    quantity,
    subTotal,
    taxAmount,
    totalAmount: cents(subTotal + taxAmount),
  };
  const account = m2o(line['account']);
  if (account !== undefined) item.accountRef = { id: String(account), name: text(related(line, 'account')?.['name']) };
  if (first) item.taxRateRef = { id: String(first['id']), name: text(first['name']), effectiveTaxRate: percent(first['rate']) };
  return item;
}

function allocations(parts: InvoiceParts, currency: string | undefined): PaymentAllocation[] {
  const sign = parts.row['type'] === 'in' ? -1 : 1; // a customer payment credits receivable, a supplier payment debits payable
  return parts.payments.map((p) => {
    const amount = cents(sign * (money(p['credit']) - money(p['debit'])));
    const date = toIsoDate(p['date']);
    return {
      payment: { id: String(p['id']), reference: text(related(p, 'move')?.['description']), currency, paidOnDate: date, totalAmount: amount },
      allocation: { currency, allocatedOnDate: date, totalAmount: amount },
    };
  });
}

function common(parts: InvoiceParts) {
  const { row } = parts;
  const state = String(row['state']);
  const total = money(row['total_amount']);
  const due = amountDue(state, total, money(row['amount_to_pay']));
  const currency = text(related(row, 'currency')?.['code']);
  const maturities = parts.maturities.map(toDateOnly).filter((d): d is string => !!d).sort();
  const dueDay = maturities[0] ?? toDateOnly(row['payment_term_date']);
  const paidDays = parts.payments.map((p) => toDateOnly(p['date'])).filter((d): d is string => !!d).sort();
  const lines = parts.lines
    .filter((l) => l['type'] === 'line')
    .sort((a, b) => ((a['sequence'] as number) ?? 0) - ((b['sequence'] as number) ?? 0) || (a['id'] as number) - (b['id'] as number));
  return {
    state,
    total,
    due,
    paidOn: paidDays.length ? `${paidDays[paidDays.length - 1]}T00:00:00` : undefined,
    fields: {
      id: String(row['id']),
      issueDate: toIsoDate(row['invoice_date']) ?? toIsoDate(row['create_date']) ?? '',
      dueDate: dueDay ? `${dueDay}T00:00:00` : undefined,
      currency,
      lineItems: lines.map((l) => mapLine(l, parts.taxes)),
      paymentAllocations: allocations(parts, currency),
      subTotal: money(row['untaxed_amount']),
      totalAmount: total,
      amountDue: due,
      note: text(row['comment']) ?? text(row['description']),
      sourceModifiedDate: modifiedAt(row),
      supplementalData: {
        content: { tryton: omitUndefined({ state, number: text(row['number']), reference: text(row['reference']) }) },
      },
    },
  };
}

/** `account.invoice` of type "out" → Invoice. */
export function mapInvoice(parts: InvoiceParts): Invoice {
  const c = common(parts);
  const status = invoiceStatus(c.state, c.total, c.due);
  const party = m2o(parts.row['party']);
  return omitUndefined({
    ...c.fields,
    invoiceNumber: text(parts.row['number']),
    customerRef: party === undefined ? undefined : { id: String(party), companyName: text(related(parts.row, 'party')?.['name']) },
    paidOnDate: status === 'Paid' ? c.paidOn : undefined,
    totalTaxAmount: money(parts.row['tax_amount']),
    status,
  });
}

/** `account.invoice` of type "in" → Bill (reference: the supplier's number, else Tryton's). */
export function mapBill(parts: InvoiceParts): Bill {
  const c = common(parts);
  const party = m2o(parts.row['party']);
  return omitUndefined({
    ...c.fields,
    reference: text(parts.row['reference']) ?? text(parts.row['number']),
    supplierRef: party === undefined ? undefined : { id: String(party), supplierName: text(related(parts.row, 'party')?.['name']) },
    taxAmount: money(parts.row['tax_amount']),
    status: billStatus(c.state, c.total, c.due),
  });
}
