import type { MigrationInterface, QueryRunner } from 'typeorm';

export class Initial1795316939837 implements MigrationInterface {
  name = 'Initial1795316939837';

  async up(q: QueryRunner): Promise<void> {
    await q.query(
      `CREATE TABLE "client" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "name" character varying(200) NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_96da49381769303a6515a8785c7" PRIMARY KEY ("id"))`,
    );
    await q.query(
      `CREATE TABLE "api_key" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "client_id" uuid NOT NULL, "name" character varying(200), "key_hash" character(64) NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_b1bd840641b8acbaad89c3d8d11" PRIMARY KEY ("id"))`,
    );
    await q.query(
      `CREATE UNIQUE INDEX "ux_api_key_hash" ON "api_key"  ("key_hash") `,
    );
    await q.query(
      `CREATE INDEX "ix_api_key_client" ON "api_key"  ("client_id", "created_at") `,
    );
    await q.query(
      `CREATE TABLE "portal_user" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "client_id" uuid NOT NULL, "email" character varying(320) NOT NULL, "password_hash" character varying(300) NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_380b8bd371bf7f09edf24d343f4" PRIMARY KEY ("id"))`,
    );
    await q.query(
      `CREATE UNIQUE INDEX "ux_portal_user_email" ON "portal_user"  ("email") `,
    );
    await q.query(
      `CREATE TABLE "portal_session" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "user_id" uuid NOT NULL, "token_hash" character(64) NOT NULL, "expires_at" TIMESTAMP WITH TIME ZONE NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_0423d054fd039b95950e541c8c1" PRIMARY KEY ("id"))`,
    );
    await q.query(
      `CREATE UNIQUE INDEX "ux_portal_session_token" ON "portal_session"  ("token_hash") `,
    );
    await q.query(
      `CREATE TABLE "company" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "client_id" uuid NOT NULL, "name" character varying(255) NOT NULL, "description" text, "tags" jsonb NOT NULL DEFAULT '{}'::jsonb, "products" jsonb NOT NULL DEFAULT '[]'::jsonb, "created_by_user_name" character varying(320), "last_sync" TIMESTAMP WITH TIME ZONE, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_056f7854a7afdba7cbd6d45fc20" PRIMARY KEY ("id"))`,
    );
    await q.query(
      `CREATE INDEX "ix_company_client_created" ON "company"  ("client_id", "created_at") `,
    );
    await q.query(
      `CREATE TABLE "connection" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "company_id" uuid NOT NULL, "platform_key" character varying(4) NOT NULL, "status" character varying(20) NOT NULL, "credentials_enc" bytea, "connection_info" jsonb, "last_error" jsonb, "last_sync" TIMESTAMP WITH TIME ZONE, "linked_at" TIMESTAMP WITH TIME ZONE, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_be611ce8b8cf439091c82a334b2" PRIMARY KEY ("id"))`,
    );
    await q.query(
      `CREATE INDEX "ix_connection_company" ON "connection"  ("company_id", "created_at") `,
    );
    await q.query(
      `ALTER TABLE "api_key" ADD CONSTRAINT "fk_api_key_client" FOREIGN KEY ("client_id") REFERENCES "client"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await q.query(
      `ALTER TABLE "portal_user" ADD CONSTRAINT "fk_portal_user_client" FOREIGN KEY ("client_id") REFERENCES "client"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await q.query(
      `ALTER TABLE "portal_session" ADD CONSTRAINT "fk_portal_session_user" FOREIGN KEY ("user_id") REFERENCES "portal_user"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await q.query(
      `ALTER TABLE "company" ADD CONSTRAINT "fk_company_client" FOREIGN KEY ("client_id") REFERENCES "client"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await q.query(
      `ALTER TABLE "connection" ADD CONSTRAINT "fk_connection_company" FOREIGN KEY ("company_id") REFERENCES "company"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(
      `ALTER TABLE "connection" DROP CONSTRAINT "fk_connection_company"`,
    );
    await q.query(`ALTER TABLE "company" DROP CONSTRAINT "fk_company_client"`);
    await q.query(
      `ALTER TABLE "portal_session" DROP CONSTRAINT "fk_portal_session_user"`,
    );
    await q.query(
      `ALTER TABLE "portal_user" DROP CONSTRAINT "fk_portal_user_client"`,
    );
    await q.query(`ALTER TABLE "api_key" DROP CONSTRAINT "fk_api_key_client"`);
    await q.query(`DROP INDEX "public"."ix_connection_company"`);
    await q.query(`DROP TABLE "connection"`);
    await q.query(`DROP INDEX "public"."ix_company_client_created"`);
    await q.query(`DROP TABLE "company"`);
    await q.query(`DROP INDEX "public"."ux_portal_session_token"`);
    await q.query(`DROP TABLE "portal_session"`);
    await q.query(`DROP INDEX "public"."ux_portal_user_email"`);
    await q.query(`DROP TABLE "portal_user"`);
    await q.query(`DROP INDEX "public"."ix_api_key_client"`);
    await q.query(`DROP INDEX "public"."ux_api_key_hash"`);
    await q.query(`DROP TABLE "api_key"`);
    await q.query(`DROP TABLE "client"`);
  }
}
