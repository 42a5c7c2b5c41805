'use client';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import Link from 'next/link';
import { useMemo, useState, type FormEvent } from 'react';
import { errorMessage } from '../../../../../lib/errors';
import { useTRPC } from '../../../../../lib/trpc';
import { dataTypeLabel, orderDataTypes } from '../../../_sync/data-types';
import { focusFirstInvalid } from '../../../_sync/focus';
import { frequencyLabel } from '../../../_sync/frequency';
import { nextRunsByType } from '../../../_sync/schedule';
import {
  OTHER_ZONE,
  clearFieldErrors,
  companyOverrides,
  displayTimeZone,
  hasSettingsErrors,
  scheduleTimeZone,
  serverFormErrors,
  toScheduleInput,
  toScheduleValues,
  toSettingRows,
  validateSchedule,
  validateSettingRows,
  type ScheduleErrors,
  type ScheduleValues,
  type SettingRowValues,
  type SettingsErrors,
} from '../../../_sync/settings-form';
import { SettingsTable } from '../../../_sync/settings-table';
import { COMMON_TIME_ZONES } from '../../../_sync/time';
import type { ClientSyncSettings, CompanySyncSettings as CompanySettingsData } from '../../../_sync/types';
import { useNow } from '../../../_sync/use-now';
import { When } from '../../../_sync/when';
import { ErrorList, LoadError } from '../../../error-box';

const PREFIX = 'company-setting';

/** A company's effective sync settings (overrides over the client defaults) and its schedule. */
export function CompanySyncSettings({ companyId }: { companyId: string }) {
  const trpc = useTRPC();
  const company = useQuery(trpc.data.companySettings.queryOptions({ companyId }));
  const client = useQuery(trpc.data.clientSettings.queryOptions());
  const failed = (company.isError && !company.data) || (client.isError && !client.data);

  return (
    <>
      {failed ? (
        <LoadError
          what="the sync settings"
          error={company.error ?? client.error}
          onRetry={() => {
            void company.refetch();
            void client.refetch();
          }}
        />
      ) : null}
      {!failed && (!company.data || !client.data) ? (
        <p role="status" className="muted">
          Loading sync settings…
        </p>
      ) : null}
      {company.data && client.data ? <CompanySettingsForm companyId={companyId} loaded={company.data} client={client.data} /> : null}
      <UpcomingRuns companyId={companyId} timeZone={displayTimeZone(company.data?.schedule?.timeZone as string | undefined)} />
    </>
  );
}

