import { dataTypeLabel, orderDataTypes, SYNC_DATA_TYPES } from '../src/app/(app)/_sync/data-types';
import { anyUnfinished, clampProgress, datasetStatusLabel, isErrorStatus, isUnfinishedStatus, refreshErrorText, statusTone } from '../src/app/(app)/_sync/dataset-status';
import { nextRunsByType, progressEntry } from '../src/app/(app)/_sync/schedule';
import { datasetDuration, formatDuration, formatInZone, isValidTimeZone, relativeTime } from '../src/app/(app)/_sync/time';
import type { PullOperation } from '../src/app/(app)/_sync/types';

describe('data types', () => {
  it('labels the synced types and any other key', () => {
    expect(SYNC_DATA_TYPES).toHaveLength(10);
    expect(dataTypeLabel('billPayments')).toBe('Bill payments');
    expect(dataTypeLabel('company')).toBe('Company info');
    expect(dataTypeLabel('chartOfAccounts')).toBe('Chart of accounts');
    expect(dataTypeLabel('bankTransactions')).toBe('Bank transactions');
    expect(dataTypeLabel('commerce-orders')).toBe('Commerce orders');
  });

  it('orders the portal types first, then others alphabetically, without duplicates', () => {
    const order = orderDataTypes(['invoices', 'zeta', 'alpha', 'alpha']);
    expect(order.slice(0, 10)).toEqual([...SYNC_DATA_TYPES]);
    expect(order.slice(10)).toEqual(['alpha', 'zeta']);
  });
});

describe('dataset statuses', () => {
  it('tells unfinished, failed, complete and other statuses apart', () => {
    for (const s of ['Queued', 'Fetching', 'Mapping', 'Processing', 'Validating']) expect(statusTone(s)).toBe('running');
    for (const s of ['FetchError', 'AuthError', 'InternalError']) expect(statusTone(s)).toBe('error');
    expect(statusTone('Complete')).toBe('complete');
    expect(statusTone('Cancelled')).toBe('neutral');
    expect(isUnfinishedStatus(undefined)).toBe(false);
    expect(isErrorStatus('Complete')).toBe(false);
  });

  it('spells statuses as words', () => {
    expect(datasetStatusLabel('Complete')).toBe('Complete');
    expect(datasetStatusLabel('FetchError')).toBe('Fetch error');
    expect(datasetStatusLabel('MapQueued')).toBe('Map queued');
    expect(datasetStatusLabel('AuthError')).toBe('Auth error');
    expect(datasetStatusLabel('PrerequisiteNotMet')).toBe('Prerequisite not met');
  });

  it('clamps progress to a whole 0–100, and ignores nonsense', () => {
    expect(clampProgress(42.4)).toBe(42);
    expect(clampProgress(140)).toBe(100);
    expect(clampProgress(-3)).toBe(0);
    expect(clampProgress(undefined)).toBeUndefined();
    expect(clampProgress(Number.NaN)).toBeUndefined();
  });

  it('knows when anything is still syncing', () => {
    expect(anyUnfinished(undefined)).toBe(false);
    expect(anyUnfinished({ invoices: { currentStatus: 'Complete' } })).toBe(false);
    expect(anyUnfinished({ invoices: { currentStatus: 'Complete' }, bills: { currentStatus: 'Fetching' } })).toBe(true);
  });

  it('drops the exception name from refresh errors', () => {
    expect(refreshErrorText('DatasetAlreadyInProgressException: Cannot queue invoices sync for c1 as previous sync d1 is still in progress')).toBe(
      'Cannot queue invoices sync for c1 as previous sync d1 is still in progress',
    );
    expect(refreshErrorText('Company c1 has no linked connections')).toBe('Company c1 has no linked connections');
  });
});

