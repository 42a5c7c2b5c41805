import type { Company, Connection, ConnectionStatus } from '@ledgerlink/models';
import type { ClientEventType, CompanyEventType, ConnectionEventType, ReadEventType, WriteEventDataType, WriteEventType } from './webhook-event-types';
import { WEBHOOK_TEST_EVENT } from './webhook-event-types';

/** What an event needs to know about its company: the entity or the contract's Company both fit. */
export interface CompanyRef {
  id: string;
  name: string;
  description?: string | null;
  tags?: Record<string, string> | null;
}

export interface ReadCompletedDataType {
  connectionId: string;
  dataType: string;
  recordsModified: boolean;
  /** A DatasetStatus, e.g. `Complete` or `FetchError`. */
  status: string;
  issues?: { type: string; message: string; links?: Record<string, string> }[];
}

export interface PushOperationRef {
  pushOperationKey: string;
  dataType: WriteEventDataType;
  connectionId: string;
  type: 'Create' | 'Update' | 'Delete' | 'UploadAttachment';
  status: 'Pending' | 'Failed' | 'Success' | 'TimedOut';
  requestedOnUtc: string;
  completedOnUtc?: string;
  recordId?: string;
  attachmentId?: string | null;
}

/**
 * Everything a module can emit, one variant per event family. The type decides the payload shape,
 * so a state change is reported with one `WebhookEventsService.emit(manager, spec)` call.
 */
export type WebhookEventSpec =
  | { type: Extract<CompanyEventType, 'company.created' | 'company.deleted'>; clientId: string; company: Company }
  | { type: Extract<CompanyEventType, 'company.product.added' | 'company.product.removed'>; clientId: string; company: Company; productId: string; productName: string }
  | { type: ConnectionEventType; clientId: string; company: CompanyRef; connection: Connection }
  | { type: 'DataConnectionStatusChanged'; clientId: string; company: CompanyRef; connection: Connection; oldStatus: ConnectionStatus }
  | { type: ReadEventType; clientId: string; company: CompanyRef; modifiedFromDate: string; dataTypes: ReadCompletedDataType[] }
  | { type: 'DataSyncCompleted' | 'DatasetDataChanged'; clientId: string; company: CompanyRef; connectionId: string; dataType: string; datasetId: string }
  | { type: 'DataSyncStatusChangedToError'; clientId: string; company: CompanyRef; connectionId: string; dataType: string; datasetId: string; datasetStatus: string }
  | { type: 'NewCompanySynchronized'; clientId: string; company: CompanyRef; connectionId?: string; sourceType?: string }
  | { type: WriteEventType; clientId: string; company: CompanyRef; operation: PushOperationRef }
  | { type: 'PushOperationStatusChanged' | 'PushOperationTimedOut'; clientId: string; company: CompanyRef; operation: PushOperationRef }
  | { type: ClientEventType; clientId: string; dailyQuota: number; quotaRemaining: number; expiryDate: string }
  | { type: 'ClientRateLimitReached' | 'ClientRateLimitReset'; clientId: string; dailyQuota: number; quotaRemaining: number; expiryDate: string }
  | { type: typeof WEBHOOK_TEST_EVENT; clientId: string; consumerId: string };

/** The row an event becomes (`webhook_event`). */
export interface BuiltEvent {
  clientId: string;
  eventType: string;
  companyId?: string;
  connectionId?: string;
  /** The company's tags at the time of the event, as `key:value` (consumers filter on them). */
  companyTags: string[];
  /** New-style: the envelope's `payload`. Legacy: the legacy body's `Data`. */
  payload: Record<string, unknown>;
  /** Only this consumer receives it (test events). */
  targetConsumerId?: string;
}

export const tagStrings = (tags?: Record<string, string> | null): string[] => Object.entries(tags ?? {}).map(([k, v]) => `${k}:${v}`);

export function referenceCompany(company: CompanyRef, portalUrl: string) {
  return {
    id: company.id,
    name: company.name,
    ...(company.description ? { description: company.description } : {}),
    links: { portal: `${portalUrl.replace(/\/$/, '')}/companies/${company.id}` },
    ...(company.tags && Object.keys(company.tags).length ? { tags: company.tags } : {}),
  };
}

