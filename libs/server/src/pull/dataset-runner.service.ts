import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import {
  ConnectorAuthError,
  ConnectorNotSupportedError,
  ConnectorUnavailableError,
} from '@ledgerlink/connectors';
import type { SupportedDataType } from '@ledgerlink/models';
import { DataSource } from 'typeorm';
import { Clock } from '../common/clock';
import { JsonLogger } from '../common/json-logger';
import { CompanyEntity } from '../company/company.entity';
import type { AppConfig } from '../config/config.schema';
import { APP_CONFIG } from '../core/tokens';
import { ConnectionEntity } from '../connection/connection.entity';
import { ConnectorRuntimeService } from '../connector-runtime/connector-runtime.service';
import { MetricsService } from '../health/metrics.service';
import { SyncSettingsService } from '../sync-settings/sync-settings.service';
import { readCompletedEvents } from '../webhook/webhook-event.builders';
import { WebhookEventsService } from '../webhook/webhook-events.service';
import { DatasetEntity } from './dataset.entity';
import { type DatasetStatus, isErrored } from './dataset-status';
import { historyStart } from './history-window';
import { type PastRead, planRead, type ReadPlan } from './read-plan';
import { RecordWriter } from './record-writer';

const PROGRESS_EVERY_MS = 1000;
/** Incremental reads start this long before the previous read started (clock skew, commit lag). */
const INCREMENTAL_OVERLAP_MS = 5 * 60_000;

/** Fetches the next batch while the current one is being written (one batch ahead, so memory stays flat). */
async function* readAhead<T>(source: AsyncIterable<T>): AsyncIterable<T> {
  const it = source[Symbol.asyncIterator]();
  let next = it.next();
  try {
    for (;;) {
      const current = await next;
      if (current.done) return;
      next = it.next();
      next.catch(() => undefined); // surfaced when awaited on the next turn
      yield current.value;
    }
  } finally {
    await it.return?.();
  }
}

export interface DatasetOutcome {
  status: DatasetStatus;
  recordsRead: number;
  recordsChanged: number;
  recordsDeleted: number;
}

