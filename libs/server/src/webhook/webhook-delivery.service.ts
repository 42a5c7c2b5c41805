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
import { indexedRows } from './webhook-sql';
import { MicroBatcher } from './webhook-batcher';

/**
 * Claims up to $3 due messages, oldest due first: Pending, `next_attempt_at <= now`, not leased
 * (or the lease has ended: its worker died), and not locked by another worker's claim (SKIP
 * LOCKED, so workers split the work). The claim bumps `attempt_count` (the fencing token for the
 * result write) and leases the message until $2. Neither column is indexed, so with the table's
 * free space (fillfactor 70) the update stays on its page and writes no index entry (HOT).
 * Returns everything the attempts need.
 *
 * The candidates come from the ordered partial due index, each row then by primary key
 * (`indexedRows` keeps the planner on those paths whatever the statistics say).
 */
const CLAIM_SQL = `
WITH claimed AS (
  SELECT id FROM webhook_message
  WHERE status = 'Pending' AND next_attempt_at <= $1 AND (leased_until IS NULL OR leased_until <= $1)
  ORDER BY next_attempt_at
  LIMIT $3
  FOR UPDATE SKIP LOCKED
)
UPDATE webhook_message m
SET attempt_count = m.attempt_count + 1, leased_until = $2
FROM webhook_event e, webhook_consumer c, client cl
WHERE m.id = ANY (ARRAY(SELECT id FROM claimed)) AND e.id = m.event_id AND c.id = m.consumer_id AND cl.id = m.client_id
RETURNING m.id, m.attempt_count, m.retry_base, m.client_id, cl.name AS client_name,
  e.id AS event_id, e.event_type, e.payload, e.company_id, e.connection_id, e.created_at AS generated_at,
  c.id AS consumer_id, c.url, c.secrets_enc, c.disabled, c.rule_type`;

/**
 * When the next unleased Pending message falls due. Leases that end (a dead worker's) are found
 * by the poll (WEBHOOK_POLL_INTERVAL_MS), far shorter than a lease.
 */
const NEXT_DUE_SQL = `
SELECT next_attempt_at AS next FROM webhook_message
WHERE status = 'Pending' AND (leased_until IS NULL OR leased_until <= $1)
ORDER BY next_attempt_at LIMIT 1`;

/**
 * Stores a batch of attempts, moves each message on (only if its attempt still holds it), and
 * keeps the consumers' failure streaks (any success in the batch ends a streak) — one statement.
 * Returns each consumer's streak as it was before these attempts. As in the claim, the messages
 * are locked and checked per id (primary key) and updated by id, so the partial due index (which
 * `status = 'Pending'` in the UPDATE would make eligible) is never scanned.
 */
const RECORD_SQL = `
WITH r AS (
  SELECT * FROM jsonb_to_recordset($1::jsonb) AS x(
    message_id uuid, consumer_id uuid, client_id uuid, attempted_at timestamptz, succeeded boolean, status_code int,
    duration_ms int, response_body text, error text, status text, next_attempt_at timestamptz, token int)
), held AS (
  SELECT l.id FROM r CROSS JOIN LATERAL (
    SELECT id FROM webhook_message WHERE id = r.message_id AND attempt_count = r.token AND status = 'Pending'
    FOR NO KEY UPDATE
  ) l
), a AS (
  INSERT INTO webhook_attempt (message_id, consumer_id, client_id, attempted_at, succeeded, status_code, duration_ms, response_body, error)
  SELECT message_id, consumer_id, client_id, attempted_at, succeeded, status_code, duration_ms, response_body, error FROM r
), m AS (
  UPDATE webhook_message w SET status = r.status, next_attempt_at = r.next_attempt_at, leased_until = NULL,
    last_attempt_at = r.attempted_at, last_status_code = r.status_code, last_error = r.error
  FROM r WHERE w.id = ANY (ARRAY(SELECT id FROM held)) AND w.id = r.message_id
), streak AS (
  SELECT consumer_id, bool_or(succeeded) AS any_ok, min(attempted_at) AS first_at FROM r GROUP BY consumer_id
), c AS (
  UPDATE webhook_consumer wc SET failing_since = CASE WHEN s.any_ok THEN NULL ELSE coalesce(wc.failing_since, s.first_at) END
  FROM streak s
  WHERE wc.id = s.consumer_id AND (CASE WHEN s.any_ok THEN wc.failing_since IS NOT NULL ELSE wc.failing_since IS NULL END)
)
SELECT id, failing_since, disabled FROM webhook_consumer WHERE id IN (SELECT consumer_id FROM streak)`;

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
    return indexedRows<Claim>(this.db, 'webhook_claim_due', CLAIM_SQL, [now, lease, limit]);
  }

  /** When the next unleased Pending message falls due, or null when there is none. */
  async nextDue(): Promise<Date | null> {
    const [row] = await indexedRows<{ next: Date | null }>(this.db, 'webhook_next_due', NEXT_DUE_SQL, [this.clock.now()]);
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
    this.attempts.labels(result).inc();
    this.duration.labels(outcome).observe(r.durationMs / 1000);
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
    const streaks = await indexedRows<ConsumerStreak>(this.db, 'webhook_record', RECORD_SQL, [JSON.stringify(rows)]);
    const byId = new Map(streaks.map((c) => [c.id, c]));
    return rows.map((r) => byId.get(r.consumer_id));
  }
}
