/**
 * Retry policy (pure). A 2xx is success. Network errors, timeouts, 429 and 5xx are retried on the
 * schedule; `Retry-After` postpones the next attempt. Other statuses (4xx, and 3xx redirects that
 * were not followed) fail the message at once.
 */
export type AttemptOutcome = 'success' | 'retry' | 'fail';

export interface AttemptResult {
  statusCode?: number;
  durationMs: number;
  responseBody?: string;
  error?: string;
  retryAfterMs?: number;
  /** A redirect the client refused to follow (another host, too many hops). */
  redirectRefused?: boolean;
}

/** Longest postponement honoured from a `Retry-After` header. */
export const MAX_RETRY_AFTER_MS = 24 * 3600_000;

export function classifyAttempt(r: AttemptResult): AttemptOutcome {
  if (r.redirectRefused) return 'fail';
  if (r.statusCode === undefined) return 'retry';
  if (r.statusCode >= 200 && r.statusCode < 300) return 'success';
  if (r.statusCode === 429 || r.statusCode >= 500) return 'retry';
  return 'fail';
}

/**
 * Delay before the next attempt, or undefined when the schedule is exhausted. `schedule[i]` is the
 * wait before attempt i+1 (the first entry is the initial attempt, usually 0); `attemptsMade`
 * counts the attempts of the current round (since the last replay). Jitter is ±`jitter` × delay.
 */
export function nextRetryDelay(schedule: readonly number[], attemptsMade: number, jitter: number, retryAfterMs?: number, random: () => number = Math.random): number | undefined {
  if (attemptsMade >= schedule.length) return undefined;
  const base = schedule[attemptsMade];
  const jittered = Math.max(0, Math.round(base * (1 + jitter * (2 * random() - 1))));
  return Math.max(jittered, Math.min(retryAfterMs ?? 0, MAX_RETRY_AFTER_MS));
}

/** `Retry-After`: delta seconds or an HTTP date. Undefined when absent or unparseable. */
export function parseRetryAfter(value: string | string[] | undefined, now: Date): number | undefined {
  const v = Array.isArray(value) ? value[0] : value;
  if (!v) return undefined;
  if (/^\s*\d+\s*$/.test(v)) return Number(v) * 1000;
  const date = Date.parse(v);
  return Number.isNaN(date) ? undefined : Math.max(0, date - now.getTime());
}
