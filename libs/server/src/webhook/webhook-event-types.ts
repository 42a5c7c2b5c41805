/**
 * The webhook event catalogue (contract 8.2): new-style event types, the legacy names that still
 * deliver the PascalCase body (8.1), and the legacy rule-type labels of the /rules API.
 */

/** Data types with `{dataType}.write.successful|unsuccessful` events. */
export const WRITE_EVENT_DATA_TYPES = [
  'bankAccounts',
  'bankTransactions',
  'billCreditNotes',
  'billPayments',
  'bills',
  'chartOfAccounts',
  'creditNotes',
  'customers',
  'directCosts',
  'directIncomes',
  'invoices',
  'items',
  'journalEntries',
  'journals',
  'payments',
  'purchaseOrders',
  'suppliers',
  'transfers',
] as const;
export type WriteEventDataType = (typeof WRITE_EVENT_DATA_TYPES)[number];

export const COMPANY_EVENT_TYPES = ['company.created', 'company.deleted', 'company.product.added', 'company.product.removed'] as const;
export const CONNECTION_EVENT_TYPES = [
  'connection.created',
  'connection.connected',
  'connection.failed',
  'connection.disconnected',
  'connection.reconnected',
  'connection.deleted',
] as const;
export const READ_EVENT_TYPES = ['read.completed', 'read.completed.initial'] as const;
export const CLIENT_EVENT_TYPES = ['client.rateLimit.reached', 'client.rateLimit.reset'] as const;

export type CompanyEventType = (typeof COMPANY_EVENT_TYPES)[number];
export type ConnectionEventType = (typeof CONNECTION_EVENT_TYPES)[number];
export type ReadEventType = (typeof READ_EVENT_TYPES)[number];
export type ClientEventType = (typeof CLIENT_EVENT_TYPES)[number];
export type WriteEventType = `${WriteEventDataType}.write.${'successful' | 'unsuccessful'}`;

/** Legacy names (deprecated, still deliverable): their deliveries carry the PascalCase legacy body. */
export const LEGACY_EVENT_TYPES = [
  'DataConnectionStatusChanged',
  'NewCompanySynchronized',
  'DataSyncCompleted',
  'DatasetDataChanged',
  'DataSyncStatusChangedToError',
  'PushOperationStatusChanged',
  'PushOperationTimedOut',
  'AccountCategoriesUpdated',
  'SyncConnectionDeleted',
  'SyncCompleted',
  'SyncFailed',
  'ClientRateLimitReached',
  'ClientRateLimitReset',
] as const;
export type LegacyEventType = (typeof LEGACY_EVENT_TYPES)[number];

/** Sent only to one consumer, on request (the portal's "send test event"). Not subscribable. */
export const WEBHOOK_TEST_EVENT = 'webhook.test';

/**
 * Rule `type` strings of the legacy /rules API per legacy event type. The first label is the one
 * Codat's docs use and the one `RuleType` carries for consumers that subscribe by legacy name.
 */
export const LEGACY_RULE_LABELS: Record<LegacyEventType, readonly string[]> = {
  DataConnectionStatusChanged: ['DataConnectionStatusChanged', 'Company data connection status changed', 'Data connection status changed'],
  NewCompanySynchronized: ['New company synchronized', 'New company synchronised'],
  DataSyncCompleted: ['Data sync completed'],
  DatasetDataChanged: ['Dataset data changed'],
  DataSyncStatusChangedToError: ['Data Sync Status Changed To Error', 'Dataset status changed to error'],
  PushOperationStatusChanged: ['Push Operation Status Changed()', 'Push Operation Status Changed'],
  PushOperationTimedOut: ['Push Operation Timed Out'],
  AccountCategoriesUpdated: ['Account Categories Updated'],
  SyncConnectionDeleted: ['Sync Connection Deleted'],
  SyncCompleted: ['Sync Completed'],
  SyncFailed: ['Sync Failed'],
  ClientRateLimitReached: ['Rate Limit Reached', 'Client rate limit reached'],
  ClientRateLimitReset: ['Rate Limit Reset', 'Client rate limit reset'],
};

/** Case, spaces, punctuation, a trailing "()" and British "-ised" spelling do not matter. */
const normalizeLabel = (s: string) => s.toLowerCase().replace(/synchronis/g, 'synchroniz').replace(/[^a-z0-9]/g, '');

const LEGACY_BY_LABEL = new Map<string, LegacyEventType>(
  LEGACY_EVENT_TYPES.flatMap((type) => [type, ...LEGACY_RULE_LABELS[type]].map((label) => [normalizeLabel(label), type] as const)),
);

