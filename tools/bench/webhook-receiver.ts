/**
 * Child process of the webhooks bench (forked by webhooks.bench.ts): a healthy local webhook
 * receiver on node:http that answers 200 as soon as a request's body has arrived. It runs in its
 * own process so the receiver never competes with the bench's baseline client for one event loop.
 *
 * - `POST /webhooks` (the worker's deliveries): records the receipt time (`Date.now()` when the
 *   body is complete), the headers a Standard Webhooks verifier needs, and the body.
 * - `POST /baseline` (the bench's plain POSTs): the same bookkeeping, in lists of their own.
 *
 * IPC: `{cmd:'stats'}` → `{total, distinct, baseline}`; `{cmd:'dump'}` → every delivery.
 */
import http from 'node:http';
import type { AddressInfo } from 'node:net';

export interface ReceivedDelivery {
  id: string;
  timestamp: string;
  signature: string;
  body: string;
  /** ms since the epoch when the body was complete. */
  at: number;
}

export type ReceiverRequest = { cmd: 'stats' } | { cmd: 'dump' };
export type ReceiverReply =
  | { kind: 'ready'; port: number }
  | { kind: 'stats'; total: number; distinct: number; baseline: number }
  | { kind: 'dump'; deliveries: ReceivedDelivery[] };

const deliveries: ReceivedDelivery[] = [];
const seen = new Set<string>();
const baselineDeliveries: ReceivedDelivery[] = [];
const baselineSeen = new Set<string>();

const header = (v: string | string[] | undefined) => (Array.isArray(v) ? v.join(', ') : (v ?? ''));

const server = http.createServer((req, res) => {
  const chunks: Buffer[] = [];
  req.on('data', (c: Buffer) => chunks.push(c));
  req.on('end', () => {
    const at = Date.now();
    res.writeHead(200, { 'content-type': 'text/plain', 'content-length': '2' });
    res.end('ok');
    // Both kinds get exactly the same bookkeeping, so the receiver costs the baseline what it
    // costs a delivery; only the delivery's lists are reported.
    const isBaseline = req.url === '/baseline';
    const id = header(req.headers['webhook-id']);
    (isBaseline ? baselineSeen : seen).add(id);
    (isBaseline ? baselineDeliveries : deliveries).push({
      id,
      timestamp: header(req.headers['webhook-timestamp']),
      signature: header(req.headers['webhook-signature']),
      body: Buffer.concat(chunks).toString('utf8'),
      at,
    });
  });
});
server.keepAliveTimeout = 60_000;
server.headersTimeout = 65_000;

const reply = (msg: ReceiverReply) => process.send?.(msg);

process.on('message', (msg: ReceiverRequest) => {
  if (msg.cmd === 'stats') reply({ kind: 'stats', total: deliveries.length, distinct: seen.size, baseline: baselineDeliveries.length });
  else if (msg.cmd === 'dump') reply({ kind: 'dump', deliveries });
});
process.on('disconnect', () => process.exit(0));

server.listen(0, '127.0.0.1', () => reply({ kind: 'ready', port: (server.address() as AddressInfo).port }));
