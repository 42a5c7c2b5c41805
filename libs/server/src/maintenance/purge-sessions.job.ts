import { InjectQueue, Process, Processor } from '@nestjs/bull';
import { Injectable, type OnApplicationBootstrap } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { Queue } from 'bull';
import { DataSource, LessThan } from 'typeorm';
import { PortalSessionEntity } from '../auth/portal-session.entity';
import { Clock } from '../common/clock';
import { JsonLogger } from '../common/json-logger';
import { MetricsService } from '../health/metrics.service';
import { JOBS, QUEUES } from '../queue/queue.names';

/** Deletes expired portal sessions, hourly. A repeatable Bull job: every worker may register it, Bull runs it once. */
@Processor(QUEUES.maintenance)
@Injectable()
export class PurgeSessionsJob implements OnApplicationBootstrap {
  constructor(
    @InjectQueue(QUEUES.maintenance) private readonly queue: Queue,
    @InjectDataSource() private readonly db: DataSource,
    private readonly clock: Clock,
    private readonly logger: JsonLogger,
    private readonly metrics: MetricsService,
  ) {}

  async onApplicationBootstrap() {
    await this.queue.add(JOBS.purgeSessions, {}, { repeat: { cron: '17 * * * *' }, jobId: JOBS.purgeSessions });
  }

  @Process(JOBS.purgeSessions)
  async run(): Promise<number> {
    const result = await this.db.getRepository(PortalSessionEntity).delete({ expiresAt: LessThan(this.clock.now()) });
    this.metrics.jobs.labels(QUEUES.maintenance, 'ok').inc();
    this.logger.event('info', 'purged expired sessions', { count: result.affected ?? 0 });
    return result.affected ?? 0;
  }
}
