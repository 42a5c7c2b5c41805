import { ApiError } from '@ledgerlink/server';
import { initTRPC, TRPCError } from '@trpc/server';
import type { TrpcContext } from './context';

const t = initTRPC.context<TrpcContext>().create();

const CODES: Record<number, TRPCError['code']> = {
  400: 'BAD_REQUEST',
  401: 'UNAUTHORIZED',
  403: 'FORBIDDEN',
  404: 'NOT_FOUND',
  409: 'CONFLICT',
  413: 'PAYLOAD_TOO_LARGE',
  429: 'TOO_MANY_REQUESTS',
};

/** The one place domain errors become tRPC errors. */
const mapErrors = t.middleware(async ({ next }) => {
  const result = await next();
  if (!result.ok && result.error.cause instanceof ApiError) {
    const e = result.error.cause;
    throw new TRPCError({
      code: CODES[e.statusCode] ?? 'INTERNAL_SERVER_ERROR',
      message: e.message,
      cause: e,
    });
  }
  return result;
});

export const router = t.router;
export const publicProcedure = t.procedure.use(mapErrors);

/** Signed-in portal users only; the context then carries their client (tenant). */
export const authedProcedure = publicProcedure.use(({ ctx, next }) => {
  if (!ctx.identity)
    throw new TRPCError({
      code: 'UNAUTHORIZED',
      message: 'Sign in to continue.',
    });
  return next({ ctx: { ...ctx, identity: ctx.identity } });
});
