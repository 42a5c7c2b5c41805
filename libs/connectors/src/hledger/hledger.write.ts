import { createHash } from 'node:crypto';
import { ConnectorValidationError } from '../connector';
import {
  type Decimal,
  ZERO,
  addDecimal,
  decimalFromHledger,
  decimalFromNumber,
  formatDecimal,
  isZero,
  negateDecimal,
} from './hledger.decimal';
import { currencyToCommodity } from './hledger.mapping';
import type { HledgerAccount, HledgerAmountStyle, HledgerTransaction } from './hledger.types';

/** The transaction tag that carries the push operation key (idempotency marker). */
export const OP_TAG = 'ledgerlink-op';

/** Most decimal places accepted on a line (a float artefact such as 0.30000000000000004 is refused). */
export const MAX_DECIMAL_PLACES = 10;

export interface ValidationItem {
  itemId?: string;
  message: string;
}

export interface PreparedLine {
  account: string;
  amount: Decimal;
  /** The journal commodity ('' = an amount without commodity, for a journal that has none). */
  commodity: string;
  description?: string;
}

export interface PreparedEntry {
  /** YYYY-MM-DD */
  date: string;
  description: string;
  lines: PreparedLine[];
}

export interface JournalFacts {
  /** From /accountnames: the accounts a line may post to. */
  accountNames: ReadonlySet<string>;
  /** From /commodities, without AUTO. */
  commodities: string[];
}

/**
 * The value of the `ledgerlink-op:` tag for an operation key. hledger tag values end at a comma or
 * line end, so keys made of anything but [A-Za-z0-9._~-] are replaced by their SHA-256.
 */
export function opTagValue(key: string): string {
  if (/^[A-Za-z0-9._~-]{1,200}$/.test(key)) return key;
  return `sha256-${createHash('sha256').update(key).digest('hex')}`;
}

/** The transaction a previous run of this operation created, if any. */
export function findByOpKey(transactions: HledgerTransaction[], key: string): number {
  const value = opTagValue(key);
  return transactions.findIndex((t) => t.ttags?.some(([name, v]) => name === OP_TAG && v.trim() === value));
}

// eslint-disable-next-line no-control-regex
const CONTROL = /[\u0000-\u001f\u007f]/;

/** A calendar date from an ISO date or date-time; the date part is used as written (no zone shift). */
export function parsePostedOn(value: unknown): string | undefined {
  if (typeof value !== 'string') return undefined;
  const m = /^(\d{4})-(\d{2})-(\d{2})(?:$|[T ])/.exec(value.trim());
  if (!m) return undefined;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const date = new Date(Date.UTC(y, mo - 1, d));
  if (date.getUTCFullYear() !== y || date.getUTCMonth() !== mo - 1 || date.getUTCDate() !== d) return undefined;
  return `${m[1]}-${m[2]}-${m[3]}`;
}

/**
 * Debits must equal credits, per commodity, in exact decimal arithmetic. hledger-web's `PUT /add`
 * does not check this, and one unbalanced transaction leaves the journal unparseable.
 */
export function checkBalanced(lines: Pick<PreparedLine, 'amount' | 'commodity'>[]): ValidationItem[] {
  const sums = new Map<string, { debit: Decimal; credit: Decimal }>();
  for (const l of lines) {
    const s = sums.get(l.commodity) ?? { debit: ZERO, credit: ZERO };
    if (l.amount.mantissa > 0n) s.debit = addDecimal(s.debit, l.amount);
    else s.credit = addDecimal(s.credit, l.amount);
    sums.set(l.commodity, s);
  }
  const errors: ValidationItem[] = [];
  for (const [commodity, { debit, credit }] of sums) {
    const diff = addDecimal(debit, credit);
    if (isZero(diff)) continue;
    const unit = commodity ? ` ${commodity}` : '';
    errors.push({
      itemId: 'journalLines',
      message:
        `Journal lines do not balance${commodity ? ` in ${commodity}` : ''}: debits ${formatDecimal(debit)}${unit}, ` +
        `credits ${formatDecimal(negateDecimal(credit))}${unit}, difference ${formatDecimal(diff)}${unit}. ` +
        'The sum of netAmount must be zero.',
    });
  }
  return errors;
}

