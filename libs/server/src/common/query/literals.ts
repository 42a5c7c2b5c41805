/** Validation and normalisation of query literals. Everything returned here is bound as a parameter. */

const NUMBER = /^[+-]?(?:\d+(?:\.\d+)?|\.\d+)$/; // no exponent: keeps `::numeric` free of overflow errors
const DATE = /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(\.\d{1,9})?)?(Z|[+-]\d{2}:?\d{2})?)?$/;

/** A numeric literal as a string (bound as `$n::numeric`, so no float rounding), or undefined. */
export function parseNumber(value: string): string | undefined {
  return NUMBER.test(value) ? value : undefined;
}

export function parseBoolean(value: string): boolean | undefined {
  const lower = value.toLowerCase();
  return lower === 'true' ? true : lower === 'false' ? false : undefined;
}

export interface DateLiteral {
  /** The literal as an ISO timestamp with a zone (UTC when none given), for `$n::timestamptz`. */
  timestamp: string;
  /** `YYYY-MM-DDTHH:MM:SS` in UTC, for text comparison with stored ISO strings. */
  key: string;
}

/** An ISO date (`2021-01-28`) or date-time (`2021-01-28T10:00:00.123Z`, `+02:00`); a zone-less value is UTC. */
export function parseDate(value: string): DateLiteral | undefined {
  const match = DATE.exec(value);
  if (!match) return undefined;
  const [, y, mo, d, h = '00', mi = '00', s = '00', fraction = '', zone = 'Z'] = match;
  const [year, month, day, hour, minute, second] = [y, mo, d, h, mi, s].map(Number);
  const date = new Date(0);
  date.setUTCFullYear(year, month - 1, day);
  const validDay = date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
  if (year < 1 || !validDay || hour > 23 || minute > 59 || second > 59) return undefined;
  const offset = zoneOffsetMinutes(zone);
  if (offset === undefined) return undefined;
  date.setUTCHours(hour, minute - offset, second);
  const utcYear = date.getUTCFullYear();
  if (utcYear < 1 || utcYear > 9999) return undefined;
  const pad = (n: number) => String(n).padStart(2, '0');
  const key =
    `${String(utcYear).padStart(4, '0')}-${pad(date.getUTCMonth() + 1)}-${pad(date.getUTCDate())}` +
    `T${pad(date.getUTCHours())}:${pad(date.getUTCMinutes())}:${pad(date.getUTCSeconds())}`;
  return { timestamp: `${y}-${mo}-${d}T${h}:${mi}:${s}${fraction}${zone}`, key };
}

function zoneOffsetMinutes(zone: string): number | undefined {
  if (zone === 'Z') return 0;
  const hours = Number(zone.slice(1, 3));
  const minutes = Number(zone.slice(-2));
  if (hours > 23 || minutes > 59) return undefined;
  return (zone.startsWith('-') ? -1 : 1) * (hours * 60 + minutes);
}

/** Escapes `\`, `%` and `_` for `LIKE ... ESCAPE '\'` and wraps the value for a contains match. */
export function containsPattern(value: string): string {
  return `%${value.replace(/[\\%_]/g, (char) => `\\${char}`)}%`;
}
