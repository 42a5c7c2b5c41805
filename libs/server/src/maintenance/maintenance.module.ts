import { BullModule } from '@nestjs/bull';
import { Module } from '@nestjs/common';
import { HealthModule } from '../health/health.module';
import { QUEUES } from '../queue/queue.names';
import { PurgeSessionsJob } from './purge-sessions.job';

/** Worker side: housekeeping jobs. */
@Module({ imports: [BullModule.registerQueue({ name: QUEUES.maintenance }), HealthModule], providers: [PurgeSessionsJob] })
export class MaintenanceJobsModule {}
