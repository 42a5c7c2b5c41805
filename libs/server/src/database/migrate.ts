import type { DataSource } from 'typeorm';

/** Arbitrary constant: the advisory lock that serialises migration runs across processes. */
const MIGRATION_LOCK = 7_234_001;

/**
 * Applies pending migrations while holding a PostgreSQL advisory lock, so two processes
 * (two API replicas, or a CLI and an API) never migrate at once. Returns the names applied.
 */
export async function runMigrationsLocked(ds: DataSource): Promise<string[]> {
  const runner = ds.createQueryRunner();
  await runner.connect();
  try {
    await runner.query('SELECT pg_advisory_lock($1)', [MIGRATION_LOCK]);
    try {
      const applied = await ds.runMigrations({ transaction: 'each' });
      return applied.map((m) => m.name);
    } finally {
      await runner.query('SELECT pg_advisory_unlock($1)', [MIGRATION_LOCK]);
    }
  } finally {
    await runner.release();
  }
}

/** The SQL TypeORM would run to make the schema match the entities: empty when nothing drifted. */
export async function pendingSchemaChanges(ds: DataSource): Promise<string[]> {
  const log = await ds.driver.createSchemaBuilder().log();
  return log.upQueries.map((q) => q.query);
}
