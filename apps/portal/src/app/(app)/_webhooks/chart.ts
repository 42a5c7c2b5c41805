/**
 * Delivery attempts per hour for the last day, as bars for a small chart (pure: no React).
 * The API (webhooks.stats) already answers 24 hourly buckets, oldest first; this fills any gap,
 * merges repeats, keeps only the window and computes the scale, totals and texts.
 */
import type { HourlyDeliveries } from './types';

export const HOUR_MS = 3_600_000;
export const CHART_HOURS = 24;

export interface ChartBar {
  /** Start of the hour, ISO. */
  hour: string;
  start: number;
  succeeded: number;
  failed: number;
  total: number;
  /** "14:00" (UTC). */
  label: string;
  /** "5 Mar, 14:00–15:00 UTC" */
  range: string;
  /** "5 Mar, 14:00–15:00 UTC: 3 succeeded, 1 failed" */
  title: string;
}

export interface DeliveryChartData {
  bars: ChartBar[];
  /** Top of the scale: a round number ≥ the busiest hour (at least 1). */
  max: number;
  succeeded: number;
  failed: number;
  total: number;
  /** One sentence for assistive technology and the card. */
  summary: string;
}

const HOUR_LABEL = new Intl.DateTimeFormat('en-GB', { hour: '2-digit', minute: '2-digit', hourCycle: 'h23', timeZone: 'UTC' });
const DAY_LABEL = new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'short', timeZone: 'UTC' });

const count = (n: unknown) => (typeof n === 'number' && Number.isFinite(n) && n > 0 ? Math.floor(n) : 0);
const floorHour = (t: number) => Math.floor(t / HOUR_MS) * HOUR_MS;

/**
 * `hours` consecutive hourly buckets ending with the hour that starts at `endHour` (ms): rows
 * in the same hour are added up, rows outside the window dropped, missing hours are zero.
 */
export function hourlyBuckets(rows: readonly HourlyDeliveries[], endHour: number, hours = CHART_HOURS): HourlyDeliveries[] {
  const end = floorHour(endHour);
  const first = end - (hours - 1) * HOUR_MS;
  const sums = new Map<number, { succeeded: number; failed: number }>();
  for (const r of rows) {
    const t = new Date(r.hour).getTime();
    if (Number.isNaN(t)) continue;
    const h = floorHour(t);
    if (h < first || h > end) continue;
    const s = sums.get(h) ?? { succeeded: 0, failed: 0 };
    s.succeeded += count(r.succeeded);
    s.failed += count(r.failed);
    sums.set(h, s);
  }
  return Array.from({ length: hours }, (_, i) => {
    const h = first + i * HOUR_MS;
    const s = sums.get(h);
    return { hour: new Date(h).toISOString(), succeeded: s?.succeeded ?? 0, failed: s?.failed ?? 0 };
  });
}

/** A round top for the scale: 1, 2, 5, 10, 20, 50, … (never below 1). */
export function niceMax(n: number): number {
  if (!Number.isFinite(n) || n <= 1) return 1;
  const magnitude = 10 ** Math.floor(Math.log10(n));
  for (const step of [1, 2, 5, 10]) if (step * magnitude >= n) return step * magnitude;
  return 10 * magnitude;
}

const plural = (n: number, one: string, many: string) => `${n.toLocaleString('en-GB')} ${n === 1 ? one : many}`;

/**
 * The chart for `rows`. The window ends with the newest hour the API reported (its clock), or
 * with the current hour when there are no rows.
 */
export function deliveryChart(rows: readonly HourlyDeliveries[] | undefined, now: number = Date.now(), hours = CHART_HOURS): DeliveryChartData {
  const times = (rows ?? []).map((r) => new Date(r.hour).getTime()).filter((t) => !Number.isNaN(t));
  const end = times.length ? Math.max(...times) : now;
  const bars = hourlyBuckets(rows ?? [], end, hours).map((b): ChartBar => {
    const start = new Date(b.hour).getTime();
    const total = b.succeeded + b.failed;
    const label = HOUR_LABEL.format(start);
    const range = `${DAY_LABEL.format(start)}, ${label}–${HOUR_LABEL.format(start + HOUR_MS)} UTC`;
    return { ...b, start, total, label, range, title: `${range}: ${b.succeeded} succeeded, ${b.failed} failed` };
  });
  const succeeded = bars.reduce((n, b) => n + b.succeeded, 0);
  const failed = bars.reduce((n, b) => n + b.failed, 0);
  const total = succeeded + failed;
  const summary =
    total === 0
      ? `No delivery attempts in the last ${hours} hours.`
      : `${plural(total, 'delivery attempt', 'delivery attempts')} in the last ${hours} hours: ${succeeded.toLocaleString('en-GB')} succeeded, ${failed.toLocaleString('en-GB')} failed.`;
  return { bars, max: niceMax(Math.max(0, ...bars.map((b) => b.total))), succeeded, failed, total, summary };
}
