import { ConnectorValidationError } from '../connector';
import { newGuid } from './gnucash.book';
import { type Fraction, ZERO, add, cmp, exactNumerator, neg, sum, toDecimalString } from './gnucash.fraction';
import { neutralTime, requestedDay } from './gnucash.mapping';
import { SLOT, putSlot } from './gnucash.slots';
import { type AccountRow, Problems, type WriteContext, amount, currencyByGuid, enteredAt, findAccount, obj, refId, text } from './gnucash.write-support';

interface JournalLine {
  account: AccountRow;
  value: Fraction;
  memo: string;
}

/**
 * A plain GnuCash transaction: one split per journal line (value = quantity, debit positive).
 * Single-currency only: every account must be in the same currency, which becomes the
 * transaction's. Debits must equal credits exactly.
 */
export function createJournalEntry(ctx: WriteContext, r: Record<string, unknown>): string {
  const p = new Problems();
  const raw = Array.isArray(r['journalLines']) ? (r['journalLines'] as unknown[]) : [];
  if (raw.length < 2) p.add('journalLines', 'a journal entry needs at least two lines');
  const lines = raw.map((x, i): JournalLine | undefined => {
    const l = obj(x);
    const value = amount(p, `journalLines[${i}].netAmount`, l['netAmount']);
    const id = refId(l['accountRef']);
    const account = id ? findAccount(ctx, { guid: id }) : undefined;
    if (!account) return p.add(`journalLines[${i}].accountRef.id`, id ? `account ${id} does not exist` : 'accountRef.id is required');
    if (account.placeholder) return p.add(`journalLines[${i}].accountRef.id`, `account "${account.path}" is a placeholder`);
    return value && { account, value, memo: text(l['description']) };
  });
  const day = r['postedOn'] === undefined ? ctx.now.toISOString().slice(0, 10) : requestedDay(r['postedOn']);
  if (!day) p.add('postedOn', 'postedOn must be an ISO date');
  p.throwIfAny('The journal entry cannot be created');

  const ok = lines as JournalLine[];
  const commodities = new Set(ok.map((l) => l.account.commodity));
  const currency = commodities.size === 1 ? currencyByGuid(ctx.db, [...commodities][0]) : undefined;
  if (!currency) p.add('journalLines', 'all lines must be booked to accounts in one and the same currency');
  ok.forEach((l, i) => {
    const declared = text(obj(raw[i])['currency']);
    if (currency && declared && declared.toUpperCase() !== currency.code) p.add(`journalLines[${i}].currency`, `account "${l.account.path}" is in ${currency.code}, not ${declared}`);
    if (currency && exactNumerator(l.value, currency.fraction) === undefined) p.add(`journalLines[${i}].netAmount`, `more decimals than ${currency.code} allows`);
  });
  p.throwIfAny('The journal entry cannot be created');
  assertBalanced(ok.map((l) => l.value));

  const txn = newGuid();
  const fraction = currency?.fraction ?? 100n;
  ctx.db
    .prepare('INSERT INTO transactions(guid, currency_guid, num, post_date, enter_date, description) VALUES (?, ?, ?, ?, ?, ?)')
    .run(txn, currency?.guid, '', neutralTime(day as string), enteredAt(ctx), text(r['description']));
  const split = ctx.db.prepare(`INSERT INTO splits(guid, tx_guid, account_guid, memo, action, reconcile_state, reconcile_date,
      value_num, value_denom, quantity_num, quantity_denom, lot_guid) VALUES (?, ?, ?, ?, '', 'n', '1970-01-01 00:00:00', ?, ?, ?, ?, NULL)`);
  for (const l of ok) {
    const cents = exactNumerator(l.value, fraction);
    split.run(newGuid(), txn, l.account.guid, l.memo, cents, fraction, cents, fraction);
  }
  putSlot(ctx.db, txn, 'date-posted', SLOT.GDATE, { gdate_val: (day as string).replaceAll('-', '') });
  return txn;
}

/** Debits (positive) must equal credits (negative), exactly. */
export function assertBalanced(values: Fraction[]): void {
  const debits = sum(values.filter((v) => cmp(v, ZERO) > 0));
  const credits = neg(sum(values.filter((v) => cmp(v, ZERO) < 0)));
  if (cmp(debits, credits) !== 0) {
    const message = `Debits ${toDecimalString(debits)} do not equal credits ${toDecimalString(credits)} (difference ${toDecimalString(add(debits, neg(credits)))})`;
    throw new ConnectorValidationError(`The journal entry does not balance: ${message}`, [{ itemId: 'journalLines', message }]);
  }
}
