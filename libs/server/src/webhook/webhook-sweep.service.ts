import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { Clock } from '../common/clock';
import type { AppConfig } from '../config/config.schema';
import { APP_CONFIG } from '../core/tokens';
import { WebhookDispatcher } from './webhook-dispatcher';
import { queryRows } from './webhook-sql';

const BATCH = 1000;
const MAX_BATCHES = 50;

/**
 * Due messages whose queued job has not run within the grace period (lost from Redis, worker
 * restarted, enqueue after commit failed): claimed with SKIP LOCKED so concurrent sweeps split
 * the work, stamped `enqueued_at`, and queued again.
 */
const SWEEP_SQL = `
UPDATE webhook_message SET enqueued_at = $1
WHERE id IN (
  SELECT id FROM webhook_message
  WHERE status = 'Pending' AND next_attempt_at <= $2 AND (enqueued_at IS NULL OR enqueued_at <= $2)
  ORDER BY next_attempt_at
  LIMIT $3
  FOR UPDATE SKIP LOCKED
)
RETURNING id`;

@Injectable()
export class WebhookSweepService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly dispatcher: WebhookDispatcher,
    private readonly clock: Clock,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  /** Re-queues what is due and missing from the queue; returns how many. */
  async sweep(): Promise<number> {
    const now = this.clock.now();
    const cutoff = new Date(now.getTime() - this.config.WEBHOOK_SWEEP_GRACE_MS);
    let total = 0;
    for (let i = 0; i < MAX_BATCHES; i++) {
      const rows = await queryRows<{ id: string }>(this.db, SWEEP_SQL, [now, cutoff, BATCH]);
      if (rows.length) await this.dispatcher.enqueue(rows.map((r) => r.id));
      total += rows.length;
      if (rows.length < BATCH) break;
    }
    return total;
  }
}
