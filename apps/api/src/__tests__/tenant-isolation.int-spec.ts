import { afterAll, beforeAll, describe, expect, it, jest } from '@jest/globals';
import { startTestApi, type TestApi, type TestTenant } from '@ledgerlink/testing';
import {
  type CompanyBody,
  type ConnectionBody,
  createCompany,
  createConnection,
  expectErrorBody,
  json,
  type PageBody,
  randomId,
} from './support/contract';
import { signIn, trpcQuery } from './support/trpc';

// Booting the API (database, migrations, Redis) can take a while on a busy machine.
jest.setTimeout(60_000);

/** One request template; `{company}`, `{connection}`, `{key}` and `{own}` (B's company) are filled in per run. */
interface Attack {
  method: string;
  path: string;
  body?: unknown;
}

const ATTACKS: Attack[] = [
  { method: 'GET', path: '/companies/{company}' },
  { method: 'PUT', path: '/companies/{company}', body: { name: 'Hijacked', description: 'pwned', tags: { owner: 'b' } } },
  { method: 'PUT', path: '/companies/{company}', body: {} },
  { method: 'PATCH', path: '/companies/{company}', body: { name: 'Hijacked' } },
  { method: 'PATCH', path: '/companies/{company}', body: { name: 5 } },
  { method: 'DELETE', path: '/companies/{company}' },
  { method: 'GET', path: '/companies/{company}/connections' },
  { method: 'GET', path: '/companies/{company}/connections?query=status%3DLinked&orderBy=-created' },
  { method: 'POST', path: '/companies/{company}/connections', body: { platformKey: 'sbox' } },
  { method: 'POST', path: '/companies/{company}/connections', body: { platformKey: 'zzzz' } },
  { method: 'GET', path: '/companies/{company}/connections/{connection}' },
  { method: 'PATCH', path: '/companies/{company}/connections/{connection}', body: { status: 'Unlinked' } },
  { method: 'DELETE', path: '/companies/{company}/connections/{connection}' },
  { method: 'PUT', path: '/companies/{company}/connections/{connection}/authorization', body: {} },
  { method: 'PUT', path: '/companies/{company}/connections/{connection}/authorization', body: { volume: 'abc' } },
  // B's own company with A's connection id.
  { method: 'GET', path: '/companies/{own}/connections/{connection}' },
  { method: 'PATCH', path: '/companies/{own}/connections/{connection}', body: { status: 'Unlinked' } },
  { method: 'DELETE', path: '/companies/{own}/connections/{connection}' },
  { method: 'PUT', path: '/companies/{own}/connections/{connection}/authorization', body: {} },
  { method: 'DELETE', path: '/apiKeys/{key}' },
];

interface Ids {
  company: string;
  connection: string;
  key: string;
  own: string;
}

const fill = (template: string, ids: Ids) => template.replace(/\{(company|connection|key|own)\}/g, (_, k: keyof Ids) => ids[k]);

/** The error body with the ids it names replaced by placeholders, and without its correlation id. */
function normalize(body: Record<string, unknown>, ids: Ids) {
  let text = JSON.stringify({ ...body, correlationId: undefined });
  for (const [name, id] of Object.entries(ids)) text = text.split(id).join(`<${name}>`);
  return JSON.parse(text) as unknown;
}

