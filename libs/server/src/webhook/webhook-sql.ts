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
