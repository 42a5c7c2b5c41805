import http from 'node:http';
import https from 'node:https';
import { Injectable, type OnApplicationShutdown } from '@nestjs/common';
import { type AttemptResult, parseRetryAfter } from './webhook-retry';

export interface WebhookRequest {
  url: string;
  body: string;
  headers: Record<string, string>;
  /** Budget for the whole attempt, redirects included. */
  timeoutMs: number;
  now?: () => Date;
}

/** Bytes of the response kept for the attempt log. */
export const RESPONSE_EXCERPT_BYTES = 1024;
/** Bytes read (and dropped) after the excerpt so the keep-alive socket can be reused. */
const MAX_DRAIN_BYTES = 256 * 1024;
const MAX_REDIRECTS = 5;

/** A parsed URL and the request options for it. */
interface Target {
  url: URL;
  options: http.RequestOptions;
}

interface Hop {
  statusCode?: number;
  headers?: http.IncomingHttpHeaders;
  excerpt?: string;
  error?: string;
}

/**
 * POSTs webhook bodies over keep-alive agents (node:http/https, no redirects by default).
 *
 * Redirects: a 3xx whose `Location` is on the same host (same hostname and port, http or https) is
 * followed with the same POST and body, up to 5 hops. A redirect to another host is never followed:
 * the attempt fails with the 3xx status recorded and is not retried, so a compromised or moved
 * endpoint cannot bounce signed payloads elsewhere.
 */
@Injectable()
export class WebhookHttpClient implements OnApplicationShutdown {
  private readonly agents = {
    'http:': new http.Agent({ keepAlive: true, maxSockets: 256, maxFreeSockets: 64, scheduling: 'lifo' }),
    'https:': new https.Agent({ keepAlive: true, maxSockets: 256, maxFreeSockets: 64, scheduling: 'lifo' }),
  };

  /** After every module's destroy hook: the pump lets its attempts in flight finish there first. */
  onApplicationShutdown() {
    this.agents['http:'].destroy();
    this.agents['https:'].destroy();
  }

  /** Parsed consumer URLs and their request options (most deliveries go to a few URLs). */
  private readonly targets = new Map<string, Target>();

  private target(href: string | URL): Target {
    const key = typeof href === 'string' ? href : href.href;
    let t = this.targets.get(key);
    if (!t) {
      const url = typeof href === 'string' ? new URL(href) : href;
      if (this.targets.size >= 10_000) this.targets.clear();
      t = { url, options: { protocol: url.protocol, hostname: url.hostname.replace(/^\[|\]$/g, ''), port: url.port || undefined, path: `${url.pathname}${url.search}`, method: 'POST', agent: this.agents[url.protocol as 'http:' | 'https:'] } };
      this.targets.set(key, t);
    }
    return t;
  }

  async post(req: WebhookRequest): Promise<AttemptResult> {
    const started = performance.now();
    const elapsed = () => Math.round(performance.now() - started);
    let target = this.target(req.url);
    for (let hop = 0; ; hop++) {
      const url = target.url;
      const res = await this.once(target, req, req.timeoutMs - elapsed());
      if (res.statusCode === undefined) return { durationMs: elapsed(), error: res.error ?? 'No response' };
      const base = { statusCode: res.statusCode, durationMs: elapsed(), ...(res.excerpt ? { responseBody: res.excerpt } : {}) };
      const location = res.headers?.location;
      if (res.statusCode >= 300 && res.statusCode < 400 && location) {
        let next: URL;
        try {
          next = new URL(location, url);
        } catch {
          return { ...base, redirectRefused: true, error: `Redirect to an invalid Location (${location.slice(0, 200)}) not followed` };
        }
        if (next.host !== url.host || (next.protocol !== 'http:' && next.protocol !== 'https:')) {
          return { ...base, redirectRefused: true, error: `Redirect to another host (${next.protocol}//${next.host}) not followed` };
        }
        if (hop >= MAX_REDIRECTS) return { ...base, redirectRefused: true, error: `More than ${MAX_REDIRECTS} redirects` };
        target = this.target(next);
        continue;
      }
      const retryAfterMs = parseRetryAfter(res.headers?.['retry-after'], (req.now ?? (() => new Date()))());
      return { ...base, ...(retryAfterMs !== undefined ? { retryAfterMs } : {}), ...(res.error ? { error: res.error } : {}) };
    }
  }

  private once({ url, options }: Target, req: WebhookRequest, budgetMs: number): Promise<Hop> {
    if (budgetMs <= 0) return Promise.resolve({ error: `Timed out after ${req.timeoutMs} ms` });
    const mod = url.protocol === 'https:' ? https : http;
    return new Promise<Hop>((resolve) => {
      let settled = false;
      let status: number | undefined;
      let headers: http.IncomingHttpHeaders | undefined;
      const chunks: Buffer[] = [];
      let kept = 0;
      const excerpt = () => (kept ? Buffer.concat(chunks).subarray(0, RESPONSE_EXCERPT_BYTES).toString('utf8').replaceAll('\u0000', '') : undefined);
      const finish = (hop: Hop) => {
        if (settled) return;
        settled = true;
        clearTimeout(timer);
        resolve(hop);
      };
      const timer = setTimeout(() => {
        // The status arrived in time but the body did not finish: the status decides.
        finish(status !== undefined ? { statusCode: status, headers, excerpt: excerpt() } : { error: `Timed out after ${req.timeoutMs} ms` });
        request.destroy();
      }, budgetMs);
      const request = mod.request(
        { ...options, headers: { ...req.headers, 'content-length': String(Buffer.byteLength(req.body)) } },
        (res) => {
          status = res.statusCode ?? 0;
          headers = res.headers;
          let seen = 0;
          const done = () => finish({ statusCode: status, headers, excerpt: excerpt() });
          res.on('data', (chunk: Buffer) => {
            seen += chunk.length;
            if (kept < RESPONSE_EXCERPT_BYTES) {
              chunks.push(chunk);
              kept += chunk.length;
            }
            if (seen > MAX_DRAIN_BYTES) {
              done();
              res.destroy();
            }
          });
          res.on('end', done);
          res.on('close', done);
          res.on('error', done);
        },
      );
      request.on('error', (err: NodeJS.ErrnoException) => finish({ error: describeError(err) }));
      request.end(req.body);
    });
  }
}

function describeError(err: NodeJS.ErrnoException): string {
  const code = err.code ? `${err.code}: ` : '';
  return `${code}${err.message}`.slice(0, 500);
}
