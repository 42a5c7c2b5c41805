import type { MigrationInterface, QueryRunner } from 'typeorm';

export class ConnectorStore1795317899546 implements MigrationInterface {
  name = 'ConnectorStore1795317899546';

  async up(q: QueryRunner): Promise<void> {
    await q.query(
      `CREATE TABLE "connector_record" ("connection_id" uuid NOT NULL, "data_type" character varying(64) NOT NULL, "record_id" character varying(255) NOT NULL, "data" jsonb NOT NULL, "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "pk_connector_record" PRIMARY KEY ("connection_id", "data_type", "record_id"))`,
    );
    await q.query(
      `CREATE TABLE "connector_operation" ("connection_id" uuid NOT NULL, "key" character varying(100) NOT NULL, "result" jsonb NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "pk_connector_operation" PRIMARY KEY ("connection_id", "key"))`,
    );
    await q.query(
      `ALTER TABLE "company" ALTER COLUMN "tags" SET DEFAULT '{}'::jsonb`,
    );
    await q.query(
      `ALTER TABLE "company" ALTER COLUMN "products" SET DEFAULT '[]'::jsonb`,
    );
    await q.query(
      `ALTER TABLE "connector_record" ADD CONSTRAINT "fk_connector_record_connection" FOREIGN KEY ("connection_id") REFERENCES "connection"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await q.query(
      `ALTER TABLE "connector_operation" ADD CONSTRAINT "fk_connector_operation_connection" FOREIGN KEY ("connection_id") REFERENCES "connection"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(
      `ALTER TABLE "connector_operation" DROP CONSTRAINT "fk_connector_operation_connection"`,
    );
    await q.query(
      `ALTER TABLE "connector_record" DROP CONSTRAINT "fk_connector_record_connection"`,
    );
    await q.query(
      `ALTER TABLE "company" ALTER COLUMN "products" SET DEFAULT '[]'`,
    );
    await q.query(`ALTER TABLE "company" ALTER COLUMN "tags" SET DEFAULT '{}'`);
    await q.query(`DROP TABLE "connector_operation"`);
    await q.query(`DROP TABLE "connector_record"`);
  }
}
