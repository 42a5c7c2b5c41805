import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Webhook delivery claims due messages from the table itself (the pump), so the column that
 * tracked queued Bull jobs for the sweep goes. A claim now leases a message in `leased_until`, a
 * column no index covers, and pages keep 30 % free: the claim's update stays on its page
 * without touching any index (a HOT update).
 */
export class WebhookPump1795340000000 implements MigrationInterface {
  name = 'WebhookPump1795340000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE "webhook_message" DROP COLUMN "enqueued_at"`);
    await q.query(`ALTER TABLE "webhook_message" ADD "leased_until" TIMESTAMP WITH TIME ZONE`);
    await q.query(`ALTER TABLE "webhook_message" SET (fillfactor = 70)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE "webhook_message" RESET (fillfactor)`);
    await q.query(`ALTER TABLE "webhook_message" DROP COLUMN "leased_until"`);
    await q.query(`ALTER TABLE "webhook_message" ADD "enqueued_at" TIMESTAMP WITH TIME ZONE`);
  }
}
