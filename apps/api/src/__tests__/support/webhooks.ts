import { expect } from '@jest/globals';
import type { TestApi, TestTenant } from '@ledgerlink/testing';
import { json } from './contract';

export interface ConsumerBody {
  id: string;
  url: string;
  disabled: boolean;
  eventTypes: string[];
  companyTags?: string[];
  disabledReason?: string;
}

/** Fast, deterministic delivery settings: no jitter, a short schedule. */
export const FAST_WEBHOOKS = {
  WEBHOOK_RETRY_SCHEDULE_MS: '0,100,200',
  WEBHOOK_RETRY_JITTER: '0',
  WEBHOOK_TIMEOUT_MS: '10000',
};

export const createConsumer = (api: TestApi, tenant: TestTenant, body: Record<string, unknown>) =>
  json<ConsumerBody>(api.request('/webhooks', { tenant, method: 'POST', json: body }), 201);

export const secretOf = async (api: TestApi, tenant: TestTenant, id: string) =>
  (await json<{ key: string }>(api.request(`/webhooks/${id}/secret`, { tenant }))).key;

export interface MessageRow {
  id: string;
  event_type: string;
  status: string;
  attempt_count: number;
  attempts: { succeeded: boolean; status_code: number | null; error: string | null; duration_ms: number; response_body: string | null }[];
}

/** The consumer's messages (oldest first) with their attempts, straight from the database. */
export async function messagesOf(api: TestApi, consumerId: string): Promise<MessageRow[]> {
  return api.db.query(
    `SELECT m.id, e.event_type, m.status, m.attempt_count,
       coalesce((SELECT json_agg(json_build_object('succeeded', a.succeeded, 'status_code', a.status_code, 'error', a.error,
                  'duration_ms', a.duration_ms, 'response_body', a.response_body) ORDER BY a.attempted_at, a.id)
                 FROM webhook_attempt a WHERE a.message_id = m.id), '[]') AS attempts
     FROM webhook_message m JOIN webhook_event e ON e.id = m.event_id
     WHERE m.consumer_id = $1 ORDER BY m.created_at, e.created_at, m.id`,
    [consumerId],
  );
}

/** Polls until `check` stops throwing (or the time is up, then rethrows its last error). */
export async function eventually<T>(check: () => Promise<T> | T, timeoutMs = 30_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    try {
      return await check();
    } catch (err) {
      if (Date.now() > deadline) throw err;
      await new Promise((r) => setTimeout(r, 25));
    }
  }
}

export const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

export function expectWebhookHeaders(headers: Record<string, string>) {
  expect(headers['webhook-id']).toMatch(/^msg_[0-9a-f]{32}$/);
  expect(headers['webhook-timestamp']).toMatch(/^\d{10}$/);
  expect(headers['webhook-signature']).toMatch(/^v1,[A-Za-z0-9+/]+=*( v1,[A-Za-z0-9+/]+=*)*$/);
  expect(headers['content-type']).toBe('application/json');
}
