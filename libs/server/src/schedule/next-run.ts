import type { CompanySchedule } from '../sync-settings/sync-settings.schemas';

const HOUR = 3_600_000;

/** The UTC offset (ms) of a time zone at an instant. */
function offsetMs(tz: string, at: Date): number {
  const parts = Object.fromEntries(
    new Intl.DateTimeFormat('en-GB', { timeZone: tz, hourCycle: 'h23', year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', second: '2-digit' })
      .formatToParts(at)
      .map((p) => [p.type, p.value]),
  );
  const asUtc = Date.UTC(+parts['year'], +parts['month'] - 1, +parts['day'], +parts['hour'], +parts['minute'], +parts['second']);
  return asUtc - Math.floor(at.getTime() / 1000) * 1000;
}

/** The instant a local wall-clock time happens in a zone (the later one in a DST gap/overlap). */
export function zonedToUtc(y: number, m: number, d: number, hour: number, tz: string): Date {
  const guess = Date.UTC(y, m, d, hour);
  let t = guess - offsetMs(tz, new Date(guess));
  t = guess - offsetMs(tz, new Date(t));
  return new Date(t);
}

/** The local calendar date of an instant in a zone. */
function localDate(at: Date, tz: string): { y: number; m: number; d: number } {
  const local = new Date(at.getTime() + offsetMs(tz, at));
  return { y: local.getUTCFullYear(), m: local.getUTCMonth(), d: local.getUTCDate() };
}

/**
 * The next scheduled run strictly after `after`, every `hours` hours. Without a pinned schedule
 * the slots are `anchor + k·hours`. With one (start date, hour of day, time zone), slots whose
 * interval is a whole number of days fall at that local hour on every n-th day from the start
 * date, across DST changes; shorter intervals step from the start instant.
 */
export function nextRun(after: Date, hours: number, anchor: Date, schedule?: CompanySchedule | null): Date {
  const interval = Math.max(1, hours) * HOUR;
  const tz = schedule?.timeZone ?? 'UTC';
  if (schedule && (schedule.startDate || schedule.hourOfDay != null)) {
    const start = schedule.startDate ? localDate(new Date(schedule.startDate), tz) : localDate(anchor, tz);
    const hour = schedule.hourOfDay ?? 0;
    const first = zonedToUtc(start.y, start.m, start.d, hour, tz);
    if (first > after) return first;
    if (hours % 24 === 0) {
      const days = hours / 24;
      const today = localDate(after, tz);
      const daysSinceStart = Math.round((Date.UTC(today.y, today.m, today.d) - Date.UTC(start.y, start.m, start.d)) / (24 * HOUR));
      let k = Math.floor(daysSinceStart / days);
      for (;;) {
        const cand = zonedToUtc(start.y, start.m, start.d + k * days, hour, tz);
        if (cand > after) return cand;
        k += 1;
      }
    }
    return new Date(first.getTime() + (Math.floor((after.getTime() - first.getTime()) / interval) + 1) * interval);
  }
  if (anchor > after) return anchor;
  return new Date(anchor.getTime() + (Math.floor((after.getTime() - anchor.getTime()) / interval) + 1) * interval);
}
