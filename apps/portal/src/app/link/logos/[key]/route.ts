import type { NextRequest } from 'next/server';
import { apiBaseUrl } from '../../../../lib/api-url';

/**
 * The link page's fallback for an integration logo when the browser cannot reach the API's
 * public URL: the portal fetches it from API_URL (read per request). Only 4-letter platform keys;
 * served so that the SVG can never run script on the portal's origin.
 */
export const dynamic = 'force-dynamic';
export const runtime = 'nodejs';

const KEY = /^[a-z]{4}$/;
const MAX_BYTES = 256 * 1024;

export async function GET(_req: NextRequest, { params }: { params: Promise<{ key: string }> }): Promise<Response> {
  const { key } = await params;
  if (!KEY.test(key)) return new Response('Not found', { status: 404 });
  let upstream: Response;
  try {
    upstream = await fetch(`${apiBaseUrl()}/integrations/${key}/logo.svg`, { cache: 'no-store', signal: AbortSignal.timeout(5_000) });
  } catch {
    return new Response('Logo unavailable', { status: 502 });
  }
  if (!upstream.ok) return new Response('Not found', { status: upstream.status === 404 ? 404 : 502 });
  const body = await upstream.arrayBuffer();
  if (body.byteLength > MAX_BYTES) return new Response('Logo too large', { status: 502 });
  return new Response(body, {
    status: 200,
    headers: {
      'content-type': 'image/svg+xml',
      'cache-control': 'public, max-age=3600',
      'content-security-policy': "default-src 'none'; style-src 'unsafe-inline'; sandbox",
      'x-content-type-options': 'nosniff',
    },
  });
}
