import { afterAll, jest, beforeAll, describe, expect, it } from '@jest/globals';
import { startTestApi, type TestApi, type TestTenant } from '@ledgerlink/testing';
import { expectErrorBody, expectNoNulls, json, randomId } from './support/contract';
import { type ConsumerBody, createConsumer, secretOf } from './support/webhooks';

jest.setTimeout(120_000);

describe('webhook consumers API (/webhooks)', () => {
  let api: TestApi;
  let a: TestTenant;
  let b: TestTenant;

  beforeAll(async () => {
    api = await startTestApi({ WEBHOOK_MAX_CONSUMERS: '5' });
    a = await api.createTenant('A');
    b = await api.createTenant('B');
  });
  afterAll(() => api.close());

  it('creates (201), lists (not paged), gets and deletes (204) consumers', async () => {
    const created = await createConsumer(api, a, { url: 'https://hooks.example.com/codat', eventTypes: ['company.created', 'DataSyncCompleted'], companyTags: ['region:uk'] });
    expect(created).toEqual({ id: expect.stringMatching(/^[0-9a-f-]{36}$/), url: 'https://hooks.example.com/codat', disabled: false, eventTypes: ['company.created', 'DataSyncCompleted'], companyTags: ['region:uk'] });
    const plain = await createConsumer(api, a, { url: 'http://127.0.0.1:9/x', eventTypes: ['Dataset data changed'], disabled: true });
    expect(plain).toMatchObject({ disabled: true, eventTypes: ['DatasetDataChanged'] });
    expect(plain).not.toHaveProperty('companyTags');
    expectNoNulls(plain);

    const list = await json<{ results: ConsumerBody[] }>(api.request('/webhooks', { tenant: a }));
    expect(Object.keys(list)).toEqual(['results']);
    expect(list.results.map((c) => c.id)).toEqual([created.id, plain.id]);
    expectNoNulls(list);

    expect(await json(api.request(`/webhooks/${created.id}`, { tenant: a }))).toEqual(created);
    const del = await api.request(`/webhooks/${created.id}`, { tenant: a, method: 'DELETE' });
    expect(del.status).toBe(204);
    expect(await del.text()).toBe('');
    await expectErrorBody(await api.request(`/webhooks/${created.id}`, { tenant: a, method: 'DELETE' }), 404);
    await api.request(`/webhooks/${plain.id}`, { tenant: a, method: 'DELETE' });
  });

  it.each([
    ['an ftp url', { url: 'ftp://example.com/x', eventTypes: ['company.created'] }, 'url'],
    ['credentials in the url', { url: 'https://user:secret@example.com/x', eventTypes: ['company.created'] }, 'url'],
    ['a relative url', { url: 'not a url', eventTypes: ['company.created'] }, 'url'],
    ['no event types', { url: 'https://example.com/x', eventTypes: [] }, 'eventTypes'],
    ['a missing eventTypes', { url: 'https://example.com/x' }, 'eventTypes'],
    ['a tag without a colon', { url: 'https://example.com/x', eventTypes: ['company.created'], companyTags: ['nocolon'] }, 'companyTags.0'],
    ['11 tags', { url: 'https://example.com/x', eventTypes: ['company.created'], companyTags: Array.from({ length: 11 }, (_, i) => `k${i}:v`) }, 'companyTags'],
    ['a tag over 128 characters', { url: 'https://example.com/x', eventTypes: ['company.created'], companyTags: [`k:${'v'.repeat(200)}`] }, 'companyTags.0'],
  ])('rejects %s with 400 naming the field', async (_label, body, itemId) => {
    const err = await expectErrorBody(await api.request('/webhooks', { tenant: a, method: 'POST', json: body }), 400);
    expect(err.validation?.errors.map((e) => e.itemId)).toContain(itemId);
  });

  it('limits the number of consumers per client', async () => {
    const t = await api.createTenant();
    for (let i = 0; i < 5; i++) await createConsumer(api, t, { url: `https://example.com/${i}`, eventTypes: ['company.created'] });
    const err = await expectErrorBody(await api.request('/webhooks', { tenant: t, method: 'POST', json: { url: 'https://example.com/6', eventTypes: ['company.created'] } }), 400);
    expect(err.error).toMatch(/at most 5/);
  });

  it('reveals and rotates the signing secret', async () => {
    const c = await createConsumer(api, a, { url: 'https://example.com/s', eventTypes: ['company.created'] });
    const first = await secretOf(api, a, c.id);
    expect(first).toMatch(/^whsec_[A-Za-z0-9+/]{32}$/);
    expect(Buffer.from(first.slice(6), 'base64').length).toBeGreaterThanOrEqual(24);
    expect(await secretOf(api, a, c.id)).toBe(first);
    const rotated = await api.request(`/webhooks/${c.id}/secret/rotate`, { tenant: a, method: 'POST' });
    expect(rotated.status).toBe(204);
    const second = await secretOf(api, a, c.id);
    expect(second).toMatch(/^whsec_/);
    expect(second).not.toBe(first);
    // Secrets are sealed at rest, never stored in the clear.
    const [row] = await api.db.query('SELECT secrets_enc::text AS raw FROM webhook_consumer WHERE id = $1', [c.id]);
    expect(row.raw).not.toContain(second.slice(6));
    const other = await createConsumer(api, a, { url: 'https://example.com/t', eventTypes: ['company.created'] });
    expect(await secretOf(api, a, other.id)).not.toBe(second);
  });

  it('enables and disables with PATCH, and updates url, eventTypes and companyTags', async () => {
    const c = await createConsumer(api, a, { url: 'https://example.com/p', eventTypes: ['company.created'] });
    const disabled = await json<ConsumerBody>(api.request(`/webhooks/${c.id}`, { tenant: a, method: 'PATCH', json: { disabled: true } }));
    expect(disabled).toMatchObject({ disabled: true, disabledReason: 'Disabled by the user' });
    const enabled = await json<ConsumerBody>(api.request(`/webhooks/${c.id}`, { tenant: a, method: 'PATCH', json: { disabled: false } }));
    expect(enabled).toEqual({ ...c, disabled: false });
    const updated = await json<ConsumerBody>(
      api.request(`/webhooks/${c.id}`, { tenant: a, method: 'PATCH', json: { url: 'https://example.com/q', eventTypes: ['company.deleted'], companyTags: ['team:x'] } }),
    );
    expect(updated).toEqual({ id: c.id, url: 'https://example.com/q', disabled: false, eventTypes: ['company.deleted'], companyTags: ['team:x'] });
    await expectErrorBody(await api.request(`/webhooks/${c.id}`, { tenant: a, method: 'PATCH', json: { url: 'https://u:p@example.com' } }), 400);
    await expectErrorBody(await api.request(`/webhooks/${c.id}`, { tenant: a, method: 'PATCH', json: { disabled: 'yes' } }), 400);
  });

  it("answers 404 for another client's consumer on every route, exactly like a missing one", async () => {
    const c = await createConsumer(api, a, { url: 'https://example.com/private', eventTypes: ['company.created'] });
    const routes: [string, string, unknown?][] = [
      ['GET', '/webhooks/{id}'],
      ['PATCH', '/webhooks/{id}', { disabled: true }],
      ['DELETE', '/webhooks/{id}'],
      ['GET', '/webhooks/{id}/secret'],
      ['POST', '/webhooks/{id}/secret/rotate'],
      ['POST', '/webhooks/{id}/replay', { since: '2020-01-01T00:00:00Z' }],
    ];
    const missing = randomId();
    for (const [method, path, body] of routes) {
      const foreign = await expectErrorBody(await api.request(path.replace('{id}', c.id), { tenant: b, method, json: body }), 404);
      const absent = await expectErrorBody(await api.request(path.replace('{id}', missing), { tenant: b, method, json: body }), 404);
      expect(foreign.error.replace(c.id, '<id>')).toBe(absent.error.replace(missing, '<id>'));
      await expectErrorBody(await api.request(path.replace('{id}', 'not-a-uuid'), { tenant: b, method, json: body }), 404);
    }
    expect((await json<{ results: ConsumerBody[] }>(api.request('/webhooks', { tenant: b }))).results.map((x) => x.id)).not.toContain(c.id);
    // Still intact for its owner.
    expect(await json(api.request(`/webhooks/${c.id}`, { tenant: a }))).toEqual(c);
    expect(await secretOf(api, a, c.id)).toMatch(/^whsec_/);
  });

  it('requires an API key', async () => {
    await expectErrorBody(await api.request('/webhooks'), 401);
    await expectErrorBody(await api.request('/webhooks', { method: 'POST', json: { url: 'https://example.com', eventTypes: ['x'] } }), 401);
  });

  it('documents the endpoints in OpenAPI', async () => {
    const doc = await json<{ paths: Record<string, Record<string, { description?: string; responses: Record<string, unknown> }>> }>(api.request('/openapi.json'));
    expect(Object.keys(doc.paths['/webhooks']).sort()).toEqual(['get', 'post']);
    expect(Object.keys(doc.paths['/webhooks/{webhookId}']).sort()).toEqual(['delete', 'get', 'patch']);
    expect(doc.paths['/webhooks'].post.responses).toHaveProperty('201');
    expect(doc.paths['/webhooks/{webhookId}/secret'].get.responses).toHaveProperty('200');
    expect(doc.paths['/webhooks/{webhookId}/secret/rotate'].post.responses).toHaveProperty('204');
    expect(doc.paths['/webhooks/{webhookId}/replay'].post.responses).toHaveProperty('202');
    expect(doc.paths['/webhooks'].post.description).toMatch(/webhook-signature/);
    expect(doc.paths['/rules'].post.description).toMatch(/does not send emails/);
    expect(Object.keys(doc.paths['/rules/{ruleId}']).sort()).toEqual(['delete', 'get']);
  });
});
