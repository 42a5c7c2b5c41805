import type { EventTypeInfo, HourlyDeliveries, WebhookConsumer, WebhookMessage, WebhookNotice } from '../src/app/(app)/_webhooks/types';
import type { FakeCall, FakeReply } from './fake-api';

export const CONSUMER_A = '0b5c6d7e-1111-4a2b-8c3d-000000000001';
export const CONSUMER_B = '0b5c6d7e-2222-4a2b-8c3d-000000000002';

const ev = (eventType: string, group: EventTypeInfo['group'], extra: Partial<EventTypeInfo> = {}): EventTypeInfo => ({
  eventType,
  group,
  description: `About ${eventType}.`,
  legacy: group === 'Legacy',
  ...extra,
});

export const CATALOGUE: EventTypeInfo[] = [
  ev('company.created', 'Company'),
  ev('company.deleted', 'Company'),
  ev('connection.connected', 'Connection'),
  ev('read.completed', 'Read'),
  ...['bills', 'invoices', 'customers', 'suppliers', 'payments', 'items', 'journals', 'transfers', 'directCosts'].flatMap((t) => [
    ev(`${t}.write.successful`, 'Write'),
    ev(`${t}.write.unsuccessful`, 'Write'),
  ]),
  ev('DataSyncCompleted', 'Legacy', { replacedBy: 'read.completed' }),
];

export const zodError = (issues: unknown[]): FakeReply => ({ error: { message: JSON.stringify(issues, null, 2), code: 'BAD_REQUEST', httpStatus: 400 } });

const HOUR = 3_600_000;

export function hourly(end = Date.parse('2026-03-05T14:00:00Z'), fill: Record<number, [number, number]> = {}): HourlyDeliveries[] {
  return Array.from({ length: 24 }, (_, i) => {
    const [succeeded, failed] = fill[i] ?? [0, 0];
    return { hour: new Date(end - (23 - i) * HOUR).toISOString(), succeeded, failed };
  });
}

const consumer = (id: string, patch: Partial<WebhookConsumer> = {}): WebhookConsumer => ({
  id,
  url: `https://${id.slice(-1)}.hooks.example.com/ledgerlink`,
  disabled: false,
  eventTypes: ['company.created'],
  kind: 'consumer',
  createdDate: '2026-03-01T09:00:00.000Z',
  ...patch,
});

const msgId = (n: number) => `aaaaaaaa-0000-4000-8000-${String(n).padStart(12, '0')}`;

export function message(n: number, patch: Partial<WebhookMessage> = {}): WebhookMessage {
  const id = msgId(n);
  return {
    id,
    webhookId: `msg_${id.replace(/-/g, '')}`,
    eventId: `e-${n}`,
    eventType: 'company.created',
    status: 'Succeeded',
    createdDate: '2026-03-05T10:00:00.000Z',
    attemptCount: 1,
    attempts: [{ id: `a-${n}-1`, attemptedDate: '2026-03-05T10:00:01.000Z', succeeded: true, statusCode: 200, durationMs: 38, response: 'ok' }],
    ...patch,
  };
}

export interface WebhookServerState {
  consumers: WebhookConsumer[];
  notices: WebhookNotice[];
  messages: WebhookMessage[];
  secret: string;
  stats: HourlyDeliveries[];
  nextTest: number;
}

