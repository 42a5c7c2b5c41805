import { afterAll, afterEach, describe, expect, it, jest } from '@jest/globals';
import { createDataSource, pendingSchemaChanges, runMigrationsLocked } from '@ledgerlink/server';
import { createTestDatabase, type TestDatabase } from '@ledgerlink/testing';
import type { DataSource } from 'typeorm';

// Booting the API (database, migrations, Redis) can take a while on a busy machine.
jest.setTimeout(60_000);

const CORE_TABLES = ['api_key', 'client', 'company', 'connection', 'portal_session', 'portal_user', 'typeorm_migrations'];

describe('database migrations', () => {
  const databases: TestDatabase[] = [];
  let sources: DataSource[] = [];

  async function freshDatabase() {
    const db = await createTestDatabase();
    databases.push(db);
    return db;
  }
  async function open(url: string) {
    const ds = createDataSource(url, 2);
    sources.push(ds);
    return ds.initialize();
  }
  const tables = async (ds: DataSource) =>
    ((await ds.query(`SELECT table_name FROM information_schema.tables WHERE table_schema = 'public' ORDER BY 1`)) as { table_name: string }[]).map(
      (r) => r.table_name,
    );
  const applied = async (ds: DataSource) =>
    ((await ds.query(`SELECT name FROM typeorm_migrations ORDER BY id`)) as { name: string }[]).map((r) => r.name);

  afterEach(async () => {
    await Promise.all(sources.filter((s) => s.isInitialized).map((s) => s.destroy()));
    sources = [];
  });
  afterAll(async () => {
    for (const db of databases) await db.drop();
  });

  it('applies every migration on an empty database, and the entities do not drift from the schema', async () => {
    const ds = await open((await freshDatabase()).url);
    expect(await tables(ds)).toEqual([]);

    const names = await runMigrationsLocked(ds);
    const expected = ds.migrations.map((m) => m.name ?? m.constructor.name);
    expect(names).toEqual(expected);
    expect(names.length).toBeGreaterThan(0);
    expect(await applied(ds)).toEqual(expected);
    // Every entity has its table (a migration may also add entity-less tables, e.g. UNLOGGED scratch tables).
    expect(await tables(ds)).toEqual(expect.arrayContaining([...CORE_TABLES, ...ds.entityMetadatas.map((m) => m.tableName)]));
    expect(await pendingSchemaChanges(ds)).toEqual([]);

    // A second run is a no-op.
    expect(await runMigrationsLocked(ds)).toEqual([]);
    expect(await applied(ds)).toEqual(expected);
  });

  it('applies each migration exactly once when two processes migrate concurrently', async () => {
    const { url } = await freshDatabase();
    const [one, two] = await Promise.all([open(url), open(url)]);
    const [first, second] = await Promise.all([runMigrationsLocked(one), runMigrationsLocked(two)]);
    const expected = one.migrations.map((m) => m.name ?? m.constructor.name);
    // One of them did the work; the other found nothing pending.
    expect([first, second].sort((x, y) => y.length - x.length)).toEqual([expected, []]);
    expect(await applied(one)).toEqual(expected);
    expect(await pendingSchemaChanges(two)).toEqual([]);
    // The advisory lock is released afterwards.
    const locks: unknown[] = await one.query(`SELECT 1 FROM pg_locks l JOIN pg_database d ON d.oid = l.database
       WHERE l.locktype = 'advisory' AND d.datname = current_database()`);
    expect(locks).toEqual([]);
  });

  it('undoes every migration, leaving only the migrations table, and can migrate up again', async () => {
    const ds = await open((await freshDatabase()).url);
    await runMigrationsLocked(ds);
    for (let i = 0; (await applied(ds)).length > 0; i++) {
      expect(i).toBeLessThan(ds.migrations.length);
      await ds.undoLastMigration({ transaction: 'each' });
    }
    expect(await tables(ds)).toEqual(['typeorm_migrations']);
    const leftovers: unknown[] = await ds.query(
      `SELECT indexname FROM pg_indexes WHERE schemaname = 'public' AND tablename <> 'typeorm_migrations'
       UNION ALL SELECT typname FROM pg_type t JOIN pg_namespace n ON n.oid = t.typnamespace
         WHERE n.nspname = 'public' AND t.typtype = 'e'`,
    );
    expect(leftovers).toEqual([]);

    // Round trip: up again gives the same schema as the entities.
    expect((await runMigrationsLocked(ds)).length).toBe(ds.migrations.length);
    expect(await pendingSchemaChanges(ds)).toEqual([]);
  });
});
