import type { MigrationInterface, QueryRunner } from 'typeorm';

export class PullSync1795318259765 implements MigrationInterface {
  name = 'PullSync1795318259765';

  async up(q: QueryRunner): Promise<void> {
    await q.query(
      `CREATE TABLE "dataset" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "company_id" uuid NOT NULL, "connection_id" uuid NOT NULL, "data_type" character varying(64) NOT NULL, "status" character varying(32) NOT NULL, "status_description" text, "error_message" text, "progress" integer NOT NULL DEFAULT '0', "requested" TIMESTAMP WITH TIME ZONE NOT NULL, "started" TIMESTAMP WITH TIME ZONE, "completed" TIMESTAMP WITH TIME ZONE, "records_read" integer NOT NULL DEFAULT '0', "records_changed" integer NOT NULL DEFAULT '0', "heartbeat_at" TIMESTAMP WITH TIME ZONE, "trigger" character varying(20) NOT NULL DEFAULT 'api', CONSTRAINT "PK_36c1c67adb3d1dd69ae57f18913" PRIMARY KEY ("id"))`,
    );
    await q.query(
      `CREATE INDEX "ix_dataset_connection_type_requested" ON "dataset"  ("connection_id", "data_type", "requested") `,
    );
    await q.query(
      `CREATE INDEX "ix_dataset_company_requested" ON "dataset"  ("company_id", "requested") `,
    );
    await q.query(
      `CREATE UNIQUE INDEX "ux_dataset_unfinished" ON "dataset"  ("connection_id", "data_type") WHERE "status" IN ('Initial', 'Queued', 'Fetching', 'MapQueued', 'Mapping', 'ValidationQueued', 'Validating', 'ProcessingQueued', 'Processing')`,
    );
    await q.query(
      `CREATE TABLE "record" ("connection_id" uuid NOT NULL, "data_type" character varying(64) NOT NULL, "record_id" character varying(255) NOT NULL, "company_id" uuid NOT NULL, "data" jsonb NOT NULL, "hash" character varying(44) NOT NULL, "modified_date" TIMESTAMP WITH TIME ZONE NOT NULL, "source_modified_date" TIMESTAMP WITH TIME ZONE, "is_deleted" boolean NOT NULL DEFAULT false, CONSTRAINT "pk_record" PRIMARY KEY ("connection_id", "data_type", "record_id"))`,
    );
    await q.query(
      `CREATE INDEX "ix_record_company_type_modified" ON "record"  ("company_id", "data_type", "modified_date") `,
    );
    await q.query(
      `CREATE INDEX "ix_record_company_type_id" ON "record"  ("company_id", "data_type", "record_id") `,
    );
    await q.query(
      `CREATE TABLE "record_version" ("company_id" uuid NOT NULL, "data_type" character varying(64) NOT NULL, "version" bigint NOT NULL DEFAULT '0', CONSTRAINT "pk_record_version" PRIMARY KEY ("company_id", "data_type"))`,
    );
    await q.query(
      `CREATE TABLE "sync_schedule" ("connection_id" uuid NOT NULL, "data_type" character varying(64) NOT NULL, "next_run_at" TIMESTAMP WITH TIME ZONE NOT NULL, "last_run_at" TIMESTAMP WITH TIME ZONE, CONSTRAINT "pk_sync_schedule" PRIMARY KEY ("connection_id", "data_type"))`,
    );
    await q.query(
      `CREATE INDEX "ix_sync_schedule_due" ON "sync_schedule"  ("next_run_at") `,
    );
    await q.query(
      `CREATE TABLE "sync_settings" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "client_id" uuid NOT NULL, "scope" character varying(36) NOT NULL, "settings" jsonb NOT NULL, "overrides_defaults" boolean NOT NULL DEFAULT true, "schedule" jsonb, "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_fdd50ec8938b1367d8328314b89" PRIMARY KEY ("id"))`,
    );
    await q.query(
      `CREATE UNIQUE INDEX "ux_sync_settings_scope" ON "sync_settings"  ("client_id", "scope") `,
    );
    await q.query(
      `ALTER TABLE "dataset" ADD CONSTRAINT "fk_dataset_company" FOREIGN KEY ("company_id") REFERENCES "company"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await q.query(
      `ALTER TABLE "dataset" ADD CONSTRAINT "fk_dataset_connection" FOREIGN KEY ("connection_id") REFERENCES "connection"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await q.query(
      `ALTER TABLE "record" ADD CONSTRAINT "fk_record_connection" FOREIGN KEY ("connection_id") REFERENCES "connection"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await q.query(
      `ALTER TABLE "record" ADD CONSTRAINT "fk_record_company" FOREIGN KEY ("company_id") REFERENCES "company"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await q.query(
      `ALTER TABLE "record_version" ADD CONSTRAINT "fk_record_version_company" FOREIGN KEY ("company_id") REFERENCES "company"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await q.query(
      `ALTER TABLE "sync_schedule" ADD CONSTRAINT "fk_sync_schedule_connection" FOREIGN KEY ("connection_id") REFERENCES "connection"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await q.query(
      `ALTER TABLE "sync_settings" ADD CONSTRAINT "fk_sync_settings_client" FOREIGN KEY ("client_id") REFERENCES "client"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(
      `ALTER TABLE "sync_settings" DROP CONSTRAINT "fk_sync_settings_client"`,
    );
    await q.query(
      `ALTER TABLE "sync_schedule" DROP CONSTRAINT "fk_sync_schedule_connection"`,
    );
    await q.query(
      `ALTER TABLE "record_version" DROP CONSTRAINT "fk_record_version_company"`,
    );
    await q.query(`ALTER TABLE "record" DROP CONSTRAINT "fk_record_company"`);
    await q.query(
      `ALTER TABLE "record" DROP CONSTRAINT "fk_record_connection"`,
    );
    await q.query(
      `ALTER TABLE "dataset" DROP CONSTRAINT "fk_dataset_connection"`,
    );
    await q.query(`ALTER TABLE "dataset" DROP CONSTRAINT "fk_dataset_company"`);
    await q.query(`DROP INDEX "public"."ux_sync_settings_scope"`);
    await q.query(`DROP TABLE "sync_settings"`);
    await q.query(`DROP INDEX "public"."ix_sync_schedule_due"`);
    await q.query(`DROP TABLE "sync_schedule"`);
    await q.query(`DROP TABLE "record_version"`);
    await q.query(`DROP INDEX "public"."ix_record_company_type_id"`);
    await q.query(`DROP INDEX "public"."ix_record_company_type_modified"`);
    await q.query(`DROP TABLE "record"`);
    await q.query(`DROP INDEX "public"."ux_dataset_unfinished"`);
    await q.query(`DROP INDEX "public"."ix_dataset_company_requested"`);
    await q.query(`DROP INDEX "public"."ix_dataset_connection_type_requested"`);
    await q.query(`DROP TABLE "dataset"`);
  }
}
