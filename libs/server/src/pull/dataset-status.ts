/** DatasetStatus (contract section 6). */
export const DATASET_STATUSES = [
  'Initial',
  'Queued',
  'Fetching',
  'MapQueued',
  'Mapping',
  'Complete',
  'FetchError',
  'MapError',
  'InternalError',
  'ProcessingQueued',
  'Processing',
  'ProcessingError',
  'ValidationQueued',
  'Validating',
  'ValidationError',
  'AuthError',
  'Cancelled',
  'NotSupported',
  'RateLimitError',
  'PermissionsError',
  'PrerequisiteNotMet',
] as const;
export type DatasetStatus = (typeof DATASET_STATUSES)[number];

/** Statuses of a dataset still under way: at most one per connection and data type. */
export const UNFINISHED_STATUSES = ['Initial', 'Queued', 'Fetching', 'MapQueued', 'Mapping', 'ValidationQueued', 'Validating', 'ProcessingQueued', 'Processing'] as const;
export const ERROR_STATUSES = ['FetchError', 'MapError', 'InternalError', 'ProcessingError', 'ValidationError', 'AuthError', 'NotSupported', 'RateLimitError', 'PermissionsError', 'PrerequisiteNotMet'] as const;

export const isUnfinished = (s: string) => (UNFINISHED_STATUSES as readonly string[]).includes(s);
export const isErrored = (s: string) => (ERROR_STATUSES as readonly string[]).includes(s);
