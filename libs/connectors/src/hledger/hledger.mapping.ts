import type { Account, AccountType, JournalEntry, JournalLine } from '@ledgerlink/models';
import { stableUuid } from '../stable-id';
import { type Decimal, decimalFromHledger, decimalToNumber, formatDecimal, isZero } from './hledger.decimal';
import type { HledgerAccount, HledgerAmount, HledgerTransaction } from './hledger.types';

/** hledger's account type codes: Asset, Liability, Equity, Revenue, eXpense, Cash, conVersion. */
export type HledgerTypeCode = 'A' | 'L' | 'E' | 'R' | 'X' | 'C' | 'V';

const TYPE_WORDS: Record<string, HledgerTypeCode> = {
  a: 'A',
  asset: 'A',
  assets: 'A',
  l: 'L',
  liability: 'L',
  liabilities: 'L',
  e: 'E',
  equity: 'E',
  r: 'R',
  revenue: 'R',
  revenues: 'R',
  income: 'R',
  x: 'X',
  expense: 'X',
  expenses: 'X',
  c: 'C',
  cash: 'C',
  v: 'V',
  conversion: 'V',
};

/** Parses the value of an `account NAME  ; type: X` declaration (a code or a word, any case). */
export function parseDeclaredType(value: string | undefined): HledgerTypeCode | undefined {
  if (!value) return undefined;
  return TYPE_WORDS[value.trim().toLowerCase()];
}

// hledger's own name conventions for accounts without a declared type (Hledger.Data.AccountName).
const CASH_RE = /^assets?(:.+)?:(cash|bank|che(ck|que)(ing)?|savings?|current)(:|$)/i;
const NAME_RULES: [RegExp, HledgerTypeCode][] = [
  [CASH_RE, 'C'],
  [/^assets?(:|$)/i, 'A'],
  [/^(debts?|liabilit(y|ies))(:|$)/i, 'L'],
  [/^equity(:|$)/i, 'E'],
  [/^(income|revenue)s?(:|$)/i, 'R'],
  [/^expenses?(:|$)/i, 'X'],
];

/** The type hledger infers from the account name, if any. */
export function typeFromName(fullName: string): HledgerTypeCode | undefined {
  return NAME_RULES.find(([re]) => re.test(fullName))?.[1];
}

export function accountTypeOf(code: HledgerTypeCode | undefined): AccountType {
  switch (code) {
    case 'A':
    case 'C':
      return 'Asset';
    case 'L':
      return 'Liability';
    case 'E':
    case 'V':
      return 'Equity';
    case 'R':
      return 'Income';
    case 'X':
      return 'Expense';
    default:
      return 'Unknown';
  }
}

/**
 * Declared account types. hledger-web's /accounts does not carry them; they reach the API as the
 * `type` tag on every posting to the account (inherited from a declared parent too).
 */
export function declaredTypes(transactions: HledgerTransaction[]): Map<string, HledgerTypeCode> {
  const out = new Map<string, HledgerTypeCode>();
  for (const t of transactions) {
    for (const p of t.tpostings) {
      if (out.has(p.paccount)) continue;
      const tag = p.ptags?.find(([name]) => name === 'type');
      const code = parseDeclaredType(tag?.[1]);
      if (code) out.set(p.paccount, code);
    }
  }
  return out;
}

export function parentOf(name: string): string | undefined {
  const i = name.lastIndexOf(':');
  return i < 0 ? undefined : name.slice(0, i);
}

export function leafOf(name: string): string {
  return name.slice(name.lastIndexOf(':') + 1);
}

/**
 * The type of each account: its own declared type, else the nearest declared ancestor's, else the
 * one type all its declared descendants agree on (a parent with no postings of its own), else
 * hledger's name convention (assets, liabilities, equity, income/revenue, expenses).
 */
export function resolveTypes(names: string[], declared: Map<string, HledgerTypeCode>): Map<string, HledgerTypeCode | undefined> {
  const out = new Map<string, HledgerTypeCode | undefined>();
  for (const name of names) {
    let code: HledgerTypeCode | undefined;
    for (let n: string | undefined = name; n !== undefined && !code; n = parentOf(n)) code = declared.get(n);
    if (!code) {
      const below = new Set<HledgerTypeCode>();
      for (const [acct, c] of declared) if (acct.startsWith(`${name}:`)) below.add(c);
      if (below.size === 1) code = [...below][0];
      // Cash and plain assets below one parent: the parent is an asset.
      else if (below.size === 2 && below.has('A') && below.has('C')) code = 'A';
    }
    out.set(name, code ?? typeFromName(name));
  }
  return out;
}

const CURRENCY_SYMBOLS: Record<string, string> = { $: 'USD', '€': 'EUR', '£': 'GBP', '¥': 'JPY', '₹': 'INR', '₣': 'CHF' };

/** ISO 4217 code for an hledger commodity, when it is one ("EUR") or a well-known symbol ("€"). */
export function commodityToCurrency(commodity: string): string | undefined {
  if (/^[A-Z]{3}$/.test(commodity)) return commodity;
  return CURRENCY_SYMBOLS[commodity];
}

