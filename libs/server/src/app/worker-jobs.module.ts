import { Module } from '@nestjs/common';
import { HealthModule } from '../health/health.module';
import { MaintenanceJobsModule } from '../maintenance/maintenance.module';
import { PullJobsModule } from '../pull/pull.module';
import { ScheduleJobsModule } from '../schedule/schedule.module';
import { WebhookJobsModule } from '../webhook/webhook.module';

/** Every job module the worker runs. */
@Module({ imports: [HealthModule, MaintenanceJobsModule, PullJobsModule, ScheduleJobsModule, WebhookJobsModule] })
export class WorkerJobsModule {}
