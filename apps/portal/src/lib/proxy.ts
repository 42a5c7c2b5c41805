/**
 * Pure helpers for the /trpc proxy (src/app/trpc/[...path]/route.ts): which headers cross, and
 * what the browser gets when the API cannot be reached.
 */

/** Hop-by-hop and connection-specific headers: never forwarded either way. */
const HOP_BY_HOP = new Set([
  'connection',
  'keep-alive',
  'proxy-authenticate',
  'proxy-authorization',
  'proxy-connection',
  'te',
  'trailer',
  'transfer-encoding',
  'upgrade',
]);

/** Request headers the upstream fetch sets itself. */
const REQUEST_DROP = new Set([...HOP_BY_HOP, 'host', 'content-length', 'expect', 'accept-encoding']);

/** fetch() has already decoded the body, so these no longer describe it. */
const RESPONSE_DROP = new Set([...HOP_BY_HOP, 'content-encoding', 'content-length', 'set-cookie']);

export interface ForwardInfo {
  /** "http" or "https", as the browser reached the portal. */
  proto: string;
  /** host[:port] the browser used. */
  host: string;
}

export function upstreamUrl(apiBase: string, pathname: string, search: string): string {
  return `${apiBase.replace(/\/+$/, '')}${pathname}${search}`;
}

export function forwardRequestHeaders(incoming: Headers, info: ForwardInfo): Headers {
  const out = new Headers();
  incoming.forEach((value, key) => {
    if (!REQUEST_DROP.has(key.toLowerCase())) out.set(key, value);
  });
  if (!out.has('x-forwarded-proto')) out.set('x-forwarded-proto', info.proto);
  if (!out.has('x-forwarded-host')) out.set('x-forwarded-host', info.host);
  return out;
}

export function forwardResponseHeaders(upstream: Headers): Headers {
  const out = new Headers();
  upstream.forEach((value, key) => {
    if (!RESPONSE_DROP.has(key.toLowerCase())) out.set(key, value);
  });
  // Each cookie separately: joining Set-Cookie values with commas would corrupt Expires dates.
  for (const cookie of upstream.getSetCookie()) out.append('set-cookie', cookie);
  return out;
}

/**
 * A tRPC-shaped 502 so the client shows a readable error instead of a JSON parse failure.
 * Batched calls (`?batch=1`, procedures joined with commas) get one error per procedure.
 */
export function unreachableBody(pathname: string, searchParams: URLSearchParams) {
  const procedures = decodeURIComponent(pathname.replace(/^\/trpc\/?/, '')).split(',');
  const one = (path: string) => ({
    error: {
      message: 'The Ledgerlink API cannot be reached. Try again in a moment.',
      code: -32603,
      data: { code: 'BAD_GATEWAY', httpStatus: 502, path },
    },
  });
  return searchParams.get('batch') === '1' ? procedures.map(one) : one(procedures[0] ?? '');
}
