import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DATA_TYPE_PATHS, type SupportedDataType } from '@ledgerlink/models';
import { DataSource } from 'typeorm';
import { ApiError, notFound } from '../common/errors/api-error';
import { isUuid } from '../common/http/params';
import { buildPage, pageSlice, type PagingParams } from '../common/paging';
import { compileQuery, jsonbSchema, parseOrderBy, parseQuery, type QuerySchema, SqlParams } from '../common/query';
import { companyNotFound } from '../company/company.errors';
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

/** A row read as text: the jsonb as PostgreSQL prints it, the dates already in ISO form. */
interface TextRow {
  /** `sourceModifiedDate` is a column, not in the content. */
  data: string;
  modified_date: string;
  source_modified_date: string | null;
  is_deleted: boolean;
}

const ISO_UTC = `'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"'`;
const TEXT_COLUMNS = `r.data::text AS data, to_char(r.modified_date AT TIME ZONE 'UTC', ${ISO_UTC}) AS modified_date,
  to_char(r.source_modified_date AT TIME ZONE 'UTC', ${ISO_UTC}) AS source_modified_date, r.is_deleted`;

/** toRecord for a row read as text: the same keys, spliced as JSON text. */
function recordText(r: TextRow): string {
  const smd = r.source_modified_date ? `,"sourceModifiedDate":"${r.source_modified_date}"` : '';
  const meta = `"modifiedDate":"${r.modified_date}"${smd},"metadata":{"isDeleted":${r.is_deleted ? 'true' : 'false'}}}`;
  const body = r.data.trimEnd();
  return body === '{}' ? `{${meta}` : `${body.slice(0, -1)},${meta}`;
}

/** Puts serialised results into a serialised page whose `results` is empty (buildPage puts it first). */
export function spliceResults(pageJson: string, results: string[]): string {
  const head = '{"results":[]';
  if (!pageJson.startsWith(head)) throw new Error('page envelope must start with results');
  return `{"results":[${results.join(',')}]${pageJson.slice(head.length)}`;
}

const COUNT_CACHE_MAX = 20_000;

/** The read API over synced records (contract section 10). */
@Injectable()
export class RecordsService {
  /** Exact totals per (company, data type, records version, filter); a sync or write bumps the version. */
  private readonly counts = new Map<string, number>();

  constructor(@InjectDataSource() private readonly db: DataSource) {}

  /**
   * One round trip for the read API's gates: the company belongs to the client (else the same 404
   * as CompanyService.requireCompany, companyNotFound), the data type has a completed dataset (else
   * 409), and the records version that keys the cached counts.
   */
  private async requireRequested(clientId: string, companyId: string, dataType: string): Promise<{ companyId: string; version: string }> {
    const rows: { id: string; ok: boolean; version: string | null }[] = isUuid(companyId)
      ? await this.db.query(
          `SELECT c.id,
                  EXISTS (SELECT 1 FROM dataset d WHERE d.company_id = c.id AND d.data_type = $3 AND d.status = 'Complete') AS ok,
                  (SELECT v.version::text FROM record_version v WHERE v.company_id = c.id AND v.data_type = $3) AS version
           FROM company c WHERE c.id = $1 AND c.client_id = $2`,
          [companyId.toLowerCase(), clientId, dataType],
        )
      : [];
    if (!rows.length) throw companyNotFound(companyId);
    if (!rows[0].ok) throw new ApiError(409, 'The data set has not been requested.', { code: 'pull.not_requested', service: 'PullApi' });
    return { companyId: rows[0].id, version: rows[0].version ?? '0' };
  }

  /**
   * A page of records as JSON text: rows come from PostgreSQL as jsonb text and are spliced into
   * the envelope, skipping a parse and re-stringify of every record (the main CPU cost otherwise).
   */
  async list(clientId: string, companyId: string, dataType: SupportedDataType, p: PagingParams): Promise<string> {
    const schema = schemas.get(dataType);
    if (!schema) throw notFound(`Unknown data type ${dataType}`);
    const gate = await this.requireRequested(clientId, companyId, dataType);
    const params = new SqlParams();
    const where = [`r.company_id = ${params.add(gate.companyId)}`, `r.data_type = ${params.add(dataType)}`];
    if (p.query) where.push(compileQuery(parseQuery(p.query), schema, params));
    const order = p.orderBy ? parseOrderBy(p.orderBy, schema, 'r.record_id').sql : 'ORDER BY r.record_id';
    const filter = where.join(' AND ');
    const countKey = `${gate.companyId}|${dataType}|${gate.version}|${p.query ?? ''}`;
    const slice = pageSlice(params, p);
    const [rows, total] = await Promise.all([
      this.db.query(
        // The text conversions run in the outer query, on the page's rows only (in one level they
        // would also run for every row the OFFSET skips); it re-sorts those rows the same way.
        `SELECT ${TEXT_COLUMNS} FROM (
           SELECT r.record_id, r.data, r.modified_date, r.source_modified_date, r.is_deleted FROM record r WHERE ${filter} ${order} ${slice.sql}
         ) r ${order}`,
        params.values,
      ) as Promise<TextRow[]>,
      this.count(countKey, `SELECT count(*)::int AS n FROM record r WHERE ${filter}`, slice.countValues),
    ]);
    const page = buildPage({
      results: [],
      page: p.page,
      pageSize: p.pageSize,
      totalResults: total,
      path: `/companies/${gate.companyId}/data/${DATA_TYPE_PATHS[dataType]}`,
      query: p.query,
      orderBy: p.orderBy,
    });
    return spliceResults(JSON.stringify(page), rows.map(recordText));
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
    const gate = await this.requireRequested(clientId, companyId, dataType);
    const rows: Row[] = await this.db.query(
      'SELECT r.data, r.modified_date, r.source_modified_date, r.is_deleted FROM record r WHERE r.company_id = $1 AND r.data_type = $2 AND r.record_id = $3 ORDER BY r.is_deleted, r.modified_date DESC LIMIT 1',
      [gate.companyId, dataType, recordId],
    );
    if (!rows.length) throw notFound(`No data available for ${DATA_TYPE_PATHS[dataType]} for ID ${recordId}`, { service: 'PullApi' });
    return toRecord(rows[0]);
  }

  /** GET /data/info: the company info record, without platform metadata (contract 10.9). */
  async info(clientId: string, companyId: string): Promise<Record<string, unknown>> {
    const gate = await this.requireRequested(clientId, companyId, 'company');
    const rows: { data: Record<string, unknown> }[] = await this.db.query(
      "SELECT r.data FROM record r WHERE r.company_id = $1 AND r.data_type = 'company' AND r.record_id = $2 AND NOT r.is_deleted ORDER BY r.modified_date DESC LIMIT 1",
      [gate.companyId, COMPANY_INFO_ID],
    );
    if (!rows.length) throw notFound(`No data available for info for ID ${gate.companyId}`, { service: 'PullApi' });
    const { id: _id, sourceModifiedDate: _s, ...info } = rows[0].data;
    return info;
  }
}
