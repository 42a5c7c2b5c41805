import { Module } from '@nestjs/common';
import { HealthModule } from '../health/health.module';
import { MaintenanceJobsModule } from '../maintenance/maintenance.module';

/** Every job module the worker runs. */
@Module({ imports: [HealthModule, MaintenanceJobsModule] })
export class WorkerJobsModule {}