function companyDetails(c: Company) {
  return {
    id: c.id,
    name: c.name,
    ...(c.description ? { description: c.description } : {}),
    redirect: c.redirect,
    ...(c.lastSync ? { lastSync: c.lastSync } : {}),
    created: c.created,
    ...(c.tags && Object.keys(c.tags).length ? { tags: c.tags } : {}),
  };
}

const isWriteType = (t: string): t is WriteEventType => /\.write\.(successful|unsuccessful)$/.test(t);

/** Turns a spec into the stored row: payloads follow contract 8.1 (legacy `Data`) and 8.2 (new style). */
export function buildEvent(spec: WebhookEventSpec, portalUrl: string): BuiltEvent {
  const base = { clientId: spec.clientId, eventType: spec.type };
  const forCompany = (company: CompanyRef, connectionId?: string) => ({
    ...base,
    companyId: company.id,
    companyTags: tagStrings(company.tags),
    ...(connectionId ? { connectionId } : {}),
  });
  switch (spec.type) {
    case 'company.created':
    case 'company.deleted':
      return { ...forCompany(spec.company), payload: companyDetails(spec.company) };
    case 'company.product.added':
    case 'company.product.removed': {
      const c = spec.company;
      const payload = { id: c.id, name: c.name, ...(c.description ? { description: c.description } : {}), productId: spec.productId, productName: spec.productName, products: c.products };
      return { ...forCompany(c), payload };
    }
    case 'connection.created':
    case 'connection.connected':
    case 'connection.failed':
    case 'connection.disconnected':
    case 'connection.reconnected':
    case 'connection.deleted':
      return { ...forCompany(spec.company, spec.connection.id), payload: { referenceCompany: referenceCompany(spec.company, portalUrl), connection: spec.connection } };
    case 'DataConnectionStatusChanged':
      return {
        ...forCompany(spec.company, spec.connection.id),
        payload: { dataConnectionId: spec.connection.id, platformKey: spec.connection.integrationKey, newStatus: spec.connection.status, oldStatus: spec.oldStatus },
      };
    case 'read.completed':
    case 'read.completed.initial':
      return {
        ...forCompany(spec.company),
        payload: {
          referenceCompany: referenceCompany(spec.company, portalUrl),
          modifiedFromDate: spec.modifiedFromDate,
          dataTypes: spec.dataTypes.map((d) => ({ ...d, issues: d.issues ?? [] })),
        },
      };
    case 'DataSyncCompleted':
    case 'DatasetDataChanged':
      return { ...forCompany(spec.company, spec.connectionId), payload: { dataType: spec.dataType, datasetId: spec.datasetId } };
    case 'DataSyncStatusChangedToError':
      return { ...forCompany(spec.company, spec.connectionId), payload: { dataType: spec.dataType, datasetStatus: spec.datasetStatus, datasetId: spec.datasetId } };
    case 'NewCompanySynchronized':
      return { ...forCompany(spec.company, spec.connectionId), payload: { companyName: spec.company.name, ...(spec.sourceType ? { sourceType: spec.sourceType } : {}) } };
    case 'PushOperationStatusChanged':
      return { ...forCompany(spec.company, spec.operation.connectionId), payload: { dataType: spec.operation.dataType, status: spec.operation.status, pushOperationKey: spec.operation.pushOperationKey } };
    case 'PushOperationTimedOut': {
      const op = spec.operation;
      return { ...forCompany(spec.company, op.connectionId), payload: { dataType: op.dataType, pushOperationKey: op.pushOperationKey, pushOperationGuid: op.pushOperationKey } };
    }
    case 'client.rateLimit.reached':
    case 'client.rateLimit.reset':
    case 'ClientRateLimitReached':
    case 'ClientRateLimitReset':
      return { ...base, companyTags: [], payload: { dailyQuota: spec.dailyQuota, quotaRemaining: spec.quotaRemaining, expiryDate: spec.expiryDate } };
    case WEBHOOK_TEST_EVENT:
      return { ...base, companyTags: [], targetConsumerId: spec.consumerId, payload: { consumerId: spec.consumerId, message: 'This is a test event sent from Ledgerlink.' } };
    default: {
      if (!isWriteType(spec.type)) throw new Error(`Unknown webhook event type ${(spec as { type: string }).type}`);
      const { operation: op } = spec as Extract<WebhookEventSpec, { operation: PushOperationRef }>;
      const payload = {
        id: op.pushOperationKey,
        type: op.type,
        referenceCompany: referenceCompany(spec.company, portalUrl),
        connectionId: op.connectionId,
        requestedOnDate: op.requestedOnUtc,
        ...(op.completedOnUtc ? { completedOnDate: op.completedOnUtc } : {}),
        status: op.status,
        ...(op.recordId && (op.status === 'Success' || op.type === 'UploadAttachment') ? { record: { id: op.recordId } } : {}),
        ...(op.attachmentId !== undefined ? { attachmentId: op.attachmentId } : {}),
      };
      return { ...forCompany(spec.company, op.connectionId), payload };
    }
  }
}

