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

/** The parts of a `pg` pool client that the webhook code uses. */
export interface PgPoolClient {
  query(text: string | { name: string; text: string; values: unknown[] }, values?: unknown[]): Promise<{ rows: unknown[] }>;
  on(event: 'notification', fn: () => void): unknown;
  on(event: 'error', fn: (err: Error) => void): unknown;
  removeAllListeners(event?: string): unknown;
  release(err?: Error | boolean): void;
}

/** The parts of a `pg` pool that the webhook code uses. */
export interface PgPool {
  connect(): Promise<PgPoolClient>;
  query(config: { name: string; text: string; values: unknown[] }): Promise<{ rows: unknown[] }>;
}

/** The `pg` pool behind TypeORM's PostgreSQL driver, or undefined for another driver. */
export function pgPool(db: DataSource): PgPool | undefined {
  const pool = (db.driver as unknown as { master?: { connect?: unknown } }).master;
  return typeof pool?.connect === 'function' ? (pool as PgPool) : undefined;
}

/**
 * Runs one of the webhook pump's statements (the functions of migration 1795350000000, which fix
 * their own planner settings and commit mode) as a named prepared statement straight on the `pg`
 * pool: one round trip, its own implicit transaction, and the plan prepared once per connection.
 */
export async function pumpRows<T>(db: DataSource, name: string, sql: string, params: unknown[]): Promise<T[]> {
  const pool = pgPool(db);
  if (!pool) return queryRows<T>(db, sql, params);
  const { rows } = await pool.query({ name, text: sql, values: params });
  return rows as T[];
}
