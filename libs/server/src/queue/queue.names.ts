/** Bull queue and job names. Jobs carry ids only; the database row is the truth. */
export const QUEUES = {
  maintenance: 'maintenance',
  pull: 'pull',
  schedule: 'schedule',
} as const;

export const JOBS = {
  purgeSessions: 'purge-sessions',
  purgeWebhooks: 'purge-webhooks',
  runDataset: 'run-dataset',
  sweepDatasets: 'sweep-datasets',
  scheduleTick: 'schedule-tick',
} as const;
