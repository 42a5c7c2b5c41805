import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DATA_TYPE_PATHS, type Paged, type SupportedDataType } from '@ledgerlink/models';
import { DataSource } from 'typeorm';
import { ApiError, notFound } from '../common/errors/api-error';
import { buildPage, pageSlice, type PagingParams } from '../common/paging';
import { compileQuery, jsonbSchema, parseOrderBy, parseQuery, type QuerySchema, SqlParams } from '../common/query';
import { CompanyService } from '../company/company.service';
import { COMPANY_INFO_ID } from './record-writer';

const ENTITY_NAMES: Record<SupportedDataType, string> = {
  chartOfAccounts: 'Account',
  customers: 'Customer',
  suppliers: 'Supplier',
  invoices: 'Invoice',
  bills: 'Bill',
  payments: 'Payment',
  billPayments: 'BillPayment',
  taxRates: 'TaxRate',
  journalEntries: 'JournalEntry',
  company: 'CompanyInfo',
};

/** path segment (`accounts`) → data type (`chartOfAccounts`). */
export const DATA_TYPE_BY_PATH = new Map(Object.entries(DATA_TYPE_PATHS).map(([t, p]) => [p as string, t as SupportedDataType]));

const schemas = new Map<string, QuerySchema>(
  Object.entries(ENTITY_NAMES).map(([t, name]) => [
    t,
    jsonbSchema(name, 'r.data', {
      id: { type: 'string', sql: 'r.record_id' },
      modifiedDate: { type: 'date', sql: 'r.modified_date' },
      sourceModifiedDate: { type: 'date', sql: 'r.source_modified_date' },
      'metadata.isDeleted': { type: 'boolean', sql: 'r.is_deleted' },
    }),
  ]),
);

interface Row {
  data: Record<string, unknown>;
  modified_date: Date;
  source_modified_date: Date | null;
  is_deleted: boolean;
}

/** A stored record as the API serves it: the content plus the platform's metadata. */
function toRecord(r: Row) {
  return {
    ...r.data,
    modifiedDate: r.modified_date.toISOString(),
    ...(r.source_modified_date ? { sourceModifiedDate: r.source_modified_date.toISOString() } : {}),
    metadata: { isDeleted: r.is_deleted },
  };
}

const COUNT_CACHE_MAX = 20_000;

/** The read API over synced records (contract section 10). */
@Injectable()
export class RecordsService {
  /** Exact totals per (company, data type, records version, filter); a sync or write bumps the version. */
  private readonly counts = new Map<string, number>();

  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly companies: CompanyService,
  ) {}

  private async requireRequested(companyId: string, dataType: string): Promise<string> {
    const rows: { ok: boolean; version: string | null }[] = await this.db.query(
      `SELECT EXISTS (SELECT 1 FROM dataset WHERE company_id = $1 AND data_type = $2 AND status = 'Complete') AS ok,
              (SELECT version::text FROM record_version WHERE company_id = $1 AND data_type = $2) AS version`,
      [companyId, dataType],
    );
    if (!rows[0]?.ok) throw new ApiError(409, 'The data set has not been requested.', { code: 'pull.not_requested', service: 'PullApi' });
    return rows[0].version ?? '0';
  }

  async list(clientId: string, companyId: string, dataType: SupportedDataType, p: PagingParams): Promise<Paged<Record<string, unknown>>> {
    const company = await this.companies.requireCompany(clientId, companyId);
    const version = await this.requireRequested(company.id, dataType);
    const schema = schemas.get(dataType);
    if (!schema) throw notFound(`Unknown data type ${dataType}`);
    const params = new SqlParams();
    const where = [`r.company_id = ${params.add(company.id)}`, `r.data_type = ${params.add(dataType)}`];
    if (p.query) where.push(compileQuery(parseQuery(p.query), schema, params));
    const order = p.orderBy ? parseOrderBy(p.orderBy, schema, 'r.record_id').sql : 'ORDER BY r.record_id';
    const filter = where.join(' AND ');
    const countKey = `${company.id}|${dataType}|${version}|${p.query ?? ''}`;
    const slice = pageSlice(params, p);
    const [rows, total] = await Promise.all([
      this.db.query(`SELECT r.data, r.modified_date, r.source_modified_date, r.is_deleted FROM record r WHERE ${filter} ${order} ${slice.sql}`, params.values) as Promise<Row[]>,
      this.count(countKey, `SELECT count(*)::int AS n FROM record r WHERE ${filter}`, slice.countValues),
    ]);
    return buildPage({
      results: rows.map(toRecord),
      page: p.page,
      pageSize: p.pageSize,
      totalResults: total,
      path: `/companies/${company.id}/data/${DATA_TYPE_PATHS[dataType]}`,
      query: p.query,
      orderBy: p.orderBy,
    });
  }

  private async count(key: string, sql: string, params: unknown[]): Promise<number> {
    const hit = this.counts.get(key);
    if (hit !== undefined) {
      this.counts.delete(key);
      this.counts.set(key, hit); // keep recently used keys at the end
      return hit;
    }
    const [{ n }] = await this.db.query(sql, params);
    if (this.counts.size >= COUNT_CACHE_MAX) this.counts.delete(this.counts.keys().next().value as string);
    this.counts.set(key, n);
    return n;
  }

  async get(clientId: string, companyId: string, dataType: SupportedDataType, recordId: string) {
    const company = await this.companies.requireCompany(clientId, companyId);
    await this.requireRequested(company.id, dataType);
    const rows: Row[] = await this.db.query(
      'SELECT r.data, r.modified_date, r.source_modified_date, r.is_deleted FROM record r WHERE r.company_id = $1 AND r.data_type = $2 AND r.record_id = $3 ORDER BY r.is_deleted, r.modified_date DESC LIMIT 1',
      [company.id, dataType, recordId],
    );
    if (!rows.length) throw notFound(`No data available for ${DATA_TYPE_PATHS[dataType]} for ID ${recordId}`, { service: 'PullApi' });
    return toRecord(rows[0]);
  }

  /** GET /data/info: the company info record, without platform metadata (contract 10.9). */
  async info(clientId: string, companyId: string): Promise<Record<string, unknown>> {
    const company = await this.companies.requireCompany(clientId, companyId);
    await this.requireRequested(company.id, 'company');
    const rows: { data: Record<string, unknown> }[] = await this.db.query(
      "SELECT r.data FROM record r WHERE r.company_id = $1 AND r.data_type = 'company' AND r.record_id = $2 AND NOT r.is_deleted ORDER BY r.modified_date DESC LIMIT 1",
      [company.id, COMPANY_INFO_ID],
    );
    if (!rows.length) throw notFound(`No data available for info for ID ${company.id}`, { service: 'PullApi' });
    const { id: _id, sourceModifiedDate: _s, ...info } = rows[0].data;
    return info;
  }
}
