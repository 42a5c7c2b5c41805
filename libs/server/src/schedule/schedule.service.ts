import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { Clock } from '../common/clock';
import { CompanyEntity } from '../company/company.entity';
import { ConnectionEntity } from '../connection/connection.entity';
import { PullService } from '../pull/pull.service';
import type { DatasetEntity } from '../pull/dataset.entity';
import { MAX_SCHEDULE_HOURS } from '../sync-settings/sync-settings.schemas';
import { SyncSettingsService } from '../sync-settings/sync-settings.service';
import { nextRun } from './next-run';

/** syncSchedule 0 means "never", but a connection is still kept alive monthly (seed 002). */
const effectiveHours = (h: number) => (h > 0 ? Math.min(h, MAX_SCHEDULE_HOURS) : MAX_SCHEDULE_HOURS);

/** Scheduled pulls as rows: (re)computes next-run times and queues what is due. */
@Injectable()
export class ScheduleService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly settings: SyncSettingsService,
    private readonly pull: PullService,
    private readonly clock: Clock,
  ) {}

  /** Recomputes the schedule rows of a company's linked connections (after linking or a settings change). */
  async rescheduleCompany(clientId: string, companyId: string): Promise<void> {
    const { settings, schedule } = await this.settings.effective(clientId, companyId);
    const connections = await this.db.getRepository(ConnectionEntity).find({ where: { companyId, status: 'Linked' } });
    const now = this.clock.now();
    for (const c of connections) {
      const types = settings.filter((s) => this.pull.supports(c.platformKey, s.dataType));
      await this.db.query(`DELETE FROM sync_schedule WHERE connection_id = $1 AND NOT (data_type = ANY($2::text[]))`, [c.id, types.map((t) => t.dataType)]);
      for (const s of types) {
        const at = nextRun(now, effectiveHours(s.syncSchedule), c.linkedAt ?? c.createdAt, schedule);
        await this.db.query(
          `INSERT INTO sync_schedule (connection_id, data_type, next_run_at) VALUES ($1, $2, $3)
           ON CONFLICT (connection_id, data_type) DO UPDATE SET next_run_at = EXCLUDED.next_run_at`,
          [c.id, s.dataType, at],
        );
      }
    }
  }

  /** After the client's defaults change: every company of the client is rescheduled. */
  async rescheduleClient(clientId: string): Promise<void> {
    const rows: { company_id: string }[] = await this.db.query(
      `SELECT DISTINCT c.company_id FROM connection c JOIN company co ON co.id = c.company_id WHERE co.client_id = $1 AND c.status = 'Linked'`,
      [clientId],
    );
    for (const r of rows) await this.rescheduleCompany(clientId, r.company_id);
  }

  /**
   * One tick: claims due rows with FOR UPDATE SKIP LOCKED (so two workers never take the same
   * row), queues their datasets in syncOrder and advances next-run past now. A worker that was
   * down catches up on its next tick: a due row runs once, then moves to its next future slot.
   */
  async tick(limit = 500): Promise<number> {
    const now = this.clock.now();
    const queued: DatasetEntity[] = [];
    await this.db.transaction(async (tx) => {
      const due: { connection_id: string; data_type: string; company_id: string; client_id: string; anchor: Date }[] = await tx.query(
        `SELECT s.connection_id, s.data_type, c.company_id, co.client_id, COALESCE(c.linked_at, c.created_at) AS anchor
         FROM sync_schedule s JOIN connection c ON c.id = s.connection_id JOIN company co ON co.id = c.company_id
         WHERE s.next_run_at <= $1 AND c.status = 'Linked'
         ORDER BY s.next_run_at LIMIT $2 FOR UPDATE OF s SKIP LOCKED`,
        [now, limit],
      );
      const byCompany = new Map<string, typeof due>();
      for (const row of due) byCompany.set(row.company_id, [...(byCompany.get(row.company_id) ?? []), row]);
      for (const rows of byCompany.values()) {
        const { settings, schedule } = await this.settings.effective(rows[0].client_id, rows[0].company_id);
        const order = new Map(settings.map((s) => [s.dataType as string, s]));
        rows.sort((a, b) => (order.get(a.data_type)?.syncOrder ?? 0) - (order.get(b.data_type)?.syncOrder ?? 0));
        for (const row of rows) {
          const setting = order.get(row.data_type);
          // A dataset still running from a previous run means nothing new is queued this time.
          const d = await this.pull.insertIfIdle(row.company_id, row.connection_id, row.data_type, 'schedule', tx);
          if (d) queued.push(d);
          const at = nextRun(now, effectiveHours(setting?.syncSchedule ?? MAX_SCHEDULE_HOURS), new Date(row.anchor), schedule);
          await tx.query('UPDATE sync_schedule SET next_run_at = $3, last_run_at = $4 WHERE connection_id = $1 AND data_type = $2', [row.connection_id, row.data_type, at, now]);
        }
      }
    });
    await this.pull.enqueue(queued);
    return queued.length;
  }

  /** For the portal: a company's schedule rows. */
  async companySchedule(companyId: string) {
    return this.db.query(
      `SELECT s.connection_id AS "connectionId", s.data_type AS "dataType", s.next_run_at AS "nextRunAt", s.last_run_at AS "lastRunAt"
       FROM sync_schedule s JOIN connection c ON c.id = s.connection_id WHERE c.company_id = $1 ORDER BY s.next_run_at`,
      [companyId],
    );
  }

  async clientOf(companyId: string) {
    return (await this.db.getRepository(CompanyEntity).findOneByOrFail({ id: companyId })).clientId;
  }
}
