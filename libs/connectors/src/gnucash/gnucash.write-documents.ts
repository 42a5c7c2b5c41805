import { type Row, newGuid, str } from './gnucash.book';
import { type EntryValues, type TaxComponent, computeEntry, documentTotals } from './gnucash.entries';
import { type Fraction, ZERO, add, cmp, frac, isZero, mul, neg, round, scaledNumerator, toDecimalString } from './gnucash.fraction';
import { neutralTime, requestedDay } from './gnucash.mapping';
import { all, fracOf } from './gnucash.query';
import { CUSTOMER_SIDE, type Side } from './gnucash.read-documents';
import { SLOT, nextNumber, putSlot } from './gnucash.slots';
import { type AccountRow, type Currency, Problems, type WriteContext, amount, currencyByCode, currencyByGuid, enteredAt, findAccount, obj, refId, text } from './gnucash.write-support';

interface Line {
  description: string;
  quantity: Fraction;
  price: Fraction;
  discount?: Fraction;
  account: AccountRow;
  taxTable?: string;
  taxes: TaxComponent[];
}

function parseLine(ctx: WriteContext, p: Problems, raw: unknown, field: (name: string) => string, side: Side, currency?: Currency): Line | undefined {
  const l = obj(raw);
  const quantity = amount(p, field('quantity'), l['quantity']);
  const price = amount(p, field('unitAmount'), l['unitAmount']);
  const discount = amount(p, field('discountAmount'), l['discountAmount'], false);
  if (discount && !isZero(discount) && side !== CUSTOMER_SIDE) p.add(field('discountAmount'), 'GnuCash bills have no discounts');
  const accountId = refId(l['accountRef']);
  const account = accountId ? findAccount(ctx, { guid: accountId }) : undefined;
  if (!account) p.add(field('accountRef.id'), accountId ? `account ${accountId} does not exist` : 'accountRef.id is required');
  else if (account.type === 'RECEIVABLE' || account.type === 'PAYABLE') p.add(field('accountRef.id'), 'lines cannot be booked to an A/R or A/P account');
  else if (account.placeholder) p.add(field('accountRef.id'), `account "${account.path}" is a placeholder`);
  else if (currency && account.commodity !== currency.guid) p.add(field('accountRef.id'), `account "${account.path}" is not in ${currency.code}`);
  const taxId = refId(l['taxRateRef']);
  const taxes = taxId
    ? all(ctx.db, 'SELECT e.account, e.amount_num, e.amount_denom, e.type FROM taxtables t JOIN taxtable_entries e ON e.taxtable = t.guid WHERE t.guid = @id AND t.parent IS NULL', { id: taxId })
    : [];
  if (taxId && !taxes.length) p.add(field('taxRateRef.id'), `tax rate ${taxId} does not exist`);
  if (!quantity || !price || !account) return undefined;
  return {
    description: text(l['description']),
    quantity,
    price,
    discount: discount && !isZero(discount) ? discount : undefined,
    account,
    taxTable: taxId || undefined,
    taxes: taxes.map((t: Row) => ({ account: str(t['account']), type: Number(t['type']), amount: fracOf(t, 'amount') })),
  };
}

const valuesOf = (l: Line): EntryValues =>
  computeEntry({ quantity: l.quantity, price: l.price, discount: l.discount, discountType: 'VALUE', discountHow: 'PRETAX', taxable: !!l.taxTable, taxIncluded: false, taxes: l.taxes });

/**
 * A customer invoice or vendor bill, written as GnuCash writes one: the invoices row and its
 * entries; unless it is a draft, also the posting (A/R or A/P transaction with one split per
 * income/expense and tax account, the lot that payments will join, and the slots that tie them).
 */
