import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Hand-written: the ids a running full read has seen, to find records deleted in the source.
 * UNLOGGED (no WAL: it is scratch data, rebuilt by a re-run after a crash), which TypeORM
 * entities cannot express, so it has no entity and the drift check does not cover it.
 */
export class DatasetSeen1795319597587 implements MigrationInterface {
  name = 'DatasetSeen1795319597587';

  async up(q: QueryRunner): Promise<void> {
    await q.query(
      `CREATE UNLOGGED TABLE "dataset_seen" ("dataset_id" uuid NOT NULL, "record_id" character varying(255) NOT NULL, CONSTRAINT "pk_dataset_seen" PRIMARY KEY ("dataset_id", "record_id"))`,
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE "dataset_seen"`);
  }
}
