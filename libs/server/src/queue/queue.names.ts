/** Bull queue and job names. Jobs carry ids only; the database row is the truth. */
export const QUEUES = {
  maintenance: 'maintenance',
} as const;

export const JOBS = {
  purgeSessions: 'purge-sessions',
} as const;
