import type { BillPayment, JournalEntry, Payment, PaymentLine } from '@ledgerlink/models';
import { type Row, str } from './gnucash.book';
import { ZERO, add, neg, toNumber } from './gnucash.fraction';
import { gncDay, gncTimestamp, isoDay } from './gnucash.mapping';
import { PATHS_CTE, type Page, type ReadContext, all, compact, fracOf, groupBy, keyFilter, list, pageParams } from './gnucash.query';

/** Splits of the given transactions, with account path and type, and what their lot belongs to. */
function splitRows({ db, roots }: ReadContext, txs: Row[]): Map<string, Row[]> {
  const rows = all(db, `WITH RECURSIVE ${PATHS_CTE}
    SELECT s.tx_guid, s.account_guid, a.account_type, p.path, s.memo, s.value_num, s.value_denom, s.lot_guid,
      i.guid AS invoice_guid, COALESCE(j.owner_guid, i.owner_guid,
        (SELECT o.guid_val FROM slots f JOIN slots o ON o.obj_guid = f.guid_val AND o.name = 'gncOwner/owner-guid'
         WHERE f.obj_guid = s.lot_guid AND f.name = 'gncOwner')) AS owner_guid
    FROM splits s JOIN accounts a ON a.guid = s.account_guid LEFT JOIN paths p ON p.guid = s.account_guid
    LEFT JOIN invoices i ON s.lot_guid IS NOT NULL AND i.post_lot = s.lot_guid
    LEFT JOIN jobs j ON i.owner_type = 3 AND j.guid = i.owner_guid
    WHERE s.tx_guid IN (SELECT value FROM json_each(@ids)) ORDER BY s.rowid`, { root: roots.root, ids: list(txs.map((t) => t['guid'])) });
  return groupBy(rows, 'tx_guid');
}

const TX_COLUMNS = 't.guid, t.num, t.post_date, t.enter_date, t.description, c.mnemonic AS currency';

interface PaymentSide {
  control: 'RECEIVABLE' | 'PAYABLE';
  owners: 'customers' | 'vendors';
  link: 'Invoice' | 'Bill';
}

/**
 * GnuCash payments: transactions of type "P" (slot trans-txn-type) with a split on an A/R (or A/P)
 * account. Each such split is one line; its lot tells which invoice (or bill) it paid, or that it
 * is a payment on account (an owner's pre-payment lot).
 */
function paymentRecords(ctx: ReadContext, side: PaymentSide, page: Page) {
  const txs = all(ctx.db, `SELECT ${TX_COLUMNS} FROM transactions t JOIN commodities c ON c.guid = t.currency_guid
    WHERE EXISTS (SELECT 1 FROM slots k WHERE k.obj_guid = t.guid AND k.name = 'trans-txn-type' AND k.string_val = 'P')
      AND EXISTS (SELECT 1 FROM splits s JOIN accounts a ON a.guid = s.account_guid WHERE s.tx_guid = t.guid AND a.account_type = @control)
      AND (@from = '' OR ll_day(t.post_date) >= @from) AND ${keyFilter('t.guid', page)}
    ORDER BY t.guid LIMIT @limit`, pageParams(page, { control: side.control }));
  const splits = splitRows(ctx, txs);
  const ownerIds = [...splits.values()].flat().map((s) => s['owner_guid']);
  const names = new Map(all(ctx.db, `SELECT guid, name FROM ${side.owners} WHERE guid IN (SELECT value FROM json_each(@ids))`, { ids: list(ownerIds) }).map((r) => [str(r['guid']), str(r['name'])]));
  return txs.map((t) => {
    const mine = splits.get(str(t['guid'])) ?? [];
    const control = mine.filter((s) => s['account_type'] === side.control);
    const other = mine.find((s) => s['account_type'] !== side.control);
    const day = gncDay(t['post_date']) ?? '';
    // customer payment: A/R is credited (negative); bill payment: A/P is debited (positive)
    const paid = (s: Row) => (side.control === 'RECEIVABLE' ? neg(fracOf(s, 'value')) : fracOf(s, 'value'));
    const lines: PaymentLine[] = control.map((s) => ({
      amount: toNumber(paid(s)),
      allocatedOnDate: isoDay(day),
      links: [
        compact({
          type: s['invoice_guid'] ? side.link : s['owner_guid'] ? 'PaymentOnAccount' : 'Unlinked',
          id: str(s['invoice_guid']),
          amount: toNumber(neg(paid(s))),
        }),
      ],
    }));
    const owner = str(control.find((s) => s['owner_guid'])?.['owner_guid']);
    return {
      owner,
      ownerName: names.get(owner),
      record: compact({
        id: str(t['guid']),
        date: isoDay(day),
        accountRef: other ? { id: str(other['account_guid']), name: str(other['path']) } : undefined,
        totalAmount: toNumber(control.reduce((s, c) => add(s, paid(c)), ZERO)),
        currency: str(t['currency']),
        note: str(control[0]?.['memo']),
        reference: str(t['num']),
        lines,
      }),
    };
  });
}

