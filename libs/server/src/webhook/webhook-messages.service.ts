import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, In } from 'typeorm';
import { Clock } from '../common/clock';
import { badRequest, notFound } from '../common/errors/api-error';
import { WebhookAttemptEntity } from './webhook-attempt.entity';
import { deliveryBody } from './webhook-body';
import type { WebhookConsumerEntity } from './webhook-consumer.entity';
import { WebhookConsumersService } from './webhook-consumers.service';
import { WEBHOOK_TEST_EVENT } from './webhook-event-types';
import { WebhookEventsService } from './webhook-events.service';
import { NOTIFY_DUE } from './webhook-notify';
import { type WebhookMessageStatus } from './webhook-message.entity';
import { WebhookNoticeEntity } from './webhook-notice.entity';
import { parseMessageId, webhookMessageId } from './webhook-signing';
import { queryRows } from './webhook-sql';

export interface WebhookAttemptView {
  id: string;
  attemptedDate: string;
  succeeded: boolean;
  statusCode?: number;
  durationMs: number;
  response?: string;
  error?: string;
}

export interface WebhookMessageView {
  id: string;
  /** The `webhook-id` header value. */
  webhookId: string;
  eventId: string;
  eventType: string;
  status: WebhookMessageStatus;
  createdDate: string;
  attemptCount: number;
  lastAttemptDate?: string;
  nextAttemptDate?: string;
  lastStatusCode?: number;
  lastError?: string;
  attempts: WebhookAttemptView[];
}

export interface MessageListParams {
  page: number;
  pageSize: number;
  status?: WebhookMessageStatus;
}

export interface HourlyDeliveries {
  hour: string;
  succeeded: number;
  failed: number;
}

interface MessageRow {
  id: string;
  event_id: string;
  event_type: string;
  status: WebhookMessageStatus;
  created_at: Date;
  attempt_count: number;
  last_attempt_at: Date | null;
  next_attempt_at: Date | null;
  last_status_code: number | null;
  last_error: string | null;
}

const iso = (d: Date) => new Date(d).toISOString();

