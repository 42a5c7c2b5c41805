import type { DataSource } from 'typeorm';

interface Queryable {
  query(sql: string, params?: unknown[]): Promise<unknown>;
}

/**
 * The rows of a statement whatever its top-level command: TypeORM's postgres driver returns
 * `[rows, rowCount]` for UPDATE and DELETE (also with RETURNING) and plain rows otherwise.
 */
export async function queryRows<T>(db: Queryable, sql: string, params: unknown[]): Promise<T[]> {
  const raw = await db.query(sql, params);
  if (Array.isArray(raw) && raw.length === 2 && Array.isArray(raw[0]) && typeof raw[1] === 'number') return raw[0] as T[];
  return raw as T[];
}

interface PgPool {
  query(config: { name: string; text: string; values: unknown[] }): Promise<{ rows: unknown[] }>;
}

/**
 * Runs a hot statement as a named prepared statement on the `pg` pool behind TypeORM: each
 * connection parses it once and PostgreSQL can reuse the plan, instead of parsing and planning
 * the CTE for every batch (milliseconds each). Falls back to `queryRows` for other drivers.
 */
export async function preparedRows<T>(db: DataSource, name: string, sql: string, params: unknown[]): Promise<T[]> {
  const pool = (db.driver as unknown as { master?: PgPool }).master;
  if (typeof pool?.query !== 'function') return queryRows<T>(db, sql, params);
  return (await pool.query({ name, text: sql, values: params })).rows as T[];
}
