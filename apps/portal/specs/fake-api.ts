import type { AppRouter } from '@ledgerlink/trpc';
import { createTRPCClient, httpLink } from '@trpc/client';

export interface FakeCall {
  path: string;
  input: unknown;
}

export type FakeReply = { data: unknown } | { error: { message: string; code: string; httpStatus: number } };

const RPC_CODES: Record<string, number> = { BAD_REQUEST: -32600, UNAUTHORIZED: -32001, NOT_FOUND: -32004, INTERNAL_SERVER_ERROR: -32603 };

/** A tRPC client whose transport is a function: what the API would answer, per procedure. */
export function fakeApi(handler: (call: FakeCall) => FakeReply | Promise<FakeReply>) {
  const calls: FakeCall[] = [];
  const client = createTRPCClient<AppRouter>({
    links: [
      httpLink({
        url: 'http://portal.test/trpc',
        fetch: async (url, init) => {
          const u = new URL(String(url));
          const path = u.pathname.replace('/trpc/', '');
          const raw = init?.method === 'POST' ? String(init.body ?? '') : u.searchParams.get('input');
          const call = { path, input: raw ? JSON.parse(raw) : undefined };
          calls.push(call);
          const reply = await handler(call);
          if ('data' in reply) return new Response(JSON.stringify({ result: { data: reply.data } }), { status: 200, headers: { 'content-type': 'application/json' } });
          const { message, code, httpStatus } = reply.error;
          const body = { error: { message, code: RPC_CODES[code] ?? -32603, data: { code, httpStatus, path } } };
          return new Response(JSON.stringify(body), { status: httpStatus, headers: { 'content-type': 'application/json' } });
        },
      }),
    ],
  });
  return { client, calls };
}
