import { expect } from '@jest/globals';
import type { TestApi, TestTenant } from '@ledgerlink/testing';

/**
 * tRPC 11 over HTTP without a transformer, unbatched: a query is `GET /trpc/<path>?input=<JSON>`,
 * a mutation is `POST /trpc/<path>` with the input as the JSON body. Success is
 * `{"result":{"data":...}}`; failure is `{"error":{"message","code","data":{"code","httpStatus",...}}}`.
 */
export interface TrpcResponse<T = unknown> {
  status: number;
  setCookie: string[];
  data?: T;
  error?: { message: string; code: number; data: { code: string; httpStatus: number; path?: string } };
}

async function read<T>(res: Response): Promise<TrpcResponse<T>> {
  const body = (await res.json()) as { result?: { data: T }; error?: TrpcResponse['error'] };
  return { status: res.status, setCookie: res.headers.getSetCookie(), data: body.result?.data, error: body.error };
}

const cookieHeader = (cookie?: string): Record<string, string> => (cookie ? { cookie } : {});

export async function trpcQuery<T = unknown>(api: TestApi, path: string, input?: unknown, cookie?: string) {
  const qs = input === undefined ? '' : `?input=${encodeURIComponent(JSON.stringify(input))}`;
  return read<T>(await fetch(`${api.url}/trpc/${path}${qs}`, { headers: cookieHeader(cookie) }));
}

export async function trpcMutation<T = unknown>(api: TestApi, path: string, input?: unknown, cookie?: string) {
  return read<T>(
    await fetch(`${api.url}/trpc/${path}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...cookieHeader(cookie) },
      ...(input === undefined ? {} : { body: JSON.stringify(input) }),
    }),
  );
}

export const SESSION_COOKIE = 'll_session';

/** The `name=value` pair of the session cookie in a set-cookie list, if any. */
export function sessionCookie(setCookie: string[]): string | undefined {
  const line = setCookie.find((c) => c.startsWith(`${SESSION_COOKIE}=`));
  return line?.split(';')[0];
}

/** Signs a tenant's portal user in and returns the `cookie` header value for later calls. */
export async function signIn(api: TestApi, tenant: TestTenant): Promise<string> {
  const res = await trpcMutation<{ email: string }>(api, 'auth.signIn', { email: tenant.email, password: tenant.password });
  expect(res.error).toBeUndefined();
  const cookie = sessionCookie(res.setCookie);
  expect(cookie).toMatch(new RegExp(`^${SESSION_COOKIE}=[A-Za-z0-9_-]{20,}$`));
  return cookie as string;
}
