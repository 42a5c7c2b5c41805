import { afterAll, jest, beforeAll, beforeEach, describe, expect, it } from '@jest/globals';
import { startTestApi, startTestWorker, startWebhookReceiver, type TestApi, type TestTenant, type TestWorker, type WebhookReceiver } from '@ledgerlink/testing';
import type { AppRouter } from '@ledgerlink/trpc';
import { createTRPCClient, httpLink, TRPCClientError } from '@trpc/client';
import { createCompany } from './support/contract';
import { signIn, trpcQuery } from './support/trpc';
import { FAST_WEBHOOKS } from './support/webhooks';

jest.setTimeout(120_000);

type Client = ReturnType<typeof createTRPCClient<AppRouter>>;

describe('tRPC webhooks router (portal)', () => {
  let api: TestApi;
  let worker: TestWorker;
  let receiver: WebhookReceiver;
  let tenant: TestTenant;
  let client: Client;

  const clientFor = async (t: TestTenant): Promise<Client> => {
    const cookie = await signIn(api, t);
    return createTRPCClient<AppRouter>({ links: [httpLink({ url: `${api.url}/trpc`, headers: { cookie } })] });
  };

  beforeAll(async () => {
    api = await startTestApi(FAST_WEBHOOKS);
    worker = await startTestWorker(api, { env: FAST_WEBHOOKS });
    receiver = await startWebhookReceiver();
    tenant = await api.createTenant('Portal');
    client = await clientFor(tenant);
  });
  beforeEach(() => api.clock.set(new Date()));
  afterAll(async () => {
    await receiver.close();
    await worker.close();
    await api.close();
  });

  it('needs a signed-in user', async () => {
    const res = await trpcQuery(api, 'webhooks.list');
    expect(res.error?.data.code).toBe('UNAUTHORIZED');
  });

  it('offers the event catalogue for the picker', async () => {
    const catalogue = await client.webhooks.catalogue.query();
    expect(catalogue.find((e) => e.eventType === 'company.created')).toMatchObject({ group: 'Company', legacy: false });
    expect(catalogue.find((e) => e.eventType === 'invoices.write.successful')).toMatchObject({ group: 'Write' });
    expect(catalogue.find((e) => e.eventType === 'PushOperationStatusChanged')).toMatchObject({ legacy: true });
  });

  it('creates, lists, reveals and rotates the secret, disables, enables and deletes', async () => {
    const created = await client.webhooks.create.mutate({ url: receiver.url, eventTypes: ['company.created'], companyTags: ['region:uk'] });
    expect(created).toMatchObject({ url: receiver.url, disabled: false, eventTypes: ['company.created'], companyTags: ['region:uk'], kind: 'consumer', createdDate: expect.any(String) });
    expect((await client.webhooks.list.query()).map((c) => c.id)).toContain(created.id);
    const { key } = await client.webhooks.revealSecret.query({ consumerId: created.id });
    expect(key).toMatch(/^whsec_/);
    const rotated = await client.webhooks.rotateSecret.mutate({ consumerId: created.id });
    expect(rotated.key).not.toBe(key);
    expect((await client.webhooks.revealSecret.query({ consumerId: created.id })).key).toBe(rotated.key);
    expect(await client.webhooks.setDisabled.mutate({ consumerId: created.id, disabled: true })).toMatchObject({ disabled: true, disabledDate: expect.any(String) });
    expect(await client.webhooks.setDisabled.mutate({ consumerId: created.id, disabled: false })).toMatchObject({ disabled: false });
    expect(await client.webhooks.delete.mutate({ consumerId: created.id })).toEqual({ ok: true });
    expect((await client.webhooks.list.query()).map((c) => c.id)).not.toContain(created.id);
  });

  it('validates input', async () => {
    const err = await client.webhooks.create.mutate({ url: 'https://user:pw@example.com', eventTypes: ['company.created'] }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(TRPCClientError);
    expect((err as TRPCClientError<AppRouter>).data?.code).toBe('BAD_REQUEST');
  });

  it('sends a test event only to that consumer, and shows it in the message log with its attempts', async () => {
    const other = await startWebhookReceiver();
    try {
      const target = await client.webhooks.create.mutate({ url: receiver.url, eventTypes: ['company.created'] });
      await client.webhooks.create.mutate({ url: other.url, eventTypes: ['company.created'] });
      const before = receiver.received.length;
      receiver.respond({ status: 500, body: 'first try fails' });
      const sent = await client.webhooks.sendTest.mutate({ consumerId: target.id });
      expect(sent.webhookId).toMatch(/^msg_/);
      await receiver.waitFor(before + 1);
      await worker.settle();
      await worker.advance(100);
      const [, delivered] = await receiver.waitFor(before + 2).then((all) => all.slice(before));
      await worker.settle();
      expect(delivered.headers['webhook-id']).toBe(sent.webhookId);
      expect(delivered.json).toMatchObject({ eventType: 'webhook.test', payload: { consumerId: target.id } });
      expect(other.received).toEqual([]);

      const log = await client.webhooks.messages.query({ consumerId: target.id });
      expect(log.totalResults).toBe(1);
      expect(log.results[0]).toMatchObject({
        id: sent.messageId,
        webhookId: sent.webhookId,
        eventType: 'webhook.test',
        status: 'Succeeded',
        attemptCount: 2,
        lastStatusCode: 200,
        attempts: [
          { succeeded: false, statusCode: 500, response: 'first try fails', durationMs: expect.any(Number) },
          { succeeded: true, statusCode: 200, durationMs: expect.any(Number) },
        ],
      });
      const detail = await client.webhooks.message.query({ consumerId: target.id, messageId: sent.webhookId });
      expect(detail.body).toEqual(delivered.json);
      expect((await client.webhooks.messages.query({ consumerId: target.id, status: 'Failed' })).results).toEqual([]);

      // Replay from the portal.
      expect(await client.webhooks.replay.mutate({ consumerId: target.id, messageId: sent.messageId })).toEqual({ messages: 1 });
      await receiver.waitFor(before + 3);
      await worker.settle();
      expect((await client.webhooks.message.query({ consumerId: target.id, messageId: sent.messageId })).attempts).toHaveLength(3);
    } finally {
      await other.close();
    }
  });

  it('counts deliveries per hour for the last 24 hours', async () => {
    const t = await api.createTenant();
    const c = await clientFor(t);
    const r = await startWebhookReceiver();
    try {
      const consumer = await c.webhooks.create.mutate({ url: r.url, eventTypes: ['company.created'] });
      r.respond({ status: 400 }); // not retried, so nothing moves while the clock does
      await createCompany(api, t, { name: 'Stats 1' });
      await createCompany(api, t, { name: 'Stats 2' });
      await r.waitFor(2);
      await worker.settle();
      const stats = await c.webhooks.stats.query();
      expect(stats).toHaveLength(24);
      expect(stats.at(-1)?.hour).toBe(new Date(Math.floor(api.clock.now().getTime() / 3600_000) * 3600_000).toISOString());
      expect(stats.reduce((n, h) => n + h.succeeded, 0)).toBe(1);
      expect(stats.reduce((n, h) => n + h.failed, 0)).toBe(1);
      expect((await c.webhooks.stats.query({ consumerId: consumer.id })).at(-1)).toMatchObject({ succeeded: 1, failed: 1 });
      // Hours older than 24 hours drop out.
      api.clock.advance(25 * 3600_000);
      expect((await c.webhooks.stats.query()).every((h) => h.succeeded === 0 && h.failed === 0)).toBe(true);
    } finally {
      await r.close();
    }
  });

  it('shows a notice when a consumer is disabled after continuous failure', async () => {
    const t = await api.createTenant();
    const c = await clientFor(t);
    const r = await startWebhookReceiver({ default: { status: 500 } });
    try {
      const consumer = await c.webhooks.create.mutate({ url: r.url, eventTypes: ['company.created'] });
      expect(await c.webhooks.notices.query()).toEqual([]);
      await createCompany(api, t, { name: 'N1' });
      await r.waitFor(1);
      await worker.settle();
      api.clock.advance(5 * 24 * 3600_000);
      await createCompany(api, t, { name: 'N2' });
      await r.waitFor(2);
      await worker.settle();
      const notices = await c.webhooks.notices.query();
      expect(notices).toEqual([{ id: expect.any(String), type: 'webhook.disabled', consumerId: consumer.id, url: r.url, message: expect.stringMatching(/failed since/), createdDate: expect.any(String), stillDisabled: true }]);
      await c.webhooks.setDisabled.mutate({ consumerId: consumer.id, disabled: false });
      expect((await c.webhooks.notices.query())[0].stillDisabled).toBe(false);
    } finally {
      await r.close();
    }
  });

  it("answers NOT_FOUND for another client's consumer", async () => {
    const mine = await client.webhooks.create.mutate({ url: receiver.url, eventTypes: ['company.deleted'] });
    const intruder = await clientFor(await api.createTenant());
    const calls = [
      () => intruder.webhooks.revealSecret.query({ consumerId: mine.id }),
      () => intruder.webhooks.rotateSecret.mutate({ consumerId: mine.id }),
      () => intruder.webhooks.setDisabled.mutate({ consumerId: mine.id, disabled: true }),
      () => intruder.webhooks.sendTest.mutate({ consumerId: mine.id }),
      () => intruder.webhooks.messages.query({ consumerId: mine.id }),
      () => intruder.webhooks.replay.mutate({ consumerId: mine.id, messageId: mine.id }),
      () => intruder.webhooks.stats.query({ consumerId: mine.id }),
      () => intruder.webhooks.delete.mutate({ consumerId: mine.id }),
    ];
    for (const call of calls) {
      const err = await call().catch((e: unknown) => e);
      expect((err as TRPCClientError<AppRouter>).data?.code).toBe('NOT_FOUND');
    }
    expect(await intruder.webhooks.list.query()).toEqual([]);
    expect((await client.webhooks.revealSecret.query({ consumerId: mine.id })).key).toMatch(/^whsec_/);
  });
});
