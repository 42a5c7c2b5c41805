import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { Counter, Histogram } from 'prom-client';
import { DataSource } from 'typeorm';
import { Clock } from '../common/clock';
import { JsonLogger } from '../common/json-logger';
import type { AppConfig } from '../config/config.schema';
import { APP_CONFIG } from '../core/tokens';
import { MetricsService } from '../health/metrics.service';
import { deliveryBody, usesLegacyBody } from './webhook-body';
import { WebhookConsumersService } from './webhook-consumers.service';
import { WebhookHttpClient } from './webhook-http.client';
import { type AttemptResult, classifyAttempt, nextRetryDelay } from './webhook-retry';
import { signatureHeader, signingKeys, webhookMessageId } from './webhook-signing';
import { pumpRows } from './webhook-sql';
import { MicroBatcher } from './webhook-batcher';

/*
 * The three statements run as functions (migration 1795350000000-webhook-delivery-functions),
 * each one round trip with its planner settings fixed to index paths:
 *
 * - `webhook_claim_due(now, lease, n)` claims up to n due messages, oldest due first: Pending,
 *   `next_attempt_at <= now`, not leased (or the lease has ended: its worker died), and not locked
 *   by another worker's claim (SKIP LOCKED, so workers split the work). The claim bumps
 *   `attempt_count` (the fencing token for the result write) and leases the message until `lease`.
 *   Neither column is indexed, so with the table's free space (fillfactor 70) the update stays on
 *   its page and writes no index entry (HOT). Returns everything the attempts need.
 * - `webhook_next_due(now)`: when the next unleased Pending message falls due. Leases that end (a
 *   dead worker's) are found by the poll (WEBHOOK_POLL_INTERVAL_MS), far shorter than a lease.
 * - `webhook_record(rows)` stores a batch of attempts, moves each message on (only if its attempt
 *   still holds it), and keeps the consumers' failure streaks (any success in the batch ends a
 *   streak). Returns each consumer's streak as it was before these attempts.
 */
const CLAIM_SQL = 'SELECT * FROM webhook_claim_due($1, $2, $3)';
const NEXT_DUE_SQL = 'SELECT webhook_next_due($1) AS next';
const RECORD_SQL = 'SELECT * FROM webhook_record($1)';

interface RecordRow {
  message_id: string;
  consumer_id: string;
  client_id: string;
  attempted_at: string;
  succeeded: boolean;
  status_code: number | null;
  duration_ms: number;
  response_body: string | null;
  error: string | null;
  status: 'Succeeded' | 'Pending' | 'Failed';
  next_attempt_at: string | null;
  token: number;
}

interface ConsumerStreak {
  id: string;
  failing_since: Date | null;
  disabled: boolean;
}

export interface Claim {
  id: string;
  attempt_count: number;
  retry_base: number;
  client_id: string;
  client_name: string;
  event_id: string;
  event_type: string;
  payload: Record<string, unknown>;
  company_id: string | null;
  connection_id: string | null;
  generated_at: Date;
  consumer_id: string;
  url: string | null;
  secrets_enc: Buffer;
  disabled: boolean;
  rule_type: string | null;
}

export type DeliveryOutcome = 'succeeded' | 'retrying' | 'failed';

/** Extra time on top of the request timeout before a claimed message is considered abandoned. */
const LEASE_MARGIN_MS = 30_000;

/**
 * The database side of delivery and one attempt: `claimDue(n)` leases due messages (the pump asks
 * for as many as it has free slots), `send(claim)` signs and POSTs, `record(claim, result)` stores
 * the outcome: a retry is the row's `next_attempt_at`, and continuous failure disables the
 * consumer. Records of concurrent attempts are coalesced (MicroBatcher): under load one statement
 * stores many attempts.
 */
@Injectable()
export class WebhookDeliveryService {
  private readonly attempts: Counter<'outcome'>;
  private readonly duration: Histogram<'outcome'>;
  private readonly records = new MicroBatcher<RecordRow, ConsumerStreak | undefined>((rows) => this.recordBatch(rows));

  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly consumers: WebhookConsumersService,
    private readonly http: WebhookHttpClient,
    private readonly clock: Clock,
    private readonly logger: JsonLogger,
    metrics: MetricsService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {
    const registers = [metrics.registry];
    this.attempts =
      (metrics.registry.getSingleMetric('ledgerlink_webhook_attempts_total') as Counter<'outcome'> | undefined) ??
      new Counter({ name: 'ledgerlink_webhook_attempts_total', help: 'Webhook delivery attempts by outcome', labelNames: ['outcome'], registers });
    this.duration =
      (metrics.registry.getSingleMetric('ledgerlink_webhook_attempt_duration_seconds') as Histogram<'outcome'> | undefined) ??
      new Histogram({ name: 'ledgerlink_webhook_attempt_duration_seconds', help: 'Webhook delivery attempt duration', labelNames: ['outcome'], buckets: [0.01, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 15], registers });
  }

  /** Leases up to `limit` due messages (oldest due first) for attempts by this worker. */
  async claimDue(limit: number): Promise<Claim[]> {
    if (limit <= 0) return [];
    const now = this.clock.now();
    const lease = new Date(now.getTime() + this.config.WEBHOOK_TIMEOUT_MS + LEASE_MARGIN_MS);
    return pumpRows<Claim>(this.db, 'webhook_claim_due', CLAIM_SQL, [now, lease, limit]);
  }

