import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { type Connector, ConnectorRegistry } from '@ledgerlink/connectors';
import { DataSource } from 'typeorm';
import { Clock } from '../common/clock';
import { SecretBox } from '../common/crypto/secret-box';
import { badRequest } from '../common/errors/api-error';
import type { ConnectionEntity } from '../connection/connection.entity';
import { DbConnectorStore } from './db-connector-store';

/** Opens the connector of a connection: decrypted credentials plus the platform's store. */
@Injectable()
export class ConnectorRuntimeService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly registry: ConnectorRegistry,
    private readonly secrets: SecretBox,
    private readonly clock: Clock,
  ) {}

  credentialsOf(row: Pick<ConnectionEntity, 'id' | 'credentialsEnc'>): Record<string, string> {
    return row.credentialsEnc ? JSON.parse(this.secrets.open(row.credentialsEnc, row.id)) : {};
  }

  seal(connectionId: string, credentials: Record<string, string>): Buffer {
    return this.secrets.seal(JSON.stringify(credentials), connectionId);
  }

  /** Whether the platform's reads can be incremental (see ConnectorMetadata.incrementalReads). */
  readsIncrementally(platformKey: string): boolean {
    return this.registry.get(platformKey)?.metadata.incrementalReads === true;
  }

  /** A connector for the given credentials (authorisation) or the stored ones. */
  open(row: Pick<ConnectionEntity, 'id' | 'platformKey' | 'credentialsEnc'>, credentials?: Record<string, string>): Connector {
    const definition = this.registry.get(row.platformKey);
    if (!definition) throw badRequest(`Platform ${row.platformKey} is no longer available.`);
    return definition.create({
      credentials: credentials ?? this.credentialsOf(row),
      connectionId: row.id,
      store: new DbConnectorStore(this.db, row.id),
      now: () => this.clock.now(),
    });
  }
}
