import type { WebhookConsumerEntity } from './webhook-consumer.entity';

/** Contract 8.2 `WebhookConsumer`. Optional fields are omitted, never null. */
export interface WebhookConsumer {
  id: string;
  url: string;
  disabled: boolean;
  eventTypes: string[];
  companyTags?: string[];
  /** Ledgerlink extension: why the consumer was disabled. */
  disabledReason?: string;
}

/** Contract 8.1 `Webhook` (a legacy rule). */
export interface WebhookRule {
  id: string;
  type: string;
  companyId?: string;
  notifiers: { emails?: string[]; webhook?: string };
}

export function toConsumer(row: WebhookConsumerEntity): WebhookConsumer {
  return {
    id: row.id,
    url: row.url ?? '',
    disabled: row.disabled,
    eventTypes: row.eventTypes,
    ...(row.companyTags.length ? { companyTags: row.companyTags } : {}),
    ...(row.disabled && row.disabledReason ? { disabledReason: row.disabledReason } : {}),
  };
}

export function toRule(row: WebhookConsumerEntity): WebhookRule {
  return {
    id: row.id,
    type: row.ruleType ?? row.eventTypes[0],
    ...(row.companyId ? { companyId: row.companyId } : {}),
    notifiers: { ...(row.emails.length ? { emails: row.emails } : {}), ...(row.url ? { webhook: row.url } : {}) },
  };
}

/** What the portal shows for a consumer or a rule. */
export interface PortalWebhookConsumer extends WebhookConsumer {
  kind: 'consumer' | 'rule';
  ruleType?: string;
  companyId?: string;
  createdDate: string;
  disabledDate?: string;
  failingSince?: string;
}

export function toPortalConsumer(row: WebhookConsumerEntity): PortalWebhookConsumer {
  return {
    ...toConsumer(row),
    kind: row.kind,
    ...(row.ruleType ? { ruleType: row.ruleType } : {}),
    ...(row.companyId ? { companyId: row.companyId } : {}),
    createdDate: row.createdAt.toISOString(),
    ...(row.disabledAt ? { disabledDate: row.disabledAt.toISOString() } : {}),
    ...(row.failingSince ? { failingSince: row.failingSince.toISOString() } : {}),
  };
}
