import { Inject, Injectable, type OnApplicationBootstrap, type OnModuleDestroy } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { Gauge } from 'prom-client';
import { DataSource } from 'typeorm';
import { Clock } from '../common/clock';
import { JsonLogger } from '../common/json-logger';
import type { AppConfig } from '../config/config.schema';
import { APP_CONFIG } from '../core/tokens';
import { MetricsService } from '../health/metrics.service';
import { type Claim, WebhookDeliveryService } from './webhook-delivery.service';
import { WEBHOOK_CHANNEL } from './webhook-notify';
import { type PgPoolClient, pgPool } from './webhook-sql';

/** Shortest wait before looking again when something is due but could not be claimed (locked by another worker). */
const MIN_IDLE_MS = 25;
/** How long shutdown waits for attempts in flight; the rest are picked up again when their lease ends. */
const SHUTDOWN_WAIT_MS = 10_000;

/**
 * The worker's delivery loop. The `webhook_message` table is the queue: the pump leases due
 * messages in batches (`claimDue`, SKIP LOCKED, so any number of workers share the work) and keeps
 * up to WEBHOOK_CONCURRENCY requests in flight. Claimed messages wait in a local buffer (up to the
 * concurrency again), so a slot that frees starts the next request at once instead of after a
 * claim's round trip; the next batch is claimed when a third of the slots and buffer is free.
 * A slot frees when the response arrives; storing the attempt (batched across attempts) happens
 * after. It wakes up
 * - at once when a message becomes due: emitting events and replays `NOTIFY ledgerlink_webhooks`
 *   in their transaction, and the pump LISTENs on a connection of its own;
 * - when the earliest Pending message falls due (retries, leases of attempts a dead worker left);
 * - at least every WEBHOOK_POLL_INTERVAL_MS, in case a notification was missed (listener
 *   reconnecting, a connection pooler that drops LISTEN).
 * Nothing lives only in memory or in Redis: a crash or restart loses at most the leases of the
 * attempts in flight, which fall due again after the lease (at-least-once).
 */
@Injectable()
export class WebhookPump implements OnApplicationBootstrap, OnModuleDestroy {
  /** Attempts whose request is running (bounded by WEBHOOK_CONCURRENCY). */
  private inFlight = 0;
  /** Claimed (leased) messages waiting for a free slot. */
  private ready: Claim[] = [];
  /** Attempts answered but not yet stored (their slot is free already; bounded too). */
  private recording = 0;
  private claiming = false;
  /** Something may be due that has not been claimed yet (a notification, or the last claim was full). */
  private more = false;
  private stopped = true;
  private timer?: NodeJS.Timeout;
  private idleScheduled = false;
  private failures = 0;
  private listener?: PgPoolClient;
  private listenRetry?: NodeJS.Timeout;
  private idleWaiters: (() => void)[] = [];

  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly delivery: WebhookDeliveryService,
    private readonly clock: Clock,
    private readonly logger: JsonLogger,
    metrics: MetricsService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {
    // Read when scraped: nothing to update per attempt.
    metrics.registry.removeSingleMetric('ledgerlink_webhook_attempts_in_flight');
    const gauge: Gauge = new Gauge({
      name: 'ledgerlink_webhook_attempts_in_flight',
      help: 'Webhook delivery attempts in flight in this worker',
      registers: [metrics.registry],
      collect: () => gauge.set(this.inFlight),
    });
  }

  async onApplicationBootstrap() {
    this.stopped = false;
    await this.listen();
    this.kick();
  }

  async onModuleDestroy() {
    this.stopped = true;
    clearTimeout(this.timer);
    clearTimeout(this.listenRetry);
    this.dropListener();
    // Claimed messages not yet sent: give them back now rather than when their lease ends.
    const unsent = this.ready.splice(0);
    if (unsent.length > 0) {
      await this.delivery.release(unsent).catch((err: Error) => this.logger.event('warn', 'could not release unsent webhook claims; they are sent after their lease ends', { count: unsent.length, error: err.message }));
    }
    const deadline = Date.now() + SHUTDOWN_WAIT_MS;
    while ((this.inFlight > 0 || this.recording > 0 || this.claiming) && Date.now() < deadline) await new Promise((r) => setTimeout(r, 20));
  }

  /** Something may be due: claim now if there are free slots (cheap when nothing is). */
  kick(): void {
    this.more = true;
    this.pump();
  }

