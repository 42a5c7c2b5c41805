import http from 'node:http';
import type { AddressInfo } from 'node:net';

/** One request a receiver got. `body` is the raw text, as signed. */
export interface ReceivedWebhook {
  method: string;
  path: string;
  headers: Record<string, string>;
  body: string;
  json: unknown;
  at: number;
}

export interface ReceiverResponse {
  status: number;
  body?: string;
  headers?: Record<string, string>;
  /** Wait before answering (to provoke timeouts). */
  delayMs?: number;
}

export interface WebhookReceiver {
  url: string;
  port: number;
  received: ReceivedWebhook[];
  /** Queues responses for the next requests; after them the default answers. */
  respond(...responses: ReceiverResponse[]): void;
  setDefault(response: ReceiverResponse | ((req: ReceivedWebhook) => ReceiverResponse)): void;
  /** Resolves once `count` requests have arrived (polling), or rejects after `timeoutMs`. */
  waitFor(count: number, timeoutMs?: number): Promise<ReceivedWebhook[]>;
  close(): Promise<void>;
}

/** A local webhook receiver (node:http on 127.0.0.1) that records requests and answers as told. */
export async function startWebhookReceiver(opts: { port?: number; default?: ReceiverResponse } = {}): Promise<WebhookReceiver> {
  const received: ReceivedWebhook[] = [];
  const queue: ReceiverResponse[] = [];
  let fallback: ReceiverResponse | ((req: ReceivedWebhook) => ReceiverResponse) = opts.default ?? { status: 200, body: 'ok' };
  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const body = Buffer.concat(chunks).toString('utf8');
      let json: unknown;
      try {
        json = JSON.parse(body);
      } catch {
        json = undefined;
      }
      const headers = Object.fromEntries(Object.entries(req.headers).map(([k, v]) => [k, Array.isArray(v) ? v.join(', ') : (v ?? '')]));
      const entry: ReceivedWebhook = { method: req.method ?? '', path: req.url ?? '', headers, body, json, at: Date.now() };
      received.push(entry);
      const answer = queue.shift() ?? (typeof fallback === 'function' ? fallback(entry) : fallback);
      const send = () => {
        res.writeHead(answer.status, { 'content-type': 'text/plain', ...answer.headers });
        res.end(answer.body ?? '');
      };
      if (answer.delayMs) setTimeout(send, answer.delayMs);
      else send();
    });
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(opts.port ?? 0, '127.0.0.1', resolve);
  });
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/webhooks`,
    port,
    received,
    respond: (...responses) => queue.push(...responses),
    setDefault: (r) => {
      fallback = r;
    },
    async waitFor(count, timeoutMs = 30_000) {
      const deadline = Date.now() + timeoutMs;
      while (received.length < count) {
        if (Date.now() > deadline) throw new Error(`receiver got ${received.length} of ${count} expected requests`);
        await new Promise((r) => setTimeout(r, 10));
      }
      return received.slice(0, count);
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

export interface SvixWebhook {
  verify(payload: string, headers: Record<string, string>): unknown;
}

/**
 * The `svix` package's `Webhook` class. svix 2.x is ESM-only: Jest's CommonJS module registry
 * cannot load it, so it is required through Node's own loader (require(esm), Node ≥ 20.19).
 */
export function loadSvix(): { Webhook: new (secret: string) => SvixWebhook } {
  const { createRequire } = process.getBuiltinModule('node:module');
  return createRequire(__filename)('svix') as { Webhook: new (secret: string) => SvixWebhook };
}
