import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { WebhookHttpClient } from '../webhook-http.client';

type Handler = (req: http.IncomingMessage, body: string, res: http.ServerResponse) => void;

async function server(handler: Handler) {
  const hits: { path: string; method: string; body: string }[] = [];
  const s = http.createServer((req, res) => {
    let body = '';
    req.on('data', (c: Buffer) => (body += c.toString()));
    req.on('end', () => {
      hits.push({ path: req.url ?? '', method: req.method ?? '', body });
      handler(req, body, res);
    });
  });
  await new Promise<void>((r) => s.listen(0, '127.0.0.1', r));
  const port = (s.address() as AddressInfo).port;
  return { port, hits, close: () => new Promise<void>((r) => (s.closeAllConnections(), s.close(() => r()))) };
}

describe('WebhookHttpClient', () => {
  const client = new WebhookHttpClient();
  let target: Awaited<ReturnType<typeof server>>;
  let other: Awaited<ReturnType<typeof server>>;
  const post = (path: string, timeoutMs = 2000) => client.post({ url: `http://127.0.0.1:${target.port}${path}`, body: '{"a":1}', headers: { 'content-type': 'application/json' }, timeoutMs });

  beforeAll(async () => {
    other = await server((_req, _body, res) => res.end('other'));
    target = await server((req, _body, res) => {
      if (req.url === '/ok') res.end('x'.repeat(5000));
      else if (req.url === '/same-host') res.writeHead(307, { location: '/ok' }).end();
      else if (req.url === '/loop') res.writeHead(307, { location: '/loop' }).end();
      else if (req.url === '/other-host') res.writeHead(302, { location: `http://localhost:${other.port}/stolen` }).end('moved');
      else if (req.url === '/slow') setTimeout(() => res.end('late'), 1000);
      else if (req.url === '/nul') res.end('a\u0000b')
      else if (req.url === '/busy') res.writeHead(429, { 'retry-after': '30' }).end('slow down');
      else res.writeHead(500).end('boom');
    });
  });
  afterAll(async () => {
    client.onApplicationShutdown();
    await target.close();
    await other.close();
  });

  it('returns the status, the duration and the first 1 KB of the response', async () => {
    const r = await post('/ok');
    expect(r.statusCode).toBe(200);
    expect(r.responseBody).toBe('x'.repeat(1024));
    expect(r.durationMs).toBeGreaterThanOrEqual(0);
    expect(target.hits.at(-1)).toEqual({ path: '/ok', method: 'POST', body: '{"a":1}' });
  });

  it('follows a redirect on the same host with the same POST and body', async () => {
    const r = await post('/same-host');
    expect(r.statusCode).toBe(200);
    expect(target.hits.slice(-2).map((h) => [h.path, h.method, h.body])).toEqual([
      ['/same-host', 'POST', '{"a":1}'],
      ['/ok', 'POST', '{"a":1}'],
    ]);
  });

  it('never follows a redirect to another host', async () => {
    const r = await post('/other-host');
    expect(r).toMatchObject({ statusCode: 302, redirectRefused: true, responseBody: 'moved' });
    expect(r.error).toMatch(/another host/);
    expect(other.hits).toEqual([]);
  });

  it('gives up on redirect loops', async () => {
    const r = await post('/loop');
    expect(r).toMatchObject({ statusCode: 307, redirectRefused: true });
    expect(r.error).toMatch(/redirects/);
  });

  it('reports timeouts, refused connections and Retry-After', async () => {
    expect(await post('/slow', 200)).toMatchObject({ error: 'Timed out after 200 ms' });
    expect((await post('/slow', 200)).statusCode).toBeUndefined();
    expect(await post('/busy')).toMatchObject({ statusCode: 429, retryAfterMs: 30_000, responseBody: 'slow down' });
    expect(await post('/fail')).toMatchObject({ statusCode: 500, responseBody: 'boom' });
    expect((await post('/nul')).responseBody).toBe('ab'); // PostgreSQL text cannot hold NUL
    const closed = await client.post({ url: `http://127.0.0.1:1/x`, body: '{}', headers: {}, timeoutMs: 2000 });
    expect(closed.statusCode).toBeUndefined();
    expect(closed.error).toMatch(/ECONNREFUSED/);
  });
});