// ---------------------------------------------------------------------------------------------
// One call per state change: these return every event (new style and legacy) that it reports.
// ---------------------------------------------------------------------------------------------

/**
 * A connection changed. `type` is the new-style event; when the status changed, the legacy
 * DataConnectionStatusChanged follows it.
 */
export function connectionEvents(
  type: ConnectionEventType,
  clientId: string,
  company: CompanyRef,
  connection: Connection,
  oldStatus?: ConnectionStatus,
): WebhookEventSpec[] {
  const events: WebhookEventSpec[] = [{ type, clientId, company, connection }];
  if (oldStatus && oldStatus !== connection.status) events.push({ type: 'DataConnectionStatusChanged', clientId, company, connection, oldStatus });
  return events;
}

/** A push operation reached a final status (Success, Failed or TimedOut). For the push module. */
export function pushOperationEvents(clientId: string, company: CompanyRef, operation: PushOperationRef): WebhookEventSpec[] {
  const outcome = operation.status === 'Success' ? 'successful' : 'unsuccessful';
  const events: WebhookEventSpec[] = [
    { type: `${operation.dataType}.write.${outcome}`, clientId, company, operation },
    { type: 'PushOperationStatusChanged', clientId, company, operation },
  ];
  if (operation.status === 'TimedOut') events.push({ type: 'PushOperationTimedOut', clientId, company, operation });
  return events;
}

export interface ReadDatasetOutcome {
  connectionId: string;
  datasetId: string;
  dataType: string;
  status: string;
  recordsModified: boolean;
  isErrored: boolean;
}

/** A read (one or more datasets) finished. For the pull module. `initial`: the company's first read. */
export function readCompletedEvents(clientId: string, company: CompanyRef, modifiedFromDate: string, datasets: ReadDatasetOutcome[], initial = false): WebhookEventSpec[] {
  const dataTypes = datasets.map((d) => ({ connectionId: d.connectionId, dataType: d.dataType, recordsModified: d.recordsModified, status: d.status }));
  const events: WebhookEventSpec[] = [{ type: 'read.completed', clientId, company, modifiedFromDate, dataTypes }];
  if (initial) events.push({ type: 'read.completed.initial', clientId, company, modifiedFromDate, dataTypes });
  for (const d of datasets) {
    const ref = { clientId, company, connectionId: d.connectionId, dataType: d.dataType, datasetId: d.datasetId };
    if (d.isErrored) events.push({ type: 'DataSyncStatusChangedToError', ...ref, datasetStatus: d.status });
    else {
      events.push({ type: 'DataSyncCompleted', ...ref });
      if (d.recordsModified) events.push({ type: 'DatasetDataChanged', ...ref });
    }
  }
  if (initial) events.push({ type: 'NewCompanySynchronized', clientId, company, connectionId: datasets[0]?.connectionId });
  return events;
}

