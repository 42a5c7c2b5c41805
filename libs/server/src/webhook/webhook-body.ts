import { isLegacyEventType, LEGACY_RULE_LABELS } from './webhook-event-types';

/** What building a delivery body needs to know about the event, the consumer and the client. */
export interface DeliveryContext {
  messageId: string;
  eventId: string;
  eventType: string;
  generatedDate: Date;
  payload: Record<string, unknown>;
  companyId?: string | null;
  connectionId?: string | null;
  clientId: string;
  clientName: string;
  consumerId: string;
  /** A legacy rule's own `type` string. */
  ruleType?: string | null;
}

/** Legacy event types (and therefore every rule) get the PascalCase body of contract 8.1. */
export const usesLegacyBody = (eventType: string) => isLegacyEventType(eventType);

/** New style (contract 8.2): `{id, eventType, generatedDate, payload}`. */
export function newStyleEnvelope(ctx: DeliveryContext) {
  return { id: ctx.eventId, eventType: ctx.eventType, generatedDate: ctx.generatedDate.toISOString(), payload: ctx.payload };
}

/** Legacy body (contract 8.1). `RuleType` is the rule's type string, or the documented label. */
export function legacyBody(ctx: DeliveryContext) {
  const type = ctx.eventType as keyof typeof LEGACY_RULE_LABELS;
  const ruleType = ctx.ruleType ?? LEGACY_RULE_LABELS[type]?.[0] ?? ctx.eventType;
  const data = ctx.payload;
  const subject = typeof data['dataType'] === 'string' ? data['dataType'] : typeof data['platformKey'] === 'string' ? data['platformKey'] : 'Company';
  return {
    ClientId: ctx.clientId,
    ClientName: ctx.clientName,
    ...(ctx.companyId ? { CompanyId: ctx.companyId } : {}),
    ...(ctx.connectionId ? { DataConnectionId: ctx.connectionId } : {}),
    RuleId: ctx.consumerId,
    RuleType: ruleType,
    Type: ruleType,
    AlertId: ctx.messageId,
    Message: `${subject} triggered notification for ${ctx.eventType} at ${ctx.generatedDate.toISOString()}`,
    Data: data,
  };
}

/** The exact bytes POSTed (and signed). */
export function deliveryBody(ctx: DeliveryContext): string {
  return JSON.stringify(usesLegacyBody(ctx.eventType) ? legacyBody(ctx) : newStyleEnvelope(ctx));
}
