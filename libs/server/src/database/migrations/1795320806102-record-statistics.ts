import type { MigrationInterface, QueryRunner } from 'typeorm';

const NUMBERS = [
  'totalAmount',
  'amountDue',
  'totalTaxAmount',
  'subTotal',
  'currentBalance',
];
const DATES = ['issueDate', 'dueDate', 'date', 'postedOn'];

/**
 * Hand-written: expression statistics for the JSON fields lists filter on most, so the planner
 * estimates filters such as `totalAmount>100` correctly and keeps using the ordered index
 * (without them a filter on an opaque JSON expression is guessed at 0.5%, and a page query
 * falls back to sorting the whole data set). The expressions are exactly the compiler's.
 */
export class RecordStatistics1795320806102 implements MigrationInterface {
  name = 'RecordStatistics1795320806102';

  async up(q: QueryRunner): Promise<void> {
    for (const f of NUMBERS) {
      await q.query(
        `CREATE STATISTICS "st_record_${f.toLowerCase()}" ON (("data" -> '${f}')), (jsonb_typeof("data" -> '${f}')) FROM "record"`,
      );
    }
    for (const f of DATES) {
      await q.query(
        `CREATE STATISTICS "st_record_${f.toLowerCase()}" ON (rpad("data" #>> '{${f}}', 19, 'T00:00:00')) FROM "record"`,
      );
    }
  }

  async down(q: QueryRunner): Promise<void> {
    for (const f of [...NUMBERS, ...DATES])
      await q.query(`DROP STATISTICS IF EXISTS "st_record_${f.toLowerCase()}"`);
  }
}
