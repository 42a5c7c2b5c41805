import type { Bill, BillStatus, Invoice, InvoiceStatus, LineItem, PaymentAllocation } from '@ledgerlink/models';
import { type Row, bool, str } from './gnucash.book';
import { type EntryValues, type TaxComponent, TAX_PERCENT, computeEntry, documentTotals, paymentState } from './gnucash.entries';
import { type Fraction, ZERO, add, frac, mul, neg, round, sum, toNumber } from './gnucash.fraction';
import { gncDay, isoDay } from './gnucash.mapping';
import { PATHS_CTE, type Page, type ReadContext, all, compact, fracOf, groupBy, keyFilter, list, pageParams } from './gnucash.query';

/** Customer invoices and vendor bills share the `invoices` table; `entries` has one column set per side. */
export interface Side {
  ownerTable: 'customers' | 'vendors';
  /** invoices.owner_type: 2 customer, 4 vendor (3 = a job, resolved to the job's owner). */
  ownerType: number;
  /**
   * Where an entry points at its document: customer lines use `invoice`; vendor lines use `bill`
   * (GnuCash's bill editor) or `invoice` (gncInvoiceAddEntry, e.g. the Python bindings).
   */
  entryColumn: 'invoice' | 'bill';
  prefix: 'i' | 'b';
  /** +1: the A/R posting is a debit; -1: the A/P posting is a credit. */
  sign: bigint;
}
export const CUSTOMER_SIDE: Side = { ownerTable: 'customers', ownerType: 2, entryColumn: 'invoice', prefix: 'i', sign: 1n };
export const VENDOR_SIDE: Side = { ownerTable: 'vendors', ownerType: 4, entryColumn: 'bill', prefix: 'b', sign: -1n };

interface Doc {
  row: Row;
  lines: LineItem[];
  subTotal: Fraction;
  tax: Fraction;
  total: Fraction;
  discount: Fraction;
  due: Fraction;
  allocations: PaymentAllocation[];
  paidOn?: string;
  state: 'Draft' | 'Void' | 'Unpaid' | 'PartiallyPaid' | 'Paid';
}

function documentRows({ db }: ReadContext, side: Side, page: Page): Row[] {
  return all(db, `SELECT i.guid, i.id, i.date_opened, i.date_posted, i.notes, i.post_txn, i.post_lot, i.post_acc,
      c.mnemonic AS currency, c.fraction, o.guid AS owner_guid, o.name AS owner_name,
      (SELECT timespec_val FROM slots WHERE obj_guid = i.post_txn AND name = 'trans-date-due') AS due,
      EXISTS (SELECT 1 FROM slots WHERE obj_guid = i.post_txn AND name = 'void-reason') AS voided
    FROM invoices i JOIN commodities c ON c.guid = i.currency
    LEFT JOIN jobs j ON i.owner_type = 3 AND j.guid = i.owner_guid
    JOIN ${side.ownerTable} o ON o.guid = COALESCE(j.owner_guid, i.owner_guid)
    WHERE (i.owner_type = @ownerType OR j.owner_type = @ownerType)
      AND NOT EXISTS (SELECT 1 FROM slots s WHERE s.obj_guid = i.guid AND s.name = 'credit-note' AND s.int64_val <> 0)
      AND (@from = '' OR ll_day(COALESCE(i.date_posted, i.date_opened)) >= @from)
      AND ${keyFilter('i.guid', page)} ORDER BY i.guid LIMIT @limit`, pageParams(page, { ownerType: side.ownerType }));
}

function entryRows({ db, roots }: ReadContext, side: Side, docs: Row[]): Row[] {
  const p = side.prefix;
  const doc = side.entryColumn === 'bill' ? 'COALESCE(e.bill, e.invoice)' : 'e.invoice';
  const discount = p === 'i' ? 'e.i_discount_num AS discount_num, e.i_discount_denom AS discount_denom, e.i_disc_type AS disc_type, e.i_disc_how AS disc_how' : '0 AS discount_num, 1 AS discount_denom, NULL AS disc_type, NULL AS disc_how';
  return all(db, `WITH RECURSIVE ${PATHS_CTE}
    SELECT ${doc} AS doc, e.description, e.quantity_num, e.quantity_denom, e.${p}_acct AS acct, a.path,
      e.${p}_price_num AS price_num, e.${p}_price_denom AS price_denom, ${discount},
      e.${p}_taxable AS taxable, e.${p}_taxincluded AS taxincluded, e.${p}_taxtable AS taxtable
    FROM entries e LEFT JOIN paths a ON a.guid = e.${p}_acct
    WHERE ${doc} IN (SELECT value FROM json_each(@ids))
    ORDER BY e.date, e.date_entered, e.description, e.action, e.guid`, { root: roots.root, ids: list(docs.map((d) => d['guid'])) });
}

