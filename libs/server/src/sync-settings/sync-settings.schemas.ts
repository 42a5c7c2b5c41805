import { DATA_TYPES } from '@ledgerlink/models';
import { z } from 'zod';

/** The seed's frequencies, as syncSchedule hours. */
export const FREQUENCY_HOURS = { hourly: 1, daily: 24, weekly: 168, monthly: 720 } as const;
/** Each connection syncs at least monthly, to keep it alive (seed 002). */
export const MAX_SCHEDULE_HOURS = 720;

const isoDate = z.string().refine((v) => !Number.isNaN(Date.parse(v)) && /^\d{4}-\d{2}-\d{2}/.test(v), 'must be an ISO-8601 date');

export const syncSettingSchema = z.object({
  dataType: z.enum(DATA_TYPES, { error: (i) => `${String(i.input)} is not a data type` }),
  fetchOnFirstLink: z.boolean(),
  syncSchedule: z.number().int().min(0, 'syncSchedule is in hours: 0 (never) to 720').max(MAX_SCHEDULE_HOURS, 'syncSchedule is in hours: 0 (never) to 720'),
  syncOrder: z.number().int().min(0).max(10_000),
  syncFromUtc: isoDate.nullish(),
  syncFromWindow: z.number().int().min(1).max(600).nullish(),
  monthsToSync: z.number().int().min(1).max(600).nullish(),
  isLocked: z.boolean().nullish(),
});
export type SyncSetting = z.infer<typeof syncSettingSchema>;

const settingsList = z
  .array(syncSettingSchema)
  .max(DATA_TYPES.length)
  .superRefine((list, ctx) => {
    const seen = new Set<string>();
    list.forEach((s, i) => {
      if (seen.has(s.dataType)) ctx.addIssue({ code: 'custom', path: [i, 'dataType'], message: `${s.dataType} appears twice` });
      seen.add(s.dataType);
      if (s.syncFromUtc && s.syncFromWindow) ctx.addIssue({ code: 'custom', path: [i, 'syncFromWindow'], message: 'set syncFromUtc or syncFromWindow, not both' });
    });
  });

/** Ledgerlink extension: pin scheduled syncs to a start date and an hour of day in a time zone. */
export const companyScheduleSchema = z.object({
  startDate: isoDate.nullish(),
  hourOfDay: z.number().int().min(0).max(23).nullish(),
  timeZone: z
    .string()
    .max(64)
    .refine((tz) => {
      try {
        new Intl.DateTimeFormat('en-GB', { timeZone: tz });
        return true;
      } catch {
        return false;
      }
    }, 'must be an IANA time zone such as Europe/London')
    .nullish(),
});
export type CompanySchedule = z.infer<typeof companyScheduleSchema>;

export const clientSyncSettingsBody = z.object({
  clientId: z.string().uuid('clientId must be your client id (see GET /profile/syncSettings)'),
  settings: settingsList,
  overridesDefaults: z.boolean().default(true),
});

export const companySyncSettingsBody = z.object({
  companyId: z.string().uuid(),
  settings: settingsList,
  overridesDefaults: z.boolean().default(true),
  schedule: companyScheduleSchema.nullish(),
});
