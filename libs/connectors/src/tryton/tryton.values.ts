/**
 * Tryton's typed JSON values (JSON-RPC, both directions):
 *   Decimal  {"__class__": "Decimal", "decimal": "120.00"}
 *   date     {"__class__": "date", "year": 2026, "month": 11, "day": 1}
 *   datetime {"__class__": "datetime", year, month, day, hour, minute, second, microsecond}  (UTC, naive)
 */
export type TrytonValue = unknown;

type Typed = Record<string, unknown> & { __class__: string };

const isTyped = (v: unknown): v is Typed => typeof v === 'object' && v !== null && '__class__' in v;
const pad = (n: unknown, width = 2) => String(n ?? 0).padStart(width, '0');

export function decimal(value: number | string): Typed {
  const text = typeof value === 'number' ? String(value) : value;
  return { __class__: 'Decimal', decimal: text };
}

/** A `YYYY-MM-DD` (or longer ISO) string as a Tryton date. */
export function date(iso: string): Typed {
  const [year, month, day] = iso.slice(0, 10).split('-').map(Number);
  return { __class__: 'date', year, month, day };
}

/** An instant as a Tryton datetime (UTC, as Tryton stores create_date / write_date). */
export function datetime(d: Date): Typed {
  return {
    __class__: 'datetime',
    year: d.getUTCFullYear(),
    month: d.getUTCMonth() + 1,
    day: d.getUTCDate(),
    hour: d.getUTCHours(),
    minute: d.getUTCMinutes(),
    second: d.getUTCSeconds(),
    microsecond: d.getUTCMilliseconds() * 1000,
  };
}

/** Decimal (or plain number / numeric string) → number; undefined for null or anything else. */
export function toNumber(v: unknown): number | undefined {
  let n: number | undefined;
  if (typeof v === 'number') n = v;
  else if (isTyped(v) && v.__class__ === 'Decimal') n = Number(v['decimal']);
  else if (typeof v === 'string' && v.trim() !== '') n = Number(v);
  return n === undefined || !Number.isFinite(n) ? undefined : n + 0; // + 0 turns Tryton's "-0.00" into 0
}

/** Like toNumber, 0 for missing values (money columns Tryton leaves null). */
export const money = (v: unknown): number => toNumber(v) ?? 0;

/** A Tryton date → `YYYY-MM-DD`. */
export function toDateOnly(v: unknown): string | undefined {
  if (isTyped(v) && (v.__class__ === 'date' || v.__class__ === 'datetime')) {
    return `${pad(v['year'], 4)}-${pad(v['month'])}-${pad(v['day'])}`;
  }
  if (typeof v === 'string' && /^\d{4}-\d{2}-\d{2}/.test(v)) return v.slice(0, 10);
  return undefined;
}

/** A Tryton date → the unified model's date form `YYYY-MM-DDT00:00:00` (no zone: a calendar day). */
export function toIsoDate(v: unknown): string | undefined {
  const day = toDateOnly(v);
  return day && `${day}T00:00:00`;
}

/** A Tryton datetime (naive UTC) → ISO instant with `Z`. */
export function toIsoDateTime(v: unknown): string | undefined {
  if (!isTyped(v) || v.__class__ !== 'datetime') return undefined;
  const ms = Math.floor(Number(v['microsecond'] ?? 0) / 1000);
  return `${toDateOnly(v)}T${pad(v['hour'])}:${pad(v['minute'])}:${pad(v['second'])}.${pad(ms, 3)}Z`;
}

/** `sourceModifiedDate`: write_date, or create_date for records never edited. */
export function modifiedAt(row: { write_date?: unknown; create_date?: unknown }): string | undefined {
  return toIsoDateTime(row.write_date) ?? toIsoDateTime(row.create_date);
}

/** Tryton booleans come back as true/false (PostgreSQL) or 1/0 (SQLite). */
export const truthy = (v: unknown): boolean => v === true || v === 1;

/** Many2one as read: an id or null. */
export const m2o = (v: unknown): number | undefined => (typeof v === 'number' ? v : undefined);

/** The related record of a dotted read (`"party.name"` comes back as `"party.": {id, name}`). */
export function related(row: Record<string, unknown>, field: string): Record<string, unknown> | undefined {
  const v = row[`${field}.`];
  return typeof v === 'object' && v !== null ? (v as Record<string, unknown>) : undefined;
}

/** A non-empty string or undefined (the unified model omits what the source has not got). */
export function text(v: unknown): string | undefined {
  return typeof v === 'string' && v.trim() !== '' ? v : undefined;
}

/** Rounds to cents (computed amounts such as a line's tax). */
export const cents = (n: number): number => Math.round(n * 100) / 100;
