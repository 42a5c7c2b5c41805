import type { AuthService } from '@ledgerlink/server';
import { z } from 'zod';
import { authedProcedure, publicProcedure, router } from '../init';

export const signInInput = z.object({
  email: z.string().trim().email('Enter a valid email address').max(320),
  password: z.string().min(1, 'Enter your password').max(200),
});

export function authRouter(auth: AuthService) {
  return router({
    signIn: publicProcedure
      .input(signInInput)
      .mutation(async ({ input, ctx }) => {
        const session = await auth.signIn(input.email, input.password);
        ctx.setSession(session.token, session.expiresAt);
        return { email: session.identity.email };
      }),
    // No `.input(z.void())`: tRPC then parses the (empty) body of an unbatched httpLink call and rejects it.
    signOut: publicProcedure.mutation(async ({ ctx }) => {
      if (ctx.sessionToken) await auth.signOut(ctx.sessionToken);
      ctx.clearSession();
      return { ok: true };
    }),
    me: publicProcedure
      .input(z.void())
      .query(({ ctx }) =>
        ctx.identity ? { email: ctx.identity.email } : null,
      ),
    /** Throws UNAUTHORIZED when signed out; pages use it as their gate. */
    session: authedProcedure
      .input(z.void())
      .query(({ ctx }) => ({ email: ctx.identity.email })),
  });
}
