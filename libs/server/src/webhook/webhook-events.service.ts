import { Inject, Injectable, type OnModuleInit } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource, EntityManager, EntitySubscriberInterface, QueryRunner, TransactionCommitEvent, TransactionRollbackEvent } from 'typeorm';
import { Clock } from '../common/clock';
import { JsonLogger } from '../common/json-logger';
import type { AppConfig } from '../config/config.schema';
import { APP_CONFIG } from '../core/tokens';
import { WebhookDispatcher } from './webhook-dispatcher';
import { buildEvent, type WebhookEventSpec } from './webhook-event.builders';

const PENDING = Symbol('webhook.pendingMessages');
type RunnerData = { [PENDING]?: string[] };

/**
 * Inserts the events, and one message (delivery) per matching consumer, in one statement. A
 * consumer matches when it is enabled, belongs to the event's client, has a URL, lists the event
 * type, and (with company tags) the company carried one of the tags; a rule with a company id
 * also needs that company. Test events go to their target consumer only.
 */
const EMIT_SQL = `
WITH input AS (
  SELECT * FROM jsonb_to_recordset($1::jsonb) AS x(
    ord int, client_id uuid, event_type text, company_id uuid, connection_id uuid,
    company_tags text[], payload jsonb, target_consumer_id uuid)
), e AS (
  INSERT INTO webhook_event (client_id, event_type, company_id, connection_id, company_tags, payload, target_consumer_id, created_at)
  SELECT client_id, event_type, company_id, connection_id, company_tags, payload, target_consumer_id, $2 FROM input ORDER BY ord
  RETURNING id, client_id, event_type, company_id, company_tags, target_consumer_id
), m AS (
  INSERT INTO webhook_message (event_id, consumer_id, client_id, status, attempt_count, retry_base, next_attempt_at, enqueued_at, created_at)
  SELECT e.id, c.id, e.client_id, 'Pending', 0, 0, $2, $2, $2
  FROM e JOIN webhook_consumer c ON c.client_id = e.client_id
  WHERE c.url IS NOT NULL AND NOT c.disabled AND (
    c.id = e.target_consumer_id
    OR (e.target_consumer_id IS NULL
        AND e.event_type = ANY (c.event_types)
        AND (cardinality(c.company_tags) = 0 OR c.company_tags && e.company_tags)
        AND (c.company_id IS NULL OR c.company_id = e.company_id)))
  RETURNING id
)
SELECT (SELECT coalesce(array_agg(id)::text[], '{}') FROM e) AS event_ids, (SELECT coalesce(array_agg(id)::text[], '{}') FROM m) AS message_ids`;

export interface EmitResult {
  eventIds: string[];
  messageIds: string[];
}

/**
 * The one way any module reports a state change to webhooks (the outbox):
 *
 *   await dataSource.transaction(async (manager) => {
 *     ...the state change...
 *     await webhookEvents.emit(manager, connectionEvents('connection.connected', clientId, company, view, oldStatus));
 *   });
 *
 * Rows are written with the caller's manager, so they commit or roll back with the change. Delivery
 * jobs are queued after the commit (a TypeORM transaction subscriber); if that enqueue is lost, the
 * worker's sweep finds the pending messages in the database.
 */
@Injectable()
export class WebhookEventsService implements OnModuleInit, EntitySubscriberInterface {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly dispatcher: WebhookDispatcher,
    private readonly clock: Clock,
    private readonly logger: JsonLogger,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  onModuleInit() {
    if (!this.db.subscribers.includes(this)) this.db.subscribers.push(this);
  }

  async emit(manager: EntityManager, events: WebhookEventSpec | readonly WebhookEventSpec[]): Promise<EmitResult> {
    const list = (Array.isArray(events) ? events : [events]) as WebhookEventSpec[];
    if (!list.length) return { eventIds: [], messageIds: [] };
    const rows = list.map((spec, ord) => {
      const e = buildEvent(spec, this.config.PORTAL_URL);
      return {
        ord,
        client_id: e.clientId,
        event_type: e.eventType,
        company_id: e.companyId ?? null,
        connection_id: e.connectionId ?? null,
        company_tags: e.companyTags,
        payload: e.payload,
        target_consumer_id: e.targetConsumerId ?? null,
      };
    });
    const [result] = (await manager.query(EMIT_SQL, [JSON.stringify(rows), this.clock.now()])) as { event_ids: string[]; message_ids: string[] }[];
    const out = { eventIds: result.event_ids, messageIds: result.message_ids };
    if (!out.messageIds.length) return out;
    const runner = manager.queryRunner;
    if (runner?.isTransactionActive) {
      const data = runner.data as RunnerData;
      (data[PENDING] ??= []).push(...out.messageIds);
    } else {
      await this.enqueue(out.messageIds);
    }
    return out;
  }

  /** After the outermost commit: queue the deliveries of every event the transaction emitted. */
  async afterTransactionCommit(event: TransactionCommitEvent): Promise<void> {
    const ids = this.take(event.queryRunner);
    if (ids?.length) await this.enqueue(ids);
  }

  afterTransactionRollback(event: TransactionRollbackEvent): void {
    this.take(event.queryRunner);
  }

  private take(runner: QueryRunner): string[] | undefined {
    if (runner.isTransactionActive) return undefined; // a savepoint, not the outermost transaction
    const data = runner.data as RunnerData;
    const ids = data[PENDING];
    delete data[PENDING];
    return ids;
  }

  private async enqueue(ids: string[]) {
    try {
      await this.dispatcher.enqueue(ids);
    } catch (err) {
      // Committed already: the sweep will queue them.
      this.logger.event('warn', 'webhook enqueue failed; the sweep will retry', { count: ids.length, error: (err as Error).message });
    }
  }
}
