import { randomInt } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it, jest } from '@jest/globals';
import { SecretBox } from '@ledgerlink/server';
import { startTestApi, type TestApi, type TestTenant } from '@ledgerlink/testing';
import {
  type CompanyBody,
  type ConnectionBody,
  createCompany,
  createConnection,
  expectErrorBody,
  expectNoNulls,
  json,
  type PageBody,
  randomId,
} from './support/contract';

// Booting the API (database, migrations, Redis) can take a while on a busy machine.
jest.setTimeout(60_000);

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

interface ConnectionRow {
  status: string;
  credentials_enc: Buffer | null;
  connection_info: Record<string, unknown> | null;
  last_error: Record<string, unknown> | null;
  linked_at: Date | null;
}

describe('connections', () => {
  let api: TestApi;
  let tenant: TestTenant;
  let company: CompanyBody;

  beforeAll(async () => {
    api = await startTestApi();
    tenant = await api.createTenant('Connections tenant');
    company = await createCompany(api, tenant, { name: 'Connected Co' });
  });
  afterAll(() => api?.close());

  const base = (companyId = company.id) => `/companies/${companyId}/connections`;
  const send = (method: string, path: string, body?: unknown) => api.request(path, { tenant, method, json: body });
  const getConnection = (id: string, companyId = company.id) => json<ConnectionBody>(api.request(`${base(companyId)}/${id}`, { tenant }));
  const getCompany = (id = company.id) => json<CompanyBody>(api.request(`/companies/${id}`, { tenant }));
  const row = async (id: string) =>
    (await api.db.query(`SELECT status, credentials_enc, connection_info, last_error, linked_at FROM connection WHERE id = $1`, [id]))[0] as
      | ConnectionRow
      | undefined;
  const connectionCount = async () => (await api.db.query(`SELECT count(*)::int AS n FROM connection`))[0].n as number;

  describe('create', () => {
    it('creates a PendingAuth connection with every required field, consistent with the integration', async () => {
      const integration = await json<{ name: string; integrationId: string; sourceId: string; sourceType: string }>(
        api.request('/integrations/sbox', { tenant }),
      );
      const c = await createConnection(api, tenant, company.id);
      expect(c).toEqual({
        id: expect.stringMatching(UUID),
        integrationId: integration.integrationId,
        integrationKey: 'sbox',
        sourceId: integration.sourceId,
        sourceType: 'Accounting',
        platformName: integration.name,
        linkUrl: `http://portal.test/link/${company.id}?connection=${c.id}`,
        status: 'PendingAuth',
        created: expect.any(String),
      });
      expect(c.integrationId).toMatch(UUID);
      expect(c.sourceId).toMatch(UUID);
      expect(new Date(c.created).toISOString()).toBe(c.created);
      expect(() => new URL(c.linkUrl)).not.toThrow();
      expectNoNulls(c);
      expect(await row(c.id)).toMatchObject({ status: 'PendingAuth', credentials_enc: null, connection_info: null, last_error: null });
      expect((await getCompany()).status).toBe('PendingAuth');
    });

    it('rejects an unknown platform key with 400 naming platformKey, creating nothing', async () => {
      const before = await connectionCount();
      for (const platformKey of ['zzzz', 'SBOX', 'sbo', '']) {
        const err = await expectErrorBody(await send('POST', base(), { platformKey }), 400);
        expect(err.validation?.errors[0].itemId).toBe('platformKey');
      }
      expect(await connectionCount()).toBe(before);
    });

    it('rejects a missing or invalid body with 400', async () => {
      const before = await connectionCount();
      await expectErrorBody(await api.request(base(), { tenant, method: 'POST' }), 400);
      for (const body of [{}, { platformKey: 5 }, ['sbox'], { platform: 'sbox' }]) {
        await expectErrorBody(await send('POST', base(), body), 400);
      }
      expect(await connectionCount()).toBe(before);
    });

    it('answers the company 404 for a missing company', async () => {
      const id = randomId();
      const err = await expectErrorBody(await send('POST', base(id), { platformKey: 'sbox' }), 404);
      expect(err).toMatchObject({ service: 'ClientsApi', error: `No company was found with ID ${id}` });
    });
  });

  describe('list and get', () => {
    let listed: CompanyBody;
    let made: ConnectionBody[];
    beforeAll(async () => {
      listed = await createCompany(api, tenant, { name: 'Listed Co' });
      made = [];
      for (let i = 0; i < 3; i++) made.push(await createConnection(api, tenant, listed.id));
    });

    it('lists a company’s connections, paged, oldest first', async () => {
      const p1 = await json<PageBody<ConnectionBody>>(api.request(`${base(listed.id)}?pageSize=2`, { tenant }));
      expect(p1).toMatchObject({ pageNumber: 1, pageSize: 2, totalResults: 3 });
      expect(p1.results).toEqual(made.slice(0, 2));
      expect(p1._links.self.href).toBe(base(listed.id));
      expect(p1._links.current.href).toBe(`${base(listed.id)}?page=1&pageSize=2`);
      expect(p1._links.next?.href).toBe(`${base(listed.id)}?page=2&pageSize=2`);
      expect(p1._links.previous).toBeUndefined();
      const p2 = await json<PageBody<ConnectionBody>>(api.request(p1._links.next?.href as string, { tenant }));
      expect(p2.results).toEqual(made.slice(2));
      expect(p2._links.next).toBeUndefined();
      expectNoNulls(p1);
      expectNoNulls(p2);
    });

    it('filters with query and rejects bad paging or queries with 400', async () => {
      await send('PATCH', `${base(listed.id)}/${made[0].id}`, { status: 'Unlinked' });
      const pending = await json<PageBody<ConnectionBody>>(api.request(`${base(listed.id)}?query=${encodeURIComponent('status=PendingAuth')}`, { tenant }));
      expect(pending.totalResults).toBe(2);
      expect(pending.results.map((c) => c.id)).toEqual([made[1].id, made[2].id]);
      for (const qs of ['pageSize=5001', 'page=0', `query=${encodeURIComponent('nope=1')}`, `query=${encodeURIComponent('status=')}`]) {
        await expectErrorBody(await api.request(`${base(listed.id)}?${qs}`, { tenant }), 400);
      }
    });

    it('gets one connection; the company embeds its connections', async () => {
      expect(await getConnection(made[1].id, listed.id)).toEqual(made[1]);
      const embedded = (await getCompany(listed.id)).dataConnections;
      expect(embedded.map((c) => c.id)).toEqual(made.map((c) => c.id));
    });

    it('answers 404 "Data connection <id> not found" for a missing, malformed or other company’s connection', async () => {
      const cases: [companyId: string, connectionId: string][] = [
        [listed.id, randomId()],
        [listed.id, 'not-a-uuid'],
        [company.id, made[0].id], // made[0] belongs to `listed`, not to `company`
      ];
      for (const [companyId, id] of cases) {
        const err = await expectErrorBody(await api.request(`${base(companyId)}/${id}`, { tenant }), 404);
        expect(err).toMatchObject({ service: 'PublicApi', error: `Data connection ${id} not found` });
      }
    });

    it('answers the company 404 when listing under a missing company', async () => {
      const id = randomId();
      const err = await expectErrorBody(await api.request(base(id), { tenant }), 404);
      expect(err).toMatchObject({ service: 'ClientsApi', error: `No company was found with ID ${id}` });
    });
  });

  describe('PATCH (unlink)', () => {
    it('sets Unlinked and drops the stored credentials', async () => {
      const co = await createCompany(api, tenant, { name: 'Unlink Co' });
      const c = await createConnection(api, tenant, co.id);
      await json(send('PUT', `${base(co.id)}/${c.id}/authorization`, {}));
      expect((await row(c.id))?.credentials_enc).not.toBeNull();

      const unlinked = await json<ConnectionBody>(send('PATCH', `${base(co.id)}/${c.id}`, { status: 'Unlinked' }));
      expect(unlinked).toMatchObject({ id: c.id, status: 'Unlinked', created: c.created });
      expectNoNulls(unlinked);
      expect(await row(c.id)).toMatchObject({ status: 'Unlinked', credentials_enc: null });
      expect((await getCompany(co.id)).status).toBe('Deauthorised');
    });

    it.each([['Linked'], ['PendingAuth'], ['Deauthorized'], ['unlinked'], [undefined], [5]])('rejects status %p with 400, changing nothing', async (status) => {
      const c = await createConnection(api, tenant, company.id);
      const err = await expectErrorBody(await send('PATCH', `${base()}/${c.id}`, { status }), 400);
      expect(err.validation?.errors[0].itemId).toBe('status');
      expect(await getConnection(c.id)).toEqual(c);
    });

    it('answers 404 for a missing connection', async () => {
      const id = randomId();
      const err = await expectErrorBody(await send('PATCH', `${base()}/${id}`, { status: 'Unlinked' }), 404);
      expect(err.error).toBe(`Data connection ${id} not found`);
    });
  });

  describe('PUT authorization', () => {
    it('links the connection with {} and the company becomes Linked', async () => {
      const co = await createCompany(api, tenant, { name: 'Auth Co' });
      const c = await createConnection(api, tenant, co.id);
      const linked = await json<ConnectionBody>(send('PUT', `${base(co.id)}/${c.id}/authorization`, {}));
      expect(linked).toMatchObject({ id: c.id, status: 'Linked', created: c.created, connectionInfo: { companyName: 'Sandbox Trading Ltd' } });
      expect('dataConnectionErrors' in linked).toBe(false);
      expectNoNulls(linked);
      expect(await getConnection(c.id, co.id)).toEqual(linked);
      const r = await row(c.id);
      expect(r?.status).toBe('Linked');
      expect(r?.linked_at).toBeInstanceOf(Date);
      expect(r?.credentials_enc).toBeInstanceOf(Buffer);
      const after = await getCompany(co.id);
      expect(after.status).toBe('Linked');
      expect(after.dataConnections.map((d) => d.status)).toEqual(['Linked']);
    });

    it('links without a body', async () => {
      const c = await createConnection(api, tenant, company.id);
      const res = await api.request(`${base()}/${c.id}/authorization`, { tenant, method: 'PUT' });
      expect((await json<ConnectionBody>(res)).status).toBe('Linked');
    });

    it('rejects bad credentials with 400 naming the field; the connection stays PendingAuth with the error recorded', async () => {
      const co = await createCompany(api, tenant, { name: 'Bad creds Co' });
      const c = await createConnection(api, tenant, co.id);
      const err = await expectErrorBody(await send('PUT', `${base(co.id)}/${c.id}/authorization`, { volume: 'abc' }), 400);
      expect(err.validation?.errors.map((e) => e.itemId)).toContain('volume');
      expect(err.error).toMatch(/volume/);

      const after = await getConnection(c.id, co.id);
      expect(after.status).toBe('PendingAuth');
      expect(after.dataConnectionErrors).toEqual([
        { statusCode: '400', statusText: expect.any(String), errorMessage: expect.stringMatching(/volume/), erroredOnUtc: expect.any(String), status: 'Active' },
      ]);
      const erroredOn = after.dataConnectionErrors?.[0].erroredOnUtc as string;
      expect(new Date(erroredOn).toISOString()).toBe(erroredOn);
      expectNoNulls(after);
      expect(await row(c.id)).toMatchObject({ status: 'PendingAuth', credentials_enc: null });
      expect((await getCompany(co.id)).status).toBe('PendingAuth');

      // A later successful authorization clears the error.
      const linked = await json<ConnectionBody>(send('PUT', `${base(co.id)}/${c.id}/authorization`, { volume: '10' }));
      expect(linked.status).toBe('Linked');
      expect('dataConnectionErrors' in linked).toBe(false);
    });

    it.each([
      ['a non-string value', { volume: 5 }, 'volume'],
      ['an unknown setting', { password: 'hunter2' }, 'password'],
      ['an array body', ['x'], undefined],
    ])('rejects %s with 400', async (_label, body, itemId) => {
      const c = await createConnection(api, tenant, company.id);
      const err = await expectErrorBody(await send('PUT', `${base()}/${c.id}/authorization`, body), 400);
      if (itemId) expect(err.validation?.errors.map((e) => e.itemId)).toContain(itemId);
      expect((await getConnection(c.id)).status).toBe('PendingAuth');
    });

    it('a failed re-authorization leaves a Linked connection Linked with its credentials', async () => {
      const c = await createConnection(api, tenant, company.id);
      await json(send('PUT', `${base()}/${c.id}/authorization`, { seed: '7' }));
      const sealed = (await row(c.id))?.credentials_enc;
      await expectErrorBody(await send('PUT', `${base()}/${c.id}/authorization`, { seed: 'x' }), 400);
      const after = await row(c.id);
      expect(after?.status).toBe('Linked');
      expect(after?.credentials_enc?.equals(sealed as Buffer)).toBe(true);
    });

    it('answers 404 for a missing connection', async () => {
      const id = randomId();
      const err = await expectErrorBody(await send('PUT', `${base()}/${id}/authorization`, {}), 404);
      expect(err.error).toBe(`Data connection ${id} not found`);
    });
  });

  describe('DELETE', () => {
    it('answers 200 with an empty body; the connection is then 404 and gone from the database', async () => {
      const c = await createConnection(api, tenant, company.id);
      const res = await send('DELETE', `${base()}/${c.id}`);
      expect(res.status).toBe(200);
      expect(await res.text()).toBe('');
      const err = await expectErrorBody(await api.request(`${base()}/${c.id}`, { tenant }), 404);
      expect(err).toMatchObject({ service: 'PublicApi', error: `Data connection ${c.id} not found` });
      expect(await row(c.id)).toBeUndefined();
      expect((await getCompany()).dataConnections.map((d) => d.id)).not.toContain(c.id);
      await expectErrorBody(await send('DELETE', `${base()}/${c.id}`), 404);
    });
  });

  describe('credentials at rest', () => {
    const nonce = () => String(randomInt(100_000, 999_999));

    it('are sealed with AES-GCM bound to the connection, and never returned', async () => {
      const co = await createCompany(api, tenant, { name: 'Secret Co' });
      const c = await createConnection(api, tenant, co.id);
      const other = await createConnection(api, tenant, co.id);
      const secretName = `s3cr3t-value-${nonce()}`;
      const secretRate = `0.000000${nonce()}`; // a credential the connector does not echo back
      const credentials = { companyName: secretName, failureRate: secretRate };
      const linked = await json<ConnectionBody>(send('PUT', `${base(co.id)}/${c.id}/authorization`, credentials));
      expect(linked.status).toBe('Linked');

      const [{ credentials_enc: sealed }] = await api.db.query(`SELECT credentials_enc FROM connection WHERE id = $1`, [c.id]);
      expect(sealed).toBeInstanceOf(Buffer);
      const plain = JSON.stringify(credentials);
      for (const secret of [secretName, secretRate, plain]) {
        expect(sealed.includes(Buffer.from(secret))).toBe(false);
        expect(sealed.toString('latin1')).not.toContain(Buffer.from(secret).toString('base64'));
        expect(sealed.toString('hex')).not.toContain(Buffer.from(secret).toString('hex'));
      }
      // version byte | 12-byte IV | 16-byte tag | ciphertext as long as the JSON.
      expect(sealed[0]).toBe(1);
      expect(sealed.length).toBe(1 + 12 + 16 + Buffer.byteLength(plain));

      // Only the configured key opens it, and only for this connection's row.
      const box = new SecretBox(api.config.CREDENTIALS_KEY);
      expect(JSON.parse(box.open(sealed, c.id))).toEqual(credentials);
      expect(() => box.open(sealed, other.id)).toThrow();

      // The credential the connector does not echo appears in no response and nowhere else in the database.
      const responses = [
        await api.request(`${base(co.id)}/${c.id}`, { tenant }).then((r) => r.text()),
        await api.request(`/companies/${co.id}`, { tenant }).then((r) => r.text()),
        await api.request(base(co.id), { tenant }).then((r) => r.text()),
        await api.request('/companies?pageSize=5000', { tenant }).then((r) => r.text()),
        JSON.stringify(linked),
      ];
      for (const text of responses) expect(text).not.toContain(secretRate);
      const dump: { doc: string }[] = await api.db.query(
        `SELECT row_to_json(x)::text AS doc FROM (SELECT id, status, connection_info, last_error FROM connection) x
         UNION ALL SELECT row_to_json(c)::text FROM company c`,
      );
      expect(dump.map((d) => d.doc).join('\n')).not.toContain(secretRate);

      // The sandbox reports the linked company's name as connection info (by design); nothing else of the
      // credentials is returned.
      for (const text of responses) {
        const parsed = JSON.parse(text) as unknown;
        const stripped = JSON.stringify(parsed, (key, value) => (key === 'companyName' ? undefined : value));
        expect(stripped).not.toContain(secretName);
      }
      expect((await getConnection(c.id, co.id)).connectionInfo).toEqual({ companyName: secretName, seed: 1, volume: 50 });
    });
  });
});
