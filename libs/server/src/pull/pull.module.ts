import { BullModule } from '@nestjs/bull';
import { Module } from '@nestjs/common';
import { CompanyModule } from '../company/company.module';
import { ConnectorRuntimeModule } from '../connector-runtime/connector-runtime.module';
import { HealthModule } from '../health/health.module';
import { QUEUES } from '../queue/queue.names';
import { SyncSettingsModule } from '../sync-settings/sync-settings.module';
import { WebhookEventsModule } from '../webhook/webhook-events.module';
import { DataController } from './data.controller';
import { DatasetRunnerService } from './dataset-runner.service';
import { RunDatasetJob } from './jobs/run-dataset.job';
import { SweepDatasetsJob } from './jobs/sweep-datasets.job';
import { PullService } from './pull.service';
import { RecordsService } from './records.service';

const pullQueue = BullModule.registerQueue({ name: QUEUES.pull });

/** Queuing and reporting pulls, and reading synced records. */
@Module({ imports: [CompanyModule, SyncSettingsModule, pullQueue], providers: [PullService, RecordsService], exports: [PullService, RecordsService] })
export class PullModule {}

@Module({ imports: [PullModule], controllers: [DataController] })
export class PullHttpModule {}

/** Worker side: running datasets and sweeping lost ones. */
@Module({
  imports: [PullModule, ConnectorRuntimeModule, SyncSettingsModule, HealthModule, WebhookEventsModule, pullQueue],
  providers: [DatasetRunnerService, RunDatasetJob, SweepDatasetsJob],
  exports: [DatasetRunnerService],
})
export class PullJobsModule {}