function CompanySettingsForm({ companyId, loaded, client }: { companyId: string; loaded: CompanySettingsData; client: ClientSyncSettings }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const [rows, setRows] = useState<SettingRowValues[]>(() => toSettingRows(loaded.settings));
  const [schedule, setSchedule] = useState<ScheduleValues>(() => toScheduleValues(loaded.schedule));
  const [errors, setErrors] = useState<SettingsErrors>({});
  const [scheduleErrors, setScheduleErrors] = useState<ScheduleErrors>({});
  const [general, setGeneral] = useState<string[]>([]);
  const [saved, setSaved] = useState(false);

  const lockedTypes = useMemo(() => new Set(client.settings.filter((s) => s.isLocked).map((s) => s.dataType as string)), [client.settings]);
  const overrides = useMemo(() => companyOverrides(rows, client.settings), [rows, client.settings]);
  const overriddenTypes = useMemo(() => new Set(overrides.map((o) => o.dataType as string)), [overrides]);

  const save = useMutation(
    trpc.data.setCompanySettings.mutationOptions({
      onSuccess: async () => {
        setSaved(true);
        await Promise.all([
          queryClient.invalidateQueries(trpc.data.companySettings.queryFilter({ companyId })),
          queryClient.invalidateQueries(trpc.data.schedule.queryFilter({ companyId })),
        ]);
      },
      onError: (err, input) => {
        const found = serverFormErrors(err, input.settings);
        setErrors(found.rows);
        setScheduleErrors(found.schedule);
        const onFields = Object.keys(found.rows).length + Object.keys(found.schedule).length;
        setGeneral(found.general.length || onFields ? found.general : [errorMessage(err)]);
      },
    }),
  );

  const onChange = (dataType: string, patch: Partial<SettingRowValues>) => {
    setRows((old) => old.map((r) => (r.dataType === dataType ? { ...r, ...patch } : r)));
    setSaved(false);
    setErrors((old) => clearFieldErrors(old, dataType, patch));
  };

  const setScheduleField = (patch: Partial<ScheduleValues>) => {
    setSchedule((old) => ({ ...old, ...patch }));
    setSaved(false);
    setScheduleErrors((old) => {
      const next = { ...old };
      if ('startDate' in patch) delete next.startDate;
      if ('hourOfDay' in patch) delete next.hourOfDay;
      if ('zoneChoice' in patch || 'customZone' in patch) delete next.timeZone;
      return next;
    });
  };

  const resetToDefaults = () => {
    const defaults = toSettingRows(client.settings);
    setRows((old) => old.map((r) => (lockedTypes.has(r.dataType) ? r : (defaults.find((d) => d.dataType === r.dataType) ?? r))));
    setErrors({});
    setSaved(false);
  };

  const onSubmit = (e: FormEvent<HTMLFormElement>) => {
    e.preventDefault();
    setSaved(false);
    setGeneral([]);
    const found = validateSettingRows(rows.filter((r) => !lockedTypes.has(r.dataType)));
    const foundSchedule = validateSchedule(schedule);
    setErrors(found);
    setScheduleErrors(foundSchedule);
    if (hasSettingsErrors(found) || Object.keys(foundSchedule).length) {
      focusFirstInvalid(e.currentTarget);
      return;
    }
    save.mutate({ companyId, settings: overrides, overridesDefaults: loaded.overridesDefaults, schedule: toScheduleInput(schedule) });
  };

  const invalid = Object.keys(errors).length + Object.keys(scheduleErrors).length;
  const tz = scheduleTimeZone(schedule);

  return (
    <form className="sync-form" onSubmit={onSubmit} noValidate aria-label="Company sync settings" data-testid="company-settings-form">
      <section className="card" aria-labelledby="schedule-heading">
        <div className="card-head">
          <h2 id="schedule-heading">Schedule</h2>
          <p className="hint">
            Pin scheduled syncs to an hour of the day in a time zone, starting on a date. Daily, weekly and monthly syncs then run at that local hour, also across daylight-saving
            changes. Leave everything empty to run at intervals from when the company linked.
          </p>
        </div>
        <div className="schedule-form">
          <div className="field">
            <label htmlFor="schedule-start-date">
              Start date <span className="muted">(optional)</span>
            </label>
            <input
              id="schedule-start-date"
              type="date"
              value={schedule.startDate}
              onChange={(e) => setScheduleField({ startDate: e.target.value })}
              aria-invalid={scheduleErrors.startDate ? true : undefined}
              aria-describedby={scheduleErrors.startDate ? 'schedule-start-date-error' : undefined}
              disabled={save.isPending}
              data-testid="schedule-start-date"
            />
            {scheduleErrors.startDate ? (
              <p id="schedule-start-date-error" className="field-error">
                {scheduleErrors.startDate}
              </p>
            ) : null}
          </div>
          <div className="field">
            <label htmlFor="schedule-hour">
              Hour of day <span className="muted">(0–23, optional)</span>
            </label>
            <input
              id="schedule-hour"
              type="number"
              inputMode="numeric"
              min={0}
              max={23}
              step={1}
              value={schedule.hourOfDay}
              onChange={(e) => setScheduleField({ hourOfDay: e.target.value })}
              aria-invalid={scheduleErrors.hourOfDay ? true : undefined}
              aria-describedby={scheduleErrors.hourOfDay ? 'schedule-hour-error schedule-hour-hint' : 'schedule-hour-hint'}
              disabled={save.isPending}
              data-testid="schedule-hour"
            />
            <p id="schedule-hour-hint" className="hint">
              In the time zone below; 6 means 06:00.
            </p>
            {scheduleErrors.hourOfDay ? (
              <p id="schedule-hour-error" className="field-error">
                {scheduleErrors.hourOfDay}
              </p>
            ) : null}
          </div>
          <div className="field">
            <label htmlFor="schedule-zone">Time zone</label>
            <select
              id="schedule-zone"
              value={schedule.zoneChoice}
              onChange={(e) => setScheduleField({ zoneChoice: e.target.value })}
              aria-invalid={scheduleErrors.timeZone && schedule.zoneChoice !== OTHER_ZONE ? true : undefined}
              aria-describedby={scheduleErrors.timeZone && schedule.zoneChoice !== OTHER_ZONE ? 'schedule-zone-error' : undefined}
              disabled={save.isPending}
              data-testid="schedule-zone"
            >
              <option value="">Not set (UTC)</option>
              {COMMON_TIME_ZONES.map((z) => (
                <option key={z} value={z}>
                  {z.replace(/_/g, ' ')}
                </option>
              ))}
              <option value={OTHER_ZONE}>Other…</option>
            </select>
            {schedule.zoneChoice === OTHER_ZONE ? (
              <>
                <label htmlFor="schedule-zone-other">IANA time zone name</label>
                <input
                  id="schedule-zone-other"
                  type="text"
                  value={schedule.customZone}
                  placeholder="e.g. Europe/Zurich"
                  autoComplete="off"
                  spellCheck={false}
                  onChange={(e) => setScheduleField({ customZone: e.target.value })}
                  aria-invalid={scheduleErrors.timeZone ? true : undefined}
                  aria-describedby={scheduleErrors.timeZone ? 'schedule-zone-error' : undefined}
                  disabled={save.isPending}
                  data-testid="schedule-zone-other"
                />
              </>
            ) : null}
            {scheduleErrors.timeZone ? (
              <p id="schedule-zone-error" className="field-error" data-testid="schedule-zone-error">
                {scheduleErrors.timeZone}
              </p>
            ) : null}
          </div>
        </div>
      </section>

      <section className="card" aria-labelledby="company-settings-heading">
        <div className="card-head">
          <h2 id="company-settings-heading">Settings by data type</h2>
          <div className="card-actions">
            <button type="button" className="button button-small" onClick={resetToDefaults} disabled={save.isPending} data-testid="use-client-defaults">
              Use the defaults for all
            </button>
          </div>
          <p className="hint">
            A row that differs from the <Link href="/settings/sync">default settings</Link> is saved as this company&apos;s override; the others keep following the defaults. Types the
            defaults lock cannot be changed here.
          </p>
        </div>
        <SettingsTable
          idPrefix={PREFIX}
          mode="company"
          rows={rows}
          errors={errors}
          onChange={onChange}
          lockedTypes={lockedTypes}
          overriddenTypes={overriddenTypes}
          disabled={save.isPending}
          caption="Sync settings of this company, one row per data type"
        />
        <div className="form-footer">
          <button type="submit" className="button button-primary" disabled={save.isPending} data-testid="company-settings-save">
            {save.isPending ? 'Saving…' : 'Save and reschedule'}
          </button>
          <span className="muted" data-testid="override-count">
            {overrides.length === 0 ? 'No overrides: this company follows the defaults.' : `${overrides.length} ${overrides.length === 1 ? 'override' : 'overrides'}`}
            {tz ? ` · schedule in ${tz}` : ''}
          </span>
          <div aria-live="polite">
            {saved ? (
              <p className="success-box" role="status" data-testid="company-settings-saved">
                Saved. The scheduled syncs were recalculated.
              </p>
            ) : null}
          </div>
          {invalid > 0 && !general.length ? (
            <p className="inline-status inline-status-error" role="alert" data-testid="company-settings-invalid">
              Check the highlighted fields: nothing was saved.
            </p>
          ) : null}
        </div>
        <ErrorList heading="Could not save the sync settings:" messages={general} testId="company-settings-error" />
      </section>
    </form>
  );
}