export function readPayments(ctx: ReadContext, page: Page): Payment[] {
  return paymentRecords(ctx, { control: 'RECEIVABLE', owners: 'customers', link: 'Invoice' }, page).map(
    (p) => compact({ ...p.record, customerRef: p.owner ? compact({ id: p.owner, companyName: p.ownerName }) : undefined }) as Payment,
  );
}

export function readBillPayments(ctx: ReadContext, page: Page): BillPayment[] {
  return paymentRecords(ctx, { control: 'PAYABLE', owners: 'vendors', link: 'Bill' }, page).map(
    (p) => compact({ ...p.record, supplierRef: p.owner ? compact({ id: p.owner, supplierName: p.ownerName }) : undefined }) as BillPayment,
  );
}

/**
 * Every transaction of the book (plain journals, invoice postings and payments), except the
 * templates of scheduled transactions. Lines carry the split values: debit positive.
 */
export function readJournalEntries(ctx: ReadContext, page: Page): JournalEntry[] {
  // joins, not correlated subqueries: SQLite then builds one automatic index on invoices.post_txn
  const txs = all(ctx.db, `SELECT ${TX_COLUMNS}, k.string_val AS txn_type, i.guid AS invoice_guid, COALESCE(j.owner_type, i.owner_type) AS owner_type
    FROM transactions t JOIN commodities c ON c.guid = t.currency_guid
    LEFT JOIN slots k ON k.obj_guid = t.guid AND k.name = 'trans-txn-type'
    LEFT JOIN invoices i ON i.post_txn = t.guid
    LEFT JOIN jobs j ON i.owner_type = 3 AND j.guid = i.owner_guid
    WHERE NOT EXISTS (SELECT 1 FROM splits s JOIN accounts a ON a.guid = s.account_guid WHERE s.tx_guid = t.guid AND a.parent_guid = @templateRoot)
      AND (@from = '' OR ll_day(t.post_date) >= @from) AND ${keyFilter('t.guid', page)}
    ORDER BY t.guid LIMIT @limit`, pageParams(page, { templateRoot: ctx.roots.templateRoot }));
  const splits = splitRows(ctx, txs);
  return txs.map((t) => {
    const lines = splits.get(str(t['guid'])) ?? [];
    const day = gncDay(t['post_date']);
    return compact({
      id: str(t['guid']),
      description: str(t['description']),
      postedOn: day && isoDay(day),
      createdOn: gncTimestamp(t['enter_date']),
      journalLines: lines.map((s) =>
        compact({
          netAmount: toNumber(fracOf(s, 'value')),
          description: str(s['memo']),
          currency: str(t['currency']),
          accountRef: { id: str(s['account_guid']), name: str(s['path']) },
        }),
      ),
      recordRef: recordRef(t, lines),
      supplementalData: t['num'] ? { content: { gnucash: { num: str(t['num']) } } } : undefined,
    }) as JournalEntry;
  });
}

/** Which unified record a transaction belongs to: an invoice or bill posting, or a payment. */
function recordRef(t: Row, lines: Row[]): { id: string; dataType: string } | undefined {
  if (t['invoice_guid']) return { id: str(t['invoice_guid']), dataType: Number(t['owner_type']) === 4 ? 'bills' : 'invoices' };
  if (t['txn_type'] !== 'P') return undefined;
  if (lines.some((s) => s['account_type'] === 'RECEIVABLE')) return { id: str(t['guid']), dataType: 'payments' };
  if (lines.some((s) => s['account_type'] === 'PAYABLE')) return { id: str(t['guid']), dataType: 'billPayments' };
  return undefined;
}
