import type { ConnectorRegistry } from '@ledgerlink/connectors';
import type { Company, CompanyStatus, Connection } from '@ledgerlink/models';
import { toConnection } from '../connection/connection.mapper';
import type { ConnectionEntity } from '../connection/connection.entity';
import type { CompanyEntity } from './company.entity';

/** The link-flow status (seed 003): derived from the company's connections. */
export function companyStatus(connections: Pick<Connection, 'status'>[]): CompanyStatus {
  if (connections.length === 0) return 'Blank';
  if (connections.some((c) => c.status === 'Linked')) return 'Linked';
  if (connections.some((c) => c.status === 'Deauthorized' || c.status === 'Unlinked')) return 'Deauthorised';
  return 'PendingAuth';
}

export function toCompany(row: CompanyEntity, connections: ConnectionEntity[], registry: ConnectorRegistry, portalUrl: string): Company {
  const dataConnections = connections.map((c) => toConnection(c, registry, portalUrl));
  return {
    id: row.id,
    name: row.name,
    ...(row.description ? { description: row.description } : {}),
    redirect: `${portalUrl.replace(/\/$/, '')}/link/${row.id}`,
    ...(row.lastSync ? { lastSync: row.lastSync.toISOString() } : {}),
    created: row.createdAt.toISOString(),
    ...(row.createdByUserName ? { createdByUserName: row.createdByUserName } : {}),
    products: row.products ?? [],
    ...(row.tags && Object.keys(row.tags).length ? { tags: row.tags } : {}),
    dataConnections,
    referenceSubsidiaryCompanies: [],
    status: companyStatus(dataConnections),
  };
}