/** The journal commodity to write for a requested currency: the commodity itself, or the symbol the journal uses for it. */
export function currencyToCommodity(currency: string, commodities: string[]): string | undefined {
  if (commodities.includes(currency)) return currency;
  return commodities.find((c) => commodityToCurrency(c) === currency);
}

/** Single-commodity balance of a mixed amount; undefined when several commodities are non-zero. */
export function singleBalance(amounts: HledgerAmount[]): { value: Decimal; commodity?: string } | undefined {
  const nonZero = amounts.filter((a) => !isZero(decimalFromHledger(a.aquantity)));
  if (nonZero.length === 0) return { value: { mantissa: 0n, places: 0 }, commodity: amounts.length === 1 ? amounts[0].acommodity : undefined };
  if (nonZero.length > 1) return undefined;
  return { value: decimalFromHledger(nonZero[0].aquantity), commodity: nonZero[0].acommodity };
}

/**
 * Maps hledger accounts to the unified Account. `names` comes from /accountnames (declared and
 * implied accounts; /accounts leaves out declared accounts that have no postings yet).
 */
export function mapAccounts(names: string[], accounts: HledgerAccount[], transactions: HledgerTransaction[]): Account[] {
  const byName = new Map(accounts.map((a) => [a.aname, a]));
  const all = [...new Set([...names, ...accounts.map((a) => a.aname).filter((n) => n !== 'root')])];
  const types = resolveTypes(all, declaredTypes(transactions));
  return all.map((name) => {
    const code = types.get(name);
    const type = accountTypeOf(code);
    const account: Account = {
      id: name,
      name: leafOf(name),
      fullyQualifiedName: name,
      type,
      status: 'Active',
      isBankAccount: code === 'C' || (type === 'Asset' && CASH_RE.test(name)),
    };
    // Inclusive balance (own postings plus sub-accounts), as `hledger bal --tree` shows it.
    const balance = singleBalance(byName.get(name)?.aibalance ?? []);
    if (balance) {
      account.currentBalance = decimalToNumber(balance.value);
      const currency = balance.commodity ? commodityToCurrency(balance.commodity) : undefined;
      if (currency) account.currency = currency;
    }
    return account;
  });
}

/** The identity of a transaction: what it says, not where it sits in the file (status and comments excluded). */
export function transactionFingerprint(t: HledgerTransaction): string {
  return JSON.stringify([
    t.tdate,
    t.tdate2 ?? '',
    t.tcode ?? '',
    t.tdescription ?? '',
    t.tpostings.map((p) => [
      p.paccount,
      p.ptype,
      p.pamount.map((a) => `${formatDecimal(decimalFromHledger(a.aquantity))} ${a.acommodity}`),
    ]),
  ]);
}

/**
 * Stable ids for the transactions of one journal. hledger has no ids and `tindex` is a position
 * (it shifts when a transaction is inserted or removed above, or the file is re-sorted), so the id
 * is a hash of the content; identical transactions are told apart by their occurrence number.
 */
export function journalEntryIds(transactions: HledgerTransaction[]): string[] {
  const seen = new Map<string, number>();
  return transactions.map((t) => {
    const fp = transactionFingerprint(t);
    const n = seen.get(fp) ?? 0;
    seen.set(fp, n + 1);
    return stableUuid(`hledger:txn:${fp}${n ? `#${n}` : ''}`);
  });
}

function cleanComment(comment: string | undefined): string | undefined {
  const text = (comment ?? '').replace(/\s*\n\s*/g, ' ').trim();
  return text || undefined;
}

function line(account: string, value: Decimal, commodity: string | undefined, description: string | undefined): JournalLine {
  const out: JournalLine = { netAmount: decimalToNumber(value), accountRef: { id: account, name: leafOf(account) } };
  if (description) out.description = description;
  const currency = commodity ? commodityToCurrency(commodity) : undefined;
  if (currency) out.currency = currency;
  return out;
}

/**
 * Maps one hledger transaction. hledger's sign convention is already the unified one (debit
 * positive). Unbalanced virtual postings `(account)` are left out: they are memo lines outside
 * double entry. A posting with several commodities gives one line per commodity.
 */
export function mapTransaction(t: HledgerTransaction, id: string): JournalEntry {
  const journalLines: JournalLine[] = [];
  for (const p of t.tpostings) {
    if (p.ptype === 'VirtualPosting') continue;
    const description = cleanComment(p.pcomment);
    if (p.pamount.length === 0) journalLines.push(line(p.paccount, { mantissa: 0n, places: 0 }, undefined, description));
    for (const a of p.pamount) journalLines.push(line(p.paccount, decimalFromHledger(a.aquantity), a.acommodity, description));
  }
  const entry: JournalEntry = { id, postedOn: `${t.tdate}T00:00:00`, journalLines };
  if (t.tdescription) entry.description = t.tdescription;
  return entry;
}

export function mapTransactions(transactions: HledgerTransaction[]): JournalEntry[] {
  const ids = journalEntryIds(transactions);
  return transactions.map((t, i) => mapTransaction(t, ids[i]));
}
