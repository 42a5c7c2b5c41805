import { BullModule } from '@nestjs/bull';
import { Module } from '@nestjs/common';
import { PullModule } from '../pull/pull.module';
import { QUEUES } from '../queue/queue.names';
import { SyncSettingsModule } from '../sync-settings/sync-settings.module';
import { ScheduleTickJob } from './schedule-tick.job';
import { ScheduleService } from './schedule.service';

@Module({ imports: [SyncSettingsModule, PullModule], providers: [ScheduleService], exports: [ScheduleService] })
export class ScheduleModule {}

/** Worker side: the tick. */
@Module({ imports: [ScheduleModule, BullModule.registerQueue({ name: QUEUES.schedule })], providers: [ScheduleTickJob] })
export class ScheduleJobsModule {}
