import { describe, expect, it } from '@jest/globals';
import type { Company, Connection } from '@ledgerlink/models';
import { deliveryBody, type DeliveryContext, legacyBody } from '../webhook-body';
import { buildEvent, connectionEvents, pushOperationEvents, readCompletedEvents, tagStrings } from '../webhook-event.builders';

const PORTAL = 'http://portal.test/';
const company: Company = {
  id: 'c0000000-0000-4000-8000-000000000001',
  name: 'Acme',
  description: 'ext-1',
  redirect: 'http://portal.test/link/c0000000-0000-4000-8000-000000000001',
  created: '2030-01-01T00:00:00.000Z',
  products: [],
  tags: { region: 'uk', team: 'a:b' },
  dataConnections: [],
  referenceSubsidiaryCompanies: [],
  status: 'Blank',
};
const connection: Connection = {
  id: 'd0000000-0000-4000-8000-000000000002',
  integrationId: 'i',
  integrationKey: 'sbox',
  sourceId: 's',
  sourceType: 'Accounting',
  platformName: 'Sandbox',
  linkUrl: 'http://portal.test/link/x',
  status: 'Linked',
  created: '2030-01-01T00:00:00.000Z',
};
const reference = { id: company.id, name: 'Acme', description: 'ext-1', links: { portal: `http://portal.test/companies/${company.id}` }, tags: company.tags };

describe('webhook event payloads', () => {
  it('company events carry the company details and its tags for filtering', () => {
    const e = buildEvent({ type: 'company.created', clientId: 'k', company }, PORTAL);
    expect(e).toEqual({
      clientId: 'k',
      eventType: 'company.created',
      companyId: company.id,
      companyTags: ['region:uk', 'team:a:b'],
      payload: { id: company.id, name: 'Acme', description: 'ext-1', redirect: company.redirect, created: company.created, tags: company.tags },
    });
    expect(tagStrings(null)).toEqual([]);
  });

  it('connection events carry referenceCompany and the connection; the legacy status change only when the status changed', () => {
    const [connected, legacy] = connectionEvents('connection.connected', 'k', company, connection, 'PendingAuth');
    expect(buildEvent(connected, PORTAL)).toMatchObject({ eventType: 'connection.connected', connectionId: connection.id, payload: { referenceCompany: reference, connection } });
    expect(buildEvent(legacy, PORTAL)).toMatchObject({
      eventType: 'DataConnectionStatusChanged',
      companyId: company.id,
      connectionId: connection.id,
      payload: { dataConnectionId: connection.id, platformKey: 'sbox', newStatus: 'Linked', oldStatus: 'PendingAuth' },
    });
    expect(connectionEvents('connection.failed', 'k', company, connection, 'Linked')).toHaveLength(1);
    expect(connectionEvents('connection.created', 'k', company, { ...connection, status: 'PendingAuth' })).toHaveLength(1);
  });

  it('push operations report {dataType}.write.* plus the legacy events', () => {
    const op = { pushOperationKey: 'p1', dataType: 'bills' as const, connectionId: connection.id, type: 'Create' as const, status: 'Success' as const, requestedOnUtc: 't0', completedOnUtc: 't1', recordId: 'r1' };
    const events = pushOperationEvents('k', company, op).map((s) => buildEvent(s, PORTAL));
    expect(events.map((e) => e.eventType)).toEqual(['bills.write.successful', 'PushOperationStatusChanged']);
    expect(events[0].payload).toEqual({ id: 'p1', type: 'Create', referenceCompany: reference, connectionId: connection.id, requestedOnDate: 't0', completedOnDate: 't1', status: 'Success', record: { id: 'r1' } });
    expect(events[1].payload).toEqual({ dataType: 'bills', status: 'Success', pushOperationKey: 'p1' });
    const timedOut = pushOperationEvents('k', company, { ...op, status: 'TimedOut', recordId: undefined }).map((s) => buildEvent(s, PORTAL));
    expect(timedOut.map((e) => e.eventType)).toEqual(['bills.write.unsuccessful', 'PushOperationStatusChanged', 'PushOperationTimedOut']);
    expect(timedOut[2].payload).toEqual({ dataType: 'bills', pushOperationKey: 'p1', pushOperationGuid: 'p1' });
  });

  it('reads report read.completed(.initial) plus the legacy dataset events', () => {
    const events = readCompletedEvents('k', company, '2030-01-01T00:00:00Z', [
      { connectionId: connection.id, datasetId: 'ds1', dataType: 'invoices', status: 'Complete', recordsModified: true, isErrored: false },
      { connectionId: connection.id, datasetId: 'ds2', dataType: 'bills', status: 'FetchError', recordsModified: false, isErrored: true },
    ], true).map((s) => buildEvent(s, PORTAL));
    expect(events.map((e) => e.eventType)).toEqual(['read.completed', 'read.completed.initial', 'DataSyncCompleted', 'DatasetDataChanged', 'DataSyncStatusChangedToError', 'NewCompanySynchronized']);
    expect(events[0].payload).toEqual({
      referenceCompany: reference,
      modifiedFromDate: '2030-01-01T00:00:00Z',
      dataTypes: [
        { connectionId: connection.id, dataType: 'invoices', recordsModified: true, status: 'Complete', issues: [] },
        { connectionId: connection.id, dataType: 'bills', recordsModified: false, status: 'FetchError', issues: [] },
      ],
    });
    expect(events[4].payload).toEqual({ dataType: 'bills', datasetStatus: 'FetchError', datasetId: 'ds2' });
  });

  it('test events target one consumer and have no company', () => {
    expect(buildEvent({ type: 'webhook.test', clientId: 'k', consumerId: 'w1' }, PORTAL)).toMatchObject({ eventType: 'webhook.test', targetConsumerId: 'w1', companyTags: [] });
  });
});

describe('webhook delivery bodies', () => {
  const ctx: DeliveryContext = {
    messageId: 'm1',
    eventId: 'e1',
    eventType: 'company.created',
    generatedDate: new Date('2030-01-01T00:00:00Z'),
    payload: { id: 'c1' },
    companyId: 'c1',
    connectionId: null,
    clientId: 'k1',
    clientName: 'Bank of Dave',
    consumerId: 'w1',
  };

  it('new-style events use the {id, eventType, generatedDate, payload} envelope', () => {
    expect(JSON.parse(deliveryBody(ctx))).toEqual({ id: 'e1', eventType: 'company.created', generatedDate: '2030-01-01T00:00:00.000Z', payload: { id: 'c1' } });
  });

  it('legacy events use the PascalCase body, with the rule type string when there is one', () => {
    const data = { dataType: 'invoices', status: 'Success', pushOperationKey: 'p1' };
    const legacy = { ...ctx, eventType: 'PushOperationStatusChanged', payload: data, connectionId: 'd1' };
    expect(JSON.parse(deliveryBody(legacy))).toEqual({
      ClientId: 'k1',
      ClientName: 'Bank of Dave',
      CompanyId: 'c1',
      DataConnectionId: 'd1',
      RuleId: 'w1',
      RuleType: 'Push Operation Status Changed()',
      Type: 'Push Operation Status Changed()',
      AlertId: 'm1',
      Message: 'invoices triggered notification for PushOperationStatusChanged at 2030-01-01T00:00:00.000Z',
      Data: data,
    });
    expect(legacyBody({ ...legacy, ruleType: 'Push Operation Status Changed' }).RuleType).toBe('Push Operation Status Changed');
    expect(legacyBody({ ...legacy, connectionId: null, companyId: null })).not.toHaveProperty('DataConnectionId');
  });
});
