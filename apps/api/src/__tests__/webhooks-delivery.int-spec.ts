import { afterAll, jest, afterEach, beforeAll, beforeEach, describe, expect, it } from '@jest/globals';
import { getQueueToken } from '@nestjs/bull';
import type { Queue } from 'bull';
import { JOBS, MetricsService, QUEUES, sign, WEBHOOK_CHANNEL, WebhookEventsService, WebhookMessagesService, WebhookRetentionJob } from '@ledgerlink/server';
import { Client } from 'pg';
import {
  freePort,
  loadSvix,
  startTestApi,
  startTestWorker,
  startWebhookReceiver,
  type ReceiverResponse,
  type TestApi,
  type TestTenant,
  type TestWorker,
  type WebhookReceiver,
} from '@ledgerlink/testing';
import { createCompany, createConnection, expectErrorBody, json } from './support/contract';
import { type ConsumerBody, createConsumer, eventually, expectWebhookHeaders, FAST_WEBHOOKS, messagesOf, secretOf } from './support/webhooks';

jest.setTimeout(120_000);

const HOUR = 3600_000;
const DAY = 24 * HOUR;

describe('webhook delivery', () => {
  let api: TestApi;
  let worker: TestWorker;
  let receivers: WebhookReceiver[] = [];

  const receiver = async (fallback?: ReceiverResponse, port?: number) => {
    const r = await startWebhookReceiver({ default: fallback, port });
    receivers.push(r);
    return r;
  };
  const tenant = (name?: string): Promise<TestTenant> => api.createTenant(name);

  beforeAll(async () => {
    api = await startTestApi(FAST_WEBHOOKS);
    worker = await startTestWorker(api, { env: FAST_WEBHOOKS });
  });
  beforeEach(() => api.clock.set(new Date()));
  afterEach(async () => {
    await Promise.all(receivers.map((r) => r.close()));
    receivers = [];
  });
  afterAll(async () => {
    await worker.close();
    await api.close();
  });

  it('retries a 500 and succeeds on the next attempt: two attempts stored, one webhook-id', async () => {
    const t = await tenant();
    const r = await receiver();
    r.respond({ status: 500, body: 'boom' });
    const consumer = await createConsumer(api, t, { url: r.url, eventTypes: ['company.created'] });
    const company = await createCompany(api, t, { name: 'Retry Co' });

    await r.waitFor(1);
    await worker.settle();
    let [message] = await messagesOf(api, consumer.id);
    expect(message).toMatchObject({ event_type: 'company.created', status: 'Pending', attempt_count: 1, attempts: [{ succeeded: false, status_code: 500, response_body: 'boom' }] });

    await worker.advance(100);
    const [first, second] = await r.waitFor(2);
    await worker.settle();
    [message] = await messagesOf(api, consumer.id);
    expect(message.status).toBe('Succeeded');
    expect(message.attempts.map((a) => [a.succeeded, a.status_code])).toEqual([
      [false, 500],
      [true, 200],
    ]);
    expect(message.attempts.every((a) => a.duration_ms >= 0)).toBe(true);
    expect(second.headers['webhook-id']).toBe(first.headers['webhook-id']);
    expect(second.headers['webhook-id']).toBe(`msg_${message.id.replace(/-/g, '')}`);
    expect(second.json).toEqual({
      id: expect.stringMatching(/^[0-9a-f-]{36}$/),
      eventType: 'company.created',
      generatedDate: expect.stringMatching(/^\d{4}-\d\d-\d\dT/),
      payload: { id: company.id, name: 'Retry Co', redirect: company.redirect, created: company.created },
    });
    await worker.advance(1000);
    expect(r.received).toHaveLength(2);

    // The worker's metrics count the attempts by outcome and read the attempts in flight.
    const metrics = await worker.app.get(MetricsService).registry.metrics();
    expect(metrics).toMatch(/ledgerlink_webhook_attempts_total\{outcome="retrying"\} [1-9]/);
    expect(metrics).toMatch(/ledgerlink_webhook_attempts_total\{outcome="succeeded"\} [1-9]/);
    expect(metrics).toMatch(/ledgerlink_webhook_attempt_duration_seconds_count\{outcome="retry"\} [1-9]/);
    expect(metrics).toMatch(/^ledgerlink_webhook_attempts_in_flight 0$/m);
  });

  it('loses nothing while the receiver is down, across a worker restart and an attempt a dead worker left leased', async () => {
    const t = await tenant();
    const port = await freePort();
    const consumer = await createConsumer(api, t, { url: `http://127.0.0.1:${port}/down`, eventTypes: ['company.created'] });
    const names = ['Down 1', 'Down 2', 'Down 3'];
    for (const name of names) await createCompany(api, t, { name });
    const attemptsMade = async () => (await messagesOf(api, consumer.id)).map((m) => m.attempts.length);
    await eventually(async () => expect(await attemptsMade()).toEqual([1, 1, 1]));
    await worker.settle();
    await worker.advance(100);
    await eventually(async () => expect(await attemptsMade()).toEqual([2, 2, 2]));
    await worker.settle();
    for (const m of await messagesOf(api, consumer.id)) {
      expect(m.status).toBe('Pending');
      expect(m.attempts.map((a) => [a.succeeded, a.status_code])).toEqual([
        [false, null],
        [false, null],
      ]);
      expect(m.attempts[0].error).toMatch(/ECONNREFUSED/);
    }

    // The worker stops; an event arrives meanwhile (its NOTIFY reaches nobody).
    await worker.close();
    names.push('Down 4');
    await createCompany(api, t, { name: 'Down 4' });
    // A worker that died mid-attempt: its claim took the lease and bumped the attempt count.
    const [[leased]] = (await api.db.query(
      `UPDATE webhook_message SET attempt_count = attempt_count + 1, leased_until = $2 WHERE consumer_id = $1 AND status = 'Pending'
       AND id = (SELECT id FROM webhook_message WHERE consumer_id = $1 ORDER BY created_at LIMIT 1) RETURNING id, attempt_count`,
      [consumer.id, new Date(api.clock.now().getTime() + 40_000)],
    )) as [{ id: string; attempt_count: number }[], number];

    // The receiver comes up on the same port and a new worker starts: it finds what is due.
    const r = await receiver(undefined, port);
    worker = await startTestWorker(api, { env: FAST_WEBHOOKS });
    await worker.advance(200);
    await eventually(() => expect(r.received.length).toBe(3));
    await worker.settle();
    expect((await messagesOf(api, consumer.id)).find((m) => m.id === leased.id)?.status).toBe('Pending');

    // The dead worker's lease ends: its message is attempted again, with the same webhook-id.
    await worker.advance(40_000);
    await eventually(() => expect(r.received.length).toBe(4));
    await worker.settle();
    const messages = await messagesOf(api, consumer.id);
    expect(messages.map((m) => m.status)).toEqual(['Succeeded', 'Succeeded', 'Succeeded', 'Succeeded']);
    expect(r.received.map((x) => (x.json as { payload: { name: string } }).payload.name).sort()).toEqual(names.sort());
    expect(new Set(r.received.map((x) => x.headers['webhook-id'])).size).toBe(4);
  });

  it('gives back claimed messages it has not sent yet when the worker stops, so the next worker sends them at once', async () => {
    // Concurrency 2: two requests in flight and one claimed message waiting for a slot.
    await worker.close();
    worker = await startTestWorker(api, { env: { ...FAST_WEBHOOKS, WEBHOOK_CONCURRENCY: '2' } });
    const t = await tenant();
    const slow = await receiver({ status: 200, body: 'ok', delayMs: 1500 });
    const consumer = await createConsumer(api, t, { url: slow.url, eventTypes: ['company.created'] });
    const messages = async () =>
      (await api.db.query(
        `SELECT e.payload->>'name' AS name, m.status, m.leased_until, m.attempt_count, m.retry_base
         FROM webhook_message m JOIN webhook_event e ON e.id = m.event_id WHERE m.consumer_id = $1`,
        [consumer.id],
      )) as { name: string; status: string; leased_until: Date | null; attempt_count: number; retry_base: number }[];
    const waiting = async () => (await messages()).find((m) => m.name === 'Waiting');
    try {
      for (const name of ['Slow 1', 'Slow 2', 'Waiting']) await createCompany(api, t, { name });
      await slow.waitFor(2);
      await eventually(async () => expect((await waiting())?.leased_until).not.toBeNull());
      expect(slow.received).toHaveLength(2);

      await worker.close(); // the two in flight finish and are stored; the waiting one is given back
      const after = await messages();
      expect(after.filter((m) => m.status === 'Succeeded').map((m) => m.name).sort()).toEqual(['Slow 1', 'Slow 2']);
      // Unleased, and the retry schedule stays where it was (attempt_count − retry_base = 0).
      expect(await waiting()).toMatchObject({ status: 'Pending', leased_until: null, attempt_count: 1, retry_base: 1 });
      expect(slow.received).toHaveLength(2);
    } finally {
      await worker.close();
      worker = await startTestWorker(api, { env: FAST_WEBHOOKS });
    }
    // The clock has not moved past any lease: the next worker sends it at once.
    await slow.waitFor(3);
    await worker.settle();
    expect(await waiting()).toMatchObject({ status: 'Succeeded', attempt_count: 2 });
    expect(slow.received.map((r) => (r.json as { payload: { name: string } }).payload.name)).toEqual(['Slow 1', 'Slow 2', 'Waiting']);
  });

  it('claims through the due index and records through the primary key, without statistics to guide the planner', async () => {
    const t = await tenant();
    const r = await receiver();
    const consumer = await createConsumer(api, t, { url: r.url, eventTypes: ['company.created'] });
    // 400 messages that fall due only in a year, so the running worker leaves them alone; no ANALYZE.
    const later = new Date(api.clock.now().getTime() + 365 * DAY);
    await api.db.query(
      `WITH e AS (
         INSERT INTO webhook_event (client_id, event_type, company_tags, payload, created_at)
         SELECT $1, 'company.created', '{}', jsonb_build_object('n', g), now() FROM generate_series(1, 400) g RETURNING id, created_at)
       INSERT INTO webhook_message (event_id, consumer_id, client_id, status, next_attempt_at, created_at)
       SELECT e.id, $2, $1, 'Pending', $3, e.created_at FROM e`,
      [t.clientId, consumer.id, later],
    );
    const db = new Client({ connectionString: api.config.DATABASE_URL });
    await db.connect();
    try {
      // Scans of each index by this transaction so far (pg_stat_get_xact_numscans sees its own).
      const scans = async () =>
        Object.fromEntries(
          (
            await db.query(
              `SELECT c.relname, pg_stat_get_xact_numscans(c.oid)::int AS n FROM pg_class c
               WHERE c.relname IN ('ix_webhook_message_due', 'ix_webhook_message_consumer_created', 'uq_webhook_message_event_consumer')`,
            )
          ).rows.map((x: { relname: string; n: number }) => [x.relname, x.n]),
        );
      await db.query('BEGIN');
      const claimAt = new Date(later.getTime() + 1000);
      const claims = (await db.query('SELECT * FROM webhook_claim_due($1, $2, $3)', [claimAt, new Date(claimAt.getTime() + 60_000), 100])).rows as { id: string; attempt_count: number }[];
      expect(claims).toHaveLength(100);
      expect(await scans()).toEqual({ ix_webhook_message_due: 1, ix_webhook_message_consumer_created: 0, uq_webhook_message_event_consumer: 0 });
      const rows = claims.map((c) => ({
        message_id: c.id,
        consumer_id: consumer.id,
        client_id: t.clientId,
        attempted_at: claimAt.toISOString(),
        succeeded: true,
        status_code: 200,
        duration_ms: 1,
        response_body: 'ok',
        error: null,
        status: 'Succeeded',
        next_attempt_at: null,
        token: c.attempt_count,
      }));
      await db.query('SELECT * FROM webhook_record($1)', [JSON.stringify(rows)]);
      // The record reached the 100 messages by primary key: the due index was not scanned again.
      expect(await scans()).toEqual({ ix_webhook_message_due: 1, ix_webhook_message_consumer_created: 0, uq_webhook_message_event_consumer: 0 });
      await db.query('COMMIT');
      const done = (await api.db.query(`SELECT status, count(*)::int AS n FROM webhook_message WHERE consumer_id = $1 GROUP BY status ORDER BY status`, [consumer.id])) as { status: string; n: number }[];
      expect(done).toEqual([
        { status: 'Pending', n: 300 },
        { status: 'Succeeded', n: 100 },
      ]);
    } finally {
      await db.query('ROLLBACK').catch(() => undefined);
      await db.end();
      await api.request(`/webhooks/${consumer.id}`, { tenant: t, method: 'DELETE' });
    }
  });

  it('purges events past the retention period with their messages and attempts, keeping recent and still pending ones', async () => {
    const t = await tenant();
    const r = await receiver();
    const consumer = await createConsumer(api, t, { url: r.url, eventTypes: ['company.created'] });
    const retention = worker.app.get(WebhookRetentionJob);
    const count = async (sql: string) => ((await api.db.query(sql, [consumer.id])) as { n: number }[])[0].n;
    const messages = () => count(`SELECT count(*)::int AS n FROM webhook_message WHERE consumer_id = $1`);
    const attempts = () => count(`SELECT count(*)::int AS n FROM webhook_attempt WHERE consumer_id = $1`);
    const events = () => count(`SELECT count(*)::int AS n FROM webhook_event e JOIN webhook_message m ON m.event_id = e.id WHERE m.consumer_id = $1`);

    // Two delivered events and one that never got through (Pending, due only in a year).
    await createCompany(api, t, { name: 'Old 1' });
    await createCompany(api, t, { name: 'Old 2' });
    await r.waitFor(2);
    await worker.settle();
    await api.db.query(
      `WITH e AS (INSERT INTO webhook_event (client_id, event_type, company_tags, payload, created_at) VALUES ($1, 'company.created', '{}', '{}', $3) RETURNING id, created_at)
       INSERT INTO webhook_message (event_id, consumer_id, client_id, status, next_attempt_at, created_at) SELECT e.id, $2, $1, 'Pending', $4, e.created_at FROM e`,
      [t.clientId, consumer.id, api.clock.now(), new Date(api.clock.now().getTime() + 365 * DAY)],
    );
    expect([await events(), await messages(), await attempts()]).toEqual([3, 3, 2]);

    // 89 days later nothing is old enough; 91 days later the delivered ones go, the pending one stays.
    api.clock.advance(89 * DAY);
    expect(await retention.run()).toBe(0);
    api.clock.advance(2 * DAY);
    await createCompany(api, t, { name: 'Recent' });
    await r.waitFor(3);
    await worker.settle();
    // This time through Bull, as the hourly repeatable job runs it (the worker's maintenance queue).
    const queue = worker.app.get<Queue>(getQueueToken(QUEUES.maintenance));
    const job = await queue.add(JOBS.purgeWebhooks, {});
    expect(await job.finished()).toBeGreaterThanOrEqual(2);
    expect([await events(), await messages(), await attempts()]).toEqual([2, 2, 1]);
    const left = (await api.db.query(`SELECT e.payload->>'name' AS name, m.status FROM webhook_message m JOIN webhook_event e ON e.id = m.event_id WHERE m.consumer_id = $1 ORDER BY m.status`, [consumer.id])) as { name: string | null; status: string }[];
    expect(left).toEqual([
      { name: null, status: 'Pending' },
      { name: 'Recent', status: 'Succeeded' },
    ]);
    // The message log (the portal's) no longer lists the purged ones.
    const log = await api.app.get(WebhookMessagesService).list(t.clientId, consumer.id, { page: 1, pageSize: 100 });
    expect(log.totalResults).toBe(2);
    await api.request(`/webhooks/${consumer.id}`, { tenant: t, method: 'DELETE' });
  });

  it('wakes the worker with NOTIFY on commit, not by polling', async () => {
    // A worker that would poll only every 10 minutes still delivers at once.
    await worker.close();
    worker = await startTestWorker(api, { env: { ...FAST_WEBHOOKS, WEBHOOK_POLL_INTERVAL_MS: '600000' } });
    try {
      const t = await tenant();
      const r = await receiver();
      await createConsumer(api, t, { url: r.url, eventTypes: ['company.created'] });
      const started = Date.now();
      await createCompany(api, t, { name: 'Notified' });
      await r.waitFor(1);
      expect(Date.now() - started).toBeLessThan(5_000);

      // One notification per committed emit; a rolled-back emit notifies nobody.
      const listener = new Client({ connectionString: api.config.DATABASE_URL });
      await listener.connect();
      try {
        const notes: string[] = [];
        listener.on('notification', (n) => notes.push(n.channel));
        await listener.query(`LISTEN ${WEBHOOK_CHANNEL}`);
        const company = await createCompany(api, t, { name: 'Notified 2' });
        await eventually(() => expect(notes).toEqual([WEBHOOK_CHANNEL]));
        await expect(
          api.db.transaction(async (manager) => {
            await api.app.get(WebhookEventsService).emit(manager, { type: 'company.created', clientId: t.clientId, company });
            throw new Error('rolled back');
          }),
        ).rejects.toThrow('rolled back');
        await createCompany(api, t, { name: 'Notified 3' });
        await eventually(() => expect(notes).toEqual([WEBHOOK_CHANNEL, WEBHOOK_CHANNEL]));
        await r.waitFor(3);
      } finally {
        await listener.end();
      }
    } finally {
      await worker.close();
      worker = await startTestWorker(api, { env: FAST_WEBHOOKS });
    }
  });

  it('writes events in the transaction of the state change: a rollback emits nothing', async () => {
    const t = await tenant();
    const r = await receiver();
    const consumer = await createConsumer(api, t, { url: r.url, eventTypes: ['company.created'] });
    const events = api.app.get(WebhookEventsService);
    const company = await createCompany(api, t, { name: 'Outbox' });
    await expect(
      api.db.transaction(async (manager) => {
        await events.emit(manager, { type: 'company.created', clientId: t.clientId, company });
        throw new Error('the state change failed');
      }),
    ).rejects.toThrow('the state change failed');
    const committed = await api.db.transaction((manager) => events.emit(manager, { type: 'company.created', clientId: t.clientId, company: { ...company, name: 'Committed' } }));
    expect(committed.eventIds).toHaveLength(1);
    expect(committed.messageIds).toHaveLength(1);
    await r.waitFor(2);
    await worker.settle();
    expect(r.received.map((x) => (x.json as { payload: { name: string } }).payload.name).sort()).toEqual(['Committed', 'Outbox']);
    expect(await messagesOf(api, consumer.id)).toHaveLength(2);
    const [{ count }] = await api.db.query('SELECT count(*)::int AS count FROM webhook_event WHERE client_id = $1', [t.clientId]);
    expect(count).toBe(2);
  });

  it('signs every delivery so that the svix package verifies it; both secrets verify during the rotation grace period', async () => {
    const { Webhook } = loadSvix();
    const t = await tenant();
    const r = await receiver();
    const consumer = await createConsumer(api, t, { url: r.url, eventTypes: ['company.created'] });
    const oldSecret = await secretOf(api, t, consumer.id);
    await createCompany(api, t, { name: 'Signed' });
    const [first] = await r.waitFor(1);
    expectWebhookHeaders(first.headers);
    expect(() => new Webhook(oldSecret).verify(first.body, first.headers)).not.toThrow();
    expect(() => new Webhook(oldSecret).verify(first.body.replace('Signed', 'Forged'), first.headers)).toThrow();

    expect((await api.request(`/webhooks/${consumer.id}/secret/rotate`, { tenant: t, method: 'POST' })).status).toBe(204);
    const newSecret = await secretOf(api, t, consumer.id);
    await createCompany(api, t, { name: 'Rotated' });
    const [, second] = await r.waitFor(2);
    expect(second.headers['webhook-signature'].split(' ')).toHaveLength(2);
    expect(() => new Webhook(newSecret).verify(second.body, second.headers)).not.toThrow();
    expect(() => new Webhook(oldSecret).verify(second.body, second.headers)).not.toThrow();

    // After 24 hours only the new secret signs.
    api.clock.advance(DAY + 1000);
    await createCompany(api, t, { name: 'After grace' });
    const [, , third] = await r.waitFor(3);
    const id = third.headers['webhook-id'];
    const ts = Number(third.headers['webhook-timestamp']);
    expect(ts).toBe(Math.floor(api.clock.now().getTime() / 1000));
    expect(third.headers['webhook-signature']).toBe(sign(newSecret, id, ts, third.body));
  });

  it('delivers only to consumers whose event types and company tags match', async () => {
    const t = await tenant();
    const [tagged, all, deletes] = await Promise.all([receiver(), receiver(), receiver()]);
    await createConsumer(api, t, { url: tagged.url, eventTypes: ['company.created'], companyTags: ['region:uk', 'team:blue'] });
    await createConsumer(api, t, { url: all.url, eventTypes: ['company.created'] });
    await createConsumer(api, t, { url: deletes.url, eventTypes: ['company.deleted'] });
    await createCompany(api, t, { name: 'UK', tags: { region: 'uk' } });
    await createCompany(api, t, { name: 'US', tags: { region: 'us' } });
    await createCompany(api, t, { name: 'Blue', tags: { region: 'us', team: 'blue' } });
    await createCompany(api, t, { name: 'Lowercase', tags: { region: 'UK' } });
    await createCompany(api, t, { name: 'Untagged' });
    await all.waitFor(5);
    await worker.settle();
    const names = (r: WebhookReceiver) => r.received.map((x) => (x.json as { payload: { name: string } }).payload.name).sort();
    expect(names(all)).toEqual(['Blue', 'Lowercase', 'UK', 'US', 'Untagged']);
    expect(names(tagged)).toEqual(['Blue', 'UK']);
    expect(deletes.received).toEqual([]);
  });

  it("never delivers one client's events to another client's consumers", async () => {
    const [a, b] = [await tenant('Owner'), await tenant('Eavesdropper')];
    const [ra, rb] = [await receiver(), await receiver()];
    await createConsumer(api, a, { url: ra.url, eventTypes: ['company.created', 'company.deleted'] });
    await createConsumer(api, b, { url: rb.url, eventTypes: ['company.created', 'company.deleted'] });
    const c = await createCompany(api, a, { name: 'Private' });
    await api.request(`/companies/${c.id}`, { tenant: a, method: 'DELETE' });
    await ra.waitFor(2);
    await worker.settle();
    expect(ra.received.map((x) => (x.json as { eventType: string }).eventType)).toEqual(['company.created', 'company.deleted']);
    expect(rb.received).toEqual([]);
  });

  it('does not follow a redirect to another host (the delivery fails and is not retried)', async () => {
    const t = await tenant();
    const elsewhere = await receiver();
    const r = await receiver({ status: 307, headers: { location: `http://localhost:${elsewhere.port}/stolen` }, body: 'moved' });
    const consumer = await createConsumer(api, t, { url: r.url, eventTypes: ['company.created'] });
    await createCompany(api, t, { name: 'Redirected' });
    await r.waitFor(1);
    await worker.settle();
    await worker.advance(1000);
    const [message] = await messagesOf(api, consumer.id);
    expect(message.status).toBe('Failed');
    expect(message.attempts).toHaveLength(1);
    expect(message.attempts[0]).toMatchObject({ succeeded: false, status_code: 307 });
    expect(message.attempts[0].error).toMatch(/another host/);
    expect(elsewhere.received).toEqual([]);
    expect(r.received).toHaveLength(1);
  });

  it('follows a redirect on the same host', async () => {
    const t = await tenant();
    const r = await receiver();
    r.respond({ status: 308, headers: { location: '/moved-here' } });
    const consumer = await createConsumer(api, t, { url: r.url, eventTypes: ['company.created'] });
    await createCompany(api, t, { name: 'Moved' });
    await r.waitFor(2);
    await worker.settle();
    expect(r.received.map((x) => [x.method, x.path])).toEqual([
      ['POST', '/webhooks'],
      ['POST', '/moved-here'],
    ]);
    expect(r.received[1].body).toBe(r.received[0].body);
    expect((await messagesOf(api, consumer.id))[0]).toMatchObject({ status: 'Succeeded', attempts: [{ succeeded: true, status_code: 200 }] });
  });

  it('does not retry other 4xx; postpones a 429 by its Retry-After', async () => {
    const t = await tenant();
    const r = await receiver();
    r.respond({ status: 410, body: 'gone' }, { status: 429, headers: { 'retry-after': '60' } });
    const consumer = await createConsumer(api, t, { url: r.url, eventTypes: ['company.created'] });
    await createCompany(api, t, { name: 'Gone' });
    await r.waitFor(1);
    api.clock.advance(1);
    await createCompany(api, t, { name: 'Busy' });
    await r.waitFor(2);
    await worker.settle();
    await worker.advance(200);
    let [gone, busy] = await messagesOf(api, consumer.id);
    expect(gone).toMatchObject({ status: 'Failed', attempt_count: 1, attempts: [{ status_code: 410, response_body: 'gone' }] });
    expect(busy).toMatchObject({ status: 'Pending', attempt_count: 1, attempts: [{ status_code: 429 }] });
    await worker.advance(60_000);
    await r.waitFor(3);
    await worker.settle();
    [gone, busy] = await messagesOf(api, consumer.id);
    expect(busy).toMatchObject({ status: 'Succeeded', attempt_count: 2 });
    expect(gone.attempt_count).toBe(1);
  });

  it('disables a consumer that has failed continuously for 5 days, with a notice, and keeps it quiet until enabled', async () => {
    const t = await tenant();
    const r = await receiver({ status: 503, body: 'down for maintenance' });
    const consumer = await createConsumer(api, t, { url: r.url, eventTypes: ['company.created'] });
    await createCompany(api, t, { name: 'Day 0' });
    await r.waitFor(1);
    await worker.settle();
    await worker.advance(100);
    await worker.advance(200);
    expect((await messagesOf(api, consumer.id))[0]).toMatchObject({ status: 'Failed', attempt_count: 3 });

    // Day 4: still failing (every retry too), still enabled.
    api.clock.advance(4 * DAY);
    await createCompany(api, t, { name: 'Day 4' });
    await r.waitFor(4);
    await worker.settle();
    await worker.advance(100);
    await worker.advance(200);
    await r.waitFor(6);
    expect((await messagesOf(api, consumer.id)).map((m) => [m.status, m.attempt_count])).toEqual([
      ['Failed', 3],
      ['Failed', 3],
    ]);
    expect((await json<ConsumerBody>(api.request(`/webhooks/${consumer.id}`, { tenant: t }))).disabled).toBe(false);

    // Day 5: the first failure after five days of failures disables it.
    api.clock.advance(DAY);
    await createCompany(api, t, { name: 'Day 5' });
    await r.waitFor(7);
    await worker.settle();
    const disabled = await json<ConsumerBody>(api.request(`/webhooks/${consumer.id}`, { tenant: t }));
    expect(disabled.disabled).toBe(true);
    expect(disabled.disabledReason).toMatch(/failed since/);
    const notices = await api.db.query('SELECT type, consumer_id, message FROM webhook_notice WHERE client_id = $1', [t.clientId]);
    expect(notices).toEqual([{ type: 'webhook.disabled', consumer_id: consumer.id, message: disabled.disabledReason }]);
    // Its pending retries stop, and new events are not sent to it.
    await worker.advance(1000);
    await createCompany(api, t, { name: 'Day 5 later' });
    await worker.settle();
    expect(r.received).toHaveLength(7);
    expect((await messagesOf(api, consumer.id)).map((m) => m.status)).toEqual(['Failed', 'Failed', 'Failed']);

    // Enabled again, it receives the next events.
    r.setDefault({ status: 200 });
    await json(api.request(`/webhooks/${consumer.id}`, { tenant: t, method: 'PATCH', json: { disabled: false } }));
    await createCompany(api, t, { name: 'Back' });
    await r.waitFor(8);
    await worker.settle();
    expect((await messagesOf(api, consumer.id)).at(-1)?.status).toBe('Succeeded');
  });

  it('replays one message, or every failed message since a date, keeping the webhook-id', async () => {
    const t = await tenant();
    const r = await receiver();
    r.respond({ status: 400, body: 'bad' });
    const consumer = await createConsumer(api, t, { url: r.url, eventTypes: ['company.created'] });
    const before = api.clock.now().toISOString();
    await createCompany(api, t, { name: 'Replay me' });
    await r.waitFor(1);
    await worker.settle();
    const [failed] = await messagesOf(api, consumer.id);
    expect(failed.status).toBe('Failed');

    const replayed = await json(api.request(`/webhooks/${consumer.id}/replay`, { tenant: t, method: 'POST', json: { messageId: r.received[0].headers['webhook-id'] } }), 202);
    expect(replayed).toEqual({ messages: 1 });
    await r.waitFor(2);
    await worker.settle();
    expect(r.received[1].headers['webhook-id']).toBe(r.received[0].headers['webhook-id']);
    expect(r.received[1].body).toBe(r.received[0].body);
    expect((await messagesOf(api, consumer.id))[0]).toMatchObject({ status: 'Succeeded', attempt_count: 2 });

    // Two more fail; replaying "since" re-sends exactly the failed ones.
    r.respond({ status: 422 }, { status: 422 });
    await createCompany(api, t, { name: 'Fail A' });
    await createCompany(api, t, { name: 'Fail B' });
    await r.waitFor(4);
    await worker.settle();
    const since = await json(api.request(`/webhooks/${consumer.id}/replay`, { tenant: t, method: 'POST', json: { since: before } }), 202);
    expect(since).toEqual({ messages: 2 });
    await r.waitFor(6);
    await worker.settle();
    expect((await messagesOf(api, consumer.id)).map((m) => m.status)).toEqual(['Succeeded', 'Succeeded', 'Succeeded']);
    expect(r.received.slice(4).map((x) => (x.json as { payload: { name: string } }).payload.name).sort()).toEqual(['Fail A', 'Fail B']);

    await expectErrorBody(await api.request(`/webhooks/${consumer.id}/replay`, { tenant: t, method: 'POST', json: {} }), 400);
    await expectErrorBody(await api.request(`/webhooks/${consumer.id}/replay`, { tenant: t, method: 'POST', json: { messageId: failed.id, since: before } }), 400);
    await expectErrorBody(await api.request(`/webhooks/${consumer.id}/replay`, { tenant: t, method: 'POST', json: { messageId: 'msg_00000000000000000000000000000000' } }), 404);
    // Another client cannot replay this consumer's messages.
    const other = await tenant();
    await expectErrorBody(await api.request(`/webhooks/${consumer.id}/replay`, { tenant: other, method: 'POST', json: { messageId: failed.id } }), 404);
  });

  it('reports the connection lifecycle, with the legacy PascalCase body for legacy event types', async () => {
    const t = await tenant('Bank of Dave');
    const r = await receiver();
    const consumer = await createConsumer(api, t, {
      url: r.url,
      eventTypes: ['connection.created', 'connection.connected', 'connection.failed', 'connection.disconnected', 'connection.reconnected', 'connection.deleted', 'DataConnectionStatusChanged'],
    });
    const company = await createCompany(api, t, { name: 'Lifecycle', tags: { region: 'uk' } });
    const conn = await createConnection(api, t, company.id);
    const base = `/companies/${company.id}/connections/${conn.id}`;
    await expectErrorBody(await api.request(`${base}/authorization`, { tenant: t, method: 'PUT', json: { volume: 'lots' } }), 400);
    await json(api.request(`${base}/authorization`, { tenant: t, method: 'PUT', json: { companyName: 'Books', volume: '0' } }));
    await json(api.request(base, { tenant: t, method: 'PATCH', json: { status: 'Unlinked' } }));
    await json(api.request(`${base}/authorization`, { tenant: t, method: 'PUT', json: { companyName: 'Books', volume: '0' } }));
    expect((await api.request(base, { tenant: t, method: 'DELETE' })).status).toBe(200);

    await r.waitFor(9);
    await worker.settle();
    const bodies = r.received.map((x) => x.json as Record<string, unknown>);
    const types = bodies.map((b) => (b['eventType'] as string | undefined) ?? `legacy:${(b['Data'] as { oldStatus: string; newStatus: string }).oldStatus}->${(b['Data'] as { newStatus: string }).newStatus}`);
    expect(types.sort()).toEqual(
      [
        'connection.created',
        'connection.failed',
        'connection.connected',
        'legacy:PendingAuth->Linked',
        'connection.disconnected',
        'legacy:Linked->Unlinked',
        'connection.reconnected',
        'legacy:Unlinked->Linked',
        'connection.deleted',
      ].sort(),
    );
    const connected = bodies.find((b) => b['eventType'] === 'connection.connected') as { payload: { referenceCompany: unknown; connection: { id: string; status: string } } };
    expect(connected.payload.referenceCompany).toEqual({ id: company.id, name: 'Lifecycle', links: { portal: `http://portal.test/companies/${company.id}` }, tags: { region: 'uk' } });
    expect(connected.payload.connection).toMatchObject({ id: conn.id, status: 'Linked', integrationKey: 'sbox' });
    const failed = bodies.find((b) => b['eventType'] === 'connection.failed') as { payload: { connection: { status: string; dataConnectionErrors: unknown[] } } };
    expect(failed.payload.connection.status).toBe('PendingAuth');
    expect(failed.payload.connection.dataConnectionErrors).toHaveLength(1);

    const legacyIndex = bodies.findIndex((b) => 'RuleType' in b && (b['Data'] as { newStatus: string }).newStatus === 'Linked');
    const legacy = bodies[legacyIndex];
    const messageId = (await messagesOf(api, consumer.id)).find((m) => `msg_${m.id.replace(/-/g, '')}` === r.received[legacyIndex].headers['webhook-id'])?.id;
    expect(legacy).toEqual({
      ClientId: t.clientId,
      ClientName: 'Bank of Dave',
      CompanyId: company.id,
      DataConnectionId: conn.id,
      RuleId: consumer.id,
      RuleType: 'DataConnectionStatusChanged',
      Type: 'DataConnectionStatusChanged',
      AlertId: messageId,
      Message: expect.stringMatching(/^sbox triggered notification for DataConnectionStatusChanged at \d{4}-/),
      Data: { dataConnectionId: conn.id, platformKey: 'sbox', newStatus: 'Linked', oldStatus: expect.stringMatching(/^(PendingAuth|Unlinked)$/) },
    });
    expect(r.received[legacyIndex].headers['x-codat-clientid']).toBe(t.clientId);
    expect(r.received.filter((x) => 'RuleType' in (x.json as object))).toHaveLength(3);
  });
});