export function createDocument(ctx: WriteContext, r: Record<string, unknown>, side: Side): string {
  const p = new Problems();
  const invoice = side === CUSTOMER_SIDE;
  const ownerField = invoice ? 'customerRef' : 'supplierRef';
  const ownerId = refId(r[ownerField]);
  const owner = ctx.db.prepare(`SELECT guid, name, currency FROM ${side.ownerTable} WHERE guid = ?`).get(ownerId) as Row | undefined;
  if (!owner) p.add(`${ownerField}.id`, ownerId ? `${ownerField}.id ${ownerId} does not exist` : `${ownerField}.id is required`);
  const currency = owner ? currencyByGuid(ctx.db, str(owner['currency'])) : undefined;
  if (currency && text(r['currency']) && currencyByCode(ctx.db, text(r['currency']))?.guid !== currency.guid) {
    p.add('currency', `GnuCash documents use the ${invoice ? 'customer' : 'supplier'}'s currency (${currency.code})`);
  }
  const issued = requestedDay(r['issueDate']) ?? p.add('issueDate', 'issueDate is required (an ISO date)');
  const due = r['dueDate'] === undefined ? issued : (requestedDay(r['dueDate']) ?? p.add('dueDate', 'dueDate must be an ISO date'));
  const openStatus = invoice ? 'Submitted' : 'Open';
  const status = text(r['status']) || openStatus;
  if (status !== 'Draft' && status !== openStatus) p.add('status', `status must be Draft or ${openStatus}`);
  const numberField = invoice ? 'invoiceNumber' : 'reference';
  const taken = (id: string) => !!ctx.db.prepare('SELECT 1 FROM invoices WHERE id = ? AND owner_type = ?').get(id, side.ownerType);
  if (text(r[numberField]) && taken(text(r[numberField]))) p.add(numberField, `${text(r[numberField])} is already used`);
  const raw = Array.isArray(r['lineItems']) ? (r['lineItems'] as unknown[]) : [];
  if (!raw.length) p.add('lineItems', 'at least one line item is required');
  const lines = raw.map((l, i) => parseLine(ctx, p, l, (f) => `lineItems[${i}].${f}`, side, currency));
  const control = status === 'Draft' ? undefined : controlAccount(ctx, side, currency);
  if (status !== 'Draft' && currency && !control) p.add(ownerField, `the book has no ${invoice ? 'A/Receivable' : 'A/Payable'} account in ${currency.code}`);
  p.throwIfAny(`The ${invoice ? 'invoice' : 'bill'} cannot be created`);

  const ok = lines as Line[];
  const values = ok.map(valuesOf);
  const totals = documentTotals(values, (currency as Currency).fraction);
  const expected = amount(p, 'totalAmount', r['totalAmount'], false);
  if (expected && cmp(expected, totals.total)) p.add('totalAmount', `totalAmount ${toDecimalString(expected)} differs from the total GnuCash computes, ${toDecimalString(totals.total)}`);
  p.throwIfAny(`The ${invoice ? 'invoice' : 'bill'} cannot be created`);

  const guid = newGuid();
  const number = text(r[numberField]) || nextNumber(ctx.db, ctx.roots.book, invoice ? 'gncInvoice' : 'gncBill', taken);
  const doc = { guid, number, owner: owner as Row, currency: currency as Currency, issued: issued as string, due: due as string };
  ctx.db
    .prepare(`INSERT INTO invoices(guid, id, date_opened, date_posted, notes, active, currency, owner_type, owner_guid, terms, billing_id,
        post_txn, post_lot, post_acc, billto_type, billto_guid, charge_amt_num, charge_amt_denom)
      VALUES (?, ?, ?, NULL, ?, 1, ?, ?, ?, NULL, '', NULL, NULL, NULL, NULL, NULL, 0, 1)`)
    .run(guid, number, neutralTime(doc.issued), text(r['note']), doc.currency.guid, side.ownerType, ownerId);
  ok.forEach((l, i) => insertEntry(ctx, side, guid, doc.issued, l, i));
  if (control) post(ctx, side, doc, control, ok, values, totals);
  return guid;
}

function controlAccount(ctx: WriteContext, side: Side, currency?: Currency): string | undefined {
  if (!currency) return undefined;
  const type = side === CUSTOMER_SIDE ? 'RECEIVABLE' : 'PAYABLE';
  const guid = ctx.db
    .prepare('SELECT guid FROM accounts WHERE account_type = ? AND commodity_guid = ? AND placeholder = 0 ORDER BY hidden, code, name LIMIT 1')
    .pluck()
    .get(type, currency.guid);
  return typeof guid === 'string' ? guid : undefined;
}

