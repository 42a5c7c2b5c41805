import { InjectQueue, Process, Processor } from '@nestjs/bull';
import { Injectable, type OnApplicationBootstrap } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { Queue } from 'bull';
import { DataSource } from 'typeorm';
import { Clock } from '../../common/clock';
import { JOBS, QUEUES } from '../../queue/queue.names';

const STALE_MS = 10 * 60_000;
const REQUEUE_AFTER_MS = 30_000;

/**
 * The database row is the truth: every minute, datasets that are Queued but whose job may be lost
 * (Redis restarted) are enqueued again (the job id is the dataset id, so duplicates collapse), and
 * Fetching datasets whose worker stopped sending heartbeats are put back to Queued.
 */
@Processor(QUEUES.pull)
@Injectable()
export class SweepDatasetsJob implements OnApplicationBootstrap {
  constructor(
    @InjectQueue(QUEUES.pull) private readonly queue: Queue,
    @InjectDataSource() private readonly db: DataSource,
    private readonly clock: Clock,
  ) {}

  async onApplicationBootstrap() {
    await this.queue.add(JOBS.sweepDatasets, {}, { repeat: { every: 60_000 }, jobId: JOBS.sweepDatasets });
  }

  @Process(JOBS.sweepDatasets)
  async sweep(): Promise<number> {
    const now = this.clock.now().getTime();
    await this.db.query(`UPDATE dataset SET status = 'Queued', progress = 0 WHERE status = 'Fetching' AND heartbeat_at < $1`, [new Date(now - STALE_MS)]);
    await this.db.query(`DELETE FROM dataset_seen s WHERE NOT EXISTS (SELECT 1 FROM dataset d WHERE d.id = s.dataset_id AND d.status = 'Fetching')`);
    const rows: { id: string }[] = await this.db.query(`SELECT id FROM dataset WHERE status = 'Queued' AND requested < $1 ORDER BY requested LIMIT 1000`, [new Date(now - REQUEUE_AFTER_MS)]);
    for (const { id } of rows) {
      const existing = await this.queue.getJob(id);
      if (!existing || (await existing.isCompleted()) || (await existing.isFailed())) {
        await existing?.remove().catch(() => undefined);
        await this.queue.add(JOBS.runDataset, { datasetId: id }, { jobId: id, removeOnComplete: true, removeOnFail: 1000 });
      }
    }
    return rows.length;
  }
}
