import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { ConnectorAuthError, ConnectorRegistry, ConnectorUnavailableError } from '@ledgerlink/connectors';
import { ConnectorRuntimeService } from '../connector-runtime/connector-runtime.service';
import type { Connection, Paged } from '@ledgerlink/models';
import { DataSource, In, type Repository } from 'typeorm';
import { Clock } from '../common/clock';
import { badRequest, notFound } from '../common/errors/api-error';
import { isUuid } from '../common/http/params';
import { buildPage, inIdOrder, pageIds, type PagingParams } from '../common/paging';
import { columnSchema, compileQuery, parseOrderBy, parseQuery, SqlParams } from '../common/query';
import type { AppConfig } from '../config/config.schema';
import { APP_CONFIG } from '../core/tokens';
import { CompanyService } from '../company/company.service';
import { PullService } from '../pull/pull.service';
import { ScheduleService } from '../schedule/schedule.service';
import { CompanyEntity } from '../company/company.entity';
import { connectionEvents } from '../webhook/webhook-event.builders';
import type { ConnectionEventType } from '../webhook/webhook-event-types';
import { WebhookEventsService } from '../webhook/webhook-events.service';
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
    private readonly webhooks: WebhookEventsService,
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
    const { ids, total } = await pageIds(this.db, { table: 'connection', alias: 'x' }, where.join(' AND '), order, params, p);
    const rows = ids.length ? await this.db.getRepository(ConnectionEntity).findBy({ id: In(ids) }) : [];
    return buildPage({
      results: inIdOrder(ids, rows).map(this.view),
      page: p.page,
      pageSize: p.pageSize,
      totalResults: total,
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
    return this.db.transaction(async (manager) => {
      const row = await manager.getRepository(ConnectionEntity).save({ companyId: company.id, platformKey, status: 'PendingAuth', credentialsEnc: null, connectionInfo: null, lastError: null, lastSync: null, linkedAt: null });
      const view = this.view(row);
      await this.webhooks.emit(manager, connectionEvents('connection.created', clientId, company, view));
      return view;
    });
  }

  async get(clientId: string, companyId: string, connectionId: string): Promise<Connection> {
    return this.view(await this.requireConnection(clientId, companyId, connectionId));
  }

  /** PATCH {status: "Unlinked"}: deauthorise but keep the data. Credentials are dropped. */
  async unlink(clientId: string, companyId: string, connectionId: string): Promise<Connection> {
    const row = await this.requireConnection(clientId, companyId, connectionId);
    return this.changeWithEvents(clientId, row, { status: 'Unlinked', credentialsEnc: null }, 'connection.disconnected');
  }

  async remove(clientId: string, companyId: string, connectionId: string): Promise<void> {
    const row = await this.requireConnection(clientId, companyId, connectionId);
    await this.changeWithEvents(clientId, row, 'delete', 'connection.deleted');
  }

  /** Applies a change to a connection and emits its webhook events in the same transaction. */
  private changeWithEvents(clientId: string, row: ConnectionEntity, change: Parameters<Repository<ConnectionEntity>['update']>[1] | 'delete', type: ConnectionEventType): Promise<Connection> {
    return this.db.transaction(async (manager) => {
      const repo = manager.getRepository(ConnectionEntity);
      const company = await manager.getRepository(CompanyEntity).findOneByOrFail({ id: row.companyId });
      if (change === 'delete') await repo.delete({ id: row.id });
      else await repo.update({ id: row.id }, change);
      const view = this.view(change === 'delete' ? row : await repo.findOneByOrFail({ id: row.id }));
      await this.webhooks.emit(manager, connectionEvents(type, clientId, company, view, row.status));
      return view;
    });
  }

  /**
   * PUT .../authorization: checks the credentials against the real system through the connector.
   * Success links the connection and stores the credentials sealed; failure leaves it PendingAuth
   * with the error recorded, and answers 400 naming the field.
   */
  async authorize(clientId: string, companyId: string, connectionId: string, credentials: Record<string, string>): Promise<Connection> {
    const row = await this.requireConnection(clientId, companyId, connectionId);
    const repo = this.db.getRepository(ConnectionEntity);
    let result: Awaited<ReturnType<ReturnType<ConnectorRuntimeService['open']>['authorize']>>;
    try {
      const connector = this.runtime.open(row, credentials);
      result = await connector.authorize().finally(() => connector.close?.());
    } catch (err) {
      if (!(err instanceof ConnectorAuthError || err instanceof ConnectorUnavailableError)) throw err;
      const lastError = { statusCode: '400', statusText: 'AuthorizationFailed', errorMessage: err.message, erroredOnUtc: this.clock.now().toISOString() };
      await this.changeWithEvents(clientId, row, { lastError, ...(row.status === 'Linked' ? {} : { status: 'PendingAuth' as const }) }, 'connection.failed');
      throw badRequest(`Authorization failed: ${err.message}`, {
        code: 'connection.auth_failed',
        validation: { errors: [{ itemId: (err instanceof ConnectorAuthError && err.field) || 'credentials', message: err.message, validatorName: 'Authorization' }], warnings: [] },
      });
    }
    const relinked = row.status === 'Unlinked' || row.status === 'Deauthorized';
    await this.changeWithEvents(
      clientId,
      row,
      {
        status: 'Linked',
        credentialsEnc: this.runtime.seal(row.id, credentials),
        connectionInfo: { companyName: result.companyName, ...result.connectionInfo },
        lastError: null,
        linkedAt: this.clock.now(),
      },
      relinked ? 'connection.reconnected' : 'connection.connected',
    );
    if (row.status !== 'Linked') {
      // Linking (or re-linking) schedules the connection and queues its first sync.
      await this.schedule.rescheduleCompany(clientId, row.companyId);
      await this.pull.queueAll(clientId, row.companyId, 'first-link', row.id);
    }
    return this.view(await repo.findOneByOrFail({ id: row.id }));
  }
}
