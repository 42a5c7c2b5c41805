import {
  companyTagsSchema,
  eventCatalogue,
  eventTypesSchema,
  toPortalConsumer,
  type WebhookConsumersService,
  type WebhookMessagesService,
  webhookUrlSchema,
} from '@ledgerlink/server';
import { z } from 'zod';
import { authedProcedure, router } from '../init';

const consumerId = z.string().uuid('Unknown webhook');

export const webhookCatalogueInput = z.void();
export const listWebhooksInput = z.void();
export const createWebhookInput = z.object({
  url: webhookUrlSchema,
  eventTypes: eventTypesSchema,
  companyTags: companyTagsSchema.optional(),
  disabled: z.boolean().optional(),
});
export const webhookIdInput = z.object({ consumerId });
export const setWebhookDisabledInput = z.object({
  consumerId,
  disabled: z.boolean(),
});
export const webhookMessagesInput = z.object({
  consumerId,
  page: z.number().int().min(1).max(1_000_000).default(1),
  pageSize: z.number().int().min(1).max(100).default(20),
  status: z.enum(['Pending', 'Succeeded', 'Failed']).optional(),
});
export const webhookMessageInput = z.object({
  consumerId,
  messageId: z.string().min(1).max(100),
});
export const replayWebhookMessageInput = z.object({
  consumerId,
  messageId: z.string().min(1).max(100),
});
export const replayFailedWebhooksInput = z.object({
  consumerId,
  since: z.string().datetime({ offset: true }),
});
export const webhookStatsInput = z
  .object({ consumerId: consumerId.optional() })
  .optional();
export const webhookNoticesInput = z.void();

export interface WebhooksRouterDeps {
  consumers: WebhookConsumersService;
  messages: WebhookMessagesService;
}

/** The portal's webhooks screens: consumers, secrets, test events, the message log, replay, stats and notices. */
export function webhooksRouter({ consumers, messages }: WebhooksRouterDeps) {
  return router({
    /** Event types a consumer can subscribe to (new style and legacy). */
    catalogue: authedProcedure
      .input(webhookCatalogueInput)
      .query(() => eventCatalogue()),
    /** Consumers and legacy rules of the signed-in client. */
    list: authedProcedure
      .input(listWebhooksInput)
      .query(async ({ ctx }) =>
        (await consumers.list(ctx.identity.clientId)).map(toPortalConsumer),
      ),
    create: authedProcedure
      .input(createWebhookInput)
      .mutation(async ({ ctx, input }) =>
        toPortalConsumer(await consumers.create(ctx.identity.clientId, input)),
      ),
    delete: authedProcedure
      .input(webhookIdInput)
      .mutation(async ({ ctx, input }) => {
        await consumers.remove(ctx.identity.clientId, input.consumerId);
        return { ok: true };
      }),
    revealSecret: authedProcedure
      .input(webhookIdInput)
      .query(({ ctx, input }) =>
        consumers.getSecret(ctx.identity.clientId, input.consumerId),
      ),
    rotateSecret: authedProcedure
      .input(webhookIdInput)
      .mutation(({ ctx, input }) =>
        consumers.rotateSecret(ctx.identity.clientId, input.consumerId),
      ),
    setDisabled: authedProcedure
      .input(setWebhookDisabledInput)
      .mutation(async ({ ctx, input }) =>
        toPortalConsumer(
          await consumers.setDisabled(
            ctx.identity.clientId,
            input.consumerId,
            input.disabled,
          ),
        ),
      ),
    sendTest: authedProcedure
      .input(webhookIdInput)
      .mutation(({ ctx, input }) =>
        messages.sendTest(ctx.identity.clientId, input.consumerId),
      ),
    /** The message log: events sent to one consumer, newest first, with every attempt. */
    messages: authedProcedure
      .input(webhookMessagesInput)
      .query(({ ctx, input }) =>
        messages.list(ctx.identity.clientId, input.consumerId, {
          page: input.page,
          pageSize: input.pageSize,
          status: input.status,
        }),
      ),
    message: authedProcedure
      .input(webhookMessageInput)
      .query(({ ctx, input }) =>
        messages.get(ctx.identity.clientId, input.consumerId, input.messageId),
      ),
    replay: authedProcedure
      .input(replayWebhookMessageInput)
      .mutation(({ ctx, input }) =>
        messages.replay(ctx.identity.clientId, input.consumerId, {
          messageId: input.messageId,
        }),
      ),
    replayFailed: authedProcedure
      .input(replayFailedWebhooksInput)
      .mutation(({ ctx, input }) =>
        messages.replay(ctx.identity.clientId, input.consumerId, {
          since: input.since,
        }),
      ),
    /** Attempts per hour over the last 24 hours (succeeded / failed). */
    stats: authedProcedure
      .input(webhookStatsInput)
      .query(({ ctx, input }) =>
        messages.hourlyDeliveries(ctx.identity.clientId, input?.consumerId),
      ),
    /** Notices such as consumers disabled after continuous failure. */
    notices: authedProcedure
      .input(webhookNoticesInput)
      .query(({ ctx }) => messages.notices(ctx.identity.clientId)),
  });
}