interface TaxTable {
  id: string;
  name: string;
  rate: number;
  components: TaxComponent[];
}

/** Tax tables by guid (an entry points at GnuCash's invisible copy; its id is the visible table's). */
function taxTables({ db }: ReadContext, entries: Row[]): Map<string, TaxTable> {
  const rows = all(db, `SELECT t.guid, v.guid AS visible, v.name, e.account, e.amount_num, e.amount_denom, e.type
    FROM taxtables t JOIN taxtables v ON v.guid = COALESCE(t.parent, t.guid) LEFT JOIN taxtable_entries e ON e.taxtable = t.guid
    WHERE t.guid IN (SELECT value FROM json_each(@ids)) ORDER BY e.id`, { ids: list(entries.map((e) => e['taxtable'])) });
  const out = new Map<string, TaxTable>();
  for (const [guid, es] of groupBy(rows, 'guid')) {
    const components = es.filter((e) => e['account'] !== null).map((e) => ({ account: str(e['account']), type: Number(e['type']), amount: fracOf(e, 'amount') }));
    const percent = sum(components.filter((c) => c.type === TAX_PERCENT).map((c) => c.amount));
    out.set(guid, { id: str(es[0]['visible']), name: str(es[0]['name']), rate: toNumber(percent), components });
  }
  return out;
}

/** The splits in the documents' lots (searched through the A/R or A/P accounts, which are indexed). */
function lotSplits({ db }: ReadContext, docs: Row[]): Map<string, Row[]> {
  const rows = all(db, `SELECT s.lot_guid, s.tx_guid, s.value_num, s.value_denom, s.memo, t.num, t.post_date
    FROM splits s JOIN transactions t ON t.guid = s.tx_guid
    WHERE s.account_guid IN (SELECT value FROM json_each(@accounts)) AND s.lot_guid IN (SELECT value FROM json_each(@lots))
    ORDER BY t.post_date, t.guid`, { accounts: list(docs.map((d) => d['post_acc'])), lots: list(docs.map((d) => d['post_lot'])) });
  return groupBy(rows, 'lot_guid');
}

function lineItem(e: Row, v: EntryValues, table: TaxTable | undefined, fraction: bigint): LineItem {
  const subTotal = round(v.net, fraction);
  const tax = round(sum([...v.taxes.values()]), fraction);
  const discount = round(v.discount, fraction);
  return compact({
    description: str(e['description']),
    unitAmount: toNumber(fracOf(e, 'price')),
    quantity: toNumber(fracOf(e, 'quantity')),
    discountAmount: discount.num ? toNumber(discount) : undefined,
    subTotal: toNumber(subTotal),
    taxAmount: toNumber(tax),
    totalAmount: toNumber(add(subTotal, tax)),
    accountRef: e['acct'] ? { id: str(e['acct']), name: str(e['path']) } : undefined,
    taxRateRef: table ? { id: table.id, name: table.name, effectiveTaxRate: table.rate } : undefined,
  });
}