export const isLegacyEventType = (t: string): t is LegacyEventType => (LEGACY_EVENT_TYPES as readonly string[]).includes(t);

/** The legacy event type a rule type string (any accepted spelling) stands for, if any. */
export function legacyEventTypeOf(label: string): LegacyEventType | undefined {
  return LEGACY_BY_LABEL.get(normalizeLabel(label));
}

/**
 * The event type a consumer subscription string matches on: legacy labels in any spelling
 * ("Dataset data changed") become the legacy name (`DatasetDataChanged`); anything else is kept as
 * given (event types are case-sensitive free strings, so unknown future types are accepted).
 */
export function canonicalEventType(value: string): string {
  const trimmed = value.trim();
  return /[.]/.test(trimmed) ? trimmed : (legacyEventTypeOf(trimmed) ?? trimmed);
}

export interface EventTypeInfo {
  eventType: string;
  group: 'Company' | 'Connection' | 'Read' | 'Write' | 'Client' | 'Legacy';
  description: string;
  /** Legacy names deliver the PascalCase legacy body; the new-style replacement is named. */
  legacy: boolean;
  replacedBy?: string;
}

const DESCRIPTIONS: Record<string, string> = {
  'company.created': 'A company was created.',
  'company.deleted': 'A company was deleted.',
  'company.product.added': 'A product was enabled for a company.',
  'company.product.removed': 'A product was disabled for a company.',
  'connection.created': 'A connection was created (PendingAuth).',
  'connection.connected': 'A connection was authorised and is now Linked.',
  'connection.failed': 'Authorising a connection failed.',
  'connection.disconnected': 'A connection was unlinked or deauthorised.',
  'connection.reconnected': 'A previously disconnected connection was linked again.',
  'connection.deleted': 'A connection was deleted.',
  'read.completed': 'A read (data sync) of one or more data types finished.',
  'read.completed.initial': "A company's first read finished.",
  'client.rateLimit.reached': 'The daily request quota was reached.',
  'client.rateLimit.reset': 'The daily request quota was reset.',
};

const LEGACY_REPLACEMENTS: Record<LegacyEventType, string> = {
  DataConnectionStatusChanged: 'connection.*',
  NewCompanySynchronized: 'read.completed.initial',
  DataSyncCompleted: 'read.completed',
  DatasetDataChanged: 'read.completed',
  DataSyncStatusChangedToError: 'read.completed',
  PushOperationStatusChanged: '{dataType}.write.successful / .unsuccessful',
  PushOperationTimedOut: '{dataType}.write.unsuccessful',
  AccountCategoriesUpdated: '',
  SyncConnectionDeleted: 'connection.deleted',
  SyncCompleted: '',
  SyncFailed: '',
  ClientRateLimitReached: 'client.rateLimit.reached',
  ClientRateLimitReset: 'client.rateLimit.reset',
};

/** Every subscribable event type, for pickers (the portal) and documentation. */
export function eventCatalogue(): EventTypeInfo[] {
  const plain = (group: EventTypeInfo['group'], types: readonly string[]) =>
    types.map((eventType) => ({ eventType, group, description: DESCRIPTIONS[eventType] ?? eventType, legacy: false }));
  const writes = WRITE_EVENT_DATA_TYPES.flatMap((dataType) => [
    { eventType: `${dataType}.write.successful`, group: 'Write' as const, description: `A write (create, update, delete or attachment upload) of ${dataType} succeeded.`, legacy: false },
    { eventType: `${dataType}.write.unsuccessful`, group: 'Write' as const, description: `A write of ${dataType} failed or timed out.`, legacy: false },
  ]);
  const legacy = LEGACY_EVENT_TYPES.map((eventType) => ({
    eventType,
    group: 'Legacy' as const,
    description: `Legacy "${LEGACY_RULE_LABELS[eventType][0]}" notification with the PascalCase body.`,
    legacy: true,
    ...(LEGACY_REPLACEMENTS[eventType] ? { replacedBy: LEGACY_REPLACEMENTS[eventType] } : {}),
  }));
  return [
    ...plain('Company', COMPANY_EVENT_TYPES),
    ...plain('Connection', CONNECTION_EVENT_TYPES),
    ...plain('Read', READ_EVENT_TYPES),
    ...writes,
    ...plain('Client', CLIENT_EVENT_TYPES),
    ...legacy,
  ];
}
