/**
 * The sync settings form as plain data: rows of text values (what the inputs hold), checks
 * before saving, conversion to the API's SyncSetting, and the API's validation errors mapped
 * back onto the fields. The API validates again; these checks only save a round trip.
 */
import { errorMessage } from '../../../lib/errors';
import { orderDataTypes } from './data-types';
import { isValidTimeZone, COMMON_TIME_ZONES } from './time';
import type { CompanyScheduleInput, DataType, SyncSetting, SyncSettingInput } from './types';

export const SYNC_ORDER_MAX = 10_000;
export const WINDOW_MAX_MONTHS = 600;
export const SCHEDULE_MAX_HOURS = 720;

export interface SettingRowValues {
  dataType: string;
  fetchOnFirstLink: boolean;
  /** syncSchedule hours as text: the frequency select's value. */
  syncSchedule: string;
  syncOrder: string;
  /** History window in months; empty for none. */
  syncFromWindow: string;
  /** Sync-from date as YYYY-MM-DD; empty for none. */
  syncFromDate: string;
  isLocked: boolean;
  /** Not edited here (financial statements only): kept as loaded. */
  monthsToSync?: number;
  /** The loaded syncFromUtc, kept as is while its date is unchanged. */
  loadedSyncFromUtc?: string;
}

export type SettingField = 'fetchOnFirstLink' | 'syncSchedule' | 'syncOrder' | 'syncFromWindow' | 'syncFromUtc' | 'isLocked';
/** Messages by field; `row` is for what concerns the whole row (e.g. a locked type). */
export type RowErrors = Partial<Record<SettingField | 'row', string>>;
export type SettingsErrors = Record<string, RowErrors>;

export interface ScheduleValues {
  /** YYYY-MM-DD or empty. */
  startDate: string;
  /** 0–23 as text, or empty. */
  hourOfDay: string;
  /** '' (not set), one of COMMON_TIME_ZONES, or OTHER_ZONE. */
  zoneChoice: string;
  /** The typed IANA name when zoneChoice is OTHER_ZONE. */
  customZone: string;
}
export type ScheduleField = 'startDate' | 'hourOfDay' | 'timeZone';
export type ScheduleErrors = Partial<Record<ScheduleField, string>>;

export const OTHER_ZONE = 'other';

export const EXCLUSIVE_HISTORY = 'Set a history window or a sync-from date, not both.';

const WHOLE = /^\d+$/;
const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

export function isValidDate(text: string): boolean {
  const m = DATE.exec(text);
  if (!m) return false;
  const d = new Date(Date.UTC(+m[1], +m[2] - 1, +m[3]));
  return d.getUTCFullYear() === +m[1] && d.getUTCMonth() === +m[2] - 1 && d.getUTCDate() === +m[3];
}

/** The API's settings as form rows, in the portal's data type order. */
export function toSettingRows(settings: SyncSetting[]): SettingRowValues[] {
  const byType = new Map(settings.map((s) => [s.dataType as string, s]));
  return orderDataTypes(byType.keys())
    .filter((t) => byType.has(t))
    .map((t) => {
      const s = byType.get(t) as SyncSetting;
      return {
        dataType: s.dataType,
        fetchOnFirstLink: s.fetchOnFirstLink,
        syncSchedule: String(s.syncSchedule),
        syncOrder: String(s.syncOrder),
        syncFromWindow: s.syncFromWindow ? String(s.syncFromWindow) : '',
        syncFromDate: s.syncFromUtc ? s.syncFromUtc.slice(0, 10) : '',
        isLocked: Boolean(s.isLocked),
        ...(s.monthsToSync ? { monthsToSync: s.monthsToSync } : {}),
        ...(s.syncFromUtc ? { loadedSyncFromUtc: s.syncFromUtc } : {}),
      };
    });
}

export function validateSettingRow(row: SettingRowValues): RowErrors {
  const errors: RowErrors = {};
  const hours = row.syncSchedule.trim();
  if (!WHOLE.test(hours) || +hours > SCHEDULE_MAX_HOURS) errors.syncSchedule = 'Choose a frequency.';
  const order = row.syncOrder.trim();
  if (!WHOLE.test(order) || +order > SYNC_ORDER_MAX) errors.syncOrder = `Enter a whole number from 0 to ${SYNC_ORDER_MAX.toLocaleString('en-GB')}.`;
  const window = row.syncFromWindow.trim();
  if (window && (!WHOLE.test(window) || +window < 1 || +window > WINDOW_MAX_MONTHS)) {
    errors.syncFromWindow = `Enter whole months from 1 to ${WINDOW_MAX_MONTHS}, or leave it empty.`;
  }
  const date = row.syncFromDate.trim();
  if (date && !isValidDate(date)) errors.syncFromUtc = 'Enter a real date (YYYY-MM-DD), or leave it empty.';
  if (window && date && !errors.syncFromWindow && !errors.syncFromUtc) {
    errors.syncFromWindow = EXCLUSIVE_HISTORY;
    errors.syncFromUtc = EXCLUSIVE_HISTORY;
  }
  return errors;
}

