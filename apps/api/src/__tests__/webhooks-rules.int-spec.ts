import { afterAll, jest, beforeAll, describe, expect, it } from '@jest/globals';
import { WebhookConsumersService } from '@ledgerlink/server';
import { loadSvix, startTestApi, startTestWorker, startWebhookReceiver, type TestApi, type TestTenant, type TestWorker, type WebhookReceiver } from '@ledgerlink/testing';
import { createCompany, createConnection, expectErrorBody, expectNoNulls, json, type PageBody, randomId } from './support/contract';
import { FAST_WEBHOOKS } from './support/webhooks';

jest.setTimeout(120_000);

interface RuleBody {
  id: string;
  type: string;
  companyId?: string;
  notifiers: { emails?: string[]; webhook?: string };
}

describe('legacy rules API (/rules)', () => {
  let api: TestApi;
  let worker: TestWorker;
  let receiver: WebhookReceiver;
  let a: TestTenant;

  beforeAll(async () => {
    api = await startTestApi(FAST_WEBHOOKS);
    worker = await startTestWorker(api, { env: FAST_WEBHOOKS });
    receiver = await startWebhookReceiver();
    a = await api.createTenant('Bank of Dave');
  });
  afterAll(async () => {
    await receiver.close();
    await worker.close();
    await api.close();
  });

  const createRule = (tenant: TestTenant, body: unknown) => json<RuleBody>(api.request('/rules', { tenant, method: 'POST', json: body }), 200);

  it('creates rules (200) with every spelling of the rule types and echoes them', async () => {
    const types = [
      'DataConnectionStatusChanged',
      'New company synchronised',
      'New company synchronized',
      'Data sync completed',
      'Dataset data changed',
      'Data Sync Status Changed To Error',
      'Push Operation Status Changed',
      'Push Operation Status Changed()',
      'Push Operation Timed Out',
    ];
    const t = await api.createTenant();
    for (const type of types) {
      const rule = await createRule(t, { type, notifiers: { webhook: 'https://example.com/rules', emails: ['ops@example.com'] } });
      expect(rule).toEqual({ id: expect.stringMatching(/^[0-9a-f-]{36}$/), type, notifiers: { webhook: 'https://example.com/rules', emails: ['ops@example.com'] } });
      expectNoNulls(rule);
      expect(await json(api.request(`/rules/${rule.id}`, { tenant: t }))).toEqual(rule);
    }
  });

  it('lists rules with the paging envelope and the query language', async () => {
    const t = await api.createTenant();
    const company = await createCompany(api, t, { name: 'Ruled' });
    const r1 = await createRule(t, { type: 'Data sync completed', notifiers: { emails: ['a@example.com'] } });
    const r2 = await createRule(t, { type: 'Dataset data changed', companyId: company.id, notifiers: { webhook: 'https://example.com/x' } });
    expect(r1).toEqual({ id: r1.id, type: 'Data sync completed', notifiers: { emails: ['a@example.com'] } });
    expect(r2.companyId).toBe(company.id);
    const page = await json<PageBody<RuleBody>>(api.request('/rules?page=1&pageSize=1', { tenant: t }));
    expect(page).toMatchObject({ pageNumber: 1, pageSize: 1, totalResults: 2, _links: { self: { href: '/rules' }, current: { href: '/rules?page=1&pageSize=1' }, next: { href: '/rules?page=2&pageSize=1' } } });
    expect(page.results.map((r) => r.id)).toEqual([r1.id]);
    expect(page._links).not.toHaveProperty('previous');
    const filtered = await json<PageBody<RuleBody>>(api.request(`/rules?query=${encodeURIComponent(`companyId=${company.id}`)}`, { tenant: t }));
    expect(filtered.results.map((r) => r.id)).toEqual([r2.id]);
    await expectErrorBody(await api.request('/rules?query=nope%3D1', { tenant: t }), 400);
    // Rules are not webhook consumers on /webhooks.
    expect((await json<{ results: unknown[] }>(api.request('/webhooks', { tenant: t }))).results).toEqual([]);
    await expectErrorBody(await api.request(`/webhooks/${r1.id}`, { tenant: t }), 404);
  });

  it('validates the body', async () => {
    const bad = async (body: unknown, itemId: string) => {
      const err = await expectErrorBody(await api.request('/rules', { tenant: a, method: 'POST', json: body }), 400);
      expect(err.validation?.errors.map((e) => e.itemId)).toContain(itemId);
    };
    await bad({ type: 'Something Unknown', notifiers: {} }, 'type');
    await bad({ notifiers: {} }, 'type');
    await bad({ type: 'Data sync completed' }, 'notifiers');
    await bad({ type: 'Data sync completed', notifiers: { webhook: 'ftp://x.example' } }, 'notifiers.webhook');
    await bad({ type: 'Data sync completed', notifiers: { webhook: 'https://u:p@x.example' } }, 'notifiers.webhook');
    await bad({ type: 'Data sync completed', notifiers: { emails: ['not-an-email'] } }, 'notifiers.emails.0');
    await bad({ type: 'Data sync completed', companyId: 'abc', notifiers: {} }, 'companyId');
  });

  it("keeps tenants apart: another client's rule or company is a 404", async () => {
    const b = await api.createTenant();
    const rule = await createRule(a, { type: 'Data sync completed', notifiers: { webhook: 'https://example.com/a' } });
    const foreign = await expectErrorBody(await api.request(`/rules/${rule.id}`, { tenant: b }), 404);
    const missingId = randomId();
    const missing = await expectErrorBody(await api.request(`/rules/${missingId}`, { tenant: b }), 404);
    expect(foreign.error.replace(rule.id, 'X')).toBe(missing.error.replace(missingId, 'X'));
    await expectErrorBody(await api.request(`/rules/${rule.id}`, { tenant: b, method: 'DELETE' }), 404);
    expect((await json<PageBody<RuleBody>>(api.request('/rules', { tenant: b }))).totalResults).toBe(0);
    const companyOfA = await createCompany(api, a, { name: 'Not yours' });
    const err = await expectErrorBody(await api.request('/rules', { tenant: b, method: 'POST', json: { type: 'Data sync completed', companyId: companyOfA.id, notifiers: {} } }), 404);
    expect(err.error).toBe(`No company was found with ID ${companyOfA.id}`);
  });

  it('delivers the legacy PascalCase body to notifiers.webhook, only for the rule company, signed', async () => {
    const t = await api.createTenant('Rule Client');
    const watched = await createCompany(api, t, { name: 'Watched' });
    const ignored = await createCompany(api, t, { name: 'Ignored' });
    const rule = await createRule(t, { type: 'DataConnectionStatusChanged', companyId: watched.id, notifiers: { webhook: receiver.url, emails: ['x@example.com'] } });
    for (const company of [watched, ignored]) {
      const conn = await createConnection(api, t, company.id);
      await json(api.request(`/companies/${company.id}/connections/${conn.id}/authorization`, { tenant: t, method: 'PUT', json: { companyName: 'Books', volume: '0' } }));
    }
    const [delivery] = await receiver.waitFor(1);
    await worker.settle();
    expect(receiver.received).toHaveLength(1);
    const [conn] = (await json<PageBody<{ id: string }>>(api.request(`/companies/${watched.id}/connections`, { tenant: t }))).results;
    expect(delivery.json).toEqual({
      ClientId: t.clientId,
      ClientName: 'Rule Client',
      CompanyId: watched.id,
      DataConnectionId: conn.id,
      RuleId: rule.id,
      RuleType: 'DataConnectionStatusChanged',
      Type: 'DataConnectionStatusChanged',
      AlertId: expect.stringMatching(/^[0-9a-f-]{36}$/),
      Message: expect.stringContaining('triggered notification for DataConnectionStatusChanged'),
      Data: { dataConnectionId: conn.id, platformKey: 'sbox', newStatus: 'Linked', oldStatus: 'PendingAuth' },
    });
    // Rules are not consumers on /webhooks, so their secret is not served there.
    await expectErrorBody(await api.request(`/webhooks/${rule.id}/secret`, { tenant: t }), 404);

    // Deleting the rule stops deliveries.
    expect((await api.request(`/rules/${rule.id}`, { tenant: t, method: 'DELETE' })).status).toBe(204);
    await expectErrorBody(await api.request(`/rules/${rule.id}`, { tenant: t }), 404);
  });

  it('uses the rule type string as sent for RuleType', async () => {
    const t = await api.createTenant();
    const r = await startWebhookReceiver();
    try {
      await createRule(t, { type: 'Data connection status changed', notifiers: { webhook: r.url } });
      const company = await createCompany(api, t, { name: 'Spelling' });
      const conn = await createConnection(api, t, company.id);
      await json(api.request(`/companies/${company.id}/connections/${conn.id}`, { tenant: t, method: 'PATCH', json: { status: 'Unlinked' } }));
      const [d] = await r.waitFor(1);
      expect(d.json).toMatchObject({ RuleType: 'Data connection status changed', Data: { newStatus: 'Unlinked', oldStatus: 'PendingAuth' } });
    } finally {
      await r.close();
    }
  });

  it('signs rule deliveries with the rule secret (the portal reveals it)', async () => {
    const t = await api.createTenant();
    const r = await startWebhookReceiver();
    try {
      const rule = await createRule(t, { type: 'DataConnectionStatusChanged', notifiers: { webhook: r.url } });
      const { key } = await api.app.get(WebhookConsumersService).getSecret(t.clientId, rule.id);
      const company = await createCompany(api, t, { name: 'Signed rule' });
      const conn = await createConnection(api, t, company.id);
      await json(api.request(`/companies/${company.id}/connections/${conn.id}`, { tenant: t, method: 'PATCH', json: { status: 'Unlinked' } }));
      const [d] = await r.waitFor(1);
      const { Webhook } = loadSvix();
      expect(() => new Webhook(key).verify(d.body, d.headers)).not.toThrow();
    } finally {
      await r.close();
    }
  });
});
