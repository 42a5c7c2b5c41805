import { act, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { CompanySyncSettings } from '../src/app/(app)/companies/[companyId]/sync-settings/company-sync-settings';
import { ClientSyncSettings } from '../src/app/(app)/settings/sync/client-sync-settings';
import { Providers } from '../src/app/providers';
import { fakeApi, type FakeCall, type FakeReply } from './fake-api';

vi.mock('next/navigation', () => ({ useRouter: () => ({ replace: vi.fn(), refresh: vi.fn(), push: vi.fn() }), usePathname: () => '/settings/sync' }));

const CLIENT = '22222222-2222-4222-8222-222222222222';
const COMPANY = '7b1f6c2e-1a2b-4c3d-8e4f-0123456789ab';
const CONN = '11111111-1111-4111-8111-111111111111';
const TYPES = ['company', 'chartOfAccounts', 'customers', 'suppliers', 'invoices', 'bills', 'payments', 'billPayments', 'taxRates', 'journalEntries'];

type Setting = { dataType: string; fetchOnFirstLink: boolean; syncSchedule: number; syncOrder: number; syncFromUtc?: string; syncFromWindow?: number; isLocked?: boolean };

const defaults = (): Setting[] => TYPES.map((dataType, i) => ({ dataType, fetchOnFirstLink: true, syncSchedule: 24, syncOrder: i }));

const zodError = (issues: unknown[]): FakeReply => ({ error: { message: JSON.stringify(issues, null, 2), code: 'BAD_REQUEST', httpStatus: 400 } });

/** The API's sync settings procedures, keeping state; `reject` answers a save with an error instead. */
function makeServer(opts: { reject?: (call: FakeCall) => FakeReply | undefined } = {}) {
  const state = {
    client: defaults(),
    company: [] as Setting[],
    schedule: undefined as undefined | Record<string, unknown>,
    nextRunAt: '2026-11-23T00:00:00.000Z',
  };
  const effective = () => state.client.map((s) => state.company.find((c) => c.dataType === s.dataType) ?? s);
  const handle = (call: FakeCall): FakeReply => {
    const rejected = opts.reject?.(call);
    if (rejected) return rejected;
    const input = call.input as { settings?: Setting[]; schedule?: Record<string, unknown> | null };
    switch (call.path) {
      case 'data.clientSettings':
        return { data: { clientId: CLIENT, settings: state.client, overridesDefaults: true } };
      case 'data.setClientSettings':
        state.client = state.client.map((s) => input.settings?.find((x) => x.dataType === s.dataType) ?? s);
        return { data: { ok: true } };
      case 'data.companySettings':
        return { data: { companyId: COMPANY, settings: effective(), overridesDefaults: true, ...(state.schedule ? { schedule: state.schedule } : {}) } };
      case 'data.setCompanySettings':
        state.company = input.settings ?? [];
        state.schedule = input.schedule ?? undefined;
        if (input.schedule?.['hourOfDay'] === 6) state.nextRunAt = '2026-11-23T06:00:00.000Z';
        return { data: { ok: true } };
      case 'data.schedule':
        return { data: ['invoices', 'bills'].map((dataType) => ({ connectionId: CONN, dataType, nextRunAt: state.nextRunAt, lastRunAt: null })) };
      default:
        return { error: { message: `No procedure ${call.path}`, code: 'NOT_FOUND', httpStatus: 404 } };
    }
  };
  return { state, handle };
}

function renderClient(server: ReturnType<typeof makeServer>) {
  const api = fakeApi((call) => server.handle(call));
  render(
    <Providers client={api.client}>
      <ClientSyncSettings />
    </Providers>,
  );
  return api;
}

function renderCompany(server: ReturnType<typeof makeServer>) {
  const api = fakeApi((call) => server.handle(call));
  render(
    <Providers client={api.client}>
      <CompanySyncSettings companyId={COMPANY} />
    </Providers>,
  );
  return api;
}

const save = async (name: string) => {
  await act(async () => {
    fireEvent.click(screen.getByRole('button', { name }));
  });
};

describe('ClientSyncSettings (/settings/sync)', () => {
  it('shows one labelled row per data type with the loaded values', async () => {
    const server = makeServer();
    server.state.client[4] = { ...server.state.client[4], syncSchedule: 168, syncFromWindow: 12, isLocked: true };
    renderClient(server);
    await screen.findByTestId('client-setting-table');
    const rows = within(screen.getByTestId('client-setting-table')).getAllByRole('row').slice(1);
    expect(rows).toHaveLength(10);
    expect((screen.getByLabelText('Frequency for Invoices') as HTMLSelectElement).value).toBe('168');
    expect((screen.getByLabelText('History window in months for Invoices') as HTMLInputElement).value).toBe('12');
    expect((screen.getByLabelText('Lock Invoices (companies cannot override)') as HTMLInputElement).checked).toBe(true);
    expect((screen.getByLabelText('Fetch Invoices on first link') as HTMLInputElement).checked).toBe(true);
    expect((screen.getByLabelText('Sync order for Bills') as HTMLInputElement).value).toBe('5');
    const options = within(screen.getByLabelText('Frequency for Bills')).getAllByRole('option').map((o) => o.textContent);
    expect(options).toEqual(['Hourly', 'Daily', 'Weekly', 'Monthly', 'Never (kept alive monthly)']);
  });

  it('refuses a window and a date together, next to the fields, without calling the API', async () => {
    const api = renderClient(makeServer());
    await screen.findByTestId('client-setting-table');
    fireEvent.change(screen.getByLabelText('History window in months for Invoices'), { target: { value: '6' } });
    fireEvent.change(screen.getByLabelText('Sync Invoices from date'), { target: { value: '2024-01-01' } });
    await save('Save settings');
    const row = screen.getByTestId('client-setting-row-invoices');
    expect(within(row).getAllByText('Set a history window or a sync-from date, not both.')).toHaveLength(1);
    expect(screen.getByLabelText('History window in months for Invoices').getAttribute('aria-invalid')).toBe('true');
    expect(screen.getByLabelText('Sync Invoices from date').getAttribute('aria-invalid')).toBe('true');
    expect(screen.getByTestId('settings-invalid').textContent).toContain('Check the highlighted row');
    expect(api.calls.some((c) => c.path === 'data.setClientSettings')).toBe(false);

    // Clearing one half clears the message on both.
    fireEvent.change(screen.getByLabelText('Sync Invoices from date'), { target: { value: '' } });
    expect(within(row).queryByText('Set a history window or a sync-from date, not both.')).toBeNull();
    expect(screen.getByLabelText('History window in months for Invoices').getAttribute('aria-invalid')).toBeNull();
  });

  it('saves every row and says so', async () => {
    const server = makeServer();
    const api = renderClient(server);
    await screen.findByTestId('client-setting-table');
    fireEvent.change(screen.getByLabelText('Frequency for Invoices'), { target: { value: '168' } });
    fireEvent.click(screen.getByLabelText('Fetch Bills on first link'));
    fireEvent.change(screen.getByLabelText('Sync Payments from date'), { target: { value: '2025-04-01' } });
    fireEvent.click(screen.getByLabelText('Lock Tax rates (companies cannot override)'));
    await save('Save settings');
    expect((await screen.findByTestId('settings-saved')).textContent).toBe('Saved the default sync settings.');
    const sent = api.calls.find((c) => c.path === 'data.setClientSettings')?.input as { settings: Setting[]; overridesDefaults: boolean };
    expect(sent.overridesDefaults).toBe(true);
    expect(sent.settings).toHaveLength(10);
    expect(sent.settings.find((s) => s.dataType === 'invoices')).toEqual({ dataType: 'invoices', fetchOnFirstLink: true, syncSchedule: 168, syncOrder: 4, isLocked: false });
    expect(sent.settings.find((s) => s.dataType === 'bills')?.fetchOnFirstLink).toBe(false);
    expect(sent.settings.find((s) => s.dataType === 'payments')?.syncFromUtc).toBe('2025-04-01T00:00:00.000Z');
    expect(sent.settings.find((s) => s.dataType === 'taxRates')?.isLocked).toBe(true);
    expect(server.state.client.find((s) => s.dataType === 'invoices')?.syncSchedule).toBe(168);
  });

  it("shows the API's validation errors next to the fields they are about", async () => {
    const server = makeServer({
      reject: (call) =>
        call.path === 'data.setClientSettings' ? zodError([{ code: 'too_big', path: ['settings', 4, 'syncOrder'], message: 'Too big: expected number to be <=10000' }]) : undefined,
    });
    renderClient(server);
    await screen.findByTestId('client-setting-table');
    await save('Save settings');
    const row = await screen.findByTestId('client-setting-row-invoices');
    await waitFor(() => expect(within(row).getByText('Too big: expected number to be <=10000.')).toBeTruthy());
    expect(screen.getByLabelText('Sync order for Invoices').getAttribute('aria-invalid')).toBe('true');
    expect(screen.queryByTestId('settings-saved')).toBeNull();
  });

  it('shows an error that belongs to no field above the form', async () => {
    renderClient(makeServer({ reject: (call) => (call.path === 'data.setClientSettings' ? { error: { message: 'Database unavailable', code: 'INTERNAL_SERVER_ERROR', httpStatus: 500 } } : undefined) }));
    await screen.findByTestId('client-setting-table');
    await save('Save settings');
    expect((await screen.findByTestId('settings-error')).textContent).toContain('Database unavailable');
  });
});

describe('CompanySyncSettings (/companies/[id]/sync-settings)', () => {
  it('keeps types locked by the defaults read-only, and saves only what differs plus the schedule', async () => {
    const server = makeServer();
    server.state.client[5] = { ...server.state.client[5], isLocked: true }; // bills
    const api = renderCompany(server);
    await screen.findByTestId('company-setting-table');
    expect((screen.getByLabelText('Frequency for Bills') as HTMLSelectElement).disabled).toBe(true);
    expect(screen.getByTestId('company-setting-bills-source').textContent).toBe('Locked by client defaults');
    expect(screen.getByTestId('company-setting-invoices-source').textContent).toBe('Client default');
    expect(screen.getByTestId('override-count').textContent).toContain('No overrides');

    fireEvent.change(screen.getByLabelText('Frequency for Invoices'), { target: { value: '1' } });
    expect(screen.getByTestId('company-setting-invoices-source').textContent).toBe('Company override');
    fireEvent.change(screen.getByLabelText(/Hour of day/), { target: { value: '6' } });
    fireEvent.change(screen.getByLabelText('Time zone'), { target: { value: 'Europe/London' } });
    await save('Save and reschedule');

    expect((await screen.findByTestId('company-settings-saved')).textContent).toContain('recalculated');
    expect(api.calls.find((c) => c.path === 'data.setCompanySettings')?.input).toEqual({
      companyId: COMPANY,
      settings: [{ dataType: 'invoices', fetchOnFirstLink: true, syncSchedule: 1, syncOrder: 4 }],
      overridesDefaults: true,
      schedule: { hourOfDay: 6, timeZone: 'Europe/London' },
    });
    // The schedule is read again: next runs at 06:00 London time.
    await waitFor(() => expect(screen.getByTestId('upcoming-next-invoices').textContent).toContain('23 Nov 2026, 06:00 Europe/London'));
    expect(screen.getByTestId('upcoming-invoices').textContent).toContain('Hourly');
  });

  it('checks the hour before saving', async () => {
    const api = renderCompany(makeServer());
    await screen.findByTestId('company-setting-table');
    fireEvent.change(screen.getByLabelText(/Hour of day/), { target: { value: '24' } });
    await save('Save and reschedule');
    expect(screen.getByText('Enter an hour from 0 to 23, or leave it empty.')).toBeTruthy();
    expect(screen.getByLabelText(/Hour of day/).getAttribute('aria-invalid')).toBe('true');
    expect(api.calls.some((c) => c.path === 'data.setCompanySettings')).toBe(false);
  });

  it("shows the API's time zone error next to the typed zone", async () => {
    const server = makeServer({
      reject: (call) =>
        call.path === 'data.setCompanySettings' && (call.input as { schedule?: { timeZone?: string } }).schedule?.timeZone === 'Mars/Olympus'
          ? zodError([{ code: 'custom', path: ['schedule', 'timeZone'], message: 'must be an IANA time zone such as Europe/London' }])
          : undefined,
    });
    renderCompany(server);
    await screen.findByTestId('company-setting-table');
    fireEvent.change(screen.getByLabelText('Time zone'), { target: { value: 'other' } });
    fireEvent.change(screen.getByLabelText('IANA time zone name'), { target: { value: 'Mars/Olympus' } });
    await save('Save and reschedule');
    expect((await screen.findByTestId('schedule-zone-error')).textContent).toBe('Must be an IANA time zone such as Europe/London.');
    expect(screen.getByLabelText('IANA time zone name').getAttribute('aria-invalid')).toBe('true');
    expect(screen.queryByTestId('company-settings-saved')).toBeNull();

    fireEvent.change(screen.getByLabelText('IANA time zone name'), { target: { value: 'Europe/Zurich' } });
    expect(screen.queryByTestId('schedule-zone-error')).toBeNull();
    await save('Save and reschedule');
    await screen.findByTestId('company-settings-saved');
    expect(server.state.schedule).toEqual({ timeZone: 'Europe/Zurich' });
  });

  it('shows a locked-type refusal on its row', async () => {
    renderCompany(
      makeServer({
        reject: (call) => (call.path === 'data.setCompanySettings' ? { error: { message: 'The invoices setting is locked by the client defaults', code: 'BAD_REQUEST', httpStatus: 400 } } : undefined),
      }),
    );
    await screen.findByTestId('company-setting-table');
    fireEvent.change(screen.getByLabelText('Frequency for Invoices'), { target: { value: '720' } });
    await save('Save and reschedule');
    const row = screen.getByTestId('company-setting-row-invoices');
    expect((await within(row).findByRole('alert')).textContent).toBe('The invoices setting is locked by the client defaults.');
  });
});
