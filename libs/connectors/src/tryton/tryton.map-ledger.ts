import type { BillPayment, JournalEntry, Payment, TaxRate } from '@ledgerlink/models';
import { percent } from './tryton.map-invoices';
import { cents, m2o, modifiedAt, money, related, text, toDateOnly, toIsoDate, toIsoDateTime, truthy } from './tryton.values';

export const PAYMENT_FIELDS = [
  'date', 'debit', 'credit', 'description', 'party', 'party.name', 'invoice_payment', 'move', 'move.description',
  'second_currency.code', 'amount_second_currency', 'write_date', 'create_date',
];
export const MOVE_FIELDS = ['number', 'date', 'description', 'journal', 'journal.name', 'state', 'write_date', 'create_date'];
export const MOVE_LINE_FIELDS = ['move', 'account', 'account.name', 'debit', 'credit', 'description'];

const omitUndefined = <T extends object>(o: T): T => Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined)) as T;

/** The account on the other side of a payment (the cash/bank line of the same move). */
function counterpart(line: Record<string, unknown>, moveLines: Record<string, unknown>[]) {
  const others = moveLines
    .filter((l) => l['id'] !== line['id'] && m2o(l['move']) === m2o(line['move']))
    .sort((a, b) => Math.abs(money(b['debit']) - money(b['credit'])) - Math.abs(money(a['debit']) - money(a['credit'])));
  const other = others[0];
  const id = other && m2o(other['account']);
  return id === undefined ? undefined : { id: String(id), name: text(related(other, 'account')?.['name']) };
}

/**
 * A payment is the `account.move.line` Tryton links to an invoice as a payment line (`invoice_payment`),
 * as the invoice pay wizard books it: it credits receivable (customer) or debits payable (supplier).
 */
function paymentCommon(line: Record<string, unknown>, moveLines: Record<string, unknown>[], baseCurrency: string | undefined, linkType: string) {
  const supplier = linkType === 'Bill';
  const amount = cents((supplier ? -1 : 1) * (money(line['credit']) - money(line['debit'])));
  const date = toIsoDate(line['date']) ?? '';
  const invoice = m2o(line['invoice_payment']);
  const foreign = text(related(line, 'second_currency')?.['code']);
  return {
    id: String(line['id']),
    date,
    accountRef: counterpart(line, moveLines),
    totalAmount: amount,
    currency: foreign ?? baseCurrency,
    reference: text(related(line, 'move')?.['description']),
    note: text(line['description']),
    lines: [{ amount, allocatedOnDate: date, links: invoice === undefined ? [] : [{ type: linkType, id: String(invoice), amount: -amount }] }],
    sourceModifiedDate: modifiedAt(line),
  };
}

export function mapPayment(line: Record<string, unknown>, moveLines: Record<string, unknown>[], baseCurrency?: string): Payment {
  const party = m2o(line['party']);
  return omitUndefined({
    ...paymentCommon(line, moveLines, baseCurrency, 'Invoice'),
    customerRef: party === undefined ? undefined : { id: String(party), companyName: text(related(line, 'party')?.['name']) },
  });
}

export function mapBillPayment(line: Record<string, unknown>, moveLines: Record<string, unknown>[], baseCurrency?: string): BillPayment {
  const party = m2o(line['party']);
  return omitUndefined({
    ...paymentCommon(line, moveLines, baseCurrency, 'Bill'),
    supplierRef: party === undefined ? undefined : { id: String(party), supplierName: text(related(line, 'party')?.['name']) },
  });
}

/** `account.tax` (top-level) → TaxRate; a group tax ("none" with children) sums its children's rates. */
export function mapTaxRate(tax: Record<string, unknown>, children: Record<string, unknown>[], today: string): TaxRate {
  const parts = tax['type'] === 'percentage' ? [tax] : children.filter((c) => c['type'] === 'percentage');
  const components = parts.map((c) => ({ name: text(c['name']), rate: percent(c['rate']), isCompound: false }));
  const total = components.length ? Math.round(components.reduce((s, c) => s + (c.rate ?? 0), 0) * 1e4) / 1e4 : undefined;
  const end = toDateOnly(tax['end_date']);
  const start = toDateOnly(tax['start_date']);
  const active = (tax['active'] === undefined || truthy(tax['active'])) && (!end || end >= today) && (!start || start <= today);
  return omitUndefined({
    id: String(tax['id']),
    code: text(tax['description']),
    name: text(tax['name']),
    effectiveTaxRate: total,
    totalTaxRate: total,
    components,
    status: active ? ('Active' as const) : ('Archived' as const),
    sourceModifiedDate: modifiedAt(tax),
  });
}

/** `account.move` + its lines → JournalEntry (debit positive, credit negative). */
export function mapJournalEntry(move: Record<string, unknown>, lines: Record<string, unknown>[], baseCurrency?: string): JournalEntry {
  const journal = m2o(move['journal']);
  return omitUndefined({
    id: String(move['id']),
    description: text(move['description']) ?? text(move['number']),
    postedOn: toIsoDate(move['date']),
    createdOn: toIsoDateTime(move['create_date']),
    updatedOn: toIsoDateTime(move['write_date']) ?? toIsoDateTime(move['create_date']),
    journalRef: journal === undefined ? undefined : { id: String(journal), name: text(related(move, 'journal')?.['name']) },
    journalLines: lines.map((l) => {
      const account = m2o(l['account']);
      return omitUndefined({
        netAmount: cents(money(l['debit']) - money(l['credit'])),
        description: text(l['description']),
        currency: baseCurrency,
        accountRef: account === undefined ? undefined : { id: String(account), name: text(related(l, 'account')?.['name']) },
      });
    }),
    sourceModifiedDate: modifiedAt(move),
  });
}
