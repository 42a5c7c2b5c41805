import type { BookRoots, Db, Row } from './gnucash.book';
import { type Fraction, frac } from './gnucash.fraction';

/** One keyset page (`guid > after ORDER BY guid LIMIT n`) or one record by guid. */
export interface Page {
  after?: string;
  id?: string;
  limit: number;
  /** History window: only records dated on or after this day (YYYY-MM-DD). */
  from?: string;
}

export interface ReadContext {
  db: Db;
  roots: BookRoots;
}

/** Records of one data type, mapped to the unified model; `id` is the GnuCash guid (the keyset key). */
export type Reader = (ctx: ReadContext, page: Page) => { id: string }[];

/** The WHERE term that selects the page on the guid column `col`. */
export const keyFilter = (col: string, p: Page) => (p.id !== undefined ? `${col} = @id` : `${col} > @after`);

/** Named parameters for a page query (plus extra ones). */
export const pageParams = (p: Page, extra: Record<string, unknown> = {}) => ({
  after: p.after ?? '',
  id: p.id,
  limit: p.id !== undefined ? 1 : p.limit,
  from: p.from ?? '',
  ...extra,
});

/** `paths(guid, path)`: every account below the root with its ':'-separated full name. Needs @root. */
export const PATHS_CTE = `paths(guid, path) AS (
  SELECT guid, name FROM accounts WHERE parent_guid = @root
  UNION ALL SELECT a.guid, paths.path || ':' || a.name FROM accounts a JOIN paths ON a.parent_guid = paths.guid)`;

/** A JSON array parameter for `IN (SELECT value FROM json_each(@list))`. */
export const list = (values: Iterable<unknown>) => JSON.stringify([...new Set(values)].filter((v) => v !== null && v !== undefined));

export const all = <T = Row>(db: Db, sql: string, params: Record<string, unknown> = {}) => db.prepare(sql).all(params) as T[];

/** num/denom columns of a row as an exact fraction (`value` → value_num / value_denom). */
export const fracOf = (r: Row, prefix: string): Fraction => frac((r[`${prefix}_num`] as bigint | null) ?? 0n, (r[`${prefix}_denom`] as bigint | null) || 1n);

/** Groups rows by a key column. */
export function groupBy<T extends Row>(rows: T[], key: string): Map<string, T[]> {
  const out = new Map<string, T[]>();
  for (const r of rows) {
    const k = String(r[key]);
    const group = out.get(k);
    if (group) group.push(r);
    else out.set(k, [r]);
  }
  return out;
}

/** Drops undefined and empty-string properties (the unified model omits absent values, never null). */
export function compact<T extends Record<string, unknown>>(o: T): T {
  return Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined && v !== '')) as T;
}