  /**
   * Gives back claims that were never sent (the worker is stopping): they are due again at once.
   * `retry_base` moves with the `attempt_count` the claim took, so the retry schedule is unchanged.
   */
  async release(claims: Claim[]): Promise<void> {
    await this.db.query(
      `UPDATE webhook_message m SET leased_until = NULL, retry_base = m.retry_base + 1
       FROM unnest($1::uuid[], $2::int[]) AS c(id, token)
       WHERE m.id = c.id AND m.attempt_count = c.token AND m.status = 'Pending'`,
      [claims.map((c) => c.id), claims.map((c) => c.attempt_count)],
    );
  }

  /** When the next unleased Pending message falls due, or null when there is none. */
  async nextDue(): Promise<Date | null> {
    const [row] = await pumpRows<{ next: Date | null }>(this.db, 'webhook_next_due', NEXT_DUE_SQL, [this.clock.now()]);
    return row?.next ? new Date(row.next) : null;
  }

  /**
   * Signs and POSTs a claimed message; resolves with the response (nothing is stored yet: pass it
   * to `record`). A message whose consumer is disabled or has no URL is failed instead (undefined).
   */
  async send(claim: Claim): Promise<AttemptResult | undefined> {
    if (claim.disabled || !claim.url) {
      await this.db.query(
        `UPDATE webhook_message SET status = 'Failed', next_attempt_at = NULL, last_error = $3 WHERE id = $1 AND attempt_count = $2 AND status = 'Pending'`,
        [claim.id, claim.attempt_count, claim.disabled ? 'Consumer disabled' : 'Consumer has no URL'],
      );
      return undefined;
    }
    return this.post(claim);
  }

  private post(claim: Claim): Promise<AttemptResult> {
    const body = deliveryBody({
      messageId: claim.id,
      eventId: claim.event_id,
      eventType: claim.event_type,
      generatedDate: new Date(claim.generated_at),
      payload: claim.payload,
      companyId: claim.company_id,
      connectionId: claim.connection_id,
      clientId: claim.client_id,
      clientName: claim.client_name,
      consumerId: claim.consumer_id,
      ruleType: claim.rule_type,
    });
    const now = this.clock.now();
    const id = webhookMessageId(claim.id);
    const timestamp = Math.floor(now.getTime() / 1000);
    const keys = signingKeys(this.consumers.openSecrets(claim.consumer_id, claim.secrets_enc), now);
    const headers: Record<string, string> = {
      'content-type': 'application/json',
      'user-agent': 'Ledgerlink-Webhooks/1.0',
      'webhook-id': id,
      'webhook-timestamp': String(timestamp),
      'webhook-signature': signatureHeader(keys, id, timestamp, body),
      ...(usesLegacyBody(claim.event_type) ? { 'x-codat-clientid': claim.client_id } : {}),
    };
    return this.http.post({ url: claim.url as string, body, headers, timeoutMs: this.config.WEBHOOK_TIMEOUT_MS, now: () => this.clock.now() });
  }

  /**
   * Stores the attempt and moves the message on: Succeeded, Pending with the next retry time, or
   * Failed; disables the consumer after continuous failure. Only if the claim still holds the
   * message (`attempt_count` fences a lease that ran out meanwhile).
   */
  async record(claim: Claim, r: AttemptResult): Promise<DeliveryOutcome> {
    const now = this.clock.now();
    const outcome = classifyAttempt(r);
    const delay = outcome === 'retry' ? nextRetryDelay(this.config.WEBHOOK_RETRY_SCHEDULE_MS, claim.attempt_count - claim.retry_base, this.config.WEBHOOK_RETRY_JITTER, r.retryAfterMs) : undefined;
    const result: DeliveryOutcome = outcome === 'success' ? 'succeeded' : delay !== undefined ? 'retrying' : 'failed';
    const next = delay !== undefined ? new Date(now.getTime() + delay) : null;
    const error = r.error ?? (outcome === 'success' ? null : `HTTP ${r.statusCode}`);
    const consumer = await this.records.call({
      message_id: claim.id,
      consumer_id: claim.consumer_id,
      client_id: claim.client_id,
      attempted_at: now.toISOString(),
      succeeded: outcome === 'success',
      status_code: r.statusCode ?? null,
      duration_ms: r.durationMs,
      response_body: r.responseBody ?? null,
      error: error ? error.slice(0, 2000) : null,
      status: result === 'succeeded' ? 'Succeeded' : result === 'retrying' ? 'Pending' : 'Failed',
      next_attempt_at: next ? next.toISOString() : null,
      token: claim.attempt_count,
    });
    this.attempts.inc({ outcome: result });
    this.duration.observe({ outcome }, r.durationMs / 1000);
    if (outcome !== 'success' && consumer && !consumer.disabled && consumer.failing_since) {
      const since = new Date(consumer.failing_since);
      if (now.getTime() - since.getTime() >= this.config.WEBHOOK_DISABLE_AFTER_MS) {
        const reason = `Disabled automatically: every delivery attempt has failed since ${since.toISOString()}.`;
        if (await this.consumers.disable(claim.consumer_id, reason, true)) {
          this.logger.event('warn', 'webhook consumer disabled after continuous failure', { consumerId: claim.consumer_id, clientId: claim.client_id, failingSince: since.toISOString() });
        }
      }
    }
    return result;
  }

  private async recordBatch(rows: RecordRow[]): Promise<(ConsumerStreak | undefined)[]> {
    const streaks = await pumpRows<ConsumerStreak>(this.db, 'webhook_record', RECORD_SQL, [JSON.stringify(rows)]);
    const byId = new Map(streaks.map((c) => [c.id, c]));
    return rows.map((r) => byId.get(r.consumer_id));
  }
}