function insertEntry(ctx: WriteContext, side: Side, doc: string, day: string, l: Line, index: number): void {
  const mine = side.prefix === 'i';
  const none = { acct: null, price_num: 0, price_denom: 1, doc: null, taxable: 1, table: null };
  const used = { acct: l.account.guid, price_num: l.price.num, price_denom: l.price.den, doc, taxable: l.taxTable ? 1 : 0, table: l.taxTable ?? null };
  const i = mine ? used : none;
  const b = mine ? none : used;
  const discount = mine && l.discount ? l.discount : frac(0);
  ctx.db
    .prepare(`INSERT INTO entries(guid, date, date_entered, description, action, notes, quantity_num, quantity_denom,
        i_acct, i_price_num, i_price_denom, i_discount_num, i_discount_denom, invoice, i_disc_type, i_disc_how, i_taxable, i_taxincluded, i_taxtable,
        b_acct, b_price_num, b_price_denom, bill, b_taxable, b_taxincluded, b_taxtable, b_paytype, billable, billto_type, billto_guid, order_guid)
      VALUES (?, ?, ?, ?, '', '', ?, ?, ?, ?, ?, ?, ?, ?, ?, 'PRETAX', ?, 0, ?, ?, ?, ?, ?, ?, 0, ?, 1, 0, NULL, NULL, NULL)`)
    .run(
      newGuid(), neutralTime(day), enteredAt(ctx, index), l.description, l.quantity.num, l.quantity.den,
      i.acct, i.price_num, i.price_denom, discount.num, discount.den, i.doc, l.discount ? 'VALUE' : 'PERCENT', i.taxable, i.table,
      b.acct, b.price_num, b.price_denom, b.doc, b.taxable, b.table,
    );
}

interface Doc {
  guid: string;
  number: string;
  owner: Row;
  currency: Currency;
  issued: string;
  due: string;
}

/** GnuCash's gncInvoicePostToAccount, accumulating splits per account. */
function post(ctx: WriteContext, side: Side, doc: Doc, control: string, lines: Line[], values: EntryValues[], totals: ReturnType<typeof documentTotals>): void {
  const { db } = ctx;
  const txn = newGuid();
  const lot = newGuid();
  const kind = side === CUSTOMER_SIDE ? 'Invoice' : 'Bill';
  const sign = frac(side.sign);
  db.prepare('INSERT INTO transactions(guid, currency_guid, num, post_date, enter_date, description) VALUES (?, ?, ?, ?, ?, ?)')
    .run(txn, doc.currency.guid, doc.number, neutralTime(doc.issued), enteredAt(ctx), str(doc.owner['name']));
  const perAccount = new Map<string, Fraction>();
  const book = (acct: string, v: Fraction) => perAccount.set(acct, add(perAccount.get(acct) ?? ZERO, v));
  lines.forEach((l, i) => book(l.account.guid, round(values[i].net, doc.currency.fraction)));
  for (const [acct, tax] of totals.taxes) book(acct, tax);
  const split = db.prepare(`INSERT INTO splits(guid, tx_guid, account_guid, memo, action, reconcile_state, reconcile_date,
      value_num, value_denom, quantity_num, quantity_denom, lot_guid) VALUES (?, ?, ?, '', ?, 'n', '1970-01-01 00:00:00', ?, ?, ?, ?, ?)`);
  const cents = (v: Fraction) => scaledNumerator(v, doc.currency.fraction);
  const controlValue = cents(mul(totals.total, sign));
  split.run(newGuid(), txn, control, kind, controlValue, doc.currency.fraction, controlValue, doc.currency.fraction, lot);
  for (const [acct, v] of perAccount) {
    if (isZero(v)) continue;
    const value = cents(neg(mul(v, sign)));
    split.run(newGuid(), txn, acct, kind, value, doc.currency.fraction, value, doc.currency.fraction, null);
  }
  db.prepare('INSERT INTO lots(guid, account_guid, is_closed) VALUES (?, ?, -1)').run(lot, control);
  putSlot(db, lot, 'gncInvoice/invoice-guid', SLOT.GUID, { guid_val: doc.guid });
  putSlot(db, lot, 'title', SLOT.STRING, { string_val: `${kind} ${doc.number}` });
  putSlot(db, txn, 'date-posted', SLOT.GDATE, { gdate_val: doc.issued.replaceAll('-', '') });
  putSlot(db, txn, 'gncInvoice/invoice-guid', SLOT.GUID, { guid_val: doc.guid });
  putSlot(db, txn, 'trans-date-due', SLOT.TIME, { timespec_val: neutralTime(doc.due) });
  putSlot(db, txn, 'trans-read-only', SLOT.STRING, { string_val: 'Generated from an invoice. Try unposting the invoice.' });
  putSlot(db, txn, 'trans-txn-type', SLOT.STRING, { string_val: 'I' });
  db.prepare('UPDATE invoices SET date_posted = ?, post_txn = ?, post_lot = ?, post_acc = ? WHERE guid = ?').run(neutralTime(doc.issued), txn, lot, control, doc.guid);
}