function resolveCommodity(currency: unknown, facts: JournalFacts, itemId: string, errors: ValidationItem[]): string | undefined {
  if (currency === undefined || currency === null || currency === '') {
    if (facts.commodities.length <= 1) return facts.commodities[0] ?? '';
    errors.push({
      itemId,
      message: `currency is required: the journal has several commodities (${facts.commodities.join(', ')}).`,
    });
    return undefined;
  }
  if (typeof currency !== 'string') {
    errors.push({ itemId, message: 'currency must be a string.' });
    return undefined;
  }
  const known = currencyToCommodity(currency, facts.commodities);
  if (known !== undefined) return known;
  if (/^[A-Z]{3}$/.test(currency)) return currency;
  errors.push({
    itemId,
    message: `Unknown currency "${currency}": use an ISO 4217 code or one of the journal's commodities (${facts.commodities.join(', ') || 'none'}).`,
  });
  return undefined;
}

/**
 * Checks a unified JournalEntry for hledger and turns it into what will be written. Collects every
 * problem and throws one ConnectorValidationError; nothing is sent when this throws.
 */
export function prepareJournalEntry(record: Record<string, unknown> | undefined, facts: JournalFacts): PreparedEntry {
  const errors: ValidationItem[] = [];
  const rec = record ?? {};

  const date = parsePostedOn(rec['postedOn']);
  if (!date) errors.push({ itemId: 'postedOn', message: 'postedOn is required: an ISO date such as 2026-11-20 or 2026-11-20T00:00:00.' });

  let description = '';
  const rawDescription = rec['description'];
  if (rawDescription !== undefined && rawDescription !== null) {
    if (typeof rawDescription !== 'string') errors.push({ itemId: 'description', message: 'description must be a string.' });
    else if (CONTROL.test(rawDescription)) errors.push({ itemId: 'description', message: 'description must not contain line breaks or control characters.' });
    else if (rawDescription.includes(';')) errors.push({ itemId: 'description', message: 'description must not contain ";" (hledger starts a comment there).' });
    else description = rawDescription.trim();
  }

  const lines: PreparedLine[] = [];
  const rawLines = rec['journalLines'];
  if (!Array.isArray(rawLines) || rawLines.length < 2) {
    errors.push({ itemId: 'journalLines', message: 'journalLines needs at least two lines (a debit and a credit).' });
  } else {
    rawLines.forEach((raw: unknown, i) => {
      const at = `journalLines[${i}]`;
      if (!raw || typeof raw !== 'object') {
        errors.push({ itemId: at, message: 'A journal line must be an object.' });
        return;
      }
      const l = raw as Record<string, unknown>;
      let amount: Decimal | undefined;
      const net = l['netAmount'];
      if (typeof net !== 'number' || !Number.isFinite(net)) {
        errors.push({ itemId: `${at}.netAmount`, message: 'netAmount is required: a number, debit positive, credit negative.' });
      } else {
        amount = decimalFromNumber(net);
        if (amount.places > MAX_DECIMAL_PLACES) {
          errors.push({ itemId: `${at}.netAmount`, message: `netAmount ${net} has more than ${MAX_DECIMAL_PLACES} decimal places.` });
        } else if (amount.mantissa > BigInt(Number.MAX_SAFE_INTEGER) || -amount.mantissa > BigInt(Number.MAX_SAFE_INTEGER)) {
          errors.push({ itemId: `${at}.netAmount`, message: `netAmount ${net} is too large to write exactly.` });
        }
      }
      const ref = l['accountRef'] as Record<string, unknown> | undefined;
      const account = ref && typeof ref === 'object' ? ref['id'] : undefined;
      if (typeof account !== 'string' || !account) {
        errors.push({ itemId: `${at}.accountRef.id`, message: 'accountRef.id is required: the full hledger account name, e.g. assets:bank.' });
      } else if (!facts.accountNames.has(account)) {
        errors.push({ itemId: `${at}.accountRef.id`, message: `Unknown account "${account}": it is not in the journal's account list.` });
      }
      let lineDescription: string | undefined;
      const rawLineDescription = l['description'];
      if (rawLineDescription !== undefined && rawLineDescription !== null) {
        if (typeof rawLineDescription !== 'string') errors.push({ itemId: `${at}.description`, message: 'description must be a string.' });
        else if (CONTROL.test(rawLineDescription)) errors.push({ itemId: `${at}.description`, message: 'description must not contain line breaks or control characters.' });
        else if (/(^|[\s,])date2?:/i.test(rawLineDescription)) errors.push({ itemId: `${at}.description`, message: 'description must not contain a "date:" tag (hledger would move the posting to another date).' });
        else lineDescription = rawLineDescription.trim() || undefined;
      }
      const commodity = resolveCommodity(l['currency'], facts, `${at}.currency`, errors);
      if (amount && typeof account === 'string' && commodity !== undefined) {
        lines.push({ account, amount, commodity, ...(lineDescription ? { description: lineDescription } : {}) });
      }
    });
    // Only a complete set of lines can be checked for balance; an incomplete one is already refused.
    if (lines.length === rawLines.length) errors.push(...checkBalanced(lines));
  }

  if (errors.length) {
    throw new ConnectorValidationError(`The journal entry cannot be written to hledger: ${errors.map((e) => e.message).join(' ')}`, errors);
  }
  return { date: date as string, description, lines };
}

