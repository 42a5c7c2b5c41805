import { createHash } from 'node:crypto';
import type { UnifiedRecord } from '@ledgerlink/connectors';
/** Runs one statement on the pool (DataSource.query). */
export type Query = (sql: string, params?: unknown[]) => Promise<any>; // eslint-disable-line @typescript-eslint/no-explicit-any

/** The fixed id of the single `company` (info) record. */
export const COMPANY_INFO_ID = 'company';

interface Prepared {
  id: string;
  json: string;
  hash: string;
  sourceModifiedDate: string | null;
}

/**
 * Platform-owned keys are not part of a record's content, and `sourceModifiedDate` lives in its
 * own column (so the read API can serve the stored jsonb text as it is). The hash covers both.
 */
function prepare(record: UnifiedRecord, dataType: string): Prepared | undefined {
  const { modifiedDate: _m, metadata: _meta, sourceModifiedDate: _s, ...content } = record as Record<string, unknown>;
  const id = dataType === 'company' ? COMPANY_INFO_ID : record.id;
  if (typeof id !== 'string' || !id || id.length > 255) return undefined;
  const json = JSON.stringify(content);
  const smd = typeof record.sourceModifiedDate === 'string' && !Number.isNaN(Date.parse(record.sourceModifiedDate)) ? record.sourceModifiedDate : null;
  return { id, json, hash: createHash('sha256').update(json).update(`\n${smd ?? ''}`).digest('base64'), sourceModifiedDate: smd };
}

export interface WriteCounts {
  read: number;
  changed: number;
  /** Records the source reported deleted (tombstones), now marked deleted here. */
  deleted: number;
  skipped: number;
}

const isTombstone = (r: UnifiedRecord) => (r['metadata'] as { isDeleted?: unknown } | undefined)?.isDeleted === true;

/**
 * Streams batches into the records table. Per batch: in a full read the ids go to the (unlogged)
 * seen set of this dataset, one SELECT reads the stored hashes, then one upsert writes only the
 * new or changed records, so a no-change re-sync writes no records. Records the source reports
 * deleted (`metadata.isDeleted: true`, as incremental reads return them) are marked deleted.
 * Every statement uses the pool, so a running sync holds no connection between statements.
 */
export class RecordWriter {
  readonly counts: WriteCounts = { read: 0, changed: 0, deleted: 0, skipped: 0 };
  /** True when this connection had no records of the type: nothing to compare or mark deleted. */
  private empty = false;

  constructor(
    private readonly query: Query,
    private readonly ctx: { connectionId: string; companyId: string; dataType: string; datasetId: string; now: Date; mode: 'full' | 'incremental' },
  ) {}

  async begin() {
    const [{ any }] = await this.query('SELECT EXISTS (SELECT 1 FROM record WHERE connection_id = $1 AND data_type = $2) AS any', [this.ctx.connectionId, this.ctx.dataType]);
    this.empty = !any;
  }

