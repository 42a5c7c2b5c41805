import type { PullOperation } from './types';
import { isUnfinishedStatus } from './dataset-status';

interface ScheduleLike {
  dataType: string;
  nextRunAt: string;
  lastRunAt: string | null;
}

export interface TypeSchedule {
  nextRunAt: string;
  lastRunAt: string | null;
}

const time = (iso: string | null | undefined) => (iso ? new Date(iso).getTime() : Number.NaN);

/** A company's schedule rows (one per connection and type) as the soonest next run of each type. */
export function nextRunsByType(rows: readonly ScheduleLike[] | undefined): Map<string, TypeSchedule> {
  const out = new Map<string, TypeSchedule>();
  for (const r of rows ?? []) {
    const seen = out.get(r.dataType);
    if (!seen) {
      out.set(r.dataType, { nextRunAt: r.nextRunAt, lastRunAt: r.lastRunAt });
      continue;
    }
    const next = time(r.nextRunAt) < time(seen.nextRunAt) ? r.nextRunAt : seen.nextRunAt;
    const last = !seen.lastRunAt || (r.lastRunAt && time(r.lastRunAt) > time(seen.lastRunAt)) ? r.lastRunAt : seen.lastRunAt;
    out.set(r.dataType, { nextRunAt: next, lastRunAt: last });
  }
  return out;
}

/**
 * The history entry whose progress a type's status row shows: its latest dataset when loaded,
 * else the newest unfinished dataset of that type.
 */
export function progressEntry(dataType: string, latestSyncId: string | undefined, recent: readonly PullOperation[] | undefined): PullOperation | undefined {
  if (!recent) return undefined;
  return (latestSyncId ? recent.find((r) => r.id === latestSyncId) : undefined) ?? recent.find((r) => r.dataType === dataType && isUnfinishedStatus(r.status));
}
