// @vitest-environment node
import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { NextRequest } from 'next/server';
import { GET, POST } from '../src/app/trpc/[...path]/route';
import { apiBaseUrl } from '../src/lib/api-url';
import { forwardRequestHeaders, forwardResponseHeaders, unreachableBody, upstreamUrl } from '../src/lib/proxy';

describe('proxy helpers', () => {
  it('reads API_URL at call time, without a trailing slash, with a default', () => {
    expect(apiBaseUrl({ API_URL: 'http://127.0.0.1:4567/' })).toBe('http://127.0.0.1:4567');
    expect(apiBaseUrl({})).toBe('http://127.0.0.1:3000');
    expect(upstreamUrl('http://api:1/', '/trpc/auth.me', '?input=%7B%7D')).toBe('http://api:1/trpc/auth.me?input=%7B%7D');
  });

  it('forwards cookies and content headers, never host or hop-by-hop headers', () => {
    const out = forwardRequestHeaders(
      new Headers({ cookie: 'll_session=abc', 'content-type': 'application/json', host: 'portal:4200', connection: 'keep-alive', 'content-length': '12', 'accept-encoding': 'gzip' }),
      { proto: 'https', host: 'portal.example:4200' },
    );
    expect(out.get('cookie')).toBe('ll_session=abc');
    expect(out.get('content-type')).toBe('application/json');
    expect(out.has('host')).toBe(false);
    expect(out.has('connection')).toBe(false);
    expect(out.has('content-length')).toBe(false);
    expect(out.has('accept-encoding')).toBe(false);
    expect(out.get('x-forwarded-proto')).toBe('https');
    expect(out.get('x-forwarded-host')).toBe('portal.example:4200');
  });

  it('keeps every Set-Cookie separate and drops encoding headers', () => {
    const upstream = new Headers([
      ['content-type', 'application/json'],
      ['content-encoding', 'gzip'],
      ['content-length', '99'],
      ['set-cookie', 'a=1; Path=/; Expires=Wed, 21 Oct 2026 07:28:00 GMT; HttpOnly'],
      ['set-cookie', 'b=2; Path=/'],
    ]);
    const out = forwardResponseHeaders(upstream);
    expect(out.getSetCookie()).toEqual(['a=1; Path=/; Expires=Wed, 21 Oct 2026 07:28:00 GMT; HttpOnly', 'b=2; Path=/']);
    expect(out.has('content-encoding')).toBe(false);
    expect(out.has('content-length')).toBe(false);
    expect(out.get('content-type')).toBe('application/json');
  });

  it('answers a batch with one tRPC error per procedure when the API is down', () => {
    const batch = unreachableBody('/trpc/auth.me,companies.list', new URLSearchParams('batch=1'));
    expect(Array.isArray(batch)).toBe(true);
    expect((batch as { error: { data: { path: string } } }[]).map((b) => b.error.data.path)).toEqual(['auth.me', 'companies.list']);
    const single = unreachableBody('/trpc/auth.me', new URLSearchParams()) as { error: { data: { httpStatus: number } } };
    expect(single.error.data.httpStatus).toBe(502);
  });
});

describe('the /trpc route handler', () => {
  let server: Server;
  let seen: { method?: string; url?: string; cookie?: string; body: string; forwardedProto?: string };
  const savedApiUrl = process.env['API_URL'];

  beforeAll(async () => {
    server = createServer((req: IncomingMessage, res) => {
      let body = '';
      req.on('data', (c) => (body += c));
      req.on('end', () => {
        seen = { method: req.method, url: req.url, cookie: req.headers.cookie, body, forwardedProto: req.headers['x-forwarded-proto'] as string };
        res.statusCode = req.url?.includes('missing') ? 404 : 200;
        res.setHeader('content-type', 'application/json');
        res.setHeader('set-cookie', ['ll_session=tok123; Path=/; HttpOnly; SameSite=Lax', 'other=1; Path=/']);
        res.end(JSON.stringify({ result: { data: { ok: true } } }));
      });
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    // Set after import: the handler must read API_URL per request, not at module load.
    process.env['API_URL'] = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });

  afterAll(async () => {
    process.env['API_URL'] = savedApiUrl;
    await new Promise<void>((resolve) => server.close(() => resolve()));
  });

  it('forwards a GET with its query and cookie, and returns status, body and cookies', async () => {
    const res = await GET(new NextRequest('http://localhost:4200/trpc/auth.me?input=%7B%7D', { headers: { cookie: 'll_session=old' } }));
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ result: { data: { ok: true } } });
    expect(res.headers.getSetCookie()).toEqual(['ll_session=tok123; Path=/; HttpOnly; SameSite=Lax', 'other=1; Path=/']);
    expect(seen).toMatchObject({ method: 'GET', url: '/trpc/auth.me?input=%7B%7D', cookie: 'll_session=old', forwardedProto: 'http' });
  });

  it('forwards a POST body and passes error statuses through', async () => {
    const res = await POST(
      new NextRequest('http://localhost:4200/trpc/missing.thing', { method: 'POST', body: '{"name":"Acme"}', headers: { 'content-type': 'application/json' } }),
    );
    expect(res.status).toBe(404);
    expect(seen).toMatchObject({ method: 'POST', url: '/trpc/missing.thing', body: '{"name":"Acme"}' });
  });

  it('answers 502 in tRPC shape when the API is unreachable', async () => {
    const before = process.env['API_URL'];
    process.env['API_URL'] = 'http://127.0.0.1:1';
    const spy = vi.spyOn(console, 'error').mockImplementation(() => undefined);
    try {
      const res = await GET(new NextRequest('http://localhost:4200/trpc/auth.me'));
      expect(res.status).toBe(502);
      expect(((await res.json()) as { error: { message: string } }).error.message).toMatch(/cannot be reached/);
    } finally {
      spy.mockRestore();
      process.env['API_URL'] = before;
    }
  });
});
