import type { AccountType, Address } from '@ledgerlink/models';

interface AccountKind {
  /** GnuCash's account_type. */
  gnucash: string;
  type: AccountType;
  /** fullyQualifiedCategory: `<type>.<GnuCash kind>`. */
  category: string;
  isBankAccount: boolean;
  /** Can be created by the connector (currency accounts only: no stock, fund or trading accounts). */
  creatable: boolean;
  label: string;
}

const kind = (gnucash: string, type: AccountType, name: string, label: string, creatable = true, isBankAccount = false): AccountKind => ({
  gnucash,
  type,
  category: `${type}.${name}`,
  isBankAccount,
  creatable,
  label,
});

/** Every GnuCash account type (enum 0–14, plus the legacy CHECKING/SAVINGS/MONEYMRKT/CREDITLINE). */
export const ACCOUNT_KINDS: AccountKind[] = [
  kind('BANK', 'Asset', 'Bank', 'Bank', true, true),
  kind('CASH', 'Asset', 'Cash', 'Cash', true, true),
  kind('ASSET', 'Asset', 'Asset', 'Asset'),
  kind('RECEIVABLE', 'Asset', 'AccountsReceivable', 'A/Receivable'),
  kind('STOCK', 'Asset', 'Stock', 'Stock', false),
  kind('MUTUAL', 'Asset', 'MutualFund', 'Mutual Fund', false),
  kind('CURRENCY', 'Asset', 'Currency', 'Currency', false),
  kind('CREDIT', 'Liability', 'CreditCard', 'Credit Card', true, true),
  kind('LIABILITY', 'Liability', 'Liability', 'Liability'),
  kind('PAYABLE', 'Liability', 'AccountsPayable', 'A/Payable'),
  kind('INCOME', 'Income', 'Income', 'Income'),
  kind('EXPENSE', 'Expense', 'Expense', 'Expense'),
  kind('EQUITY', 'Equity', 'Equity', 'Equity'),
  kind('TRADING', 'Equity', 'Trading', 'Trading', false),
  kind('CHECKING', 'Asset', 'Checking', 'Checking', false, true),
  kind('SAVINGS', 'Asset', 'Savings', 'Savings', false, true),
  kind('MONEYMRKT', 'Asset', 'MoneyMarket', 'Money Market', false, true),
  kind('CREDITLINE', 'Liability', 'CreditLine', 'Credit Line', false),
];

export const accountKind = (gnucashType: string): AccountKind | undefined => ACCOUNT_KINDS.find((k) => k.gnucash === gnucashType);

/** The GnuCash type for a new account: from fullyQualifiedCategory, else from type (+ isBankAccount). */
export function gnucashTypeFor(record: { fullyQualifiedCategory?: unknown; type?: unknown; isBankAccount?: unknown }): string | undefined {
  const category = record.fullyQualifiedCategory;
  if (typeof category === 'string') return ACCOUNT_KINDS.find((k) => k.creatable && k.category.toLowerCase() === category.trim().toLowerCase())?.gnucash;
  if (record.type === 'Asset' && record.isBankAccount === true) return 'BANK';
  const plain: Record<string, string> = { Asset: 'ASSET', Liability: 'LIABILITY', Income: 'INCOME', Expense: 'EXPENSE', Equity: 'EQUITY' };
  return typeof record.type === 'string' ? plain[record.type] : undefined;
}

const BALANCE_SHEET = ['BANK', 'CASH', 'ASSET', 'STOCK', 'MUTUAL', 'CURRENCY', 'CREDIT', 'LIABILITY', 'RECEIVABLE', 'PAYABLE'];

/** GnuCash's xaccAccountTypesCompatible: which parent types an account type may sit under. */
export function typesCompatible(parent: string, child: string): boolean {
  if (parent === 'ROOT') return child !== 'ROOT';
  const family = (t: string) =>
    BALANCE_SHEET.includes(t) ? 'balance' : t === 'INCOME' || t === 'EXPENSE' ? 'pnl' : t === 'EQUITY' ? 'equity' : t;
  return family(parent) === family(child);
}

/** The calendar day of a stored GnuCash date: "2026-11-01 10:59:00" or the pre-2.6.20 "20261101105900". */
export function gncDay(stored: unknown): string | undefined {
  if (typeof stored !== 'string') return undefined;
  const m = /^(\d{4})-?(\d{2})-?(\d{2})/.exec(stored);
  return m ? `${m[1]}-${m[2]}-${m[3]}` : undefined;
}

/** A stored GnuCash timestamp (UTC) as ISO-8601. */
export function gncTimestamp(stored: unknown): string | undefined {
  if (typeof stored !== 'string') return undefined;
  const m = /^(\d{4})-?(\d{2})-?(\d{2})[ T]?(\d{2}):?(\d{2}):?(\d{2})/.exec(stored);
  return m ? `${m[1]}-${m[2]}-${m[3]}T${m[4]}:${m[5]}:${m[6]}Z` : undefined;
}

/** A calendar day for the unified model. */
export const isoDay = (day: string) => `${day}T00:00:00Z`;

/**
 * The calendar day the caller meant ("2026-11-16", "2026-11-16T00:00:00", "…Z" or with an offset):
 * the date as written, never shifted by time zones. Undefined if it is not a date.
 */
export function requestedDay(value: unknown): string | undefined {
  if (typeof value !== 'string') return undefined;
  const m = /^(\d{4})-(\d{2})-(\d{2})(?:$|T)/.exec(value.trim());
  if (!m) return undefined;
  const d = new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])));
  return d.toISOString().slice(0, 10) === `${m[1]}-${m[2]}-${m[3]}` ? `${m[1]}-${m[2]}-${m[3]}` : undefined;
}

/** How GnuCash stores a date-only posting: 10:59:00 UTC, the same calendar day in every time zone. */
export const neutralTime = (day: string) => `${day} 10:59:00`;

/** A timestamp in GnuCash's stored form (UTC, "YYYY-MM-DD HH:MM:SS"). */
export const storedTimestamp = (d: Date) => d.toISOString().slice(0, 19).replace('T', ' ');

/** GnuCash addresses are four free-text lines: line1, line2, then (by convention) city and region. */
export function addressFromLines(type: Address['type'], lines: unknown[]): Address | undefined {
  const [line1, line2, city, region] = lines.map((l) => (typeof l === 'string' ? l.trim() : ''));
  if (!line1 && !line2 && !city && !region) return undefined;
  return { type, ...(line1 && { line1 }), ...(line2 && { line2 }), ...(city && { city }), ...(region && { region }) };
}

/** The four lines written for a unified address: line1, line2, "postcode city", "region, country". */
export function linesFromAddress(a: Partial<Address> | undefined): [string, string, string, string] {
  const text = (v: unknown) => (typeof v === 'string' ? v.trim() : '');
  const join = (parts: unknown[], sep: string) => parts.map(text).filter(Boolean).join(sep);
  return [text(a?.line1), text(a?.line2), join([a?.postalCode, a?.city], ' '), join([a?.region, a?.country], ', ')];
}
