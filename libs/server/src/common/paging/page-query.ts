import type { SqlParams } from '../query';

/** Anything with DataSource.query's shape. */
export interface Queryable {
  query(sql: string, params?: unknown[]): Promise<any>; // eslint-disable-line @typescript-eslint/no-explicit-any
}

/**
 * The page's LIMIT/OFFSET, bound as parameters after the filter's. `countValues` are the filter's
 * values alone, for the count over the same filter.
 */
export function pageSlice(params: SqlParams, p: { pageSize: number; offset: number }): { sql: string; countValues: unknown[] } {
  const countValues = params.values.slice();
  return { sql: `LIMIT ${params.add(p.pageSize)} OFFSET ${params.add(p.offset)}`, countValues };
}

/** One page of ids from `table alias` (filtered and ordered) and how many rows match the filter. */
export async function pageIds(
  db: Queryable,
  from: { table: string; alias: string },
  filter: string,
  order: string,
  params: SqlParams,
  p: { pageSize: number; offset: number },
): Promise<{ ids: string[]; total: number }> {
  const { table, alias } = from;
  const slice = pageSlice(params, p);
  const [rows, counted]: [{ id: string }[], { count: number }[]] = await Promise.all([
    db.query(`SELECT ${alias}.id FROM ${table} ${alias} WHERE ${filter} ${order} ${slice.sql}`, params.values),
    db.query(`SELECT count(*)::int AS count FROM ${table} ${alias} WHERE ${filter}`, slice.countValues),
  ]);
  return { ids: rows.map((r) => r.id), total: counted[0].count };
}

/** `rows` in the order of `ids`; ids whose row is gone are skipped. */
export function inIdOrder<T extends { id: string }>(ids: string[], rows: T[]): T[] {
  const byId = new Map(rows.map((r) => [r.id, r]));
  return ids.flatMap((id) => byId.get(id) ?? []);
}
