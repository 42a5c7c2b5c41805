import {
  type CompanyService,
  type PullService,
  type RecordsService,
  type ScheduleService,
  type SyncSettingsService,
  clientSyncSettingsBody,
  companySyncSettingsBody,
  sanitizeCompanyName,
} from '@ledgerlink/server';
import { TRPCError } from '@trpc/server';
import { z } from 'zod';
import { authedProcedure, router } from '../init';

const companyId = z.string().uuid();

/** Data status, sync history, refresh and sync settings for the portal. */
export function dataRouter(
  pull: PullService,
  settings: SyncSettingsService,
  schedule: ScheduleService,
  records: RecordsService,
  companies: CompanyService,
) {
  return router({
    status: authedProcedure
      .input(z.object({ companyId }))
      .query(({ ctx, input }) =>
        pull.dataStatus(ctx.identity.clientId, input.companyId),
      ),
    history: authedProcedure
      .input(
        z.object({
          companyId,
          page: z.number().int().min(1).max(1_000_000).default(1),
          pageSize: z.number().int().min(1).max(200).default(20),
        }),
      )
      .query(({ ctx, input }) =>
        pull.history(ctx.identity.clientId, input.companyId, {
          page: input.page,
          pageSize: input.pageSize,
          offset: (input.page - 1) * input.pageSize,
        }),
      ),
    refresh: authedProcedure
      .input(z.object({ companyId, dataType: z.string().min(1).max(64) }))
      .mutation(({ ctx, input }) =>
        pull.queueDataType(
          ctx.identity.clientId,
          input.companyId,
          input.dataType,
        ),
      ),
    refreshAll: authedProcedure
      .input(z.object({ companyId }))
      .mutation(async ({ ctx, input }) => ({
        queued: (
          await pull.queueAll(ctx.identity.clientId, input.companyId, 'all')
        ).length,
      })),
    clientSettings: authedProcedure
      .input(z.void())
      .query(({ ctx }) => settings.clientSettings(ctx.identity.clientId)),
    setClientSettings: authedProcedure
      .input(clientSyncSettingsBody.omit({ clientId: true }))
      .mutation(async ({ ctx, input }) => {
        await settings.setClientSettings(ctx.identity.clientId, {
          ...input,
          clientId: ctx.identity.clientId,
        });
        await schedule.rescheduleClient(ctx.identity.clientId);
        return { ok: true };
      }),
    companySettings: authedProcedure
      .input(z.object({ companyId }))
      .query(({ ctx, input }) =>
        settings.companySettings(ctx.identity.clientId, input.companyId),
      ),
    setCompanySettings: authedProcedure
      .input(companySyncSettingsBody)
      .mutation(async ({ ctx, input }) => {
        await settings.setCompanySettings(
          ctx.identity.clientId,
          input.companyId,
          input,
        );
        await schedule.rescheduleCompany(
          ctx.identity.clientId,
          input.companyId.toLowerCase(),
        );
        return { ok: true };
      }),
    /** Seed 003's alternative workflow: a company created under a temporary name takes the name its books report. */
    renameFromBooks: authedProcedure
      .input(z.object({ companyId }))
      .mutation(async ({ ctx, input }) => {
        const info = await records.info(ctx.identity.clientId, input.companyId);
        const name =
          typeof info['companyName'] === 'string'
            ? sanitizeCompanyName(info['companyName'])
            : '';
        if (!name)
          throw new TRPCError({
            code: 'BAD_REQUEST',
            message: 'The books do not report a usable company name.',
          });
        return companies.update(ctx.identity.clientId, input.companyId, {
          name,
        });
      }),
    schedule: authedProcedure
      .input(z.object({ companyId }))
      .query(async ({ ctx, input }) => {
        await settings.companySettings(ctx.identity.clientId, input.companyId); // tenancy gate
        return schedule.companySchedule(
          input.companyId.toLowerCase(),
        ) as Promise<
          {
            connectionId: string;
            dataType: string;
            nextRunAt: string;
            lastRunAt: string | null;
          }[]
        >;
      }),
  });
}
