import { createHash } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it, jest } from '@jest/globals';
import { startTestApi, type TestApi, type TestTenant } from '@ledgerlink/testing';
import type { AppRouter } from '@ledgerlink/trpc';
import { createTRPCClient, httpLink } from '@trpc/client';
import { type CompanyBody, json, type PageBody } from './support/contract';
import { sessionCookie, signIn, trpcMutation, trpcQuery } from './support/trpc';

// Booting the API (database, migrations, Redis) can take a while on a busy machine.
jest.setTimeout(60_000);

const sha256 = (s: string) => createHash('sha256').update(s).digest('hex');
const tokenOf = (cookie: string) => cookie.slice(cookie.indexOf('=') + 1);

describe('tRPC (portal API)', () => {
  let api: TestApi;
  let tenant: TestTenant;

  beforeAll(async () => {
    api = await startTestApi();
    tenant = await api.createTenant('Portal tenant');
  });
  afterAll(() => api?.close());

  describe('auth.signIn', () => {
    it('rejects a wrong password with 401 UNAUTHORIZED and sets no cookie', async () => {
      const res = await trpcMutation(api, 'auth.signIn', { email: tenant.email, password: 'not-the-password' });
      expect(res.status).toBe(401);
      expect(res.error?.data.code).toBe('UNAUTHORIZED');
      expect(res.error?.message).toBe('Email or password is incorrect.');
      expect(res.setCookie).toEqual([]);
      expect(res.data).toBeUndefined();
    });

    it('answers an unknown email exactly like a wrong password', async () => {
      const res = await trpcMutation(api, 'auth.signIn', { email: 'nobody@example.com', password: tenant.password });
      expect(res.status).toBe(401);
      expect(res.error?.data.code).toBe('UNAUTHORIZED');
      expect(res.error?.message).toBe('Email or password is incorrect.');
      expect(res.setCookie).toEqual([]);
    });

    it('rejects malformed input with 400 BAD_REQUEST', async () => {
      for (const input of [{ email: 'not-an-email', password: 'x' }, { email: tenant.email, password: '' }, { email: tenant.email }]) {
        const res = await trpcMutation(api, 'auth.signIn', input);
        expect(res.status).toBe(400);
        expect(res.error?.data.code).toBe('BAD_REQUEST');
        expect(res.setCookie).toEqual([]);
      }
    });

    it('signs in and sets an HttpOnly, SameSite=Lax session cookie; only a digest of the token is stored', async () => {
      const res = await trpcMutation<{ email: string }>(api, 'auth.signIn', { email: tenant.email, password: tenant.password });
      expect(res.status).toBe(200);
      expect(res.data).toEqual({ email: tenant.email });
      expect(res.setCookie).toHaveLength(1);
      const [line] = res.setCookie;
      const attributes = line.split(';').map((a) => a.trim().toLowerCase());
      expect(attributes).toContain('httponly');
      expect(attributes).toContain('samesite=lax');
      expect(attributes).toContain('path=/');
      expect(attributes).not.toContain('secure'); // COOKIE_SECURE=false in tests
      const expires = attributes.find((a) => a.startsWith('expires='));
      const ttlHours = (Date.parse(expires?.slice('expires='.length) ?? '') - api.clock.now().getTime()) / 3600_000;
      expect(ttlHours).toBeGreaterThan(api.config.SESSION_TTL_HOURS - 1);
      expect(ttlHours).toBeLessThanOrEqual(api.config.SESSION_TTL_HOURS);

      const token = tokenOf(sessionCookie(res.setCookie) as string);
      const rows: { token_hash: string }[] = await api.db.query(
        `SELECT s.token_hash FROM portal_session s JOIN portal_user u ON u.id = s.user_id WHERE u.email = $1`,
        [tenant.email],
      );
      expect(rows.map((r) => r.token_hash)).toContain(sha256(token));
      expect(JSON.stringify(rows)).not.toContain(token);
    });

    it('treats the email case-insensitively', async () => {
      const res = await trpcMutation(api, 'auth.signIn', { email: tenant.email.toUpperCase(), password: tenant.password });
      expect(res.status).toBe(200);
      expect(sessionCookie(res.setCookie)).toBeDefined();
    });
  });

  describe('auth.me and auth.session', () => {
    it('returns the signed-in user', async () => {
      const cookie = await signIn(api, tenant);
      expect((await trpcQuery(api, 'auth.me', undefined, cookie)).data).toEqual({ email: tenant.email });
      expect((await trpcQuery(api, 'auth.session', undefined, cookie)).data).toEqual({ email: tenant.email });
    });

    it('returns null from auth.me and UNAUTHORIZED from auth.session without a valid session', async () => {
      for (const cookie of [undefined, 'll_session=garbage', `ll_session=${'A'.repeat(43)}`]) {
        const me = await trpcQuery(api, 'auth.me', undefined, cookie);
        expect(me.status).toBe(200);
        expect(me.data).toBeNull();
        const session = await trpcQuery(api, 'auth.session', undefined, cookie);
        expect(session.status).toBe(401);
        expect(session.error?.data.code).toBe('UNAUTHORIZED');
      }
    });

    it('expires a session after SESSION_TTL_HOURS', async () => {
      const cookie = await signIn(api, tenant);
      const now = api.clock.now();
      try {
        api.clock.advance(api.config.SESSION_TTL_HOURS * 3600_000 + 1000);
        expect((await trpcQuery(api, 'companies.list', {}, cookie)).status).toBe(401);
        expect((await trpcQuery(api, 'auth.me', undefined, cookie)).data).toBeNull();
      } finally {
        api.clock.set(now);
      }
    });
  });

  describe('companies', () => {
    let cookie: string;
    beforeAll(async () => {
      cookie = await signIn(api, tenant);
    });

    it('creates a company for the signed-in tenant, recording who created it', async () => {
      const res = await trpcMutation<CompanyBody>(api, 'companies.create', { name: '  Portal (Co)  ', description: 'From the portal' }, cookie);
      expect(res.status).toBe(200);
      expect(res.data).toMatchObject({ name: 'Portal Co', description: 'From the portal', createdByUserName: tenant.email, dataConnections: [] });
      const viaRest = await json<CompanyBody>(api.request(`/companies/${res.data?.id}`, { tenant }));
      expect(viaRest).toMatchObject({ id: res.data?.id, name: 'Portal Co', createdByUserName: tenant.email });
    });

    it('rejects an empty or blank name with BAD_REQUEST and creates nothing', async () => {
      const before = await api.db.query(`SELECT count(*)::int AS n FROM company`);
      for (const name of ['', '   ']) {
        const res = await trpcMutation(api, 'companies.create', { name }, cookie);
        expect(res.status).toBe(400);
        expect(res.error?.data.code).toBe('BAD_REQUEST');
        expect(res.error?.message).toContain('Enter a company name');
      }
      expect(await api.db.query(`SELECT count(*)::int AS n FROM company`)).toEqual(before);
    });

    it('rejects a name made only of forbidden characters with BAD_REQUEST (not a 500)', async () => {
      const res = await trpcMutation(api, 'companies.create', { name: '((([]))' }, cookie);
      expect(res.error?.data.code).toBe('BAD_REQUEST');
      expect(res.status).toBe(400);
    });

    it('lists with a case-insensitive search and paging', async () => {
      const other = await api.createTenant('Search tenant');
      const otherCookie = await signIn(api, other);
      for (const name of ['Alpha Widgets', 'Beta widgets', 'Gamma Gadgets']) {
        expect((await trpcMutation(api, 'companies.create', { name }, otherCookie)).status).toBe(200);
      }
      const all = await trpcQuery<PageBody<CompanyBody>>(api, 'companies.list', {}, otherCookie);
      expect(all.data?.totalResults).toBe(3);
      expect(all.data?.pageSize).toBe(20);

      const found = await trpcQuery<PageBody<CompanyBody>>(api, 'companies.list', { search: 'WIDGET' }, otherCookie);
      expect(found.data?.totalResults).toBe(2);
      expect(found.data?.results.map((c) => c.name).sort()).toEqual(['Alpha Widgets', 'Beta widgets']);

      const page1 = await trpcQuery<PageBody<CompanyBody>>(api, 'companies.list', { search: 'widget', page: 1, pageSize: 1 }, otherCookie);
      const page2 = await trpcQuery<PageBody<CompanyBody>>(api, 'companies.list', { search: 'widget', page: 2, pageSize: 1 }, otherCookie);
      expect(page1.data?.results).toHaveLength(1);
      expect(page2.data?.results).toHaveLength(1);
      expect(page1.data?.results[0].id).not.toBe(page2.data?.results[0].id);
      expect(page2.data?.totalResults).toBe(2);
      expect(page2.data?._links.previous).toBeDefined();
      expect(page2.data?._links.next).toBeUndefined();

      // LIKE wildcards are literal characters, not patterns.
      for (const search of ['%', '_', '\\']) {
        expect((await trpcQuery<PageBody<CompanyBody>>(api, 'companies.list', { search }, otherCookie)).data?.totalResults).toBe(0);
      }
      // The first tenant's companies never show up here.
      expect((await trpcQuery<PageBody<CompanyBody>>(api, 'companies.list', { search: 'Portal' }, otherCookie)).data?.totalResults).toBe(0);
    });

    it('rejects an out-of-range pageSize with BAD_REQUEST', async () => {
      const res = await trpcQuery(api, 'companies.list', { pageSize: 201 }, cookie);
      expect(res.status).toBe(400);
      expect(res.error?.data.code).toBe('BAD_REQUEST');
    });

    it('answers UNAUTHORIZED without a session', async () => {
      for (const c of [undefined, 'll_session=not-a-real-session-token-123456']) {
        const list = await trpcQuery(api, 'companies.list', {}, c);
        expect(list.status).toBe(401);
        expect(list.error?.data.code).toBe('UNAUTHORIZED');
        const create = await trpcMutation(api, 'companies.create', { name: 'Sneaky' }, c);
        expect(create.status).toBe(401);
      }
      expect(await api.db.query(`SELECT id FROM company WHERE name = 'Sneaky'`)).toEqual([]);
    });
  });

  describe('auth.signOut', () => {
    it('clears the cookie and invalidates the session server-side', async () => {
      const cookie = await signIn(api, tenant);
      expect((await trpcQuery(api, 'companies.list', {}, cookie)).status).toBe(200);

      const out = await trpcMutation<{ ok: boolean }>(api, 'auth.signOut', undefined, cookie);
      expect(out.status).toBe(200);
      expect(out.data).toEqual({ ok: true });
      const cleared = out.setCookie.find((c) => c.startsWith('ll_session='));
      expect(cleared).toMatch(/^ll_session=;/);
      expect(cleared).toMatch(/Expires=Thu, 01 Jan 1970/);

      // Replaying the old cookie no longer works.
      expect((await trpcQuery(api, 'companies.list', {}, cookie)).status).toBe(401);
      expect((await trpcQuery(api, 'auth.me', undefined, cookie)).data).toBeNull();
      expect(await api.db.query(`SELECT id FROM portal_session WHERE token_hash = $1`, [sha256(tokenOf(cookie))])).toEqual([]);
    });

    it("signing out one session leaves the user's other sessions alone", async () => {
      const first = await signIn(api, tenant);
      const second = await signIn(api, tenant);
      await trpcMutation(api, 'auth.signOut', undefined, first);
      expect((await trpcQuery(api, 'companies.list', {}, first)).status).toBe(401);
      expect((await trpcQuery(api, 'companies.list', {}, second)).status).toBe(200);
    });

    it('works through the official unbatched client (httpLink), which sends a void mutation without a body', async () => {
      const cookie = await signIn(api, tenant);
      const client = createTRPCClient<AppRouter>({ links: [httpLink({ url: `${api.url}/trpc`, headers: { cookie } })] });
      expect(await client.auth.me.query()).toEqual({ email: tenant.email });
      expect(await client.auth.signOut.mutate()).toEqual({ ok: true });
      expect(await client.auth.me.query()).toBeNull();
    });
  });
});