/** The API's webhooks procedures, keeping state; `reject` answers a call with an error instead. */
export function makeWebhookServer(opts: { reject?: (call: FakeCall) => FakeReply | undefined; state?: Partial<WebhookServerState> } = {}) {
  const state: WebhookServerState = {
    consumers: [
      consumer(CONSUMER_A, { eventTypes: ['company.created', 'connection.connected', 'read.completed', 'DataSyncCompleted'], companyTags: ['region:uk'] }),
      consumer(CONSUMER_B, {
        disabled: true,
        disabledReason: 'Every delivery failed for 5 days',
        disabledDate: '2026-03-04T08:00:00.000Z',
        failingSince: '2026-02-27T08:00:00.000Z',
      }),
    ],
    notices: [
      {
        id: 'n-1',
        type: 'webhook.disabled',
        consumerId: CONSUMER_B,
        url: `https://2.hooks.example.com/ledgerlink`,
        message: 'Every delivery failed for 5 days',
        createdDate: '2026-03-04T08:00:00.000Z',
        stillDisabled: true,
      },
    ],
    messages: [
      message(3, {
        eventType: 'webhook.test',
        status: 'Pending',
        attemptCount: 2,
        nextAttemptDate: '2026-03-05T10:05:00.000Z',
        lastStatusCode: 500,
        attempts: [
          { id: 'a-3-1', attemptedDate: '2026-03-05T10:02:00.000Z', succeeded: false, statusCode: 500, durationMs: 12, response: '{"error":"receiver exploded"}', error: 'HTTP 500' },
          { id: 'a-3-2', attemptedDate: '2026-03-05T10:02:05.000Z', succeeded: false, durationMs: 15000, error: 'Timed out after 15000 ms' },
        ],
      }),
      message(2, { status: 'Failed', attempts: [{ id: 'a-2-1', attemptedDate: '2026-03-05T10:01:00.000Z', succeeded: false, statusCode: 410, durationMs: 7, response: 'gone' }] }),
      message(1),
    ],
    secret: 'whsec_first0000000000000000000000000000000',
    stats: hourly(undefined, { 20: [3, 1], 23: [2, 2] }),
    nextTest: 10,
    ...opts.state,
  };

  const find = (id: string) => state.consumers.find((c) => c.id === id);
  const notFound = (): FakeReply => ({ error: { message: 'No webhook consumer was found with ID x', code: 'NOT_FOUND', httpStatus: 404 } });

  const handle = (call: FakeCall): FakeReply => {
    const rejected = opts.reject?.(call);
    if (rejected) return rejected;
    const input = (call.input ?? {}) as Record<string, unknown>;
    const id = input['consumerId'] as string;
    switch (call.path) {
      case 'webhooks.catalogue':
        return { data: CATALOGUE };
      case 'webhooks.list':
        return { data: state.consumers };
      case 'webhooks.notices':
        return { data: state.notices };
      case 'webhooks.stats':
        return { data: state.stats };
      case 'webhooks.create': {
        const created = consumer(`0b5c6d7e-3333-4a2b-8c3d-00000000000${state.consumers.length + 1}`, {
          url: input['url'] as string,
          eventTypes: input['eventTypes'] as string[],
          ...(input['companyTags'] ? { companyTags: input['companyTags'] as string[] } : {}),
          createdDate: '2026-03-05T11:00:00.000Z',
        });
        state.consumers.push(created);
        return { data: created };
      }
      case 'webhooks.setDisabled': {
        const c = find(id);
        if (!c) return notFound();
        const disabled = input['disabled'] as boolean;
        Object.assign(c, disabled ? { disabled, disabledReason: 'Disabled by the user', disabledDate: '2026-03-05T11:00:00.000Z' } : { disabled });
        if (!disabled) {
          delete c.disabledReason;
          delete c.disabledDate;
          delete c.failingSince;
        }
        return { data: { ...c } };
      }
      case 'webhooks.revealSecret':
        return find(id) ? { data: { key: state.secret } } : notFound();
      case 'webhooks.rotateSecret':
        state.secret = 'whsec_second000000000000000000000000000000';
        return { data: { key: state.secret } };
      case 'webhooks.sendTest': {
        const n = state.nextTest++;
        const m = message(n, { eventType: 'webhook.test', status: 'Pending', attemptCount: 0, attempts: [], createdDate: '2026-03-05T11:00:00.000Z' });
        state.messages.unshift(m);
        return { data: { messageId: m.id, webhookId: m.webhookId } };
      }
      case 'webhooks.messages': {
        const status = input['status'] as string | undefined;
        const page = (input['page'] as number) ?? 1;
        const size = (input['pageSize'] as number) ?? 20;
        const all = state.messages.filter((m) => !status || m.status === status);
        return { data: { results: all.slice((page - 1) * size, page * size), totalResults: all.length, page, pageSize: size } };
      }
      case 'webhooks.message': {
        const m = state.messages.find((x) => x.id === input['messageId']);
        return m ? { data: { ...m, body: { id: m.eventId, eventType: m.eventType, payload: { hello: 'world' } } } } : notFound();
      }
      case 'webhooks.replay': {
        const m = state.messages.find((x) => x.id === input['messageId']);
        if (!m) return notFound();
        Object.assign(m, {
          status: 'Succeeded',
          attemptCount: m.attemptCount + 1,
          attempts: [...m.attempts, { id: `${m.id}-r`, attemptedDate: '2026-03-05T11:00:00.000Z', succeeded: true, statusCode: 200, durationMs: 21, response: 'ok' }],
        });
        delete m.nextAttemptDate;
        return { data: { messages: 1 } };
      }
      case 'webhooks.replayFailed': {
        const failed = state.messages.filter((m) => m.status === 'Failed');
        for (const m of failed) m.status = 'Pending';
        return { data: { messages: failed.length } };
      }
      case 'webhooks.delete':
        state.consumers = state.consumers.filter((c) => c.id !== id);
        return { data: { ok: true } };
      default:
        return { error: { message: `No procedure ${call.path}`, code: 'NOT_FOUND', httpStatus: 404 } };
    }
  };
  return { state, handle };
}
