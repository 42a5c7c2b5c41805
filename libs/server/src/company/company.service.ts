import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { ConnectorRegistry } from '@ledgerlink/connectors';
import type { Company, Paged } from '@ledgerlink/models';
import { DataSource, In } from 'typeorm';
import { isUuid } from '../common/http/params';
import { buildPage, inIdOrder, pageIds, type PagingParams } from '../common/paging';
import { columnSchema, compileQuery, parseOrderBy, parseQuery, SqlParams, type QuerySchema } from '../common/query';
import type { AppConfig } from '../config/config.schema';
import { APP_CONFIG } from '../core/tokens';
import { ConnectionEntity } from '../connection/connection.entity';
import { CompanyEntity } from './company.entity';
import { companyNotFound } from './company.errors';
import { WebhookEventsService } from '../webhook/webhook-events.service';
import { toCompany } from './company.mapper';
import type { CompanyRequest, CompanyUpdate } from './company.schemas';

const inConnections = (p: string) => `EXISTS (SELECT 1 FROM connection dc WHERE dc.company_id = c.id AND ${p})`;

/** What `query=` may address on /companies (contract 1.4). */
export const COMPANY_QUERY_SCHEMA: QuerySchema = columnSchema('Company', {
  id: { type: 'string', sql: 'c.id::text' },
  name: { type: 'string', sql: 'c.name' },
  description: { type: 'string', sql: 'c.description' },
  created: { type: 'date', sql: 'c.created_at' },
  lastSync: { type: 'date', sql: 'c.last_sync' },
  createdByUserName: { type: 'string', sql: 'c.created_by_user_name' },
  'dataConnections.id': { type: 'string', sql: 'dc.id::text', wrap: inConnections },
  'dataConnections.status': { type: 'string', sql: 'dc.status', wrap: inConnections },
  'dataConnections.integrationKey': { type: 'string', sql: 'dc.platform_key', wrap: inConnections },
  'dataConnections.platformKey': { type: 'string', sql: 'dc.platform_key', wrap: inConnections },
  'dataConnections.created': { type: 'date', sql: 'dc.created_at', wrap: inConnections },
});

/** `tags=` on /companies: the same grammar over tag keys. Keys are restricted, then quoted. */
const TAGS_SCHEMA: QuerySchema = {
  entityName: 'Company tags',
  resolve(path) {
    const key = path.join('.');
    if (!/^[A-Za-z0-9_.-]{1,27}$/.test(key)) return undefined;
    return { type: 'string', sql: `(c.tags ->> '${key}')` };
  },
};

export interface CompanyListParams extends PagingParams {
  tags?: string;
  /** Case-insensitive name search (the portal's search box). */
  search?: string;
}

const escapeLike = (s: string) => s.replace(/[\\%_]/g, (ch) => `\\${ch}`);

@Injectable()
export class CompanyService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly registry: ConnectorRegistry,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly webhooks: WebhookEventsService,
  ) {}

  /**
   * Tenancy's one gate for everything under /companies/{id}: a company of another client
   * answers exactly like a missing one.
   */
  async requireCompany(clientId: string, companyId: string): Promise<CompanyEntity> {
    const row = isUuid(companyId) ? await this.db.getRepository(CompanyEntity).findOne({ where: { id: companyId.toLowerCase(), clientId } }) : null;
    if (!row) throw companyNotFound(companyId);
    return row;
  }

  async list(clientId: string, p: CompanyListParams, path = '/companies'): Promise<Paged<Company>> {
    const params = new SqlParams();
    const where = [`c.client_id = ${params.add(clientId)}`];
    if (p.query) where.push(compileQuery(parseQuery(p.query), COMPANY_QUERY_SCHEMA, params));
    if (p.tags) where.push(compileQuery(parseQuery(p.tags), TAGS_SCHEMA, params));
    if (p.search) where.push(`c.name ILIKE ${params.add(`%${escapeLike(p.search)}%`)} ESCAPE '\\'`);
    const order = p.orderBy ? parseOrderBy(p.orderBy, COMPANY_QUERY_SCHEMA, 'c.id').sql : 'ORDER BY c.created_at DESC, c.id DESC';
    const { ids, total } = await pageIds(this.db, { table: 'company', alias: 'c' }, where.join(' AND '), order, params, p);
    const results = await this.loadCompanies(ids);
    return buildPage({ results, page: p.page, pageSize: p.pageSize, totalResults: total, path, query: p.query, orderBy: p.orderBy, extra: { tags: p.tags } });
  }

  async get(clientId: string, companyId: string): Promise<Company> {
    const row = await this.requireCompany(clientId, companyId);
    return (await this.loadCompanies([row.id]))[0];
  }

  async create(clientId: string, input: CompanyRequest, createdBy?: string): Promise<Company> {
    const row = await this.db.transaction(async (manager) => {
      const saved = await manager.getRepository(CompanyEntity).save({
        clientId,
        name: input.name,
        description: input.description ?? null,
        tags: input.tags ?? {},
        products: [],
        createdByUserName: createdBy ?? null,
      });
      await this.webhooks.emit(manager, { type: 'company.created', clientId, company: toCompany(saved, [], this.registry, this.config.PORTAL_URL) });
      return saved;
    });
    return (await this.loadCompanies([row.id]))[0];
  }

  /** PUT: name, description and tags are replaced; missing ones are cleared. */
  async replace(clientId: string, companyId: string, input: CompanyRequest): Promise<Company> {
    const row = await this.requireCompany(clientId, companyId);
    await this.db.getRepository(CompanyEntity).update({ id: row.id, clientId }, { name: input.name, description: input.description ?? null, tags: input.tags ?? {} });
    return (await this.loadCompanies([row.id]))[0];
  }

  /** PATCH: only the given fields change. */
  async update(clientId: string, companyId: string, input: CompanyUpdate): Promise<Company> {
    const row = await this.requireCompany(clientId, companyId);
    const patch: Partial<Pick<CompanyEntity, 'name' | 'description' | 'tags'>> = {};
    if (input.name != null) patch.name = input.name;
    if (input.description != null) patch.description = input.description;
    if (input.tags != null) patch.tags = input.tags;
    if (Object.keys(patch).length) await this.db.getRepository(CompanyEntity).update({ id: row.id, clientId }, patch);
    return (await this.loadCompanies([row.id]))[0];
  }

  /** Deletes the company; its connections and data go with it (foreign keys cascade). */
  async remove(clientId: string, companyId: string): Promise<void> {
    const row = await this.requireCompany(clientId, companyId);
    const [company] = await this.loadCompanies([row.id]);
    await this.db.transaction(async (manager) => {
      await manager.getRepository(CompanyEntity).delete({ id: row.id, clientId });
      await this.webhooks.emit(manager, { type: 'company.deleted', clientId, company });
    });
  }

  /** Loads companies with their connections, keeping the given order. */
  private async loadCompanies(ids: string[]): Promise<Company[]> {
    if (!ids.length) return [];
    const [companies, connections] = await Promise.all([
      this.db.getRepository(CompanyEntity).find({ where: { id: In(ids) } }),
      this.db.getRepository(ConnectionEntity).find({ where: { companyId: In(ids) }, order: { createdAt: 'ASC', id: 'ASC' } }),
    ]);
    return inIdOrder(ids, companies).map((c) => toCompany(c, connections.filter((x) => x.companyId === c.id), this.registry, this.config.PORTAL_URL));
  }
}