/** The message log, replay, test events, delivery statistics and notices (portal and REST). */
@Injectable()
export class WebhookMessagesService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly consumers: WebhookConsumersService,
    private readonly events: WebhookEventsService,
    private readonly clock: Clock,
  ) {}

  async list(clientId: string, consumerId: string, p: MessageListParams): Promise<{ results: WebhookMessageView[]; totalResults: number; page: number; pageSize: number }> {
    const consumer = await this.consumers.requireConsumer(clientId, consumerId);
    const params: unknown[] = [consumer.id];
    const statusFilter = p.status ? ` AND m.status = $${params.push(p.status)}` : '';
    const [rows, [{ count }]] = await Promise.all([
      queryRows<MessageRow>(
        this.db,
        `SELECT m.id, m.event_id, e.event_type, m.status, m.created_at, m.attempt_count, m.last_attempt_at, m.next_attempt_at, m.last_status_code, m.last_error
         FROM webhook_message m JOIN webhook_event e ON e.id = m.event_id
         WHERE m.consumer_id = $1${statusFilter} ORDER BY m.created_at DESC, m.id DESC LIMIT $${params.length + 1} OFFSET $${params.length + 2}`,
        [...params, p.pageSize, (p.page - 1) * p.pageSize],
      ),
      queryRows<{ count: number }>(this.db, `SELECT count(*)::int AS count FROM webhook_message m WHERE m.consumer_id = $1${statusFilter}`, params),
    ]);
    const attempts = await this.attemptsOf(rows.map((r) => r.id));
    return { results: rows.map((r) => this.view(r, attempts.get(r.id) ?? [])), totalResults: count, page: p.page, pageSize: p.pageSize };
  }

  /** One message with its attempts and the exact body it is delivered with. */
  async get(clientId: string, consumerId: string, messageId: string): Promise<WebhookMessageView & { body: unknown }> {
    const consumer = await this.consumers.requireConsumer(clientId, consumerId);
    const id = this.messageId(messageId);
    const [row] = id
      ? await queryRows<MessageRow & { payload: Record<string, unknown>; company_id: string | null; connection_id: string | null; generated_at: Date; client_name: string }>(
          this.db,
          `SELECT m.id, m.event_id, e.event_type, m.status, m.created_at, m.attempt_count, m.last_attempt_at, m.next_attempt_at, m.last_status_code, m.last_error,
                  e.payload, e.company_id, e.connection_id, e.created_at AS generated_at, cl.name AS client_name
           FROM webhook_message m JOIN webhook_event e ON e.id = m.event_id JOIN client cl ON cl.id = m.client_id
           WHERE m.id = $1 AND m.consumer_id = $2`,
          [id, consumer.id],
        )
      : [];
    if (!row) throw notFound(`No message was found with ID ${messageId}`, { code: 'webhook.message_not_found' });
    const body = deliveryBody({
      messageId: row.id,
      eventId: row.event_id,
      eventType: row.event_type,
      generatedDate: new Date(row.generated_at),
      payload: row.payload,
      companyId: row.company_id,
      connectionId: row.connection_id,
      clientId,
      clientName: row.client_name,
      consumerId: consumer.id,
      ruleType: consumer.ruleType,
    });
    const attempts = await this.attemptsOf([row.id]);
    return { ...this.view(row, attempts.get(row.id) ?? []), body: JSON.parse(body) };
  }

  /**
   * Replay: one message (whatever its status), or every Failed message created since a date. Each
   * gets a fresh retry schedule and keeps its `webhook-id`, so receivers can still deduplicate.
   */
  async replay(clientId: string, consumerId: string, input: { messageId?: string; since?: string }): Promise<{ messages: number }> {
    const consumer = this.requireEnabled(await this.consumers.requireConsumer(clientId, consumerId));
    const now = this.clock.now();
    const set = `SET status = 'Pending', next_attempt_at = $1, leased_until = NULL, retry_base = attempt_count, last_error = NULL`;
    let ids: { id: string }[];
    if (input.messageId !== undefined) {
      const id = this.messageId(input.messageId);
      ids = id ? await queryRows(this.db, `UPDATE webhook_message ${set} WHERE consumer_id = $2 AND id = $3 RETURNING id`, [now, consumer.id, id]) : [];
      if (!ids.length) throw notFound(`No message was found with ID ${input.messageId}`, { code: 'webhook.message_not_found' });
    } else {
      ids = await queryRows(this.db, `UPDATE webhook_message ${set} WHERE consumer_id = $2 AND status = 'Failed' AND created_at >= $3 RETURNING id`, [now, consumer.id, new Date(input.since as string)]);
    }
    if (ids.length) await this.db.query(`SELECT ${NOTIFY_DUE}`); // wake the delivery workers
    return { messages: ids.length };
  }

  /** A `webhook.test` event delivered only to this consumer, through the normal pipeline. */
  async sendTest(clientId: string, consumerId: string): Promise<{ messageId: string; webhookId: string }> {
    const consumer = this.requireEnabled(await this.consumers.requireConsumer(clientId, consumerId));
    if (!consumer.url) throw badRequest('This rule has no webhook URL to send a test event to.', { code: 'webhook.no_url' });
    const { messageIds } = await this.db.transaction((manager) => this.events.emit(manager, { type: WEBHOOK_TEST_EVENT, clientId, consumerId: consumer.id }));
    return { messageId: messageIds[0], webhookId: webhookMessageId(messageIds[0]) };
  }

  /** Attempts per hour over the last 24 hours (oldest first), for one consumer or all of them. */
  async hourlyDeliveries(clientId: string, consumerId?: string): Promise<HourlyDeliveries[]> {
    const consumer = consumerId ? await this.consumers.requireConsumer(clientId, consumerId) : undefined;
    const currentHour = Math.floor(this.clock.now().getTime() / 3600_000);
    const from = new Date((currentHour - 23) * 3600_000);
    const rows = await queryRows<{ hour: number; succeeded: number; failed: number }>(
      this.db,
      `SELECT floor(extract(epoch FROM attempted_at) / 3600)::int AS hour,
              (count(*) FILTER (WHERE succeeded))::int AS succeeded, (count(*) FILTER (WHERE NOT succeeded))::int AS failed
       FROM webhook_attempt WHERE client_id = $1 AND attempted_at >= $2 ${consumer ? 'AND consumer_id = $3' : ''}
       GROUP BY 1`,
      consumer ? [clientId, from, consumer.id] : [clientId, from],
    );
    const byHour = new Map(rows.map((r) => [r.hour, r]));
    return Array.from({ length: 24 }, (_, i) => {
      const hour = currentHour - 23 + i;
      const r = byHour.get(hour);
      return { hour: new Date(hour * 3600_000).toISOString(), succeeded: r?.succeeded ?? 0, failed: r?.failed ?? 0 };
    });
  }

  /** Notices for the portal, newest first, with whether the consumer is still disabled. */
  async notices(clientId: string, limit = 50) {
    const rows = await this.db.getRepository(WebhookNoticeEntity).find({ where: { clientId }, order: { createdAt: 'DESC', id: 'DESC' }, take: limit, relations: { consumer: true } });
    return rows.map((n) => ({
      id: n.id,
      type: n.type,
      consumerId: n.consumerId,
      url: n.consumer?.url ?? undefined,
      message: n.message,
      createdDate: n.createdAt.toISOString(),
      stillDisabled: n.consumer?.disabled ?? false,
    }));
  }

  private requireEnabled(consumer: WebhookConsumerEntity): WebhookConsumerEntity {
    if (consumer.disabled) throw badRequest('This webhook consumer is disabled. Enable it first.', { code: 'webhook.disabled' });
    return consumer;
  }

  private messageId(value: string): string | undefined {
    return parseMessageId(value.trim());
  }

  private async attemptsOf(messageIds: string[]): Promise<Map<string, WebhookAttemptView[]>> {
    const map = new Map<string, WebhookAttemptView[]>();
    if (!messageIds.length) return map;
    const rows = await this.db.getRepository(WebhookAttemptEntity).find({ where: { messageId: In(messageIds) }, order: { attemptedAt: 'ASC', id: 'ASC' } });
    for (const a of rows) {
      const list = map.get(a.messageId) ?? [];
      list.push({
        id: a.id,
        attemptedDate: a.attemptedAt.toISOString(),
        succeeded: a.succeeded,
        ...(a.statusCode !== null ? { statusCode: a.statusCode } : {}),
        durationMs: a.durationMs,
        ...(a.responseBody ? { response: a.responseBody } : {}),
        ...(a.error ? { error: a.error } : {}),
      });
      map.set(a.messageId, list);
    }
    return map;
  }

  private view(r: MessageRow, attempts: WebhookAttemptView[]): WebhookMessageView {
    return {
      id: r.id,
      webhookId: webhookMessageId(r.id),
      eventId: r.event_id,
      eventType: r.event_type,
      status: r.status,
      createdDate: iso(r.created_at),
      attemptCount: r.attempt_count,
      ...(r.last_attempt_at ? { lastAttemptDate: iso(r.last_attempt_at) } : {}),
      ...(r.status === 'Pending' && r.next_attempt_at ? { nextAttemptDate: iso(r.next_attempt_at) } : {}),
      ...(r.last_status_code !== null ? { lastStatusCode: r.last_status_code } : {}),
      ...(r.last_error ? { lastError: r.last_error } : {}),
      attempts,
    };
  }
}
