import type { LinkService } from '@ledgerlink/server';
import { z } from 'zod';
import { publicProcedure, router } from '../init';

const companyId = z.string().uuid('This link is not valid.');

export const linkAuthorizeInput = z.object({
  companyId,
  connectionId: z.string().uuid(),
  credentials: z
    .record(z.string().min(1).max(100), z.string().max(4096))
    .refine((c) => Object.keys(c).length <= 50, 'Too many fields'),
});

/** The hosted link flow: public, addressed by the company id in the link URL. */
export function linkRouter(link: LinkService) {
  return router({
    get: publicProcedure
      .input(z.object({ companyId }))
      .query(({ input }) => link.view(input.companyId)),
    start: publicProcedure
      .input(
        z.object({
          companyId,
          platformKey: z.string().regex(/^[a-z]{4}$/, 'Unknown platform'),
        }),
      )
      .mutation(({ input }) => link.start(input.companyId, input.platformKey)),
    authorize: publicProcedure
      .input(linkAuthorizeInput)
      .mutation(({ input }) =>
        link.authorize(input.companyId, input.connectionId, input.credentials),
      ),
  });
}