/** The next scheduled run of each data type, as the API has (re)computed it. */
function UpcomingRuns({ companyId, timeZone }: { companyId: string; timeZone: string }) {
  const trpc = useTRPC();
  const schedule = useQuery(trpc.data.schedule.queryOptions({ companyId }));
  const settings = useQuery(trpc.data.companySettings.queryOptions({ companyId }));
  const now = useNow();
  const runs = nextRunsByType(schedule.data);
  const hours = new Map((settings.data?.settings ?? []).map((s) => [s.dataType as string, s.syncSchedule]));
  const types = orderDataTypes(runs.keys()).filter((t) => runs.has(t));

  return (
    <section className="card" aria-labelledby="upcoming-heading">
      <div className="card-head">
        <h2 id="upcoming-heading">Scheduled runs</h2>
        <p className="hint">Times in {timeZone}. Only data types a linked connection reads are scheduled.</p>
      </div>
      {schedule.isError && !schedule.data ? (
        <p className="error-box" role="alert">
          Could not load the schedule: {errorMessage(schedule.error)}
        </p>
      ) : null}
      {schedule.data && types.length === 0 ? (
        <p className="empty" data-testid="upcoming-empty">
          Nothing is scheduled yet: syncs are scheduled once a connection is linked.
        </p>
      ) : null}
      {types.length ? (
        <div className="table-wrap">
          <table className="table sync-table" data-testid="upcoming-runs" aria-busy={schedule.isFetching}>
            <caption className="visually-hidden">Next scheduled run of each data type</caption>
            <thead>
              <tr>
                <th scope="col">Data type</th>
                <th scope="col">Frequency</th>
                <th scope="col">Next run</th>
                <th scope="col">Last scheduled run</th>
              </tr>
            </thead>
            <tbody>
              {types.map((t) => {
                const run = runs.get(t);
                const h = hours.get(t);
                return (
                  <tr key={t} data-testid={`upcoming-${t}`}>
                    <th scope="row">{dataTypeLabel(t)}</th>
                    <td>{h === undefined ? <span className="muted">—</span> : frequencyLabel(h)}</td>
                    <td>
                      <When iso={run?.nextRunAt} now={now} timeZone={timeZone} testId={`upcoming-next-${t}`} empty="—" />
                    </td>
                    <td>
                      <When iso={run?.lastRunAt} now={now} timeZone={timeZone} empty="Not yet" />
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </div>
      ) : null}
    </section>
  );
}