/** Lines, GnuCash's totals, what is still due on the lot, and the payments applied to it. */
function documents(ctx: ReadContext, side: Side, page: Page): Doc[] {
  const rows = documentRows(ctx, side, page);
  const entries = entryRows(ctx, side, rows);
  const tables = taxTables(ctx, entries);
  const lots = lotSplits(ctx, rows);
  const byDoc = groupBy(entries, 'doc');
  return rows.map((row) => {
    const fraction = row['fraction'] as bigint;
    const mine = byDoc.get(str(row['guid'])) ?? [];
    const values = mine.map((e) => {
      const table = bool(e['taxable']) ? tables.get(str(e['taxtable'])) : undefined;
      const v = computeEntry({
        quantity: fracOf(e, 'quantity'),
        price: fracOf(e, 'price'),
        discount: fracOf(e, 'discount'),
        discountType: str(e['disc_type']),
        discountHow: str(e['disc_how']),
        taxable: table !== undefined,
        taxIncluded: bool(e['taxincluded']),
        taxes: table?.components ?? [],
      });
      return { v, line: lineItem(e, v, table, fraction) };
    });
    const totals = documentTotals(values.map((x) => x.v), fraction);
    const posted = row['date_posted'] !== null && row['post_lot'] !== null;
    const lot = posted ? (lots.get(str(row['post_lot'])) ?? []) : [];
    // what is still due = the lot's balance (A/R: debit positive; A/P: credit, so negated)
    const due = posted ? mul(sum(lot.map((s) => fracOf(s, 'value'))), frac(side.sign)) : totals.total;
    const payments = lot.filter((s) => s['tx_guid'] !== row['post_txn']);
    const allocations = payments.map((s) => allocation(s, side, str(row['currency'])));
    const state = !posted ? 'Draft' : bool(row['voided']) ? 'Void' : paymentState(totals.total, due);
    const lastPaid = payments.map((s) => gncDay(s['post_date'])).filter((d): d is string => !!d).sort().pop();
    return {
      row,
      lines: values.map((x) => x.line),
      subTotal: totals.subTotal,
      tax: totals.tax,
      total: totals.total,
      discount: sum(values.map((x) => round(x.v.discount, fraction))),
      due: state === 'Void' ? ZERO : due,
      allocations,
      paidOn: state === 'Paid' ? lastPaid : undefined,
      state,
    };
  });
}

function allocation(s: Row, side: Side, currency: string): PaymentAllocation {
  const amount = toNumber(side.sign > 0n ? neg(fracOf(s, 'value')) : fracOf(s, 'value'));
  const day = gncDay(s['post_date']);
  return {
    payment: compact({ id: str(s['tx_guid']), reference: str(s['num']), note: str(s['memo']), currency, paidOnDate: day && isoDay(day) }),
    allocation: compact({ currency, allocatedOnDate: day && isoDay(day), totalAmount: amount }),
  };
}

/** Shared fields of invoices and bills. */
function base(d: Doc) {
  const issued = gncDay(d.row['date_posted']) ?? gncDay(d.row['date_opened']);
  const dueDay = gncDay(d.row['due']);
  return {
    id: str(d.row['guid']),
    issueDate: issued ? isoDay(issued) : '',
    dueDate: dueDay ? isoDay(dueDay) : undefined,
    currency: str(d.row['currency']),
    lineItems: d.lines,
    paymentAllocations: d.allocations.length ? d.allocations : undefined,
    totalAmount: toNumber(d.total),
    amountDue: toNumber(d.due),
    note: str(d.row['notes']),
  };
}

export function readInvoices(ctx: ReadContext, page: Page): Invoice[] {
  return documents(ctx, CUSTOMER_SIDE, page).map((d) =>
    compact({
      ...base(d),
      invoiceNumber: str(d.row['id']),
      customerRef: { id: str(d.row['owner_guid']), companyName: str(d.row['owner_name']) },
      paidOnDate: d.paidOn && isoDay(d.paidOn),
      totalDiscount: d.discount.num ? toNumber(d.discount) : undefined,
      subTotal: toNumber(d.subTotal),
      totalTaxAmount: toNumber(d.tax),
      status: (d.state === 'Unpaid' ? 'Submitted' : d.state) as InvoiceStatus,
    }),
  );
}

export function readBills(ctx: ReadContext, page: Page): Bill[] {
  return documents(ctx, VENDOR_SIDE, page).map((d) =>
    compact({
      ...base(d),
      reference: str(d.row['id']),
      supplierRef: { id: str(d.row['owner_guid']), supplierName: str(d.row['owner_name']) },
      subTotal: toNumber(d.subTotal),
      taxAmount: toNumber(d.tax),
      status: (d.state === 'Unpaid' ? 'Open' : d.state) as BillStatus,
    }),
  );
}
