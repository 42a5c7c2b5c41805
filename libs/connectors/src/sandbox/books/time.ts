export const DAY_MS = 86_400_000;

/** History covered by the generated books, ending the day before the anchor. */
export const HISTORY_DAYS = 730;

const { round } = Math;

/**
 * The books' "today", derived from the seed and never from the clock: a midnight (UTC) between
 * 2025-01-01 and 2025-12-31. Every generated date is strictly before it.
 */
export function anchorDay(seed: number): number {
  return Date.UTC(2025, 11, 31) / DAY_MS - (seed % 365);
}

// Dates are formatted from caches (a few hundred days, 1,440 minutes) rather than through Date objects:
// millions of records each carry several dates.
const dayCache = new Map<number, string>();
const MINUTES = Array.from({ length: 1440 }, (_, m) => `${String(Math.floor(m / 60)).padStart(2, '0')}:${String(m % 60).padStart(2, '0')}`);

/** `YYYY-MM-DD` of a day number (days since 1970-01-01). */
function ymd(day: number): string {
  let s = dayCache.get(day);
  if (s === undefined) {
    s = new Date(day * DAY_MS).toISOString().slice(0, 10);
    if (dayCache.size < 50_000) dayCache.set(day, s);
  }
  return s;
}

/** `YYYY-MM-DDT00:00:00Z` for a day number. */
export function isoDay(day: number): string {
  return `${ymd(day)}T00:00:00Z`;
}

/** An instant on `day`, `minute` (0–1439) minutes after midnight (UTC), as ISO-8601 with milliseconds. */
export function isoInstant(day: number, minute: number): string {
  return `${ymd(day)}T${MINUTES[minute % 1440]}:00.000Z`;
}

/** Money: whole pence in, pounds out (exact to 2 decimals). */
export const money = (pence: number): number => pence / 100;

/** Pounds in (possibly with float noise), whole pence out. */
export const pence = (amount: number): number => round(amount * 100);