/** The display style the journal already uses for each commodity (decimal mark, side, spacing, precision). */
export function commodityStyles(accounts: HledgerAccount[]): Map<string, HledgerAmountStyle> {
  const out = new Map<string, HledgerAmountStyle>();
  for (const a of accounts) {
    for (const amt of [...(a.aibalance ?? []), ...(a.aebalance ?? [])]) {
      if (!out.has(amt.acommodity) && amt.astyle) out.set(amt.acommodity, amt.astyle);
    }
  }
  return out;
}

function styleFor(commodity: string, places: number, known: HledgerAmountStyle | undefined): HledgerAmountStyle {
  const word = /^[A-Za-z]{2,}$/.test(commodity);
  return {
    ascommodityside: known?.ascommodityside ?? (word ? 'R' : 'L'),
    ascommodityspaced: known?.ascommodityspaced ?? word,
    // The journal's own decimal mark: "1234.56" in a journal that writes "1.234,56 EUR" would be read as 123456.
    asdecimalpoint: known?.asdecimalpoint ?? '.',
    // No digit groups: an unambiguous number whatever the journal's grouping.
    asdigitgroups: null,
    // Never fewer places than the amount has, or hledger would round it when writing the file.
    asprecision: Math.max(places, typeof known?.asprecision === 'number' ? known.asprecision : 0),
  };
}

/** The JSON body for hledger-web's `PUT /add` (every key it requires; accounting-peers.md §2.4). */
export function buildAddBody(entry: PreparedEntry, opKey: string, styles: Map<string, HledgerAmountStyle>): HledgerTransaction {
  const tag = opTagValue(opKey);
  const pos = { sourceName: '', sourceLine: 1, sourceColumn: 1 };
  return {
    tindex: 0,
    tdate: entry.date,
    tdate2: null,
    tstatus: 'Unmarked',
    tcode: '',
    tdescription: entry.description,
    tcomment: `${OP_TAG}: ${tag}`,
    ttags: [[OP_TAG, tag]],
    tprecedingcomment: '',
    tsourcepos: [pos, { ...pos }],
    tpostings: entry.lines.map((l) => ({
      paccount: l.account,
      pamount: [
        {
          acommodity: l.commodity,
          aprice: null,
          aquantity: {
            decimalMantissa: Number(l.amount.mantissa),
            decimalPlaces: l.amount.places,
            floatingPoint: Number(formatDecimal(l.amount)),
          },
          astyle: styleFor(l.commodity, l.amount.places, styles.get(l.commodity)),
        },
      ],
      pcomment: l.description ?? '',
      pstatus: 'Unmarked',
      ptags: [],
      ptype: 'RegularPosting',
      pdate: null,
      pdate2: null,
      pbalanceassertion: null,
      poriginal: null,
    })),
  };
}

/** Differences between what was meant to be written and what hledger now serves (empty = identical). */
export function compareWritten(entry: PreparedEntry, written: HledgerTransaction): string[] {
  const problems: string[] = [];
  if (written.tdate !== entry.date) problems.push(`date ${written.tdate} instead of ${entry.date}`);
  if ((written.tdescription ?? '') !== entry.description) problems.push(`description "${written.tdescription}" instead of "${entry.description}"`);
  // Zero amounts are compared by account only: hledger may drop their commodity.
  const got = written.tpostings.flatMap((p) => {
    const amounts = p.pamount.map((a) => decimalFromHledger(a.aquantity));
    const nonZero = p.pamount.filter((_, i) => !isZero(amounts[i]));
    if (nonZero.length === 0) return [`${p.paccount} 0`];
    return nonZero.map((a) => `${p.paccount} ${formatDecimal(decimalFromHledger(a.aquantity))} ${a.acommodity}`);
  });
  const want = entry.lines.map((l) => (isZero(l.amount) ? `${l.account} 0` : `${l.account} ${formatDecimal(l.amount)} ${l.commodity}`));
  if (JSON.stringify(got) !== JSON.stringify(want)) problems.push(`postings [${got.join('; ')}] instead of [${want.join('; ')}]`);
  return problems;
}

