import { createHash } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it, jest } from '@jest/globals';
import { startTestApi, type TestApi, type TestTenant } from '@ledgerlink/testing';
import { expectErrorBody, expectNoNulls, json, randomId } from './support/contract';

// Booting the API (database, migrations, Redis) can take a while on a busy machine.
jest.setTimeout(60_000);

interface ApiKeyBody {
  id: string;
  name?: string;
  apiKey?: string;
  createdDate: string;
}

const b64 = (s: string) => Buffer.from(s).toString('base64');
const sha256 = (s: string) => createHash('sha256').update(s).digest('hex');

describe('authentication and API keys', () => {
  let api: TestApi;
  let tenant: TestTenant;

  beforeAll(async () => {
    api = await startTestApi();
    tenant = await api.createTenant('Auth tenant');
  });
  afterAll(() => api?.close());

  const get = (path: string, authorization?: string) => api.request(path, { headers: authorization === undefined ? {} : { authorization } });

  /** A 401 must be exactly the contract's body (section 1.6), nothing more. */
  async function expectUnauthorized(res: Response) {
    const body = await expectErrorBody(res, 401);
    expect(body).toEqual({
      statusCode: 401,
      service: 'PublicApi',
      error: 'Unauthorized',
      correlationId: expect.stringMatching(/^[0-9a-f]{32}$/),
      canBeRetried: expect.stringMatching(/^(Unknown|True|False)$/),
      detailedErrorCode: 0,
    });
    expect(body.correlationId).toBe(res.headers.get('x-correlation-id'));
  }

  describe('the Authorization header', () => {
    it('is required: a missing header gets the contract 401 body', async () => {
      await expectUnauthorized(await get('/companies'));
    });

    it.each([
      ['a Bearer token', (k: string) => `Bearer ${k}`],
      ['a bare key without a scheme', (k: string) => k],
      ['Basic without a value', () => 'Basic'],
      ['Basic with only spaces', () => 'Basic    '],
      ['Basic with two values', (k: string) => `Basic ${b64(k)} ${b64(k)}`],
      ['a key too short to be one', () => `Basic ${b64('short')}`],
      ['a key too long to be one', () => `Basic ${b64('k'.repeat(201))}`],
      ['a truncated key', (k: string) => `Basic ${b64(k.slice(0, -1))}`],
      ['the key with a suffix', (k: string) => `Basic ${b64(`${k}x`)}`],
    ])('rejects %s', async (_label, header) => {
      await expectUnauthorized(await get('/companies', header(tenant.apiKey)));
    });

    it('rejects a well-formed key that does not exist', async () => {
      await expectUnauthorized(await get('/companies', `Basic ${b64(`llk_${'A'.repeat(40)}`)}`));
    });

    it('accepts Basic base64(key), as the SDKs send it', async () => {
      const res = await get('/companies', `Basic ${b64(tenant.apiKey)}`);
      expect(res.status).toBe(200);
    });

    it('accepts the raw key after Basic, a lower-case scheme and the curl -u "key:" form', async () => {
      for (const header of [`Basic ${tenant.apiKey}`, `basic ${b64(tenant.apiKey)}`, `Basic ${b64(`${tenant.apiKey}:`)}`]) {
        expect((await get('/companies', header)).status).toBe(200);
      }
    });

    it('guards every protected route and method, and a rejected write changes nothing', async () => {
      const before = await api.db.query(`SELECT count(*)::int AS n FROM company`);
      const calls: [string, string, unknown?][] = [
        ['GET', '/apiKeys'],
        ['POST', '/apiKeys', { name: 'x' }],
        ['DELETE', `/apiKeys/${randomId()}`],
        ['GET', '/integrations'],
        ['GET', '/integrations/sbox'],
        ['GET', '/integrations/sbox/branding'],
        ['POST', '/companies', { name: 'Nope' }],
        ['GET', `/companies/${randomId()}`],
        ['PUT', `/companies/${randomId()}`, { name: 'Nope' }],
        ['PATCH', `/companies/${randomId()}`, { name: 'Nope' }],
        ['DELETE', `/companies/${randomId()}`],
        ['GET', `/companies/${randomId()}/connections`],
        ['POST', `/companies/${randomId()}/connections`, { platformKey: 'sbox' }],
      ];
      for (const [method, path, body] of calls) {
        await expectUnauthorized(await api.request(path, { method, json: body }));
      }
      expect(await api.db.query(`SELECT count(*)::int AS n FROM company`)).toEqual(before);
    });
  });

  describe('API key lifecycle', () => {
    let owner: TestTenant;
    beforeAll(async () => {
      owner = await api.createTenant('Key owner');
    });
    const list = (t: TestTenant = owner) => json<{ results: ApiKeyBody[] }>(api.request('/apiKeys', { tenant: t }));

    it('lists keys without their secret', async () => {
      const body = await list();
      expect(body).toEqual({ results: [{ id: expect.any(String), name: 'default', createdDate: expect.any(String) }] });
      expect(new Date(body.results[0].createdDate).toISOString()).toBe(body.results[0].createdDate);
      expect(JSON.stringify(body)).not.toContain(owner.apiKey);
      expectNoNulls(body);
    });

    it('creates a key (201) and shows its secret exactly once; the new key works; only its digest is stored', async () => {
      const created = await json<ApiKeyBody>(api.request('/apiKeys', { tenant: owner, method: 'POST', json: { name: 'ci' } }), 201);
      expect(created).toEqual({ id: expect.any(String), name: 'ci', apiKey: expect.any(String), createdDate: expect.any(String) });
      const key = created.apiKey as string;
      expect(key.length).toBeGreaterThanOrEqual(32);

      expect((await get('/companies', `Basic ${b64(key)}`)).status).toBe(200);

      const listed = await list();
      expect(listed.results.map((k) => k.id)).toContain(created.id);
      expect(listed.results.every((k) => !('apiKey' in k))).toBe(true);
      expect(JSON.stringify(listed)).not.toContain(key);

      const rows: { key_hash: string }[] = await api.db.query(`SELECT key_hash FROM api_key WHERE id = $1`, [created.id]);
      expect(rows).toEqual([{ key_hash: sha256(key) }]);
    });

    it('creates a key without a name', async () => {
      const created = await json<ApiKeyBody>(api.request('/apiKeys', { tenant: owner, method: 'POST' }), 201);
      expect(created).toEqual({ id: expect.any(String), apiKey: expect.any(String), createdDate: expect.any(String) });
      expectNoNulls(created);
    });

    it('rejects an invalid create body with 400', async () => {
      const before = (await list()).results.length;
      for (const body of [{ name: 123 }, { name: 'x'.repeat(201) }, { name: 'ok', extra: true }]) {
        const err = await expectErrorBody(await api.request('/apiKeys', { tenant: owner, method: 'POST', json: body }), 400);
        expect(err.validation?.errors.length).toBeGreaterThan(0);
      }
      expect((await list()).results.length).toBe(before);
    });

    it('refuses an 11th key with 409 and creates nothing', async () => {
      let count = (await list()).results.length;
      while (count < 10) {
        await json(api.request('/apiKeys', { tenant: owner, method: 'POST', json: { name: `k${count}` } }), 201);
        count++;
      }
      const err = await expectErrorBody(await api.request('/apiKeys', { tenant: owner, method: 'POST', json: { name: 'eleventh' } }), 409);
      expect(err.error).toMatch(/at most 10/);
      expect((await list()).results).toHaveLength(10);
    });

    it('deletes a key (204, no body); the deleted key no longer authenticates; deleting it again is 404', async () => {
      // The tenant is at the limit: free a slot, then create the key to delete.
      const ci = (await list()).results.find((k) => k.name === 'ci') as ApiKeyBody;
      expect((await api.request(`/apiKeys/${ci.id}`, { tenant: owner, method: 'DELETE' })).status).toBe(204);
      const fresh = await json<ApiKeyBody>(api.request('/apiKeys', { tenant: owner, method: 'POST', json: { name: 'temp' } }), 201);
      const freshHeader = `Basic ${b64(fresh.apiKey as string)}`;
      expect((await get('/companies', freshHeader)).status).toBe(200);

      const del = await api.request(`/apiKeys/${fresh.id}`, { tenant: owner, method: 'DELETE' });
      expect(del.status).toBe(204);
      expect(await del.text()).toBe('');
      await expectUnauthorized(await get('/companies', freshHeader));
      expect((await list()).results.map((k) => k.id)).not.toContain(fresh.id);
      expect(await api.db.query(`SELECT id FROM api_key WHERE id = $1`, [fresh.id])).toEqual([]);

      const again = await expectErrorBody(await api.request(`/apiKeys/${fresh.id}`, { tenant: owner, method: 'DELETE' }), 404);
      expect(again.error).toBe(`API key ${fresh.id} not found`);
      // The owner's other keys still work.
      expect((await api.request('/companies', { tenant: owner })).status).toBe(200);
    });

    it('refuses to delete the last key (4xx); that key keeps working', async () => {
      const solo = await api.createTenant('Solo');
      const [only] = (await list(solo)).results;
      const res = await api.request(`/apiKeys/${only.id}`, { tenant: solo, method: 'DELETE' });
      expect(res.status).toBeGreaterThanOrEqual(400);
      expect(res.status).toBeLessThan(500);
      await expectErrorBody(res, res.status);
      expect((await list(solo)).results).toEqual([only]);
      expect((await api.request('/companies', { tenant: solo })).status).toBe(200);
    });

    it('answers 404 for a key of another tenant, a random id and a malformed id, deleting nothing', async () => {
      const [foreign] = (await list(tenant)).results;
      const random = randomId();
      const before = await api.db.query(`SELECT id FROM api_key ORDER BY id`);
      for (const id of [foreign.id, random, 'not-a-uuid']) {
        const err = await expectErrorBody(await api.request(`/apiKeys/${id}`, { tenant: owner, method: 'DELETE' }), 404);
        expect(err.error).toBe(`API key ${id} not found`);
      }
      expect(await api.db.query(`SELECT id FROM api_key ORDER BY id`)).toEqual(before);
      expect((await api.request('/companies', { tenant })).status).toBe(200);
    });
  });

  describe('public routes need no key', () => {
    it('/healthz reports the database and Redis', async () => {
      const res = await get('/healthz');
      expect(res.status).toBe(200);
      expect(await res.json()).toMatchObject({ status: 'ok', checks: { database: { status: 'ok' }, redis: { status: 'ok' } } });
    });

    it('/metrics serves Prometheus text including the HTTP duration histogram', async () => {
      await get('/healthz');
      const res = await get('/metrics');
      expect(res.status).toBe(200);
      expect(res.headers.get('content-type')).toMatch(/^text\/plain/);
      const text = await res.text();
      expect(text).toContain('# TYPE ledgerlink_http_request_duration_seconds histogram');
      expect(text).toMatch(/ledgerlink_http_request_duration_seconds_count\{method="GET",route="\/healthz",status="200"\} \d+/);
    });

    it('/openapi.json documents the API', async () => {
      const res = await get('/openapi.json');
      expect(res.status).toBe(200);
      const doc = (await res.json()) as { openapi: string; paths: Record<string, unknown> };
      expect(doc.openapi).toMatch(/^3\./);
      expect(Object.keys(doc.paths)).toEqual(expect.arrayContaining(['/companies', '/companies/{companyId}/connections', '/integrations', '/apiKeys']));
    });

    it('/integrations/{key}/logo.svg serves the logo as SVG', async () => {
      const res = await get('/integrations/sbox/logo.svg');
      expect(res.status).toBe(200);
      expect(res.headers.get('content-type')).toMatch(/^image\/svg\+xml/);
      expect((await res.text()).trimStart()).toMatch(/^(<\?xml[^>]*>\s*)?<svg/);
    });

    it('an unknown logo is a contract 404 (JSON, not cached as an image), not a 401', async () => {
      const res = await get('/integrations/zzzz/logo.svg');
      expect(res.headers.get('cache-control') ?? '').not.toMatch(/public|max-age/);
      const err = await expectErrorBody(res, 404);
      expect(err.error).toBe('Integration zzzz not found');
    });

    it('a bad key does not break a public route', async () => {
      expect((await get('/healthz', 'Basic nonsense')).status).toBe(200);
      expect((await get('/integrations/sbox/logo.svg', 'Bearer x')).status).toBe(200);
    });
  });
});
