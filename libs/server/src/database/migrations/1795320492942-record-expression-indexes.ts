import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Hand-written: expression indexes over the records' JSON, matching exactly what the query
 * compiler emits (see common/query/schema.ts), so the common list queries are index-backed:
 * ordering by issueDate (invoices, bills) and filtering on status. Declared on RecordEntity with
 * synchronize: false so the drift check leaves them alone.
 */
export class RecordExpressionIndexes1795320492942
  implements MigrationInterface
{
  name = 'RecordExpressionIndexes1795320492942';

  async up(q: QueryRunner): Promise<void> {
    await q.query(
      `CREATE INDEX "ix_record_issue_date" ON "record" ("company_id", "data_type", ("data" -> 'issueDate'), "record_id")`,
    );
    await q.query(
      `CREATE INDEX "ix_record_status" ON "record" ("company_id", "data_type", ("data" #>> '{status}'))`,
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP INDEX "public"."ix_record_status"`);
    await q.query(`DROP INDEX "public"."ix_record_issue_date"`);
  }
}
