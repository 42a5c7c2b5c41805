import {
  EXCLUSIVE_HISTORY,
  OTHER_ZONE,
  clearFieldErrors,
  companyOverrides,
  displayTimeZone,
  hasSettingsErrors,
  isValidDate,
  scheduleTimeZone,
  serverFormErrors,
  toScheduleInput,
  toScheduleValues,
  toSettingRows,
  toSyncSetting,
  validateSchedule,
  validateSettingRow,
  validateSettingRows,
  type SettingRowValues,
} from '../src/app/(app)/_sync/settings-form';
import type { SyncSetting } from '../src/app/(app)/_sync/types';

const setting = (dataType: string, extra: Partial<SyncSetting> = {}) => ({ dataType, fetchOnFirstLink: true, syncSchedule: 24, syncOrder: 0, ...extra }) as SyncSetting;

const row = (extra: Partial<SettingRowValues> = {}): SettingRowValues => ({
  dataType: 'invoices',
  fetchOnFirstLink: true,
  syncSchedule: '24',
  syncOrder: '3',
  syncFromWindow: '',
  syncFromDate: '',
  isLocked: false,
  ...extra,
});

describe('toSettingRows', () => {
  it('turns settings into text rows in the portal order', () => {
    const rows = toSettingRows([
      setting('invoices', { syncOrder: 4, syncFromWindow: 12, isLocked: true }),
      setting('company', { syncSchedule: 720, syncFromUtc: '2024-01-01T00:00:00.000Z', monthsToSync: 24 }),
    ]);
    expect(rows.map((r) => r.dataType)).toEqual(['company', 'invoices']);
    expect(rows[0]).toMatchObject({ syncSchedule: '720', syncFromDate: '2024-01-01', syncFromWindow: '', monthsToSync: 24, loadedSyncFromUtc: '2024-01-01T00:00:00.000Z', isLocked: false });
    expect(rows[1]).toMatchObject({ syncOrder: '4', syncFromWindow: '12', syncFromDate: '', isLocked: true });
  });
});

describe('validateSettingRow', () => {
  it('accepts a plain row, a window alone and a date alone', () => {
    expect(validateSettingRow(row())).toEqual({});
    expect(validateSettingRow(row({ syncFromWindow: '24' }))).toEqual({});
    expect(validateSettingRow(row({ syncFromDate: '2024-02-29' }))).toEqual({});
    expect(validateSettingRow(row({ syncSchedule: '0', syncOrder: '0' }))).toEqual({});
  });

  it('refuses a history window and a sync-from date together, on both fields', () => {
    const errors = validateSettingRow(row({ syncFromWindow: '6', syncFromDate: '2024-01-01' }));
    expect(errors).toEqual({ syncFromWindow: EXCLUSIVE_HISTORY, syncFromUtc: EXCLUSIVE_HISTORY });
    expect(EXCLUSIVE_HISTORY).toBe('Set a history window or a sync-from date, not both.');
  });

  it('checks the sync order', () => {
    expect(validateSettingRow(row({ syncOrder: '' })).syncOrder).toBe('Enter a whole number from 0 to 10,000.');
    expect(validateSettingRow(row({ syncOrder: '-1' })).syncOrder).toBeDefined();
    expect(validateSettingRow(row({ syncOrder: '1.5' })).syncOrder).toBeDefined();
    expect(validateSettingRow(row({ syncOrder: '10001' })).syncOrder).toBeDefined();
    expect(validateSettingRow(row({ syncOrder: '10000' })).syncOrder).toBeUndefined();
  });

  it('checks the window months and the date', () => {
    expect(validateSettingRow(row({ syncFromWindow: '0' })).syncFromWindow).toBe('Enter whole months from 1 to 600, or leave it empty.');
    expect(validateSettingRow(row({ syncFromWindow: '601' })).syncFromWindow).toBeDefined();
    expect(validateSettingRow(row({ syncFromWindow: 'abc' })).syncFromWindow).toBeDefined();
    expect(validateSettingRow(row({ syncFromDate: '2023-02-29' })).syncFromUtc).toBe('Enter a real date (YYYY-MM-DD), or leave it empty.');
    // Only the field's own error when one half is wrong anyway.
    expect(validateSettingRow(row({ syncFromWindow: '0', syncFromDate: '2024-01-01' }))).toEqual({ syncFromWindow: 'Enter whole months from 1 to 600, or leave it empty.' });
  });

  it('checks the frequency', () => {
    expect(validateSettingRow(row({ syncSchedule: '' })).syncSchedule).toBe('Choose a frequency.');
    expect(validateSettingRow(row({ syncSchedule: '721' })).syncSchedule).toBe('Choose a frequency.');
  });

  it('collects errors by data type', () => {
    const errors = validateSettingRows([row(), row({ dataType: 'bills', syncOrder: 'x' })]);
    expect(Object.keys(errors)).toEqual(['bills']);
    expect(hasSettingsErrors(errors)).toBe(true);
    expect(hasSettingsErrors({})).toBe(false);
  });

  it('knows real dates', () => {
    expect(isValidDate('2024-02-29')).toBe(true);
    expect(isValidDate('2024-13-01')).toBe(false);
    expect(isValidDate('1 Jan 2024')).toBe(false);
  });
});

