import { Inject, Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { Clock } from '../common/clock';
import type { AppConfig } from '../config/config.schema';
import { APP_CONFIG } from '../core/tokens';
import { buildEvent, type WebhookEventSpec } from './webhook-event.builders';
import { NOTIFY_DUE } from './webhook-notify';

/**
 * Inserts the events, and one message (delivery) per matching consumer, in one statement. A
 * consumer matches when it is enabled, belongs to the event's client, has a URL, lists the event
 * type, and (with company tags) the company carried one of the tags; a rule with a company id
 * also needs that company. Test events go to their target consumer only. When any message was
 * written, the statement also NOTIFYs the delivery workers (sent by PostgreSQL on commit).
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
  INSERT INTO webhook_message (event_id, consumer_id, client_id, status, attempt_count, retry_base, next_attempt_at, created_at)
  SELECT e.id, c.id, e.client_id, 'Pending', 0, 0, $2, $2
  FROM e JOIN webhook_consumer c ON c.client_id = e.client_id
  WHERE c.url IS NOT NULL AND NOT c.disabled AND (
    c.id = e.target_consumer_id
    OR (e.target_consumer_id IS NULL
        AND e.event_type = ANY (c.event_types)
        AND (cardinality(c.company_tags) = 0 OR c.company_tags && e.company_tags)
        AND (c.company_id IS NULL OR c.company_id = e.company_id)))
  RETURNING id
)
SELECT (SELECT coalesce(array_agg(id)::text[], '{}') FROM e) AS event_ids, (SELECT coalesce(array_agg(id)::text[], '{}') FROM m) AS message_ids,
  (SELECT count(*) FROM (SELECT ${NOTIFY_DUE} WHERE EXISTS (SELECT 1 FROM m)) n) AS notified`;

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
 * Rows are written with the caller's manager, so they commit or roll back with the change, and so
 * does the wake-up of the delivery workers (a NOTIFY in the same statement). The messages are the
 * queue: nothing else has to be enqueued after the commit.
 */
@Injectable()
export class WebhookEventsService {
  constructor(
    private readonly clock: Clock,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

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
    return { eventIds: result.event_ids, messageIds: result.message_ids };
  }
}
