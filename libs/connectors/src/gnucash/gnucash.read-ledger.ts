import type { Account, CompanyInfo, TaxRate } from '@ledgerlink/models';
import { type Db, type Row, bool, str, stringSlot } from './gnucash.book';
import { type Fraction, ZERO, add, frac, toNumber } from './gnucash.fraction';
import { accountKind, addressFromLines } from './gnucash.mapping';
import { PATHS_CTE, type Page, type ReadContext, all, compact, fracOf, keyFilter, list, pageParams } from './gnucash.query';
import { TAX_PERCENT } from './gnucash.entries';

/** Balances from the account's own splits (not its children's), in the account's commodity. */
function balances(db: Db, guids: string[]): Map<string, Fraction> {
  const rows = all(db, `SELECT account_guid, quantity_denom, SUM(quantity_num) AS quantity_num FROM splits
    WHERE account_guid IN (SELECT value FROM json_each(@ids)) GROUP BY account_guid, quantity_denom`, { ids: list(guids) });
  const out = new Map<string, Fraction>();
  for (const r of rows) out.set(str(r['account_guid']), add(out.get(str(r['account_guid'])) ?? ZERO, fracOf(r, 'quantity')));
  return out;
}

export function readAccounts({ db, roots }: ReadContext, page: Page): Account[] {
  const rows = all(db, `WITH RECURSIVE ${PATHS_CTE}
    SELECT a.guid, a.name, a.account_type, a.code, a.description, a.hidden, p.path, c.mnemonic AS currency
    FROM paths p JOIN accounts a ON a.guid = p.guid LEFT JOIN commodities c ON c.guid = a.commodity_guid
    WHERE ${keyFilter('a.guid', page)} ORDER BY a.guid LIMIT @limit`, pageParams(page, { root: roots.root }));
  const sums = balances(db, rows.map((r) => str(r['guid'])));
  return rows.map((r) => {
    const kind = accountKind(str(r['account_type']));
    return compact({
      id: str(r['guid']),
      nominalCode: str(r['code']),
      name: str(r['name']),
      description: str(r['description']),
      fullyQualifiedCategory: kind?.category,
      fullyQualifiedName: str(r['path']),
      currency: str(r['currency']),
      currentBalance: toNumber(sums.get(str(r['guid'])) ?? ZERO),
      type: kind?.type ?? 'Unknown',
      status: bool(r['hidden']) ? 'Archived' : 'Active',
      isBankAccount: kind?.isBankAccount ?? false,
    }) as Account;
  });
}

/** Visible tax tables (GnuCash's invisible per-use child copies are skipped). */
export function readTaxRates({ db, roots }: ReadContext, page: Page): TaxRate[] {
  const tables = all(db, `SELECT guid, name, invisible FROM taxtables t WHERE parent IS NULL AND ${keyFilter('guid', page)}
    ORDER BY guid LIMIT @limit`, pageParams(page));
  const entries = all(db, `WITH RECURSIVE ${PATHS_CTE}
    SELECT e.taxtable, e.amount_num, e.amount_denom, e.type, p.path FROM taxtable_entries e LEFT JOIN paths p ON p.guid = e.account
    WHERE e.taxtable IN (SELECT value FROM json_each(@ids)) ORDER BY e.id`, { root: roots.root, ids: list(tables.map((t) => t['guid'])) });
  return tables.map((t) => {
    const mine = entries.filter((e) => e['taxtable'] === t['guid']);
    const percent = mine.filter((e) => Number(e['type']) === TAX_PERCENT).reduce((s, e) => add(s, fracOf(e, 'amount')), frac(0));
    return {
      id: str(t['guid']),
      code: str(t['name']),
      name: str(t['name']),
      effectiveTaxRate: toNumber(percent),
      totalTaxRate: toNumber(percent),
      components: mine.map((e) => taxComponent(e)),
      status: bool(t['invisible']) ? 'Archived' : 'Active',
    };
  });
}

function taxComponent(e: Row): { name: string; rate?: number; isCompound: boolean } {
  const amount = toNumber(fracOf(e, 'amount'));
  const account = str(e['path']);
  if (Number(e['type']) === TAX_PERCENT) return { name: account, rate: amount, isCompound: false };
  return { name: `${account} (fixed ${amount} per line)`, isCompound: false };
}

/** Company info from the book's Business options (File › Properties › Business in GnuCash). */
export function readCompany(db: Db, fileName: string): CompanyInfo {
  const option = (name: string) => stringSlot(db, `options/Business/${name}`);
  const address = option('Company Address');
  const phone = option('Company Phone Number');
  const url = option('Company Website URL');
  const currency = db
    .prepare(`SELECT c.mnemonic FROM accounts a JOIN commodities c ON c.guid = a.commodity_guid
      WHERE c.namespace = 'CURRENCY' GROUP BY c.mnemonic ORDER BY COUNT(*) DESC, c.mnemonic LIMIT 1`)
    .pluck()
    .get() as string | undefined;
  const billing = address ? addressFromLines('Billing', address.split(/\r?\n/)) : undefined;
  return compact({
    companyName: option('Company Name') ?? fileName,
    companyLegalName: option('Company Name'),
    taxNumber: option('Company ID'),
    baseCurrency: currency,
    addresses: billing ? [billing] : undefined,
    phoneNumbers: phone ? [{ number: phone, type: 'Primary' }] : undefined,
    webLinks: url ? [{ type: 'Website' as const, url }] : undefined,
  });
}