/** Errors of every row that has any, keyed by data type. */
export function validateSettingRows(rows: SettingRowValues[]): SettingsErrors {
  const out: SettingsErrors = {};
  for (const row of rows) {
    const e = validateSettingRow(row);
    if (Object.keys(e).length) out[row.dataType] = e;
  }
  return out;
}

export const hasSettingsErrors = (errors: SettingsErrors) => Object.values(errors).some((e) => Object.keys(e).length > 0);

/** A valid row as the API's SyncSetting; optional fields left out when empty. */
export function toSyncSetting(row: SettingRowValues, { withLock = true }: { withLock?: boolean } = {}): SyncSettingInput {
  const date = row.syncFromDate.trim();
  const window = row.syncFromWindow.trim();
  const syncFromUtc = date ? (row.loadedSyncFromUtc?.startsWith(date) ? row.loadedSyncFromUtc : `${date}T00:00:00.000Z`) : undefined;
  return {
    dataType: row.dataType as DataType,
    fetchOnFirstLink: row.fetchOnFirstLink,
    syncSchedule: Number(row.syncSchedule),
    syncOrder: Number(row.syncOrder),
    ...(syncFromUtc ? { syncFromUtc } : {}),
    ...(window ? { syncFromWindow: Number(window) } : {}),
    ...(row.monthsToSync ? { monthsToSync: row.monthsToSync } : {}),
    ...(withLock ? { isLocked: row.isLocked } : {}),
  };
}

const sameInstant = (a?: string | null, b?: string | null) => (!a && !b) || (!!a && !!b && new Date(a).getTime() === new Date(b).getTime());

/** Whether a setting says the same as another (the lock aside). */
export function sameSetting(a: Omit<SyncSettingInput, 'dataType'>, b: Omit<SyncSetting, 'dataType'> | undefined): boolean {
  if (!b) return false;
  return (
    a.fetchOnFirstLink === b.fetchOnFirstLink &&
    a.syncSchedule === b.syncSchedule &&
    a.syncOrder === b.syncOrder &&
    (a.syncFromWindow ?? undefined) === (b.syncFromWindow ?? undefined) &&
    (a.monthsToSync ?? undefined) === (b.monthsToSync ?? undefined) &&
    sameInstant(a.syncFromUtc, b.syncFromUtc)
  );
}

/**
 * What a company stores: only the rows that differ from the client defaults, so the rest keep
 * following the defaults. Types the client defaults lock are never sent (the API refuses them).
 */
export function companyOverrides(rows: SettingRowValues[], clientDefaults: SyncSetting[]): SyncSettingInput[] {
  const defaults = new Map(clientDefaults.map((s) => [s.dataType as string, s]));
  return rows
    .filter((r) => !defaults.get(r.dataType)?.isLocked)
    .map((r) => toSyncSetting(r, { withLock: false }))
    .filter((s) => !sameSetting(s, defaults.get(s.dataType)));
}

// ---- company schedule (Ledgerlink extension) ------------------------------------------------

export function toScheduleValues(schedule: { startDate?: string | null; hourOfDay?: number | null; timeZone?: string | null } | null | undefined): ScheduleValues {
  const tz = schedule?.timeZone ?? '';
  const common = (COMMON_TIME_ZONES as readonly string[]).includes(tz);
  return {
    startDate: schedule?.startDate ? schedule.startDate.slice(0, 10) : '',
    hourOfDay: schedule?.hourOfDay != null ? String(schedule.hourOfDay) : '',
    zoneChoice: !tz ? '' : common ? tz : OTHER_ZONE,
    customZone: common ? '' : tz,
  };
}

export function scheduleTimeZone(values: ScheduleValues): string {
  return (values.zoneChoice === OTHER_ZONE ? values.customZone : values.zoneChoice).trim();
}

/**
 * Checks the start date and hour. The time zone is only checked for being there when "Other" is
 * chosen: the API decides which names are valid IANA zones.
 */
export function validateSchedule(values: ScheduleValues): ScheduleErrors {
  const errors: ScheduleErrors = {};
  const date = values.startDate.trim();
  if (date && !isValidDate(date)) errors.startDate = 'Enter a real date (YYYY-MM-DD), or leave it empty.';
  const hour = values.hourOfDay.trim();
  if (hour && (!WHOLE.test(hour) || +hour > 23)) errors.hourOfDay = 'Enter an hour from 0 to 23, or leave it empty.';
  if (values.zoneChoice === OTHER_ZONE && !values.customZone.trim()) errors.timeZone = 'Type an IANA time zone name, such as Europe/London.';
  return errors;
}

