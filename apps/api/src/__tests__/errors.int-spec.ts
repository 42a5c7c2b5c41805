import { afterAll, beforeAll, describe, expect, it, jest } from '@jest/globals';
import { startTestApi, type TestApi, type TestTenant } from '@ledgerlink/testing';
import { expectErrorBody, randomId } from './support/contract';

// Booting the API (database, migrations, Redis) can take a while on a busy machine.
jest.setTimeout(60_000);

const HEX32 = /^[0-9a-f]{32}$/;
const MB = 1024 * 1024;

describe('error bodies and correlation ids', () => {
  let api: TestApi;
  let tenant: TestTenant;

  beforeAll(async () => {
    api = await startTestApi();
    tenant = await api.createTenant('Errors tenant');
  });
  afterAll(() => api?.close());

  const companyCount = async () => (await api.db.query(`SELECT count(*)::int AS n FROM company`))[0].n as number;
  const postRaw = (body: BodyInit, contentType: string, headers: Record<string, string> = {}) =>
    api.request('/companies', { tenant, method: 'POST', headers: { 'content-type': contentType, ...headers }, body });

  describe('request bodies', () => {
    it.each(['{"name": ', '{name: "x"}', "{'name':'x'}", '{"name":"x"}}', 'not json'])('answers 400 for invalid JSON %p', async (raw) => {
      const before = await companyCount();
      const body = await expectErrorBody(await postRaw(raw, 'application/json'), 400);
      expect(body).toEqual({
        statusCode: 400,
        service: 'PublicApi',
        error: 'The request body is not valid JSON.',
        correlationId: expect.stringMatching(HEX32),
        canBeRetried: 'False',
        detailedErrorCode: 0,
      });
      expect(await companyCount()).toBe(before);
    });

    it('does not echo parser internals (such as the offending text) in the error', async () => {
      const res = await postRaw('{"name": SECRET_TOKEN_123', 'application/json');
      const text = await res.clone().text();
      expect(text).not.toContain('SECRET_TOKEN_123');
      expect(text).not.toMatch(/SyntaxError|at JSON\.parse|node_modules/);
      await expectErrorBody(res, 400);
    });

    it('answers 413 with the contract body for a payload over 5 MB', async () => {
      const before = await companyCount();
      const big = JSON.stringify({ name: 'Big', description: 'x'.repeat(5 * MB) });
      const body = await expectErrorBody(await postRaw(big, 'application/json'), 413);
      expect(body).toMatchObject({ statusCode: 413, service: 'PublicApi', error: 'The request body is too large.' });
      expect(await companyCount()).toBe(before);
    });

    it('answers 413 for a chunked payload over 5 MB (no content-length)', async () => {
      const chunk = new TextEncoder().encode('x'.repeat(MB));
      let sent = 0;
      const stream = new ReadableStream<Uint8Array>({
        pull(controller) {
          if (sent === 0) controller.enqueue(new TextEncoder().encode('{"name":"Big","description":"'));
          if (sent < 6) {
            controller.enqueue(chunk);
            sent++;
          } else {
            controller.enqueue(new TextEncoder().encode('"}'));
            controller.close();
          }
        },
      });
      const res = await fetch(`${api.url}/companies`, {
        method: 'POST',
        headers: { authorization: tenant.authHeader, 'content-type': 'application/json' },
        body: stream,
        duplex: 'half',
      } as RequestInit);
      await expectErrorBody(res, 413);
    });

    it('parses a body just under the limit (so the limit is not smaller than 5 MB)', async () => {
      const nearlyBig = JSON.stringify({ name: 'Nearly big', description: 'x'.repeat(4 * MB) });
      const body = await expectErrorBody(await postRaw(nearlyBig, 'application/json'), 400);
      // Parsed, then refused by validation: the description is too long.
      expect(body.validation?.errors.map((e) => e.itemId)).toContain('description');
    });

    it.each(['text/plain', 'application/xml', 'application/octet-stream'])('refuses a JSON text sent as %s, creating nothing', async (contentType) => {
      const before = await companyCount();
      const res = await postRaw(JSON.stringify({ name: 'Wrong type' }), contentType);
      expect([400, 415]).toContain(res.status);
      await expectErrorBody(res, res.status);
      expect(await companyCount()).toBe(before);
    });

    it('accepts application/*+json and a charset parameter', async () => {
      for (const contentType of ['application/json; charset=utf-8', 'application/vnd.api+json']) {
        expect((await postRaw(JSON.stringify({ name: 'Typed' }), contentType)).status).toBe(200);
      }
    });
  });

  describe('unknown routes', () => {
    it.each([
      ['GET', '/nope'],
      ['GET', '/companies/x/y/z'],
      ['POST', '/integrations'],
      ['PATCH', '/apiKeys'],
      ['DELETE', '/companies'],
    ])('%s %s is a contract 404', async (method, path) => {
      for (const t of [tenant, undefined]) {
        const body = await expectErrorBody(await api.request(path, { method, tenant: t }), 404);
        expect(body).toMatchObject({ statusCode: 404, service: 'PublicApi', canBeRetried: 'False', detailedErrorCode: 0 });
      }
    });
  });

  describe('x-correlation-id', () => {
    it('is a fresh 32-hex id on every response, success or error, matching the error body', async () => {
      const ids = new Set<string>();
      for (const path of ['/companies', '/healthz', `/companies/${randomId()}`, '/nope']) {
        const res = await api.request(path, { tenant });
        const id = res.headers.get('x-correlation-id') as string;
        expect(id).toMatch(HEX32);
        ids.add(id);
        if (res.status >= 400) expect((await res.json()).correlationId).toBe(id);
      }
      expect(ids.size).toBe(4);
    });

    it('echoes a client-supplied id in the header and in the error body', async () => {
      const supplied = 'client-trace-0123456789abcdef';
      const ok = await api.request('/companies', { tenant, headers: { 'x-correlation-id': supplied } });
      expect(ok.headers.get('x-correlation-id')).toBe(supplied);

      const res = await api.request(`/companies/${randomId()}`, { tenant, headers: { 'x-correlation-id': supplied } });
      expect((await expectErrorBody(res, 404)).correlationId).toBe(supplied);

      const unauth = await api.request('/companies', { headers: { 'x-correlation-id': supplied } });
      expect((await expectErrorBody(unauth, 401)).correlationId).toBe(supplied);

      const badJson = await postRaw('{', 'application/json', { 'x-correlation-id': supplied });
      expect((await expectErrorBody(badJson, 400)).correlationId).toBe(supplied);
    });

    it.each([['short'], ['has spaces in it'], ['x'.repeat(65)], ['<script>alert(1)</script>'], ['semi;colon-value']])(
      'replaces an unusable client id %p with a fresh one',
      async (supplied) => {
        const res = await api.request(`/companies/${randomId()}`, { tenant, headers: { 'x-correlation-id': supplied } });
        expect(res.headers.get('x-correlation-id')).toMatch(HEX32);
        expect((await expectErrorBody(res, 404)).correlationId).toMatch(HEX32);
      },
    );
  });
});