describe('toSyncSetting', () => {
  it('sends numbers and leaves out empty optional fields', () => {
    expect(toSyncSetting(row({ syncSchedule: '168' }))).toEqual({ dataType: 'invoices', fetchOnFirstLink: true, syncSchedule: 168, syncOrder: 3, isLocked: false });
  });

  it('sends a window or a date as midnight UTC, keeps a loaded date as it was, and can leave the lock out', () => {
    expect(toSyncSetting(row({ syncFromWindow: '12' }))).toMatchObject({ syncFromWindow: 12 });
    expect(toSyncSetting(row({ syncFromDate: '2024-05-01' })).syncFromUtc).toBe('2024-05-01T00:00:00.000Z');
    expect(toSyncSetting(row({ syncFromDate: '2024-05-01', loadedSyncFromUtc: '2024-05-01T12:30:00.000Z' })).syncFromUtc).toBe('2024-05-01T12:30:00.000Z');
    expect(toSyncSetting(row({ syncFromDate: '2024-05-02', loadedSyncFromUtc: '2024-05-01T12:30:00.000Z' })).syncFromUtc).toBe('2024-05-02T00:00:00.000Z');
    expect(toSyncSetting(row({ monthsToSync: 24 })).monthsToSync).toBe(24);
    expect('isLocked' in toSyncSetting(row(), { withLock: false })).toBe(false);
  });
});

describe('companyOverrides', () => {
  const defaults = [setting('invoices', { syncOrder: 3 }), setting('bills', { syncOrder: 4, isLocked: true }), setting('payments', { syncOrder: 5, syncFromUtc: '2024-01-01T00:00:00.000Z' })];

  it('sends only rows that differ from the client defaults, never locked ones', () => {
    const rows = toSettingRows(defaults);
    expect(companyOverrides(rows, defaults)).toEqual([]);
    const changed = rows.map((r) => (r.dataType === 'invoices' ? { ...r, syncSchedule: '1' } : r.dataType === 'bills' ? { ...r, syncSchedule: '1' } : r));
    expect(companyOverrides(changed, defaults)).toEqual([{ dataType: 'invoices', fetchOnFirstLink: true, syncSchedule: 1, syncOrder: 3 }]);
  });

  it('sends a type the defaults do not have', () => {
    expect(companyOverrides([row({ dataType: 'journalEntries' })], defaults).map((s) => s.dataType)).toEqual(['journalEntries']);
  });
});

