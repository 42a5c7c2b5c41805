import { z } from 'zod';
import { canonicalEventType, legacyEventTypeOf } from './webhook-event-types';

/** http(s) only, absolute, and no credentials in the URL (they would leak into logs and the portal). */
export function webhookUrlProblem(value: string): string | undefined {
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    return 'url must be an absolute http or https URL';
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') return 'url must use http or https';
  if (url.username || url.password) return 'url must not contain credentials (user:password@)';
  if (!url.hostname) return 'url must have a host';
  return undefined;
}

export const webhookUrlSchema = z
  .string({ error: 'url is required and must be a string' })
  .trim()
  .max(2048, 'url must be at most 2048 characters')
  .superRefine((value, ctx) => {
    const problem = webhookUrlProblem(value);
    if (problem) ctx.addIssue({ code: 'custom', message: problem });
  });

/** Subscriptions are free strings (contract 8.2); legacy labels are stored under their legacy name. */
export const eventTypesSchema = z
  .array(z.string().trim().min(1).max(200), { error: 'eventTypes must be an array of strings' })
  .min(1, 'eventTypes must list at least one event type')
  .max(100, 'eventTypes can list at most 100 event types')
  .transform((list) => [...new Set(list.map(canonicalEventType))]);

export const companyTagsSchema = z
  .array(
    z
      .string()
      .max(128, 'company tags must be at most 128 characters')
      .regex(/^[^:]+:/, 'company tags must look like tagKey:tagValue'),
  )
  .max(10, 'at most 10 company tags');

/** POST /webhooks (contract 8.2). */
export const createConsumerSchema = z.object({
  url: webhookUrlSchema,
  eventTypes: eventTypesSchema,
  disabled: z.boolean().nullish(),
  companyTags: companyTagsSchema.nullish(),
});

/** PATCH /webhooks/{id} (Ledgerlink extension): the given fields change; `disabled` enables or disables. */
export const updateConsumerSchema = z.object({
  url: webhookUrlSchema.optional(),
  eventTypes: eventTypesSchema.optional(),
  disabled: z.boolean().optional(),
  companyTags: companyTagsSchema.nullish(),
});

/** POST /webhooks/{id}/replay: one message, or every failed message since a date. */
export const replaySchema = z
  .object({
    messageId: z.string().min(1).max(100).optional(),
    since: z
      .string()
      .max(40)
      .refine((s) => !Number.isNaN(Date.parse(s)), 'since must be an ISO-8601 date')
      .optional(),
  })
  .refine((b) => (b.messageId === undefined) !== (b.since === undefined), 'send exactly one of messageId and since');

/** POST /rules (contract 8.1). */
export const createRuleSchema = z.object({
  type: z
    .string({ error: 'type is required and must be a string' })
    .trim()
    .min(1)
    .max(200)
    .refine((t) => legacyEventTypeOf(t) !== undefined, { message: 'type is not a known rule type (e.g. "Data sync completed", "Push Operation Status Changed()")' }),
  companyId: z.uuid('companyId must be a uuid').nullish(),
  notifiers: z.object(
    {
      emails: z.array(z.email('emails must be email addresses')).max(50).nullish(),
      webhook: webhookUrlSchema.nullish(),
    },
    { error: 'notifiers is required' },
  ),
});

export type CreateConsumer = z.infer<typeof createConsumerSchema>;
export type UpdateConsumer = z.infer<typeof updateConsumerSchema>;
export type Replay = z.infer<typeof replaySchema>;
export type CreateRule = z.infer<typeof createRuleSchema>;