  /**
   * Resolves once nothing that is due now (by the clock) is left unattempted and no attempt is in
   * flight. Tests use it after moving a manual clock; it does not wait for future retries.
   */
  async settle(timeoutMs = 30_000): Promise<void> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      this.kick();
      await new Promise<void>((resolve, reject) => {
        const timer = setTimeout(() => reject(new Error('webhook deliveries did not settle')), Math.max(1, deadline - Date.now()));
        this.idleWaiters.push(() => {
          clearTimeout(timer);
          resolve();
        });
        this.checkIdle();
      });
      const next = await this.delivery.nextDue();
      if (!next || next.getTime() > this.clock.now().getTime()) return;
      if (Date.now() > deadline) throw new Error('webhook deliveries did not settle');
      await new Promise((r) => setTimeout(r, MIN_IDLE_MS));
    }
  }

  /** Requests in flight plus claimed messages waiting: twice the concurrency. */
  private capacity(): number {
    return 2 * this.config.WEBHOOK_CONCURRENCY;
  }

  /**
   * Claim again once a third of the capacity is free: batches stay large (about two thirds of the
   * concurrency), so there are few statements per delivery, and the next batch arrives before the
   * buffer runs dry.
   */
  private canClaim(): boolean {
    const capacity = this.capacity();
    const free = capacity - this.inFlight - this.ready.length;
    return free >= Math.max(1, Math.floor(capacity / 3)) && this.recording < 2 * this.config.WEBHOOK_CONCURRENCY;
  }

  /** Starts waiting messages while slots are free. */
  private fill(): void {
    while (this.inFlight < this.config.WEBHOOK_CONCURRENCY && this.ready.length > 0 && !this.stopped) this.start(this.ready.shift() as Claim);
  }

  private pump(): void {
    this.fill();
    if (this.stopped || this.claiming) return;
    if (!this.more || !this.canClaim()) {
      this.checkIdle();
      return;
    }
    const want = this.capacity() - this.inFlight - this.ready.length;
    this.more = false;
    this.claiming = true;
    clearTimeout(this.timer);
    this.idleScheduled = false;
    this.delivery.claimDue(want).then(
      (claims) => {
        this.claiming = false;
        this.failures = 0;
        for (const claim of claims) this.ready.push(claim);
        if (claims.length === want) this.more = true;
        this.pump();
      },
      (err: Error) => {
        this.claiming = false;
        this.failures++;
        this.more = true;
        const wait = Math.min(this.config.WEBHOOK_POLL_INTERVAL_MS, 250 * 2 ** Math.min(this.failures, 8));
        this.logger.event('warn', 'could not claim webhook deliveries; will try again', { error: err.message, retryInMs: wait });
        this.wakeAfter(wait);
      },
    );
  }

  /** Sends one claimed message; its slot frees as soon as the response is in, before it is stored. */
  private start(claim: Claim): void {
    this.inFlight++;
    this.delivery.send(claim).then(
      (result) => {
        this.inFlight--;
        if (result) {
          this.recording++;
          this.delivery
            .record(claim, result)
            .catch((err: Error) => this.recordFailed(claim, err))
            .finally(() => {
              this.recording--;
              this.pump();
            });
        }
        this.pump();
      },
      (err: Error) => {
        this.inFlight--;
        this.recordFailed(claim, err);
        this.pump();
      },
    );
  }

  private recordFailed(claim: Claim, err: Error): void {
    // The lease stays: the message falls due again when it ends (at-least-once).
    this.logger.event('error', 'webhook attempt could not be recorded', { messageId: claim.id, error: err.message });
  }

  /** Idle (nothing claimable, nothing in flight): wake waiters and sleep until the next due time. */
  private checkIdle(): void {
    if (this.claiming || this.inFlight > 0 || this.ready.length > 0 || this.recording > 0 || this.more) return;
    const waiters = this.idleWaiters.splice(0);
    for (const w of waiters) w();
    if (this.stopped || this.idleScheduled) return;
    this.idleScheduled = true;
    this.delivery.nextDue().then(
      (next) => {
        if (!this.idleScheduled) return; // woken meanwhile
        const poll = this.config.WEBHOOK_POLL_INTERVAL_MS;
        const wait = next ? Math.min(poll, Math.max(MIN_IDLE_MS, next.getTime() - this.clock.now().getTime())) : poll;
        this.wakeAfter(wait);
      },
      () => this.wakeAfter(this.config.WEBHOOK_POLL_INTERVAL_MS),
    );
  }

  private wakeAfter(ms: number): void {
    if (this.stopped) return;
    clearTimeout(this.timer);
    this.timer = setTimeout(() => {
      this.idleScheduled = false;
      this.kick();
    }, ms);
    this.timer.unref();
  }

  /** LISTEN on a connection of its own (taken from the pool); reconnects with a backoff. */
  private async listen(attempt = 0): Promise<void> {
    if (this.stopped) return;
    const pool = pgPool(this.db);
    if (!pool) return; // not PostgreSQL: polling only
    let client: PgPoolClient | undefined;
    try {
      client = await pool.connect();
      const c = client;
      c.on('notification', () => this.kick());
      c.on('error', (err) => {
        this.logger.event('warn', 'webhook listener connection lost; reconnecting', { error: err.message });
        this.dropListener(err);
        this.scheduleListen(1);
      });
      await c.query(`LISTEN ${WEBHOOK_CHANNEL}`);
      if (this.stopped) return c.release(true);
      this.listener = c;
      if (attempt > 0) this.kick(); // anything that became due while not listening
    } catch (err) {
      if (client && client !== this.listener) client.release(err as Error);
      this.logger.event('warn', 'could not LISTEN for webhook notifications; polling meanwhile', { error: (err as Error).message });
      this.scheduleListen(attempt + 1);
    }
  }

  private scheduleListen(attempt: number): void {
    if (this.stopped) return;
    clearTimeout(this.listenRetry);
    this.listenRetry = setTimeout(() => void this.listen(attempt), Math.min(this.config.WEBHOOK_POLL_INTERVAL_MS, 500 * 2 ** Math.min(attempt, 6)));
    this.listenRetry.unref();
  }

  private dropListener(err?: Error): void {
    const c = this.listener;
    this.listener = undefined;
    if (!c) return;
    c.removeAllListeners('notification');
    // Destroy rather than return it to the pool: it still LISTENs (or is broken).
    c.release(err ?? true);
  }
}
