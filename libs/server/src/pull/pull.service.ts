import { InjectQueue } from '@nestjs/bull';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { ConnectorRegistry } from '@ledgerlink/connectors';
import { isDataType, type Paged } from '@ledgerlink/models';
import type { Queue } from 'bull';
import { DataSource, type EntityManager, In } from 'typeorm';
import { Clock } from '../common/clock';
import { ApiError, badRequest, notFound } from '../common/errors/api-error';
import { isUuid } from '../common/http/params';
import { buildPage, inIdOrder, pageIds, type PagingParams } from '../common/paging';
import { columnSchema, compileQuery, parseOrderBy, parseQuery, SqlParams } from '../common/query';
import { CompanyService } from '../company/company.service';
import { ConnectionEntity } from '../connection/connection.entity';
import { JOBS, QUEUES } from '../queue/queue.names';
import { SyncSettingsService } from '../sync-settings/sync-settings.service';
import { DatasetEntity } from './dataset.entity';
import { UNFINISHED_STATUSES } from './dataset-status';
import { toPullOperation, type PullOperation } from './pull-operation.mapper';

const HISTORY_SCHEMA = columnSchema('Dataset', {
  id: { type: 'string', sql: 'd.id::text' },
  connectionId: { type: 'string', sql: 'd.connection_id::text' },
  dataType: { type: 'string', sql: 'd.data_type' },
  status: { type: 'string', sql: 'd.status' },
  requested: { type: 'date', sql: 'd.requested' },
  completed: { type: 'date', sql: 'd.completed' },
  progress: { type: 'number', sql: 'd.progress' },
});

const UNFINISHED_SQL = UNFINISHED_STATUSES.map((x) => `'${x}'`).join(', ');

export type QueueTrigger = 'api' | 'all' | 'first-link' | 'schedule';

