import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { ConnectorAuthError, ConnectorRegistry, ConnectorUnavailableError } from '@ledgerlink/connectors';
import { ConnectorRuntimeService } from '../connector-runtime/connector-runtime.service';
import type { Connection, Paged } from '@ledgerlink/models';
import { DataSource } from 'typeorm';
import { Clock } from '../common/clock';
import { badRequest, notFound } from '../common/errors/api-error';
import { isUuid } from '../common/http/params';
import { buildPage, type PagingParams } from '../common/paging';
import { columnSchema, compileQuery, parseOrderBy, parseQuery, SqlParams } from '../common/query';
import type { AppConfig } from '../config/config.schema';
import { APP_CONFIG } from '../core/tokens';
import { CompanyService } from '../company/company.service';
import { PullService } from '../pull/pull.service';
import { ScheduleService } from '../schedule/schedule.service';
import { ConnectionEntity } from './connection.entity';
import { toConnection } from './connection.mapper';

const CONNECTION_QUERY_SCHEMA = columnSchema('Connection', {
  id: { type: 'string', sql: 'x.id::text' },
  status: { type: 'string', sql: 'x.status' },
  integrationKey: { type: 'string', sql: 'x.platform_key' },
  platformKey: { type: 'string', sql: 'x.platform_key' },
  created: { type: 'date', sql: 'x.created_at' },
  lastSync: { type: 'date', sql: 'x.last_sync' },
});

@Injectable()
export class ConnectionService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly companies: CompanyService,
    private readonly registry: ConnectorRegistry,
    private readonly runtime: ConnectorRuntimeService,
    private readonly pull: PullService,
    private readonly schedule: ScheduleService,
    private readonly clock: Clock,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  private view = (row: ConnectionEntity) => toConnection(row, this.registry, this.config.PORTAL_URL);

  /** A connection of one of the client's companies, or the canonical 404. */
  async requireConnection(clientId: string, companyId: string, connectionId: string): Promise<ConnectionEntity> {
    const company = await this.companies.requireCompany(clientId, companyId);
    const row = isUuid(connectionId)
      ? await this.db.getRepository(ConnectionEntity).findOne({ where: { id: connectionId.toLowerCase(), companyId: company.id } })
      : null;
    if (!row) throw notFound(`Data connection ${connectionId} not found`, { code: 'connection.not_found' });
    return row;
  }

  async list(clientId: string, companyId: string, p: PagingParams): Promise<Paged<Connection>> {
    const company = await this.companies.requireCompany(clientId, companyId);
    const params = new SqlParams();
    const where = [`x.company_id = ${params.add(company.id)}`];
    if (p.query) where.push(compileQuery(parseQuery(p.query), CONNECTION_QUERY_SCHEMA, params));
    const order = p.orderBy ? parseOrderBy(p.orderBy, CONNECTION_QUERY_SCHEMA, 'x.id').sql : 'ORDER BY x.created_at ASC, x.id ASC';
    const filter = where.join(' AND ');
    const countParams = params.values.slice();
    const limit = params.add(p.pageSize);
    const offset = params.add((p.page - 1) * p.pageSize);
    const repo = this.db.getRepository(ConnectionEntity);
    const [ids, [{ count }]] = await Promise.all([
      this.db.query(`SELECT x.id FROM connection x WHERE ${filter} ${order} LIMIT ${limit} OFFSET ${offset}`, params.values),
      this.db.query(`SELECT count(*)::int AS count FROM connection x WHERE ${filter}`, countParams),
    ]);
    const rows = await Promise.all(ids.map((r: { id: string }) => repo.findOneByOrFail({ id: r.id })));
    return buildPage({
      results: rows.map(this.view),
      page: p.page,
      pageSize: p.pageSize,
      totalResults: count,
      path: `/companies/${company.id}/connections`,
      query: p.query,
      orderBy: p.orderBy,
    });
  }

  async create(clientId: string, companyId: string, platformKey: string): Promise<Connection> {
    const company = await this.companies.requireCompany(clientId, companyId);
    if (!this.registry.get(platformKey)) {
      throw badRequest(`Integration with platform key ${platformKey} does not exist or is not enabled.`, {
        code: 'connection.unknown_platform',
        validation: { errors: [{ itemId: 'platformKey', message: `Unknown platform key ${platformKey}`, validatorName: 'CreateConnection' }], warnings: [] },
      });
    }
    const row = await this.db.getRepository(ConnectionEntity).save({ companyId: company.id, platformKey, status: 'PendingAuth', credentialsEnc: null, connectionInfo: null, lastError: null, lastSync: null, linkedAt: null });
    return this.view(row);
  }

  async get(clientId: string, companyId: string, connectionId: string): Promise<Connection> {
    return this.view(await this.requireConnection(clientId, companyId, connectionId));
  }

  /** PATCH {status: "Unlinked"}: deauthorise but keep the data. Credentials are dropped. */
  async unlink(clientId: string, companyId: string, connectionId: string): Promise<Connection> {
    const row = await this.requireConnection(clientId, companyId, connectionId);
    await this.db.getRepository(ConnectionEntity).update({ id: row.id }, { status: 'Unlinked', credentialsEnc: null });
    return this.view(await this.db.getRepository(ConnectionEntity).findOneByOrFail({ id: row.id }));
  }

  async remove(clientId: string, companyId: string, connectionId: string): Promise<void> {
    const row = await this.requireConnection(clientId, companyId, connectionId);
    await this.db.getRepository(ConnectionEntity).delete({ id: row.id });
  }

  /**
   * PUT .../authorization: checks the credentials against the real system through the connector.
   * Success links the connection and stores the credentials sealed; failure leaves it PendingAuth
   * with the error recorded, and answers 400 naming the field.
   */
  async authorize(clientId: string, companyId: string, connectionId: string, credentials: Record<string, string>): Promise<Connection> {
    const row = await this.requireConnection(clientId, companyId, connectionId);
    const repo = this.db.getRepository(ConnectionEntity);
    try {
      const connector = this.runtime.open(row, credentials);
      const result = await connector.authorize().finally(() => connector.close?.());
      await repo.update(
        { id: row.id },
        {
          status: 'Linked',
          credentialsEnc: this.runtime.seal(row.id, credentials),
          connectionInfo: { companyName: result.companyName, ...result.connectionInfo },
          lastError: null,
          linkedAt: this.clock.now(),
        },
      );
    } catch (err) {
      if (!(err instanceof ConnectorAuthError || err instanceof ConnectorUnavailableError)) throw err;
      const lastError = { statusCode: '400', statusText: 'AuthorizationFailed', errorMessage: err.message, erroredOnUtc: this.clock.now().toISOString() };
      await repo.update({ id: row.id }, { lastError, ...(row.status === 'Linked' ? {} : { status: 'PendingAuth' as const }) });
      throw badRequest(`Authorization failed: ${err.message}`, {
        code: 'connection.auth_failed',
        validation: { errors: [{ itemId: (err instanceof ConnectorAuthError && err.field) || 'credentials', message: err.message, validatorName: 'Authorization' }], warnings: [] },
      });
    }
    if (row.status !== 'Linked') {
      // Linking (or re-linking) schedules the connection and queues its first sync.
      await this.schedule.rescheduleCompany(clientId, row.companyId);
      await this.pull.queueAll(clientId, row.companyId, 'first-link', row.id);
    }
    return this.view(await repo.findOneByOrFail({ id: row.id }));
  }
}