/** The schedule to send; null when nothing is set (which clears a pinned schedule). */
export function toScheduleInput(values: ScheduleValues): CompanyScheduleInput | null {
  const startDate = values.startDate.trim();
  const hour = values.hourOfDay.trim();
  const timeZone = scheduleTimeZone(values);
  if (!startDate && !hour && !timeZone) return null;
  return {
    ...(startDate ? { startDate } : {}),
    ...(hour ? { hourOfDay: Number(hour) } : {}),
    ...(timeZone ? { timeZone } : {}),
  };
}

/** The zone next-run times are shown in: the chosen one when valid, else UTC. */
export function displayTimeZone(timeZone: string | null | undefined): string {
  return timeZone && isValidTimeZone(timeZone) ? timeZone : 'UTC';
}

// ---- the API's answer to a save -------------------------------------------------------------

export interface ServerFormErrors {
  rows: SettingsErrors;
  schedule: ScheduleErrors;
  /** What belongs to no one field. */
  general: string[];
}

interface Issue {
  path?: unknown;
  message?: unknown;
}

const SETTING_FIELDS: Record<string, SettingField | 'row'> = {
  fetchOnFirstLink: 'fetchOnFirstLink',
  syncSchedule: 'syncSchedule',
  syncOrder: 'syncOrder',
  syncFromWindow: 'syncFromWindow',
  syncFromUtc: 'syncFromUtc',
  isLocked: 'isLocked',
};

const isScheduleField = (v: unknown): v is ScheduleField => v === 'startDate' || v === 'hourOfDay' || v === 'timeZone';

const sentence = (text: string) => {
  const t = text.trim();
  if (!t) return t;
  // A field name (syncSchedule …) keeps its spelling; a plain word is capitalised.
  const cap = /^[a-z]+[A-Z]/.test(t) ? t : t[0].toUpperCase() + t.slice(1);
  return /[.!?]$/.test(cap) ? cap : `${cap}.`;
};

function parseIssues(message: string): Issue[] | undefined {
  if (!message.trim().startsWith('[')) return undefined;
  try {
    const parsed = JSON.parse(message) as unknown;
    return Array.isArray(parsed) ? (parsed as Issue[]) : undefined;
  } catch {
    return undefined;
  }
}

/**
 * The API's BAD_REQUEST for a save, on the fields it is about. tRPC input errors carry zod issues
 * (JSON in the message) whose path is ['settings', index, field] — index into what was sent — or
 * ['schedule', field]. Domain errors ("The invoices setting is locked …") are plain text.
 */
export function serverFormErrors(err: unknown, sent: { dataType: string }[]): ServerFormErrors {
  const out: ServerFormErrors = { rows: {}, schedule: {}, general: [] };
  const message = err && typeof err === 'object' && typeof (err as { message?: unknown }).message === 'string' ? ((err as { message: string }).message as string) : '';
  const issues = parseIssues(message);
  if (!issues) {
    const locked = /^The (\S+) setting is locked/.exec(message);
    if (locked && sent.some((s) => s.dataType === locked[1])) out.rows[locked[1]] = { row: sentence(message) };
    else out.general.push(errorMessage(err));
    return out;
  }
  for (const issue of issues) {
    const text = typeof issue.message === 'string' ? sentence(issue.message) : 'Invalid value.';
    const path = Array.isArray(issue.path) ? issue.path : [];
    if (path[0] === 'settings' && typeof path[1] === 'number' && sent[path[1]]) {
      const type = sent[path[1]].dataType;
      const field = SETTING_FIELDS[String(path[2])] ?? 'row';
      const row = (out.rows[type] ??= {});
      if (!row[field]) row[field] = text;
    } else if (path[0] === 'schedule' && isScheduleField(path[1])) {
      out.schedule[path[1]] ??= text;
    } else if (!out.general.includes(text)) {
      out.general.push(text);
    }
  }
  return out;
}

/**
 * The errors left once a row's fields change: the changed fields' own messages go, and so does
 * the "window or date, not both" message on both halves when either half changes.
 */
export function clearFieldErrors(errors: SettingsErrors, dataType: string, patch: Partial<SettingRowValues>): SettingsErrors {
  const current = errors[dataType];
  if (!current) return errors;
  const row: RowErrors = { ...current };
  const fields = Object.keys(patch).map((k) => (k === 'syncFromDate' ? 'syncFromUtc' : k));
  if ((fields.includes('syncFromWindow') || fields.includes('syncFromUtc')) && row.syncFromWindow === EXCLUSIVE_HISTORY) {
    delete row.syncFromWindow;
    delete row.syncFromUtc;
  }
  for (const f of fields) delete row[f as SettingField];
  delete row.row;
  const next = { ...errors };
  if (Object.keys(row).length) next[dataType] = row;
  else delete next[dataType];
  return next;
}
