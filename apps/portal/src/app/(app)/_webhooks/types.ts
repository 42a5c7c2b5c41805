import type { AppRouter } from '@ledgerlink/trpc';
import type { inferRouterInputs, inferRouterOutputs } from '@trpc/server';

/** What the `webhooks.*` procedures answer and take (type-only: no server code reaches the browser). */
type WebhookOutputs = inferRouterOutputs<AppRouter>['webhooks'];
type WebhookInputs = inferRouterInputs<AppRouter>['webhooks'];

export type WebhookConsumer = WebhookOutputs['list'][number];
export type EventTypeInfo = WebhookOutputs['catalogue'][number];
export type EventGroup = EventTypeInfo['group'];
export type WebhookMessagePage = WebhookOutputs['messages'];
export type WebhookMessage = WebhookMessagePage['results'][number];
export type WebhookAttempt = WebhookMessage['attempts'][number];
export type WebhookMessageStatus = WebhookMessage['status'];
export type HourlyDeliveries = WebhookOutputs['stats'][number];
export type WebhookNotice = WebhookOutputs['notices'][number];
export type CreateWebhookInput = WebhookInputs['create'];
