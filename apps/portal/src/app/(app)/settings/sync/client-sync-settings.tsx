'use client';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { errorMessage } from '../../../../lib/errors';
import { useTRPC } from '../../../../lib/trpc';
import { focusFirstInvalid } from '../../_sync/focus';
import { clearFieldErrors, hasSettingsErrors, serverFormErrors, toSettingRows, toSyncSetting, validateSettingRows, type SettingRowValues, type SettingsErrors } from '../../_sync/settings-form';
import { SettingsTable } from '../../_sync/settings-table';
import type { ClientSyncSettings as ClientSettingsData } from '../../_sync/types';
import { ErrorList, LoadError } from '../../error-box';

const PREFIX = 'client-setting';

/** /settings/sync: the client's default sync settings, which every company follows unless it overrides a type. */
export function ClientSyncSettings() {
  const trpc = useTRPC();
  const query = useQuery(trpc.data.clientSettings.queryOptions());

  return (
    <>
      <div className="page-head">
        <h1>Sync settings</h1>
        <p className="muted">
          The defaults for every company: which data types are fetched when a company first links, how often each is refreshed, and how much history is read.
        </p>
      </div>
      {query.isError && !query.data ? (
        <LoadError what="the sync settings" error={query.error} onRetry={() => query.refetch()} />
      ) : null}
      {!query.data && query.isPending ? (
        <p role="status" className="muted">
          Loading sync settings…
        </p>
      ) : null}
      {query.data ? <ClientSettingsForm loaded={query.data} /> : null}
    </>
  );
}

function ClientSettingsForm({ loaded }: { loaded: ClientSettingsData }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const [rows, setRows] = useState<SettingRowValues[]>(() => toSettingRows(loaded.settings));
  const [errors, setErrors] = useState<SettingsErrors>({});
  const [general, setGeneral] = useState<string[]>([]);
  const [saved, setSaved] = useState(false);

  const save = useMutation(
    trpc.data.setClientSettings.mutationOptions({
      onSuccess: async () => {
        setSaved(true);
        await queryClient.invalidateQueries(trpc.data.clientSettings.queryFilter());
        // Every company's effective settings follow the defaults.
        await queryClient.invalidateQueries(trpc.data.companySettings.pathFilter());
      },
      onError: (err, input) => {
        const found = serverFormErrors(err, input.settings);
        setErrors(found.rows);
        setGeneral(found.general.length || Object.keys(found.rows).length ? found.general : [errorMessage(err)]);
      },
    }),
  );

  const onChange = (dataType: string, patch: Partial<SettingRowValues>) => {
    setRows((old) => old.map((r) => (r.dataType === dataType ? { ...r, ...patch } : r)));
    setSaved(false);
    setErrors((old) => clearFieldErrors(old, dataType, patch));
  };

  const onSubmit = (e: FormEvent<HTMLFormElement>) => {
    e.preventDefault();
    setSaved(false);
    setGeneral([]);
    const found = validateSettingRows(rows);
    setErrors(found);
    if (hasSettingsErrors(found)) {
      focusFirstInvalid(e.currentTarget);
      return;
    }
    save.mutate({ settings: rows.map((r) => toSyncSetting(r)), overridesDefaults: loaded.overridesDefaults });
  };

  const invalidCount = Object.values(errors).filter((e) => Object.keys(e).length > 0).length;

  return (
    <section className="card" aria-labelledby="client-settings-heading">
      <div className="card-head">
        <h2 id="client-settings-heading">Default settings by data type</h2>
        <p className="hint">
          History: how many months back to read (by last modified date), or a date to read from — one or the other, or neither for everything. Locked types cannot be overridden
          per company. A new frequency applies from each type&apos;s next scheduled run.
        </p>
      </div>
      <form className="sync-form" onSubmit={onSubmit} noValidate aria-labelledby="client-settings-heading" data-testid="client-settings-form">
        <SettingsTable idPrefix={PREFIX} mode="client" rows={rows} errors={errors} onChange={onChange} disabled={save.isPending} caption="Default sync settings, one row per data type" />
        <div className="form-footer">
          <button type="submit" className="button button-primary" disabled={save.isPending} data-testid="client-settings-save">
            {save.isPending ? 'Saving…' : 'Save settings'}
          </button>
          <div aria-live="polite">
            {saved ? (
              <p className="success-box" role="status" data-testid="settings-saved">
                Saved the default sync settings.
              </p>
            ) : null}
          </div>
          {invalidCount > 0 && !general.length ? (
            <p className="inline-status inline-status-error" role="alert" data-testid="settings-invalid">
              Check the highlighted {invalidCount === 1 ? 'row' : 'rows'}: nothing was saved.
            </p>
          ) : null}
        </div>
        <ErrorList heading="Could not save the sync settings:" messages={general} testId="settings-error" />
      </form>
    </section>
  );
}
