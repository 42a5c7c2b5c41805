import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * How each dataset read its source: full or incremental, the window start and `modifiedSince`.
 * Stored records lose their copy of `sourceModifiedDate` (the column keeps it).
 */
export class DatasetReadMode1795330000000 implements MigrationInterface {
  name = 'DatasetReadMode1795330000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE "dataset" ADD "read_mode" character varying(12)`);
    await q.query(`ALTER TABLE "dataset" ADD "read_from" TIMESTAMP WITH TIME ZONE`);
    await q.query(`ALTER TABLE "dataset" ADD "modified_since" TIMESTAMP WITH TIME ZONE`);
    // sourceModifiedDate now lives only in its column (the read API serves the jsonb text as is).
    await q.query(`UPDATE "record" SET "data" = "data" - 'sourceModifiedDate' WHERE "data" ? 'sourceModifiedDate'`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE "dataset" DROP COLUMN "modified_since"`);
    await q.query(`ALTER TABLE "dataset" DROP COLUMN "read_from"`);
    await q.query(`ALTER TABLE "dataset" DROP COLUMN "read_mode"`);
  }
}
