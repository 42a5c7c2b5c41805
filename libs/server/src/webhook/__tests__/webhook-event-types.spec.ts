import { describe, expect, it } from '@jest/globals';
import { canonicalEventType, eventCatalogue, LEGACY_EVENT_TYPES, legacyEventTypeOf } from '../webhook-event-types';

describe('webhook event catalogue', () => {
  it.each([
    ['DataConnectionStatusChanged', 'DataConnectionStatusChanged'],
    ['New company synchronised', 'NewCompanySynchronized'],
    ['New company synchronized', 'NewCompanySynchronized'],
    ['Data sync completed', 'DataSyncCompleted'],
    ['Dataset data changed', 'DatasetDataChanged'],
    ['Data Sync Status Changed To Error', 'DataSyncStatusChangedToError'],
    ['Push Operation Status Changed', 'PushOperationStatusChanged'],
    ['Push Operation Status Changed()', 'PushOperationStatusChanged'],
    ['push operation status changed ()', 'PushOperationStatusChanged'],
    ['Push Operation Timed Out', 'PushOperationTimedOut'],
    ['Account Categories Updated', 'AccountCategoriesUpdated'],
    ['Sync Connection Deleted', 'SyncConnectionDeleted'],
    ['Sync Completed', 'SyncCompleted'],
    ['Sync Failed', 'SyncFailed'],
    ['Rate Limit Reached', 'ClientRateLimitReached'],
    ['Rate Limit Reset', 'ClientRateLimitReset'],
    ['PushOperationTimedOut', 'PushOperationTimedOut'],
  ])('rule type %j is %s', (label, type) => {
    expect(legacyEventTypeOf(label)).toBe(type);
  });

  it('rejects unknown rule types', () => {
    expect(legacyEventTypeOf('Something else')).toBeUndefined();
    expect(legacyEventTypeOf('company.created')).toBeUndefined();
  });

  it('canonicalises legacy labels in subscriptions and keeps other strings as given', () => {
    expect(canonicalEventType('Dataset data changed')).toBe('DatasetDataChanged');
    expect(canonicalEventType(' company.created ')).toBe('company.created');
    expect(canonicalEventType('invoices.write.successful')).toBe('invoices.write.successful');
    expect(canonicalEventType('some.future.event')).toBe('some.future.event');
  });

  it('lists every contract event type once, legacy ones marked', () => {
    const all = eventCatalogue();
    const types = all.map((e) => e.eventType);
    expect(new Set(types).size).toBe(types.length);
    for (const t of ['company.created', 'company.deleted', 'connection.created', 'connection.connected', 'connection.failed', 'connection.disconnected', 'connection.deleted', 'read.completed', 'read.completed.initial', 'bills.write.successful', 'chartOfAccounts.write.unsuccessful', 'transfers.write.successful']) {
      expect(types).toContain(t);
    }
    expect(all.filter((e) => e.legacy).map((e) => e.eventType)).toEqual([...LEGACY_EVENT_TYPES]);
    expect(all.find((e) => e.eventType === 'DataSyncCompleted')?.replacedBy).toBe('read.completed');
    expect(types.filter((t) => t.endsWith('.write.successful'))).toHaveLength(18);
  });
});
