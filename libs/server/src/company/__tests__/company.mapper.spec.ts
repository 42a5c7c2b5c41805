import { describe, expect, it } from '@jest/globals';
import { createDefaultRegistry } from '@ledgerlink/connectors';
import type { ConnectionStatus } from '@ledgerlink/models';
import type { ConnectionEntity } from '../../connection/connection.entity';
import type { CompanyEntity } from '../company.entity';
import { companyStatus, toCompany } from '../company.mapper';

const of = (...statuses: ConnectionStatus[]) => statuses.map((status) => ({ status }));

describe('companyStatus', () => {
  it.each([
    [[], 'Blank'],
    [['PendingAuth'], 'PendingAuth'],
    [['PendingAuth', 'PendingAuth'], 'PendingAuth'],
    [['Linked'], 'Linked'],
    [['PendingAuth', 'Linked'], 'Linked'],
    [['Unlinked', 'Linked', 'Deauthorized'], 'Linked'],
    [['Unlinked'], 'Deauthorised'],
    [['Deauthorized'], 'Deauthorised'],
    [['PendingAuth', 'Unlinked'], 'Deauthorised'],
    [['Deauthorized', 'PendingAuth'], 'Deauthorised'],
  ] as [ConnectionStatus[], string][])('%j → %s', (statuses, expected) => {
    expect(companyStatus(of(...statuses))).toBe(expected);
  });
});

describe('toCompany', () => {
  const registry = createDefaultRegistry();
  const row = (over: Partial<CompanyEntity> = {}): CompanyEntity => ({
    id: '11111111-1111-4111-8111-111111111111',
    clientId: '22222222-2222-4222-8222-222222222222',
    name: 'Acme',
    description: null,
    tags: {},
    products: [],
    createdByUserName: null,
    lastSync: null,
    createdAt: new Date('2024-01-02T03:04:05.000Z'),
    ...over,
  });
  const connection = (over: Partial<ConnectionEntity> = {}): ConnectionEntity => ({
    id: '33333333-3333-4333-8333-333333333333',
    companyId: '11111111-1111-4111-8111-111111111111',
    platformKey: 'sbox',
    status: 'PendingAuth',
    credentialsEnc: null,
    connectionInfo: null,
    lastError: null,
    lastSync: null,
    linkedAt: null,
    createdAt: new Date('2024-01-03T00:00:00.000Z'),
    ...over,
  });

  it('omits absent optional fields instead of sending null', () => {
    const c = toCompany(row(), [], registry, 'http://portal.test/');
    expect(c).toEqual({
      id: row().id,
      name: 'Acme',
      redirect: `http://portal.test/link/${row().id}`,
      created: '2024-01-02T03:04:05.000Z',
      products: [],
      dataConnections: [],
      referenceSubsidiaryCompanies: [],
      status: 'Blank',
    });
    expect(JSON.stringify(c)).not.toContain('null');
  });

  it('includes optional fields when present, and embeds connections without their credentials', () => {
    const sealed = Buffer.from('sealed-secret');
    const c = toCompany(
      row({ description: 'd', tags: { a: 'b' }, createdByUserName: 'me@example.com', lastSync: new Date('2024-02-01T00:00:00Z') }),
      [connection({ status: 'Linked', credentialsEnc: sealed })],
      registry,
      'http://portal.test',
    );
    expect(c).toMatchObject({ description: 'd', tags: { a: 'b' }, createdByUserName: 'me@example.com', lastSync: '2024-02-01T00:00:00.000Z', status: 'Linked' });
    expect(c.dataConnections[0]).toMatchObject({ status: 'Linked', integrationKey: 'sbox', sourceType: 'Accounting' });
    expect(JSON.stringify(c)).not.toContain('sealed-secret');
    expect(JSON.stringify(c)).not.toContain(sealed.toString('base64'));
  });
});
