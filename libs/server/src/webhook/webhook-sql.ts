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

/** The `pg` pool behind TypeORM's PostgreSQL driver, or undefined for another driver. */
export function pgPool(db: DataSource): { connect(): Promise<PgPoolClient> } | undefined {
  const pool = (db.driver as unknown as { master?: { connect?: unknown } }).master;
  return typeof pool?.connect === 'function' ? (pool as { connect(): Promise<PgPoolClient> }) : undefined;
}

/**
 * Index access only: no sequential or bitmap scans, no sorts (an ordered index scan instead).
 * And no waiting for the WAL flush at commit: losing the last moments of claims and attempt
 * records to a crash of PostgreSQL itself leaves those messages Pending and leased, so they are
 * attempted again after the lease (at-least-once holds); the wait would only stall delivery.
 */
const INDEX_PATHS_ONLY = 'BEGIN; SET LOCAL enable_seqscan = off; SET LOCAL enable_bitmapscan = off; SET LOCAL enable_sort = off; SET LOCAL synchronous_commit = off';

/**
 * Runs one hot delivery statement (claim, record) in a transaction of its own on the `pg` pool,
 * with the planner limited to index paths, so each row is reached through its primary key and the
 * due messages through the ordered partial index, whatever the statistics say.
 *
 * Why: the delivery tables grow in bursts faster than statistics follow (with autovacuum off, or
 * behind, they never do). Left to estimates, the planner was seen to pick, for the same claim,
 * a bitmap scan of every due message plus a sort (it estimated 21 due rows; there were 21,000),
 * or, in a plan cached while the tables were small, sequential scans of the whole outbox, for
 * every batch: PostgreSQL then spent 3–4× the CPU of the rest of a delivery. With index paths
 * only, each batch reads the rows it touches and no more. The statement is prepared (`name`) once
 * per connection: its plan is the same whatever the estimates, so planning it per batch would
 * only cost CPU (about 0.3–1.5 ms each).
 */
export async function indexedRows<T>(db: DataSource, name: string, sql: string, params: unknown[]): Promise<T[]> {
  const pool = pgPool(db);
  if (!pool) return queryRows<T>(db, sql, params);
  const client = await pool.connect();
  try {
    await client.query(INDEX_PATHS_ONLY);
    const { rows } = await client.query({ name, text: sql, values: params });
    await client.query('COMMIT');
    client.release();
    return rows as T[];
  } catch (err) {
    // A failed statement leaves the transaction aborted, a broken connection is useless: drop it.
    client.release(err as Error);
    throw err;
  }
}