/** Queues pulls (datasets) and reports on them. */
@Injectable()
export class PullService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    @InjectQueue(QUEUES.pull) private readonly queue: Queue,
    private readonly companies: CompanyService,
    private readonly settings: SyncSettingsService,
    private readonly registry: ConnectorRegistry,
    private readonly clock: Clock,
  ) {}

  /** Whether a connection's connector reads this data type. */
  supports(platformKey: string, dataType: string): boolean {
    const features: Partial<Record<string, Partial<Record<string, string>>>> = this.registry.get(platformKey)?.metadata.features ?? {};
    return features[dataType]?.['Get'] === 'Release';
  }

  /** POST /companies/{id}/data/queue/{dataType}: one dataset per linked connection that reads the type. */
  async queueDataType(clientId: string, companyId: string, dataType: string, connectionId?: string): Promise<PullOperation> {
    const company = await this.companies.requireCompany(clientId, companyId);
    if (!isDataType(dataType)) throw badRequest(`${dataType} is not a data type`, { code: 'pull.unknown_data_type' });
    if (connectionId !== undefined && !isUuid(connectionId)) throw notFound(`Data connection ${connectionId} not found`);
    const linked = await this.db.getRepository(ConnectionEntity).find({ where: { companyId: company.id, status: 'Linked' }, order: { createdAt: 'ASC' } });
    const targets = connectionId ? linked.filter((c) => c.id === connectionId.toLowerCase()) : linked;
    if (connectionId && !targets.length) throw notFound(`Data connection ${connectionId} not found or not linked`);
    if (!targets.length) throw badRequest(`Company ${company.id} has no linked connections`, { code: 'pull.no_connection' });
    const supported = targets.filter((c) => this.supports(c.platformKey, dataType));
    if (!supported.length) {
      throw notFound(`Datatype ${dataType} not supported by platform(s) ${[...new Set(targets.map((c) => c.platformKey))].join(', ')}`, { service: 'PullApi' });
    }
    const created: DatasetEntity[] = [];
    for (const c of supported) created.push(await this.insertDataset(company.id, c.id, dataType, 'api'));
    await this.enqueue(created);
    return toPullOperation(created[0]);
  }

  /** POST /companies/{id}/data/all: every fetchOnFirstLink type the linked connections support, in syncOrder. */
  async queueAll(clientId: string, companyId: string, trigger: QueueTrigger = 'all', onlyConnectionId?: string): Promise<DatasetEntity[]> {
    const company = await this.companies.requireCompany(clientId, companyId);
    const { settings } = await this.settings.effective(clientId, company.id);
    const linked = await this.db.getRepository(ConnectionEntity).find({ where: { companyId: company.id, status: 'Linked' } });
    const created: DatasetEntity[] = [];
    for (const s of settings.filter((x) => x.fetchOnFirstLink)) {
      for (const c of linked.filter((x) => (!onlyConnectionId || x.id === onlyConnectionId) && this.supports(x.platformKey, s.dataType))) {
        const d = await this.insertIfIdle(company.id, c.id, s.dataType, trigger);
        if (d) created.push(d);
      }
    }
    await this.enqueue(created);
    return created;
  }

  /**
   * Inserts a Queued dataset unless one is unfinished for that connection and data type; the
   * partial unique index decides atomically, so concurrent requests cannot both queue.
   */
  async insertIfIdle(companyId: string, connectionId: string, dataType: string, trigger: QueueTrigger, manager: EntityManager = this.db.manager): Promise<DatasetEntity | undefined> {
    const rows: { id: string }[] = await manager.query(
      `INSERT INTO dataset (company_id, connection_id, data_type, status, progress, requested, trigger)
       VALUES ($1, $2, $3, 'Queued', 0, $4, $5)
       ON CONFLICT (connection_id, data_type) WHERE status IN (${UNFINISHED_SQL}) DO NOTHING
       RETURNING id`,
      [companyId, connectionId, dataType, this.clock.now(), trigger],
    );
    return rows.length ? manager.getRepository(DatasetEntity).findOneByOrFail({ id: rows[0].id }) : undefined;
  }

  /** Like insertIfIdle, but an unfinished dataset is the contract's DatasetAlreadyInProgressException. */
  async insertDataset(companyId: string, connectionId: string, dataType: string, trigger: QueueTrigger, manager: EntityManager = this.db.manager): Promise<DatasetEntity> {
    const created = await this.insertIfIdle(companyId, connectionId, dataType, trigger, manager);
    if (created) return created;
    const running = await manager.getRepository(DatasetEntity).findOne({ where: { connectionId, dataType }, order: { requested: 'DESC' } });
    throw new ApiError(400, `DatasetAlreadyInProgressException: Cannot queue ${dataType} sync for ${companyId} as previous sync ${running?.id ?? 'unknown'} is still in progress`, {
      service: 'PullApi',
      code: 'pull.in_progress',
      canBeRetried: 'True',
    });
  }

  /** Jobs carry the dataset id only; the job id is the dataset id, so a re-enqueue is harmless. */
  async enqueue(datasets: Pick<DatasetEntity, 'id'>[]) {
    if (!datasets.length) return;
    await this.queue.addBulk(datasets.map((d) => ({ name: JOBS.runDataset, data: { datasetId: d.id }, opts: { jobId: d.id, removeOnComplete: true, removeOnFail: 1000 } })));
  }

  async history(clientId: string, companyId: string, p: PagingParams): Promise<Paged<PullOperation>> {
    const company = await this.companies.requireCompany(clientId, companyId);
    const params = new SqlParams();
    const where = [`d.company_id = ${params.add(company.id)}`];
    if (p.query) where.push(compileQuery(parseQuery(p.query), HISTORY_SCHEMA, params));
    const order = p.orderBy ? parseOrderBy(p.orderBy, HISTORY_SCHEMA, 'd.id').sql : 'ORDER BY d.requested DESC, d.id DESC';
    const { ids, total } = await pageIds(this.db, { table: 'dataset', alias: 'd' }, where.join(' AND '), order, params, p);
    const rows = ids.length ? await this.db.getRepository(DatasetEntity).findBy({ id: In(ids) }) : [];
    const results = inIdOrder(ids, rows).map(toPullOperation);
    return buildPage({ results, page: p.page, pageSize: p.pageSize, totalResults: total, path: `/companies/${company.id}/data/history`, query: p.query, orderBy: p.orderBy });
  }

  async get(clientId: string, companyId: string, datasetId: string): Promise<PullOperation> {
    const company = await this.companies.requireCompany(clientId, companyId);
    const row = isUuid(datasetId) ? await this.db.getRepository(DatasetEntity).findOne({ where: { id: datasetId.toLowerCase(), companyId: company.id } }) : null;
    if (!row) throw notFound(`No dataset was found with ID ${datasetId}`, { service: 'PullApi' });
    return toPullOperation(row);
  }

  /** GET /companies/{id}/dataStatus: per data type ever synced (never-synced types are left out). */
  async dataStatus(clientId: string, companyId: string) {
    const company = await this.companies.requireCompany(clientId, companyId);
    const rows: { data_type: string; latest_id: string; latest_status: string; ok_id: string | null; ok_completed: Date | null }[] = await this.db.query(
      `SELECT t.data_type, l.id AS latest_id, l.status AS latest_status, s.id AS ok_id, s.completed AS ok_completed
       FROM (SELECT DISTINCT data_type FROM dataset WHERE company_id = $1) t
       CROSS JOIN LATERAL (SELECT id, status FROM dataset WHERE company_id = $1 AND data_type = t.data_type ORDER BY requested DESC, id DESC LIMIT 1) l
       LEFT JOIN LATERAL (SELECT id, completed FROM dataset WHERE company_id = $1 AND data_type = t.data_type AND status = 'Complete' ORDER BY completed DESC LIMIT 1) s ON true`,
      [company.id],
    );
    return Object.fromEntries(
      rows
        .filter((r) => isDataType(r.data_type))
        .map((r) => [
          r.data_type,
          {
            dataType: r.data_type,
            currentStatus: r.latest_status,
            latestSyncId: r.latest_id,
            ...(r.ok_completed ? { lastSuccessfulSync: new Date(r.ok_completed).toISOString() } : {}),
            ...(r.ok_id ? { latestSuccessfulSyncId: r.ok_id } : {}),
          },
        ]),
    );
  }
}