describe('tenant isolation', () => {
  let api: TestApi;
  let a: TestTenant;
  let b: TestTenant;
  let aCompany: CompanyBody;
  let aConnection: ConnectionBody;
  let aLinked: ConnectionBody;
  let aKeyId: string;
  let aNewKey: string;
  let bCompany: CompanyBody;

  /** Everything tenant A owns, straight from the database. */
  const snapshotA = () =>
    api.db.query(
      `SELECT 'company' AS t, row_to_json(c)::text AS doc FROM company c WHERE c.client_id = $1
       UNION ALL SELECT 'connection', row_to_json(x)::text FROM (
         SELECT n.id, n.company_id, n.platform_key, n.status, encode(n.credentials_enc, 'hex') AS creds, n.connection_info, n.last_error, n.last_sync, n.linked_at
         FROM connection n JOIN company c ON c.id = n.company_id WHERE c.client_id = $1) x
       UNION ALL SELECT 'api_key', row_to_json(k)::text FROM api_key k WHERE k.client_id = $1
       ORDER BY 1, 2`,
      [a.clientId],
    );

  beforeAll(async () => {
    api = await startTestApi();
    a = await api.createTenant('Tenant A');
    b = await api.createTenant('Tenant B');
    aCompany = await createCompany(api, a, { name: 'Alpha Private Holdings', description: 'A only', tags: { secretTag: 'alpha' } });
    aConnection = await createConnection(api, a, aCompany.id);
    aLinked = await createConnection(api, a, aCompany.id);
    aLinked = await json<ConnectionBody>(api.request(`/companies/${aCompany.id}/connections/${aLinked.id}/authorization`, { tenant: a, method: 'PUT', json: {} }));
    const key = await json<{ id: string; apiKey: string }>(api.request('/apiKeys', { tenant: a, method: 'POST', json: { name: 'a-extra' } }), 201);
    aKeyId = key.id;
    aNewKey = key.apiKey;
    bCompany = await createCompany(api, b, { name: 'Bravo Co' });
    await createConnection(api, b, bCompany.id);
  });
  afterAll(() => api?.close());

  it('B gets the same 404 (or 401) on every endpoint with A’s ids as with random ids, and changes nothing', async () => {
    const before = await snapshotA();
    for (const connection of [aConnection, aLinked]) {
      for (const attack of ATTACKS) {
        const aIds: Ids = { company: aCompany.id, connection: connection.id, key: aKeyId, own: bCompany.id };
        const randomIds: Ids = { company: randomId(), connection: randomId(), key: randomId(), own: bCompany.id };
        const label = `${attack.method} ${attack.path} ${JSON.stringify(attack.body ?? null)}`;

        const res = await api.request(fill(attack.path, aIds), { tenant: b, method: attack.method, json: attack.body });
        expect({ label, status: res.status }).toEqual({ label, status: expect.any(Number) });
        expect([401, 404]).toContain(res.status);
        const attackBody = await expectErrorBody(res, res.status);

        const baseline = await api.request(fill(attack.path, randomIds), { tenant: b, method: attack.method, json: attack.body });
        const baselineBody = await expectErrorBody(baseline, baseline.status);
        expect({ label, status: res.status, body: normalize({ ...attackBody }, aIds) }).toEqual({
          label,
          status: baseline.status,
          body: normalize({ ...baselineBody }, randomIds),
        });
      }
    }
    expect(await snapshotA()).toEqual(before);
  });

  it('A still sees its data unchanged and all its keys still work', async () => {
    expect(await json<CompanyBody>(api.request(`/companies/${aCompany.id}`, { tenant: a }))).toMatchObject({
      id: aCompany.id,
      name: 'Alpha Private Holdings',
      description: 'A only',
      tags: { secretTag: 'alpha' },
      status: 'Linked',
    });
    expect(await json<ConnectionBody>(api.request(`/companies/${aCompany.id}/connections/${aConnection.id}`, { tenant: a }))).toEqual(aConnection);
    expect(await json<ConnectionBody>(api.request(`/companies/${aCompany.id}/connections/${aLinked.id}`, { tenant: a }))).toEqual(aLinked);
    const headers = { authorization: `Basic ${Buffer.from(aNewKey).toString('base64')}` };
    expect((await api.request('/companies', { headers })).status).toBe(200);
    const keys = await json<{ results: { id: string }[] }>(api.request('/apiKeys', { tenant: a }));
    expect(keys.results.map((k) => k.id)).toContain(aKeyId);
  });

  it('B’s company list never shows A’s companies, whatever the filter', async () => {
    const filters = [
      '',
      'pageSize=5000',
      `query=${encodeURIComponent(`id=${aCompany.id}`)}`,
      `query=${encodeURIComponent('name=Alpha Private Holdings')}`,
      `query=${encodeURIComponent('name~Alpha')}`,
      `query=${encodeURIComponent(`dataConnections.id=${aConnection.id}`)}`,
      `query=${encodeURIComponent('dataConnections.status=Linked')}`,
      `query=${encodeURIComponent('name~a || name!=a')}`,
      `tags=${encodeURIComponent('secretTag=alpha')}`,
      'orderBy=-created',
    ];
    for (const qs of filters) {
      const page = await json<PageBody<CompanyBody>>(api.request(`/companies?${qs}`, { tenant: b }));
      // (The links echo the query itself, so only the results and the count are checked.)
      const text = JSON.stringify(page.results);
      expect({ qs, leaked: text.includes(aCompany.id) || text.includes('Alpha Private') }).toEqual({ qs, leaked: false });
      expect(page.results.every((c) => c.id === bCompany.id)).toBe(true);
      expect(page.totalResults).toBe(page.results.length);
    }
    // B's own listing still works.
    expect((await json<PageBody<CompanyBody>>(api.request('/companies', { tenant: b }))).results.map((c) => c.id)).toEqual([bCompany.id]);
  });

  it('B’s key list never shows A’s keys', async () => {
    const keys = await json<{ results: { id: string }[] }>(api.request('/apiKeys', { tenant: b }));
    expect(keys.results.map((k) => k.id)).not.toContain(aKeyId);
    expect(keys.results).toHaveLength(1);
  });

  it('B’s portal session cannot read A’s company over tRPC', async () => {
    const bCookie = await signIn(api, b);
    const attack = await trpcQuery(api, 'companies.get', { companyId: aCompany.id }, bCookie);
    const baselineId = randomId();
    const baseline = await trpcQuery(api, 'companies.get', { companyId: baselineId }, bCookie);
    expect(attack.status).toBe(404);
    expect(attack.error?.data.code).toBe('NOT_FOUND');
    expect(attack.data).toBeUndefined();
    expect(attack.error?.message.replace(aCompany.id, '<id>')).toBe(baseline.error?.message.replace(baselineId, '<id>'));
    expect(JSON.stringify(attack)).not.toContain('Alpha Private');

    const list = await trpcQuery<PageBody<CompanyBody>>(api, 'companies.list', { search: 'Alpha' }, bCookie);
    expect(list.data?.totalResults).toBe(0);

    // Positive control: A's own session can read it.
    const aCookie = await signIn(api, a);
    expect((await trpcQuery<CompanyBody>(api, 'companies.get', { companyId: aCompany.id }, aCookie)).data?.name).toBe('Alpha Private Holdings');
  });
});