/** Runs one dataset: streams the connector's batches into the records store and records the outcome. */
@Injectable()
export class DatasetRunnerService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly runtime: ConnectorRuntimeService,
    private readonly settings: SyncSettingsService,
    private readonly clock: Clock,
    private readonly logger: JsonLogger,
    private readonly metrics: MetricsService,
    private readonly events: WebhookEventsService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  /** Full or incremental, from the connector's abilities and this connection's completed reads. */
  private async plan(connection: ConnectionEntity, dataType: string, from: Date | null, now: Date): Promise<ReadPlan> {
    const incremental = this.runtime.readsIncrementally(connection.platformKey);
    if (!incremental) return { mode: 'full' };
    const rows: { started: Date; read_mode: 'full' | 'incremental'; read_from: Date | null; newest_full: boolean }[] = await this.db.query(
      `(SELECT started, read_mode, read_from, false AS newest_full FROM dataset
         WHERE connection_id = $1 AND data_type = $2 AND status = 'Complete' AND read_mode IS NOT NULL AND started IS NOT NULL
         ORDER BY started DESC LIMIT 1)
       UNION ALL
       (SELECT started, read_mode, read_from, true FROM dataset
         WHERE connection_id = $1 AND data_type = $2 AND status = 'Complete' AND read_mode = 'full' AND started IS NOT NULL
         ORDER BY started DESC LIMIT 1)`,
      [connection.id, dataType],
    );
    const past = (r: (typeof rows)[number] | undefined): PastRead | undefined => r && { started: r.started, mode: r.read_mode, from: r.read_from };
    return planRead({
      incremental,
      lastRead: past(rows.find((r) => !r.newest_full)),
      lastFullRead: past(rows.find((r) => r.newest_full)),
      from,
      now,
      fullReadEveryMs: this.config.PULL_FULL_READ_EVERY_HOURS * 3600_000,
      overlapMs: INCREMENTAL_OVERLAP_MS,
    });
  }

  async run(datasetId: string): Promise<DatasetOutcome | undefined> {
    const now = this.clock.now();
    // A CTE, so the driver returns the claimed rows (a bare UPDATE … RETURNING comes back as [rows, count]).
    const claimed: { id: string }[] = await this.db.query(
      `WITH claimed AS (UPDATE dataset SET status = 'Fetching', started = $2, heartbeat_at = $2, progress = 1 WHERE id = $1 AND status = 'Queued' RETURNING id)
       SELECT id FROM claimed`,
      [datasetId, now],
    );
    if (!claimed.length) return undefined; // already run, or not ours to run
    const dataset = await this.db.getRepository(DatasetEntity).findOneByOrFail({ id: datasetId });
    const connection = await this.db.getRepository(ConnectionEntity).findOneBy({ id: dataset.connectionId });
    const company = await this.db.getRepository(CompanyEntity).findOneBy({ id: dataset.companyId });
    if (!connection || !company) return this.finish(dataset, 'PrerequisiteNotMet', 'The connection no longer exists.');
    if (connection.status !== 'Linked') return this.finish(dataset, 'PrerequisiteNotMet', `The connection is ${connection.status}, not Linked.`);

    const dataType = dataset.dataType as SupportedDataType;
    const { settings } = await this.settings.effective(company.clientId, company.id);
    const from = historyStart(settings.find((s) => s.dataType === dataType), now);
    const plan = await this.plan(connection, dataType, from ?? null, now);
    const modifiedSince = plan.mode === 'incremental' ? plan.modifiedSince : undefined;
    await this.db.query('UPDATE dataset SET read_mode = $2, read_from = $3, modified_since = $4 WHERE id = $1', [datasetId, plan.mode, from ?? null, modifiedSince ?? null]);
    const connector = this.runtime.open(connection);
    const writer = new RecordWriter((sql, params) => this.db.query(sql, params), { connectionId: connection.id, companyId: company.id, dataType, datasetId, now, mode: plan.mode });
    let inflight: Promise<void> | undefined;
    try {
      await writer.begin();
      let batches = 0;
      let reported = Date.now();
      // Two batches in flight: the database writes one while this process prepares the next.
      for await (const batch of readAhead(connector.read(dataType, { from, modifiedSince, batchSize: 1000 }))) {
        const writing = writer.write(batch);
        writing.catch(() => undefined); // rethrown when awaited below
        if (inflight) await inflight;
        inflight = writing;
        batches += 1;
        if (Date.now() - reported >= PROGRESS_EVERY_MS) {
          reported = Date.now();
          await this.db.query('UPDATE dataset SET progress = $2, records_read = $3, heartbeat_at = $4 WHERE id = $1', [
            datasetId,
            Math.min(95, 5 + batches),
            writer.counts.read,
            this.clock.now(),
          ]);
        }
      }
      if (inflight) await inflight;
      const deleted = writer.counts.deleted + (await writer.markUnseenDeleted(from));
      if (writer.counts.changed + deleted > 0) await writer.bumpVersion();
      await this.db.query('UPDATE connection SET last_sync = $2 WHERE id = $1', [connection.id, now]);
      await this.db.query('UPDATE company SET last_sync = $2 WHERE id = $1', [company.id, now]);
      this.metrics.jobs.labels('pull', 'ok').inc();
      return await this.finish(dataset, 'Complete', null, writer.counts.read, writer.counts.changed, deleted);
    } catch (err) {
      await inflight?.catch(() => undefined); // never leave a write running past the outcome
      this.metrics.jobs.labels('pull', 'error').inc();
      return await this.fail(dataset, connection, err, writer.counts.read, writer.counts.changed);
    } finally {
      await writer.end().catch(() => undefined);
      await connector.close?.().catch(() => undefined);
    }
  }

  private async fail(dataset: DatasetEntity, connection: ConnectionEntity, err: unknown, read: number, changed: number) {
    const message = err instanceof Error ? err.message : String(err);
    if (err instanceof ConnectorAuthError) {
      const lastError = { statusCode: '401', statusText: 'AuthorizationExpired', errorMessage: message, erroredOnUtc: this.clock.now().toISOString() };
      await this.db.getRepository(ConnectionEntity).update({ id: connection.id }, { status: 'Deauthorized', lastError });
      return this.finish(dataset, 'AuthError', message, read, changed);
    }
    if (err instanceof ConnectorUnavailableError) return this.finish(dataset, 'FetchError', message, read, changed);
    if (err instanceof ConnectorNotSupportedError) return this.finish(dataset, 'NotSupported', message, read, changed);
    this.logger.event('error', 'dataset failed', { datasetId: dataset.id, error: message, stack: err instanceof Error ? err.stack : undefined });
    return this.finish(dataset, 'InternalError', 'An internal error occurred while syncing. It has been logged.', read, changed);
  }

  /** Records the outcome and, in the same transaction, the read.completed (and legacy) events. */
  private async finish(dataset: DatasetEntity, status: DatasetStatus, errorMessage: string | null, read = 0, changed = 0, deleted = 0): Promise<DatasetOutcome> {
    const now = this.clock.now();
    await this.db.transaction(async (tx) => {
      await tx.getRepository(DatasetEntity).update(
        { id: dataset.id },
        { status, errorMessage, progress: status === 'Complete' ? 100 : dataset.progress, completed: now, recordsRead: read, recordsChanged: changed + deleted, heartbeatAt: now },
      );
      const company = await tx.getRepository(CompanyEntity).findOneBy({ id: dataset.companyId });
      if (!company) return;
      // Datasets of one company finish concurrently: serialise them so exactly one is the first read.
      await tx.query('SELECT pg_advisory_xact_lock(hashtext($1))', [`first-read:${company.id}`]);
      const [{ earlier }] = await tx.query(
        `SELECT EXISTS (SELECT 1 FROM dataset WHERE company_id = $1 AND status = 'Complete' AND id <> $2) AS earlier`,
        [company.id, dataset.id],
      );
      const outcome = { connectionId: dataset.connectionId, datasetId: dataset.id, dataType: dataset.dataType, status, recordsModified: changed + deleted > 0, isErrored: isErrored(status) };
      const ref = { id: company.id, name: company.name, description: company.description, tags: company.tags };
      const modifiedFrom = (dataset.started ?? dataset.requested).toISOString();
      await this.events.emit(tx, readCompletedEvents(company.clientId, ref, modifiedFrom, [outcome], status === 'Complete' && !earlier));
    });
    this.logger.event(status === 'Complete' ? 'info' : 'warn', 'dataset finished', { datasetId: dataset.id, dataType: dataset.dataType, status, read, changed, deleted });
    return { status, recordsRead: read, recordsChanged: changed, recordsDeleted: deleted };
  }

}
