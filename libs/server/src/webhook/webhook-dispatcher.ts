import { InjectQueue } from '@nestjs/bull';
import { Injectable } from '@nestjs/common';
import type { Queue } from 'bull';
import { JOBS, QUEUES } from '../queue/queue.names';

const BATCH = 500;

/** Puts delivery jobs (`{messageId}`) on the webhooks queue, in bulk. The message row stays the truth. */
@Injectable()
export class WebhookDispatcher {
  constructor(@InjectQueue(QUEUES.webhooks) readonly queue: Queue) {}

  async enqueue(messageIds: readonly string[], delayMs = 0): Promise<void> {
    for (let i = 0; i < messageIds.length; i += BATCH) {
      await this.queue.addBulk(
        messageIds.slice(i, i + BATCH).map((messageId) => ({
          name: JOBS.deliverWebhook,
          data: { messageId },
          opts: { removeOnComplete: true, removeOnFail: 1000, ...(delayMs > 0 ? { delay: delayMs } : {}) },
        })),
      );
    }
  }
}
