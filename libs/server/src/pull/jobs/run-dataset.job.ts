import { Process, Processor } from '@nestjs/bull';
import { Injectable } from '@nestjs/common';
import type { Job } from 'bull';
import { JOBS, QUEUES } from '../../queue/queue.names';
import { DatasetRunnerService } from '../dataset-runner.service';

/** Runs datasets, a few at a time per worker. The job carries the dataset id only. */
@Processor(QUEUES.pull)
@Injectable()
export class RunDatasetJob {
  constructor(private readonly runner: DatasetRunnerService) {}

  @Process({ name: JOBS.runDataset, concurrency: 4 })
  async run(job: Job<{ datasetId: string }>) {
    return this.runner.run(job.data.datasetId);
  }
}
