import { InjectQueue, Process, Processor } from '@nestjs/bull';
import { Injectable, type OnApplicationBootstrap } from '@nestjs/common';
import type { Queue } from 'bull';
import { JOBS, QUEUES } from '../queue/queue.names';
import { ScheduleService } from './schedule.service';

export const TICK_EVERY_MS = 30_000;

/** The scheduler's heartbeat: a repeatable Bull job (one per cluster), not an in-process timer. */
@Processor(QUEUES.schedule)
@Injectable()
export class ScheduleTickJob implements OnApplicationBootstrap {
  constructor(
    @InjectQueue(QUEUES.schedule) private readonly queue: Queue,
    private readonly schedule: ScheduleService,
  ) {}

  async onApplicationBootstrap() {
    await this.queue.add(JOBS.scheduleTick, {}, { repeat: { every: TICK_EVERY_MS }, jobId: JOBS.scheduleTick });
  }

  @Process(JOBS.scheduleTick)
  async tick(): Promise<number> {
    let total = 0;
    for (let n = await this.schedule.tick(); n > 0; n = await this.schedule.tick()) total += n;
    return total;
  }
}
