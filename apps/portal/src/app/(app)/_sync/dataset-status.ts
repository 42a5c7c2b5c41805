/** DatasetStatus (contract section 6): which are still under way, which are failures. */
export const UNFINISHED_STATUSES = ['Initial', 'Queued', 'Fetching', 'MapQueued', 'Mapping', 'ValidationQueued', 'Validating', 'ProcessingQueued', 'Processing'] as const;
export const ERROR_STATUSES = ['FetchError', 'MapError', 'InternalError', 'ProcessingError', 'ValidationError', 'AuthError', 'NotSupported', 'RateLimitError', 'PermissionsError', 'PrerequisiteNotMet'] as const;

export type StatusTone = 'complete' | 'running' | 'error' | 'neutral';

export const isUnfinishedStatus = (status: string | undefined | null): boolean => !!status && (UNFINISHED_STATUSES as readonly string[]).includes(status);
export const isErrorStatus = (status: string | undefined | null): boolean => !!status && (ERROR_STATUSES as readonly string[]).includes(status);

export function statusTone(status: string): StatusTone {
  if (status === 'Complete') return 'complete';
  if (isUnfinishedStatus(status)) return 'running';
  if (isErrorStatus(status)) return 'error';
  return 'neutral';
}

const SPECIAL: Record<string, string> = {
  AuthError: 'Auth error',
  NotSupported: 'Not supported',
  RateLimitError: 'Rate limit error',
  PrerequisiteNotMet: 'Prerequisite not met',
};

/** "FetchError" → "Fetch error", "MapQueued" → "Map queued"; "Complete" stays. */
export function datasetStatusLabel(status: string): string {
  if (SPECIAL[status]) return SPECIAL[status];
  const words = status.replace(/([a-z])([A-Z])/g, '$1 $2').split(' ');
  return words.map((w, i) => (i === 0 ? w : w.toLowerCase())).join(' ');
}

/** A 0–100 whole number, or undefined when the API gave nothing usable. */
export function clampProgress(progress: unknown): number | undefined {
  if (typeof progress !== 'number' || !Number.isFinite(progress)) return undefined;
  return Math.round(Math.min(100, Math.max(0, progress)));
}

/**
 * A refresh's error for a person: the API's exception prefix goes ("DatasetAlreadyInProgressException:
 * Cannot queue invoices sync …" → "Cannot queue invoices sync …").
 */
export function refreshErrorText(message: string): string {
  const text = message.replace(/^[A-Za-z]+Exception:\s*/, '').trim();
  return text || message;
}

/** Whether any data type's latest dataset is still under way. */
export function anyUnfinished(statuses: Record<string, { currentStatus?: string } | undefined> | undefined): boolean {
  return !!statuses && Object.values(statuses).some((s) => isUnfinishedStatus(s?.currentStatus));
}
