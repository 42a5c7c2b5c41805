import type { ConnectorRegistry } from '@ledgerlink/connectors';
import { stableUuid } from '@ledgerlink/connectors';
import type { Connection } from '@ledgerlink/models';
import type { ConnectionEntity } from './connection.entity';

/** Entity → the contract's Connection. Optional fields are omitted, never null. */
export function toConnection(row: ConnectionEntity, registry: ConnectorRegistry, portalUrl: string): Connection {
  const meta = registry.get(row.platformKey)?.metadata;
  return {
    id: row.id,
    integrationId: stableUuid(`integration:${row.platformKey}`),
    integrationKey: row.platformKey,
    sourceId: stableUuid(`source:${row.platformKey}`),
    sourceType: meta?.sourceType ?? 'Unknown',
    platformName: meta?.name ?? row.platformKey,
    linkUrl: `${portalUrl.replace(/\/$/, '')}/link/${row.companyId}?connection=${row.id}`,
    status: row.status,
    ...(row.lastSync ? { lastSync: row.lastSync.toISOString() } : {}),
    created: row.createdAt.toISOString(),
    ...(row.lastError ? { dataConnectionErrors: [{ ...row.lastError, status: 'Active' as const }] } : {}),
    ...(row.connectionInfo ? { connectionInfo: row.connectionInfo } : {}),
  };
}
