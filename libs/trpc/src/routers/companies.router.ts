import {
  companyRequestSchema,
  type CompanyService,
  validate,
} from '@ledgerlink/server';
import { z } from 'zod';
import { authedProcedure, router } from '../init';

export const listCompaniesInput = z.object({
  page: z.number().int().min(1).max(1_000_000).default(1),
  pageSize: z.number().int().min(1).max(200).default(20),
  search: z.string().trim().max(200).optional(),
});

export const createCompanyInput = z.object({
  name: z.string().trim().min(1, 'Enter a company name').max(255),
  description: z.string().trim().max(2000).optional(),
});

export const getCompanyInput = z.object({ companyId: z.string().uuid() });

export function companiesRouter(companies: CompanyService) {
  return router({
    list: authedProcedure
      .input(listCompaniesInput)
      .query(({ ctx, input }) =>
        companies.list(ctx.identity.clientId, {
          page: input.page,
          pageSize: input.pageSize,
          offset: (input.page - 1) * input.pageSize,
          search: input.search || undefined,
        }),
      ),
    get: authedProcedure
      .input(getCompanyInput)
      .query(({ ctx, input }) =>
        companies.get(ctx.identity.clientId, input.companyId),
      ),
    create: authedProcedure
      .input(createCompanyInput)
      .mutation(({ ctx, input }) => {
        const parsed = validate(companyRequestSchema, {
          name: input.name,
          description: input.description || undefined,
        });
        return companies.create(
          ctx.identity.clientId,
          parsed,
          ctx.identity.email,
        );
      }),
  });
}