  async write(batch: UnifiedRecord[]): Promise<void> {
    const byId = new Map<string, Prepared>();
    const gone: string[] = [];
    for (const r of batch) {
      const p = prepare(r, this.ctx.dataType);
      if (!p) this.counts.skipped += 1;
      else if (isTombstone(r)) gone.push(p.id);
      else byId.set(p.id, p);
    }
    this.counts.read += byId.size + gone.length;
    if (gone.length) await this.markDeleted(gone.filter((id) => !byId.has(id)));
    if (!byId.size) return;
    const ids = [...byId.keys()];
    const { connectionId, dataType, companyId } = this.ctx;
    // One round trip: remember the ids as seen (full reads), and read their stored hashes.
    // `record_id = ANY` keeps this one primary-key index scan for the batch's keys; a join against
    // unnest() let the planner pick a hash join over every record of the type (quadratic).
    const seen = this.ctx.mode === 'full' ? `WITH seen AS (INSERT INTO dataset_seen (dataset_id, record_id) SELECT $4, unnest($3::text[]) ON CONFLICT DO NOTHING) ` : '';
    const stored: { record_id: string; hash: string; is_deleted: boolean }[] = this.empty
      ? []
      : await this.query(
          `${seen}SELECT r.record_id, r.hash, r.is_deleted FROM record r
           WHERE r.connection_id = $1 AND r.data_type = $2 AND r.record_id = ANY ($3::text[])`,
          seen ? [connectionId, dataType, ids, this.ctx.datasetId] : [connectionId, dataType, ids],
        );
    const unchanged = new Set(stored.filter((s) => !s.is_deleted && s.hash === byId.get(s.record_id)?.hash).map((s) => s.record_id));
    const changed = [...byId.values()].filter((p) => !unchanged.has(p.id));
    if (!changed.length) return;
    await this.query(
      `INSERT INTO record (connection_id, data_type, record_id, company_id, data, hash, modified_date, source_modified_date, is_deleted)
       SELECT $1, $2, u.id, $3, u.d::jsonb, u.h, $4, u.s::timestamptz, false
       FROM unnest($5::text[], $6::text[], $7::text[], $8::text[]) AS u(id, d, h, s)
       ON CONFLICT (connection_id, data_type, record_id) DO UPDATE
         SET data = EXCLUDED.data, hash = EXCLUDED.hash, modified_date = EXCLUDED.modified_date,
             source_modified_date = EXCLUDED.source_modified_date, is_deleted = false, company_id = EXCLUDED.company_id
         WHERE record.hash IS DISTINCT FROM EXCLUDED.hash OR record.is_deleted`,
      [connectionId, dataType, companyId, this.ctx.now, changed.map((c) => c.id), changed.map((c) => c.json), changed.map((c) => c.hash), changed.map((c) => c.sourceModifiedDate)],
    );
    this.counts.changed += changed.length;
  }

  /** Tombstones from the source: the stored records are kept, marked deleted. */
  private async markDeleted(ids: string[]): Promise<void> {
    if (!ids.length || this.empty) return;
    const [{ n }]: { n: number }[] = await this.query(
      `WITH gone AS (
         UPDATE record SET is_deleted = true, modified_date = $4
         WHERE connection_id = $1 AND data_type = $2 AND record_id = ANY ($3::text[]) AND NOT is_deleted
         RETURNING 1)
       SELECT count(*)::int AS n FROM gone`,
      [this.ctx.connectionId, this.ctx.dataType, ids, this.ctx.now],
    );
    this.counts.deleted += n;
  }

  /**
   * After a full read: records no longer seen are kept, marked deleted. With a history window
   * (`from`), only records inside the window can be judged deleted. Returns how many.
   */
  async markUnseenDeleted(from?: Date): Promise<number> {
    if (this.empty || this.ctx.mode !== 'full') return 0;
    const [{ n }]: { n: number }[] = await this.query(
      `WITH gone AS (
         UPDATE record r SET is_deleted = true, modified_date = $3
         WHERE r.connection_id = $1 AND r.data_type = $2 AND NOT r.is_deleted
           AND ($4::timestamptz IS NULL OR r.source_modified_date IS NULL OR r.source_modified_date >= $4)
           AND NOT EXISTS (SELECT 1 FROM dataset_seen s WHERE s.dataset_id = $5 AND s.record_id = r.record_id)
         RETURNING 1)
       SELECT count(*)::int AS n FROM gone`,
      [this.ctx.connectionId, this.ctx.dataType, this.ctx.now, from ?? null, this.ctx.datasetId],
    );
    return n;
  }

  async bumpVersion(): Promise<void> {
    await this.query(
      `INSERT INTO record_version (company_id, data_type, version) VALUES ($1, $2, 1)
       ON CONFLICT (company_id, data_type) DO UPDATE SET version = record_version.version + 1`,
      [this.ctx.companyId, this.ctx.dataType],
    );
  }

  /** Forgets the seen set (the sweep also removes sets of datasets that ended without it). */
  async end() {
    if (this.ctx.mode !== 'full') return;
    await this.query('DELETE FROM dataset_seen WHERE dataset_id = $1', [this.ctx.datasetId]);
  }
}