describe('schedule helpers', () => {
  it('loads a schedule: common zones in the select, others as typed text', () => {
    expect(toScheduleValues(undefined)).toEqual({ startDate: '', hourOfDay: '', zoneChoice: '', customZone: '' });
    expect(toScheduleValues({ startDate: '2026-03-01', hourOfDay: 6, timeZone: 'Europe/London' })).toEqual({ startDate: '2026-03-01', hourOfDay: '6', zoneChoice: 'Europe/London', customZone: '' });
    expect(toScheduleValues({ hourOfDay: 0, timeZone: 'Europe/Zurich' })).toEqual({ startDate: '', hourOfDay: '0', zoneChoice: OTHER_ZONE, customZone: 'Europe/Zurich' });
  });

  it('validates hour and date; asks for a name when "Other" is chosen', () => {
    const base = { startDate: '', hourOfDay: '', zoneChoice: '', customZone: '' };
    expect(validateSchedule(base)).toEqual({});
    expect(validateSchedule({ ...base, hourOfDay: '24' }).hourOfDay).toBe('Enter an hour from 0 to 23, or leave it empty.');
    expect(validateSchedule({ ...base, hourOfDay: '6.5' }).hourOfDay).toBeDefined();
    expect(validateSchedule({ ...base, hourOfDay: '0' })).toEqual({});
    expect(validateSchedule({ ...base, startDate: '2026-02-30' }).startDate).toBeDefined();
    expect(validateSchedule({ ...base, zoneChoice: OTHER_ZONE }).timeZone).toBe('Type an IANA time zone name, such as Europe/London.');
    // Which names are real zones is the API's call.
    expect(validateSchedule({ ...base, zoneChoice: OTHER_ZONE, customZone: 'Not/AZone' })).toEqual({});
  });

  it('builds the schedule to send, or null to clear it', () => {
    expect(toScheduleInput({ startDate: '', hourOfDay: '', zoneChoice: '', customZone: '' })).toBeNull();
    expect(toScheduleInput({ startDate: '', hourOfDay: '6', zoneChoice: 'Europe/London', customZone: '' })).toEqual({ hourOfDay: 6, timeZone: 'Europe/London' });
    expect(toScheduleInput({ startDate: '2026-03-01', hourOfDay: '0', zoneChoice: OTHER_ZONE, customZone: ' Europe/Zurich ' })).toEqual({ startDate: '2026-03-01', hourOfDay: 0, timeZone: 'Europe/Zurich' });
    expect(scheduleTimeZone({ startDate: '', hourOfDay: '', zoneChoice: OTHER_ZONE, customZone: 'Asia/Kathmandu' })).toBe('Asia/Kathmandu');
    expect(displayTimeZone('Europe/London')).toBe('Europe/London');
    expect(displayTimeZone('Not/AZone')).toBe('UTC');
    expect(displayTimeZone(undefined)).toBe('UTC');
  });
});

describe('serverFormErrors', () => {
  const sent = [{ dataType: 'company' }, { dataType: 'invoices' }];
  const zod = (issues: unknown[]) => ({ message: JSON.stringify(issues, null, 2), data: { code: 'BAD_REQUEST' } });

  it('puts zod issues on the field of the row that was sent at that index', () => {
    const found = serverFormErrors(
      zod([
        { code: 'custom', path: ['settings', 1, 'syncFromWindow'], message: 'set syncFromUtc or syncFromWindow, not both' },
        { code: 'too_big', path: ['settings', 0, 'syncSchedule'], message: 'syncSchedule is in hours: 0 (never) to 720' },
        { code: 'custom', path: ['settings', 1, 'dataType'], message: 'invoices appears twice' },
      ]),
      sent,
    );
    expect(found.rows).toEqual({
      invoices: { syncFromWindow: 'Set syncFromUtc or syncFromWindow, not both.', row: 'Invoices appears twice.' },
      company: { syncSchedule: 'syncSchedule is in hours: 0 (never) to 720.' },
    });
    expect(found.general).toEqual([]);
  });

  it('puts schedule issues on the schedule fields, and the rest in general', () => {
    const found = serverFormErrors(
      zod([
        { code: 'custom', path: ['schedule', 'timeZone'], message: 'must be an IANA time zone such as Europe/London' },
        { code: 'invalid_type', path: ['companyId'], message: 'Invalid UUID' },
      ]),
      sent,
    );
    expect(found.schedule).toEqual({ timeZone: 'Must be an IANA time zone such as Europe/London.' });
    expect(found.general).toEqual(['Invalid UUID.']);
  });

  it('puts a locked-type error on its row; other messages in general', () => {
    expect(serverFormErrors({ message: 'The invoices setting is locked by the client defaults' }, sent).rows).toEqual({ invoices: { row: 'The invoices setting is locked by the client defaults.' } });
    expect(serverFormErrors({ message: 'Something broke' }, sent)).toEqual({ rows: {}, schedule: {}, general: ['Something broke'] });
  });
});

describe('clearFieldErrors', () => {
  it('clears the changed field, and the both-set message on both halves', () => {
    const errors = { invoices: { syncFromWindow: EXCLUSIVE_HISTORY, syncFromUtc: EXCLUSIVE_HISTORY, syncOrder: 'bad' }, bills: { syncOrder: 'bad' } };
    expect(clearFieldErrors(errors, 'invoices', { syncFromDate: '' })).toEqual({ invoices: { syncOrder: 'bad' }, bills: { syncOrder: 'bad' } });
    expect(clearFieldErrors(errors, 'bills', { syncOrder: '1' })).toEqual({ invoices: errors.invoices });
    expect(clearFieldErrors(errors, 'payments', { syncOrder: '1' })).toBe(errors);
  });
});
