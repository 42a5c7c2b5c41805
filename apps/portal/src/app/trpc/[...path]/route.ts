import type { NextRequest } from 'next/server';
import { apiBaseUrl } from '../../../lib/api-url';
import { forwardRequestHeaders, forwardResponseHeaders, unreachableBody, upstreamUrl } from '../../../lib/proxy';

/**
 * Same-origin proxy from the browser to the API's tRPC endpoint.
 *
 * Not a next.config `rewrites()`: `next build` freezes rewrites into routes-manifest.json, and
 * `next start` reads that file, so a destination taken from API_URL would be the build machine's
 * value. This handler reads API_URL per request instead. Cookies cross both ways (the session is
 * an HttpOnly cookie set by the API on `auth.signIn`).
 */
export const dynamic = 'force-dynamic';
export const runtime = 'nodejs';

async function proxy(req: NextRequest): Promise<Response> {
  const { pathname, search, searchParams, protocol, host } = req.nextUrl;
  const target = upstreamUrl(apiBaseUrl(), pathname, search);
  const headers = forwardRequestHeaders(req.headers, { proto: protocol.replace(/:$/, ''), host });
  const hasBody = req.method !== 'GET' && req.method !== 'HEAD';
  let upstream: Response;
  try {
    upstream = await fetch(target, {
      method: req.method,
      headers,
      body: hasBody ? await req.arrayBuffer() : undefined,
      redirect: 'manual',
      cache: 'no-store',
    });
  } catch (err) {
    console.error(`[portal] tRPC proxy: ${target} failed:`, err instanceof Error ? err.message : err);
    return Response.json(unreachableBody(pathname, searchParams), { status: 502 });
  }
  return new Response(upstream.body, { status: upstream.status, statusText: upstream.statusText, headers: forwardResponseHeaders(upstream.headers) });
}

export const GET = proxy;
export const POST = proxy;