describe('times', () => {
  const now = Date.parse('2026-03-05T12:00:00.000Z');

  it('says how long ago or how soon', () => {
    expect(relativeTime('2026-03-05T11:59:58.000Z', now)).toBe('just now');
    expect(relativeTime('2026-03-05T11:55:00.000Z', now)).toBe('5 minutes ago');
    expect(relativeTime('2026-03-05T15:00:00.000Z', now)).toBe('in 3 hours');
    expect(relativeTime('2026-03-04T12:00:00.000Z', now)).toBe('yesterday');
    expect(relativeTime('2026-03-12T12:00:00.000Z', now)).toBe('in 7 days');
    expect(relativeTime(undefined, now)).toBe('');
    expect(relativeTime('garbage', now)).toBe('');
  });

  it('formats durations', () => {
    expect(formatDuration(420)).toBe('0.4 s');
    expect(formatDuration(20)).toBe('< 0.1 s');
    expect(formatDuration(12_300)).toBe('12 s');
    expect(formatDuration(184_000)).toBe('3 min 4 s');
    expect(formatDuration(120_000)).toBe('2 min');
    expect(formatDuration(7_500_000)).toBe('2 h 5 min');
    expect(formatDuration(-1)).toBe('—');
    expect(datasetDuration('2026-03-05T12:00:00.000Z', '2026-03-05T12:00:02.500Z')).toBe('2.5 s');
    expect(datasetDuration('2026-03-05T12:00:00.000Z', undefined)).toBeUndefined();
  });

  it('formats an instant in a named zone, falling back to UTC', () => {
    expect(formatInZone('2026-07-01T05:00:00.000Z', 'Europe/London')).toBe('1 Jul 2026, 06:00 Europe/London');
    expect(formatInZone('2026-12-01T06:00:00.000Z', 'Europe/London')).toBe('1 Dec 2026, 06:00 Europe/London');
    expect(formatInZone('2026-12-01T06:00:00.000Z')).toBe('1 Dec 2026, 06:00 UTC');
    expect(formatInZone('2026-12-01T06:00:00.000Z', 'Mars/Olympus')).toBe('1 Dec 2026, 06:00 UTC');
    expect(formatInZone(null)).toBe('—');
    expect(isValidTimeZone('America/New_York')).toBe(true);
    expect(isValidTimeZone('Nowhere/Special')).toBe(false);
  });
});

describe('schedule and progress rows', () => {
  it('takes the soonest next run and latest last run of each type over connections', () => {
    const runs = nextRunsByType([
      { dataType: 'invoices', nextRunAt: '2026-03-06T06:00:00.000Z', lastRunAt: null },
      { dataType: 'invoices', nextRunAt: '2026-03-05T18:00:00.000Z', lastRunAt: '2026-03-04T18:00:00.000Z' },
      { dataType: 'bills', nextRunAt: '2026-03-07T06:00:00.000Z', lastRunAt: null },
    ]);
    expect(runs.get('invoices')).toEqual({ nextRunAt: '2026-03-05T18:00:00.000Z', lastRunAt: '2026-03-04T18:00:00.000Z' });
    expect(runs.get('bills')?.nextRunAt).toBe('2026-03-07T06:00:00.000Z');
    expect(nextRunsByType(undefined).size).toBe(0);
  });

  it("finds a type's latest dataset for its progress, else its newest unfinished one", () => {
    const op = (id: string, dataType: string, status: string, progress: number) => ({ id, dataType, status, progress }) as PullOperation;
    const recent = [op('d3', 'invoices', 'Fetching', 40), op('d2', 'bills', 'Complete', 100), op('d1', 'invoices', 'Complete', 100)];
    expect(progressEntry('invoices', 'd3', recent)?.progress).toBe(40);
    expect(progressEntry('invoices', 'unknown', recent)?.id).toBe('d3');
    expect(progressEntry('bills', 'x', recent)).toBeUndefined();
    expect(progressEntry('invoices', 'd3', undefined)).toBeUndefined();
  });
});
