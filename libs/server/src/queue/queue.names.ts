/** Bull queue and job names. Jobs carry ids only; the database row is the truth. */
export const QUEUES = {
  maintenance: 'maintenance',
  pull: 'pull',
  schedule: 'schedule',
  webhooks: 'webhooks',
} as const;

export const JOBS = {
  purgeSessions: 'purge-sessions',
  runDataset: 'run-dataset',
  sweepDatasets: 'sweep-datasets',
  scheduleTick: 'schedule-tick',
  /** `{messageId}`: one delivery attempt of one event to one consumer. */
  deliverWebhook: 'deliver-webhook',
  /** Repeatable: re-queues due webhook deliveries whose job was lost. */
  sweepWebhooks: 'sweep-webhooks',
} as const;
