import type { MigrationInterface, QueryRunner } from 'typeorm';

export class Webhooks1795318781744 implements MigrationInterface {
  name = 'Webhooks1795318781744';

  async up(q: QueryRunner): Promise<void> {
    await q.query(
      `CREATE TABLE "webhook_consumer" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "client_id" uuid NOT NULL, "kind" character varying(10) NOT NULL, "url" character varying(2048), "event_types" text array NOT NULL, "company_tags" text array NOT NULL, "company_id" uuid, "rule_type" character varying(200), "emails" text array NOT NULL, "disabled" boolean NOT NULL DEFAULT false, "disabled_reason" text, "disabled_at" TIMESTAMP WITH TIME ZONE, "failing_since" TIMESTAMP WITH TIME ZONE, "secrets_enc" bytea NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_afa9f453b987c788303005ef86e" PRIMARY KEY ("id"))`,
    );
    await q.query(
      `CREATE INDEX "ix_webhook_consumer_client" ON "webhook_consumer"  ("client_id", "created_at") `,
    );
    await q.query(
      `CREATE TABLE "webhook_event" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "client_id" uuid NOT NULL, "event_type" character varying(200) NOT NULL, "company_id" uuid, "connection_id" uuid, "company_tags" text array NOT NULL, "payload" jsonb NOT NULL, "target_consumer_id" uuid, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL, CONSTRAINT "PK_0f56d2f40f5ec823acf8e8edad1" PRIMARY KEY ("id"))`,
    );
    await q.query(
      `CREATE INDEX "ix_webhook_event_client_created" ON "webhook_event"  ("client_id", "created_at") `,
    );
    await q.query(
      `CREATE TABLE "webhook_message" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "event_id" uuid NOT NULL, "consumer_id" uuid NOT NULL, "client_id" uuid NOT NULL, "status" character varying(12) NOT NULL, "attempt_count" integer NOT NULL DEFAULT '0', "retry_base" integer NOT NULL DEFAULT '0', "next_attempt_at" TIMESTAMP WITH TIME ZONE, "enqueued_at" TIMESTAMP WITH TIME ZONE, "last_attempt_at" TIMESTAMP WITH TIME ZONE, "last_status_code" integer, "last_error" text, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL, CONSTRAINT "uq_webhook_message_event_consumer" UNIQUE ("event_id", "consumer_id"), CONSTRAINT "PK_07903a2e1c41801efd06f7110b8" PRIMARY KEY ("id"))`,
    );
    await q.query(
      `CREATE INDEX "ix_webhook_message_due" ON "webhook_message"  ("next_attempt_at") WHERE "status" = 'Pending'`,
    );
    await q.query(
      `CREATE INDEX "ix_webhook_message_consumer_created" ON "webhook_message"  ("consumer_id", "created_at") `,
    );
    await q.query(
      `CREATE TABLE "webhook_attempt" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "message_id" uuid NOT NULL, "consumer_id" uuid NOT NULL, "client_id" uuid NOT NULL, "attempted_at" TIMESTAMP WITH TIME ZONE NOT NULL, "succeeded" boolean NOT NULL, "status_code" integer, "duration_ms" integer NOT NULL, "response_body" character varying(1024), "error" text, CONSTRAINT "PK_e4ff77b66cdd20591ba6189a1f9" PRIMARY KEY ("id"))`,
    );
    await q.query(
      `CREATE INDEX "ix_webhook_attempt_client_time" ON "webhook_attempt"  ("client_id", "attempted_at") `,
    );
    await q.query(
      `CREATE INDEX "ix_webhook_attempt_message" ON "webhook_attempt"  ("message_id", "attempted_at") `,
    );
    await q.query(
      `CREATE TABLE "webhook_notice" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "client_id" uuid NOT NULL, "consumer_id" uuid NOT NULL, "type" character varying(50) NOT NULL, "message" text NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL, CONSTRAINT "PK_55f26428642862486c6bb95d587" PRIMARY KEY ("id"))`,
    );
    await q.query(
      `CREATE INDEX "ix_webhook_notice_client_created" ON "webhook_notice"  ("client_id", "created_at") `,
    );
    await q.query(
      `ALTER TABLE "webhook_consumer" ADD CONSTRAINT "fk_webhook_consumer_client" FOREIGN KEY ("client_id") REFERENCES "client"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await q.query(
      `ALTER TABLE "webhook_event" ADD CONSTRAINT "fk_webhook_event_client" FOREIGN KEY ("client_id") REFERENCES "client"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await q.query(
      `ALTER TABLE "webhook_message" ADD CONSTRAINT "fk_webhook_message_event" FOREIGN KEY ("event_id") REFERENCES "webhook_event"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await q.query(
      `ALTER TABLE "webhook_message" ADD CONSTRAINT "fk_webhook_message_consumer" FOREIGN KEY ("consumer_id") REFERENCES "webhook_consumer"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await q.query(
      `ALTER TABLE "webhook_attempt" ADD CONSTRAINT "fk_webhook_attempt_message" FOREIGN KEY ("message_id") REFERENCES "webhook_message"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await q.query(
      `ALTER TABLE "webhook_notice" ADD CONSTRAINT "fk_webhook_notice_client" FOREIGN KEY ("client_id") REFERENCES "client"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await q.query(
      `ALTER TABLE "webhook_notice" ADD CONSTRAINT "fk_webhook_notice_consumer" FOREIGN KEY ("consumer_id") REFERENCES "webhook_consumer"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(
      `ALTER TABLE "webhook_notice" DROP CONSTRAINT "fk_webhook_notice_consumer"`,
    );
    await q.query(
      `ALTER TABLE "webhook_notice" DROP CONSTRAINT "fk_webhook_notice_client"`,
    );
    await q.query(
      `ALTER TABLE "webhook_attempt" DROP CONSTRAINT "fk_webhook_attempt_message"`,
    );
    await q.query(
      `ALTER TABLE "webhook_message" DROP CONSTRAINT "fk_webhook_message_consumer"`,
    );
    await q.query(
      `ALTER TABLE "webhook_message" DROP CONSTRAINT "fk_webhook_message_event"`,
    );
    await q.query(
      `ALTER TABLE "webhook_event" DROP CONSTRAINT "fk_webhook_event_client"`,
    );
    await q.query(
      `ALTER TABLE "webhook_consumer" DROP CONSTRAINT "fk_webhook_consumer_client"`,
    );
    await q.query(`DROP INDEX "public"."ix_webhook_notice_client_created"`);
    await q.query(`DROP TABLE "webhook_notice"`);
    await q.query(`DROP INDEX "public"."ix_webhook_attempt_message"`);
    await q.query(`DROP INDEX "public"."ix_webhook_attempt_client_time"`);
    await q.query(`DROP TABLE "webhook_attempt"`);
    await q.query(`DROP INDEX "public"."ix_webhook_message_consumer_created"`);
    await q.query(`DROP INDEX "public"."ix_webhook_message_due"`);
    await q.query(`DROP TABLE "webhook_message"`);
    await q.query(`DROP INDEX "public"."ix_webhook_event_client_created"`);
    await q.query(`DROP TABLE "webhook_event"`);
    await q.query(`DROP INDEX "public"."ix_webhook_consumer_client"`);
    await q.query(`DROP TABLE "webhook_consumer"`);
  }
}
