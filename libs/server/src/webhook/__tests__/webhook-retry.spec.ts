import { describe, expect, it } from '@jest/globals';
import { classifyAttempt, MAX_RETRY_AFTER_MS, nextRetryDelay, parseRetryAfter } from '../webhook-retry';

const SVIX = [0, 5_000, 300_000, 1_800_000, 7_200_000, 18_000_000, 36_000_000, 36_000_000];

describe('webhook retry policy', () => {
  it.each([
    [{ statusCode: 200, durationMs: 1 }, 'success'],
    [{ statusCode: 204, durationMs: 1 }, 'success'],
    [{ statusCode: 500, durationMs: 1 }, 'retry'],
    [{ statusCode: 503, durationMs: 1 }, 'retry'],
    [{ statusCode: 429, durationMs: 1 }, 'retry'],
    [{ durationMs: 15_000, error: 'Timed out after 15000 ms' }, 'retry'],
    [{ durationMs: 1, error: 'ECONNREFUSED: connect ECONNREFUSED' }, 'retry'],
    [{ statusCode: 400, durationMs: 1 }, 'fail'],
    [{ statusCode: 404, durationMs: 1 }, 'fail'],
    [{ statusCode: 410, durationMs: 1 }, 'fail'],
    [{ statusCode: 302, durationMs: 1, redirectRefused: true }, 'fail'],
    [{ statusCode: 304, durationMs: 1 }, 'fail'],
  ])('%j → %s', (result, expected) => {
    expect(classifyAttempt(result)).toBe(expected);
  });

  it('follows the schedule: attempt n waits schedule[n], and stops after the last entry', () => {
    const noJitter = (made: number) => nextRetryDelay(SVIX, made, 0);
    expect([1, 2, 3, 4, 5, 6, 7].map(noJitter)).toEqual(SVIX.slice(1));
    expect(noJitter(8)).toBeUndefined();
    expect(nextRetryDelay([0, 100, 200], 3, 0)).toBeUndefined();
  });

  it('applies ±jitter around each delay', () => {
    expect(nextRetryDelay(SVIX, 2, 0.2, undefined, () => 0)).toBe(240_000);
    expect(nextRetryDelay(SVIX, 2, 0.2, undefined, () => 1)).toBe(360_000);
    for (let i = 0; i < 200; i++) {
      const d = nextRetryDelay(SVIX, 1, 0.2) as number;
      expect(d).toBeGreaterThanOrEqual(4_000);
      expect(d).toBeLessThanOrEqual(6_000);
    }
  });

  it('honours Retry-After when it is later than the schedule, capped at a day', () => {
    expect(nextRetryDelay(SVIX, 1, 0, 60_000)).toBe(60_000);
    expect(nextRetryDelay(SVIX, 2, 0, 60_000)).toBe(300_000);
    expect(nextRetryDelay(SVIX, 1, 0, 10 * MAX_RETRY_AFTER_MS)).toBe(MAX_RETRY_AFTER_MS);
    expect(nextRetryDelay(SVIX, 8, 0, 60_000)).toBeUndefined();
  });

  it('parses Retry-After as seconds or an HTTP date', () => {
    const now = new Date('2030-01-01T00:00:00Z');
    expect(parseRetryAfter('120', now)).toBe(120_000);
    expect(parseRetryAfter(['7'], now)).toBe(7_000);
    expect(parseRetryAfter('Tue, 01 Jan 2030 00:01:00 GMT', now)).toBe(60_000);
    expect(parseRetryAfter('Mon, 31 Dec 2029 00:00:00 GMT', now)).toBe(0);
    expect(parseRetryAfter('soon', now)).toBeUndefined();
    expect(parseRetryAfter(undefined, now)).toBeUndefined();
  });
});
