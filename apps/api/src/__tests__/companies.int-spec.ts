import { afterAll, beforeAll, describe, expect, it, jest } from '@jest/globals';
import { startTestApi, type TestApi, type TestTenant } from '@ledgerlink/testing';
import {
  type CompanyBody,
  createCompany,
  createConnection,
  expectErrorBody,
  expectNoNulls,
  findNulls,
  json,
  type PageBody,
  randomId,
} from './support/contract';

// Booting the API (database, migrations, Redis) can take a while on a busy machine.
jest.setTimeout(60_000);

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

describe('companies', () => {
  let api: TestApi;
  let tenant: TestTenant;

  beforeAll(async () => {
    api = await startTestApi();
    tenant = await api.createTenant('Companies tenant');
  });
  afterAll(() => api?.close());

  const get = (path: string, t: TestTenant = tenant) => json<CompanyBody>(api.request(path, { tenant: t }));
  const list = (qs: string, t: TestTenant = tenant) => json<PageBody<CompanyBody>>(api.request(`/companies?${qs}`, { tenant: t }));
  const send = (method: string, path: string, body?: unknown) => api.request(path, { tenant, method, json: body });
  const companyRow = async (id: string) =>
    (await api.db.query(`SELECT client_id, name, description, tags FROM company WHERE id = $1`, [id]))[0] as
      | { client_id: string; name: string; description: string | null; tags: Record<string, string> }
      | undefined;
  const companyCount = async () => (await api.db.query(`SELECT count(*)::int AS n FROM company`))[0].n as number;

  describe('create', () => {
    it('returns 200 with the contract fields and no nulls', async () => {
      const before = Date.now();
      const company = await createCompany(api, tenant, { name: 'Technicalium' });
      expect(Object.keys(company).sort()).toEqual(
        ['id', 'name', 'redirect', 'created', 'products', 'dataConnections', 'referenceSubsidiaryCompanies', 'status'].sort(),
      );
      expect(company).toEqual({
        id: expect.stringMatching(UUID),
        name: 'Technicalium',
        redirect: `http://portal.test/link/${company.id}`,
        created: expect.any(String),
        products: [],
        dataConnections: [],
        referenceSubsidiaryCompanies: [],
        status: 'Blank',
      });
      expect(new Date(company.created).toISOString()).toBe(company.created);
      expect(Math.abs(Date.parse(company.created) - before)).toBeLessThan(60_000);
      expect(await companyRow(company.id)).toEqual({ client_id: tenant.clientId, name: 'Technicalium', description: null, tags: {} });
    });

    it('strips forbidden characters from the name instead of rejecting it', async () => {
      expect((await createCompany(api, tenant, { name: 'Company (Codat[1])' })).name).toBe('Company Codat1');
      expect((await createCompany(api, tenant, { name: "O'Brien & Sons, Ltd. @ Home?! - 2" })).name).toBe("O'Brien & Sons, Ltd. @ Home?! - 2");
      expect((await createCompany(api, tenant, { name: '  Spaced\t\tOut  ' })).name).toBe('Spaced Out');
    });

    it('rejects a name made only of forbidden characters, naming the field', async () => {
      const before = await companyCount();
      const err = await expectErrorBody(await send('POST', '/companies', { name: '(([]))#$%' }), 400);
      expect(err.service).toBe('PublicApi');
      expect(err.validation?.errors[0].itemId).toBe('name');
      expect(err.validation?.warnings).toEqual([]);
      expect(await companyCount()).toBe(before);
    });

    it.each([
      ['a missing name', {}],
      ['a numeric name', { name: 42 }],
      ['a null name', { name: null }],
      ['an object name', { name: { first: 'A' } }],
      ['an empty name', { name: '' }],
      ['an array body', [{ name: 'Arr' }]],
      ['a non-string description', { name: 'Ok', description: 5 }],
    ])('rejects %s with 400', async (_label, body) => {
      const before = await companyCount();
      const err = await expectErrorBody(await send('POST', '/companies', body), 400);
      expect(err.validation?.errors.length).toBeGreaterThan(0);
      expect(await companyCount()).toBe(before);
    });

    it('rejects a non-object JSON body and a missing body with 400', async () => {
      const before = await companyCount();
      for (const raw of ['"just a string"', '42', 'null', 'true']) {
        await expectErrorBody(await api.request('/companies', { tenant, method: 'POST', headers: { 'content-type': 'application/json' }, body: raw }), 400);
      }
      await expectErrorBody(await api.request('/companies', { tenant, method: 'POST' }), 400);
      expect(await companyCount()).toBe(before);
    });

    it('accepts up to 10 tags and echoes them', async () => {
      const tags = Object.fromEntries(Array.from({ length: 10 }, (_, i) => [`key${i}`, `value${i}`]));
      const company = await createCompany(api, tenant, { name: 'Tagged', tags });
      expect(company.tags).toEqual(tags);
      expect((await companyRow(company.id))?.tags).toEqual(tags);
    });

    it('accepts tag keys of 27 characters and values of 100', async () => {
      const tags = { ['k'.repeat(27)]: 'v'.repeat(100) };
      expect((await createCompany(api, tenant, { name: 'Long tags', tags })).tags).toEqual(tags);
    });

    it.each([
      ['11 tags', Object.fromEntries(Array.from({ length: 11 }, (_, i) => [`key${i}`, 'v']))],
      ['a 28-character key', { ['k'.repeat(28)]: 'v' }],
      ['a 101-character value', { region: 'v'.repeat(101) }],
      ['an empty key', { '': 'v' }],
      ['a non-string value', { region: 5 }],
      ['an array of tags', ['uk']],
    ])('rejects %s with 400', async (_label, tags) => {
      const before = await companyCount();
      await expectErrorBody(await send('POST', '/companies', { name: 'Bad tags', tags }), 400);
      expect(await companyCount()).toBe(before);
    });

    it('omits description when absent or empty (never null), and returns it when given', async () => {
      const none = await createCompany(api, tenant, { name: 'No description' });
      expect('description' in none).toBe(false);
      const nulled = await createCompany(api, tenant, { name: 'Null description', description: null });
      expect('description' in nulled).toBe(false);
      const empty = await createCompany(api, tenant, { name: 'Empty description', description: '' });
      expect('description' in empty).toBe(false);
      const given = await createCompany(api, tenant, { name: 'Described', description: 'Our biggest client' });
      expect(given.description).toBe('Our biggest client');
      for (const c of [none, nulled, empty, given]) expectNoNulls(c);
    });
  });

  describe('get', () => {
    it('returns the same company as create', async () => {
      const created = await createCompany(api, tenant, { name: 'Fetch me', description: 'd', tags: { a: 'b' } });
      expect(await get(`/companies/${created.id}`)).toEqual(created);
      expect(await get(`/companies/${created.id.toUpperCase()}`)).toEqual(created);
    });

    it('answers 404 (ClientsApi) for a missing or malformed id', async () => {
      for (const id of [randomId(), 'not-a-uuid', '00000000-0000-0000-0000-000000000000']) {
        const err = await expectErrorBody(await api.request(`/companies/${id}`, { tenant }), 404);
        expect(err).toMatchObject({ service: 'ClientsApi', error: `No company was found with ID ${id}` });
      }
    });
  });

  describe('PUT (replace)', () => {
    it('replaces name, description and tags; missing optional fields are cleared', async () => {
      const c = await createCompany(api, tenant, { name: 'Before put', description: 'old', tags: { region: 'uk' } });
      const replaced = await json<CompanyBody>(send('PUT', `/companies/${c.id}`, { name: 'After (put)' }));
      expect(replaced).toMatchObject({ id: c.id, name: 'After put', created: c.created, redirect: c.redirect });
      expect('description' in replaced).toBe(false);
      expect('tags' in replaced).toBe(false);
      expectNoNulls(replaced);
      expect(await companyRow(c.id)).toEqual({ client_id: tenant.clientId, name: 'After put', description: null, tags: {} });
      expect(await get(`/companies/${c.id}`)).toEqual(replaced);

      const full = await json<CompanyBody>(send('PUT', `/companies/${c.id}`, { name: 'Full', description: 'new', tags: { team: 'x' } }));
      expect(full).toMatchObject({ name: 'Full', description: 'new', tags: { team: 'x' } });
    });

    it('validates the body (400) and leaves the company unchanged', async () => {
      const c = await createCompany(api, tenant, { name: 'Put validation', description: 'keep', tags: { a: 'b' } });
      for (const body of [{}, { name: '' }, { name: 'ok', tags: { ['k'.repeat(28)]: 'v' } }]) {
        await expectErrorBody(await send('PUT', `/companies/${c.id}`, body), 400);
      }
      expect(await get(`/companies/${c.id}`)).toEqual(c);
    });

    it('answers 404 for a missing company', async () => {
      const id = randomId();
      const err = await expectErrorBody(await send('PUT', `/companies/${id}`, { name: 'x' }), 404);
      expect(err).toMatchObject({ service: 'ClientsApi', error: `No company was found with ID ${id}` });
      expect(await companyRow(id)).toBeUndefined();
    });
  });

  describe('PATCH (update)', () => {
    it('changes only the given fields; null or missing fields are unchanged', async () => {
      const c = await createCompany(api, tenant, { name: 'Patch me', description: 'desc', tags: { region: 'uk' } });

      const renamed = await json<CompanyBody>(send('PATCH', `/companies/${c.id}`, { name: 'Patched [name]' }));
      expect(renamed).toMatchObject({ name: 'Patched name', description: 'desc', tags: { region: 'uk' } });

      const nulls = await json<CompanyBody>(send('PATCH', `/companies/${c.id}`, { name: null, description: null, tags: null }));
      expect(nulls).toEqual(renamed);

      const empty = await json<CompanyBody>(send('PATCH', `/companies/${c.id}`, {}));
      expect(empty).toEqual(renamed);

      const described = await json<CompanyBody>(send('PATCH', `/companies/${c.id}`, { description: 'new desc' }));
      expect(described).toMatchObject({ name: 'Patched name', description: 'new desc', tags: { region: 'uk' } });

      const retagged = await json<CompanyBody>(send('PATCH', `/companies/${c.id}`, { tags: { team: 'x' } }));
      expect(retagged).toMatchObject({ name: 'Patched name', description: 'new desc', tags: { team: 'x' } });

      expect(await companyRow(c.id)).toEqual({ client_id: tenant.clientId, name: 'Patched name', description: 'new desc', tags: { team: 'x' } });
      expectNoNulls(retagged);
    });

    it('validates the given fields (400) and leaves the company unchanged', async () => {
      const c = await createCompany(api, tenant, { name: 'Patch validation' });
      for (const body of [{ name: 5 }, { name: '%%%' }, { tags: { a: 'v'.repeat(101) } }, { description: ['x'] }]) {
        await expectErrorBody(await send('PATCH', `/companies/${c.id}`, body), 400);
      }
      expect(await get(`/companies/${c.id}`)).toEqual(c);
    });

    it('answers 404 for a missing company', async () => {
      const id = randomId();
      const err = await expectErrorBody(await send('PATCH', `/companies/${id}`, { name: 'x' }), 404);
      expect(err).toMatchObject({ service: 'ClientsApi', error: `No company was found with ID ${id}` });
    });
  });

  describe('DELETE', () => {
    it('answers 204 with no body; the company is then 404; its connections are gone from the database', async () => {
      const keep = await createCompany(api, tenant, { name: 'Keep me' });
      await createConnection(api, tenant, keep.id);
      const c = await createCompany(api, tenant, { name: 'Delete me' });
      await createConnection(api, tenant, c.id);
      await createConnection(api, tenant, c.id);
      expect((await api.db.query(`SELECT count(*)::int AS n FROM connection WHERE company_id = $1`, [c.id]))[0].n).toBe(2);

      const res = await send('DELETE', `/companies/${c.id}`);
      expect(res.status).toBe(204);
      expect(await res.text()).toBe('');

      const err = await expectErrorBody(await api.request(`/companies/${c.id}`, { tenant }), 404);
      expect(err).toMatchObject({ service: 'ClientsApi', error: `No company was found with ID ${c.id}` });
      expect(await companyRow(c.id)).toBeUndefined();
      expect((await api.db.query(`SELECT count(*)::int AS n FROM connection WHERE company_id = $1`, [c.id]))[0].n).toBe(0);

      // Deleting again is a 404; other companies and their connections are untouched.
      await expectErrorBody(await send('DELETE', `/companies/${c.id}`), 404);
      expect((await get(`/companies/${keep.id}`)).dataConnections).toHaveLength(1);
    });
  });

  describe('list paging', () => {
    let pager: TestTenant;
    beforeAll(async () => {
      pager = await api.createTenant('Pager');
      for (let i = 1; i <= 7; i++) await createCompany(api, pager, { name: `Paged ${i}` });
    });

    it('pages with links: first has next only, last has previous only; pages do not overlap', async () => {
      const p1 = await list('page=1&pageSize=3', pager);
      const p2 = await list('page=2&pageSize=3', pager);
      const p3 = await list('page=3&pageSize=3', pager);
      expect(p1).toMatchObject({ pageNumber: 1, pageSize: 3, totalResults: 7 });
      expect(p1.results).toHaveLength(3);
      expect(p1._links.self.href).toBe('/companies');
      expect(p1._links.current.href).toBe('/companies?page=1&pageSize=3');
      expect(p1._links.next?.href).toBe('/companies?page=2&pageSize=3');
      expect('previous' in p1._links).toBe(false);

      expect(p2._links.previous?.href).toBe('/companies?page=1&pageSize=3');
      expect(p2._links.next?.href).toBe('/companies?page=3&pageSize=3');

      expect(p3).toMatchObject({ pageNumber: 3, pageSize: 3, totalResults: 7 });
      expect(p3.results).toHaveLength(1);
      expect(p3._links.previous?.href).toBe('/companies?page=2&pageSize=3');
      expect('next' in p3._links).toBe(false);

      const ids = [...p1.results, ...p2.results, ...p3.results].map((c) => c.id);
      expect(new Set(ids).size).toBe(7);
      for (const page of [p1, p2, p3]) expectNoNulls(page);
    });

    it('uses defaults (page 1, pageSize 100) and serves an empty page past the end', async () => {
      const all = await list('', pager);
      expect(all).toMatchObject({ pageNumber: 1, pageSize: 100, totalResults: 7 });
      expect(all._links.current.href).toBe('/companies?page=1&pageSize=100');
      expect(all._links.next).toBeUndefined();
      const past = await list('page=9&pageSize=3', pager);
      expect(past).toMatchObject({ results: [], pageNumber: 9, totalResults: 7 });
    });

    it.each(['pageSize=5001', 'pageSize=0', 'page=0', 'page=-1', 'page=abc', 'pageSize=1.5', 'page=1&page=2', 'query[name]=x'])(
      'rejects %s with 400',
      async (qs) => {
        await expectErrorBody(await api.request(`/companies?${qs}`, { tenant: pager }), 400);
      },
    );

    it('accepts pageSize=5000', async () => {
      expect((await list('pageSize=5000', pager)).pageSize).toBe(5000);
    });
  });

  describe('query, orderBy and tags', () => {
    let q: TestTenant;
    const names = (page: PageBody<CompanyBody>) => page.results.map((c) => c.name);
    const queryList = (query: string, extra = '') => list(`query=${encodeURIComponent(query)}${extra}`, q);

    beforeAll(async () => {
      q = await api.createTenant('Query tenant');
      await createCompany(api, q, { name: 'Exact Name', tags: { region: 'uk', team: 'x' } });
      await createCompany(api, q, { name: 'Exact Name Two', tags: { region: 'uk', team: 'y' } });
      await createCompany(api, q, { name: 'Bravo partial match', tags: { region: 'us', team: 'x' } });
      const linked = await createCompany(api, q, { name: 'Charlie Pending' });
      await createConnection(api, q, linked.id);
    });

    it('filters with = on an exact name', async () => {
      const page = await queryList('name=Exact Name');
      expect(names(page)).toEqual(['Exact Name']);
      expect(page.totalResults).toBe(1);
      expect(page._links.current.href).toBe(`/companies?page=1&pageSize=100&query=${encodeURIComponent('name=Exact Name')}`);
    });

    it('filters with ~ (contains, case-insensitive) and !=', async () => {
      expect(names(await queryList('name~PARTIAL'))).toEqual(['Bravo partial match']);
      expect(names(await queryList('name~exact')).sort()).toEqual(['Exact Name', 'Exact Name Two']);
      expect((await queryList('name!=Exact Name')).totalResults).toBe(3);
    });

    it('filters on dataConnections.status', async () => {
      expect(names(await queryList('dataConnections.status=PendingAuth'))).toEqual(['Charlie Pending']);
      expect((await queryList('dataConnections.status=Linked')).totalResults).toBe(0);
    });

    it('filters on created dates', async () => {
      expect((await queryList('created>2020-01-01')).totalResults).toBe(4);
      expect((await queryList('created<2020-01-01')).totalResults).toBe(0);
    });

    it('combines with && and || and groups with {}', async () => {
      expect(names(await queryList('{name~exact || name~bravo} && name!=Exact Name')).sort()).toEqual(['Bravo partial match', 'Exact Name Two']);
    });

    it.each(['name=', '{name=a', 'name', '=a', 'name=a &&', 'name==a}'])('rejects the malformed query %p', async (query) => {
      const err = await expectErrorBody(await api.request(`/companies?query=${encodeURIComponent(query)}`, { tenant: q }), 400);
      expect(err.error).toBe('Error parsing query - Malformed query.');
    });

    it('rejects an unknown property', async () => {
      const err = await expectErrorBody(await api.request(`/companies?query=${encodeURIComponent('foo=1')}`, { tenant: q }), 400);
      expect(err.error).toBe('Error parsing query - Could not resolve property foo on Company');
    });

    it('treats SQL-looking values as plain data', async () => {
      const cases: [string, number][] = [
        ["name=x' OR '1'='1", 200],
        ["name=a'; DROP TABLE company; --", 200],
        ['name~%', 200],
        ['name~_', 200],
        [`name="Exact Name' OR 1=1 --"`, 200],
        ['created>2020-01-01; DELETE FROM company', 400],
      ];
      for (const [query, status] of cases) {
        const res = await api.request(`/companies?query=${encodeURIComponent(query)}`, { tenant: q });
        if (status === 200) expect((await json<PageBody<CompanyBody>>(res)).totalResults).toBe(0);
        else expect((await expectErrorBody(res, 400)).error).toMatch(/^Error parsing query - /);
      }
      expect((await list('', q)).totalResults).toBe(4);
    });

    it('orders by name ascending and descending', async () => {
      const asc = names(await list('orderBy=name', q));
      const desc = names(await list('orderBy=-name', q));
      expect(asc).toEqual(['Bravo partial match', 'Charlie Pending', 'Exact Name', 'Exact Name Two']);
      expect(desc).toEqual([...asc].reverse());
      await expectErrorBody(await api.request('/companies?orderBy=foo', { tenant: q }), 400);
    });

    it('filters on tags', async () => {
      expect(names(await list(`tags=${encodeURIComponent('region=uk && team=x')}`, q))).toEqual(['Exact Name']);
      expect(names(await list(`tags=${encodeURIComponent('region=uk')}`, q)).sort()).toEqual(['Exact Name', 'Exact Name Two']);
      expect(names(await list(`tags=${encodeURIComponent('team!=x')}`, q)).sort()).toEqual(['Charlie Pending', 'Exact Name Two']);
      expect(names(await list(`tags=${encodeURIComponent('region~U')}`, q)).sort()).toEqual(['Bravo partial match', 'Exact Name', 'Exact Name Two']);
    });

    it('rejects malformed or hostile tag filters with 400', async () => {
      for (const tags of ['region=', "a'||'b=1", 'tags[x]']) {
        await expectErrorBody(await api.request(`/companies?tags=${encodeURIComponent(tags)}`, { tenant: q }), 400);
      }
      await expectErrorBody(await api.request('/companies?tags[region]=uk', { tenant: q }), 400);
    });

    it('keeps the tags filter in the paging links', async () => {
      const tags = 'region=uk';
      const page = await list(`tags=${encodeURIComponent(tags)}&pageSize=1`, q);
      expect(page.totalResults).toBe(2);
      const next = page._links.next?.href as string;
      expect(next).toBeDefined();
      expect(page._links.current.href).toContain(`tags=${encodeURIComponent(tags)}`);
      const page2 = await json<PageBody<CompanyBody>>(api.request(next, { tenant: q }));
      expect(page2.totalResults).toBe(2);
      expect(page2.results[0].tags?.region).toBe('uk');
    });
  });

  describe('no nulls anywhere', () => {
    it('findNulls finds nulls and allows createdByUserName', () => {
      expect(findNulls({ a: null, b: [{ c: null }], createdByUserName: null, d: { createdByUserName: null } })).toEqual(['$.a', '$.b[0].c']);
    });

    it('no company response of this tenant contains a null', async () => {
      const page = await list('pageSize=5000');
      expect(page.totalResults).toBeGreaterThan(10);
      expectNoNulls(page);
      for (const c of page.results) expectNoNulls(await get(`/companies/${c.id}`));
    });
  });
});
