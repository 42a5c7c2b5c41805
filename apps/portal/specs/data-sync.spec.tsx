import { fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { DataSync } from '../src/app/(app)/companies/[companyId]/data-sync';
import { DatasetStatusBadge, SyncProgress } from '../src/app/(app)/_sync/sync-badges';
import { Providers } from '../src/app/providers';
import { fakeApi, type FakeCall, type FakeReply } from './fake-api';

vi.mock('next/navigation', () => ({ useRouter: () => ({ replace: vi.fn(), refresh: vi.fn(), push: vi.fn() }), usePathname: () => '/companies/x' }));

const COMPANY = '7b1f6c2e-1a2b-4c3d-8e4f-0123456789ab';
const CONN = '11111111-1111-4111-8111-111111111111';

interface Op {
  id: string;
  connectionId: string;
  dataType: string;
  status: string;
  requested: string;
  completed?: string;
  progress: number;
  isCompleted: boolean;
  isErrored: boolean;
  errorMessage?: string;
}

const op = (id: string, dataType: string, status: string, progress: number, extra: Partial<Op> = {}): Op => ({
  id,
  connectionId: CONN,
  dataType,
  status,
  requested: '2026-03-05T10:00:00.000Z',
  progress,
  isCompleted: status === 'Complete' || status.endsWith('Error'),
  isErrored: status.endsWith('Error'),
  ...extra,
});

/** A small stand-in for the API: invoices finish after a few polls; customers are stuck "in progress". */
function makeServer({ finishAfter = 3 } = {}) {
  let statusCalls = 0;
  const history: Op[] = [
    op('d-inv-2', 'invoices', 'Fetching', 40),
    op('d-cus-1', 'customers', 'FetchError', 100, { completed: '2026-03-05T10:00:03.000Z', errorMessage: 'The sandbox refused the request' }),
    op('d-bil-1', 'bills', 'Complete', 100, { completed: '2026-03-05T10:00:02.500Z' }),
    op('d-inv-1', 'invoices', 'Complete', 100, { completed: '2026-03-05T10:01:05.000Z' }),
  ];
  const statuses: Record<string, unknown> = {
    bills: { dataType: 'bills', currentStatus: 'Complete', lastSuccessfulSync: '2026-03-05T10:00:02.500Z', latestSyncId: 'd-bil-1', latestSuccessfulSyncId: 'd-bil-1' },
    customers: { dataType: 'customers', currentStatus: 'FetchError', latestSyncId: 'd-cus-1' },
  };
  const invoicesStatus = () => {
    const done = statusCalls > finishAfter;
    if (done) Object.assign(history[0], { status: 'Complete', progress: 100, completed: '2026-03-05T10:00:04.000Z', isCompleted: true });
    else history[0].progress = 40 + statusCalls * 10;
    return { dataType: 'invoices', currentStatus: history[0].status, lastSuccessfulSync: done ? '2026-03-05T10:00:04.000Z' : '2026-03-05T10:01:05.000Z', latestSyncId: 'd-inv-2' };
  };
  const handle = (call: FakeCall): FakeReply => {
    const input = call.input as { page?: number; pageSize?: number; dataType?: string };
    switch (call.path) {
      case 'data.status':
        statusCalls += 1;
        return { data: { ...statuses, invoices: invoicesStatus() } };
      case 'data.history': {
        const page = input.page ?? 1;
        const size = input.pageSize ?? 20;
        return { data: { results: history.slice((page - 1) * size, page * size), pageNumber: page, pageSize: size, totalResults: history.length, _links: {} } };
      }
      case 'data.schedule':
        return {
          data: [
            { connectionId: CONN, dataType: 'invoices', nextRunAt: '2026-12-01T06:00:00.000Z', lastRunAt: null },
            { connectionId: CONN, dataType: 'bills', nextRunAt: '2026-12-07T06:00:00.000Z', lastRunAt: null },
          ],
        };
      case 'data.companySettings':
        return { data: { companyId: COMPANY, settings: [], overridesDefaults: true, schedule: { hourOfDay: 6, timeZone: 'Europe/London' } } };
      case 'data.refresh':
        if (input.dataType === 'customers') {
          return { error: { message: `DatasetAlreadyInProgressException: Cannot queue customers sync for ${COMPANY} as previous sync d-cus-9 is still in progress`, code: 'BAD_REQUEST', httpStatus: 400 } };
        }
        history.unshift(op(`d-${input.dataType}-new`, input.dataType as string, 'Queued', 0));
        return { data: history[0] };
      case 'data.refreshAll':
        return { data: { queued: 3 } };
      default:
        return { error: { message: `No procedure ${call.path}`, code: 'NOT_FOUND', httpStatus: 404 } };
    }
  };
  return { handle, history, statusCount: () => statusCalls };
}

function renderSync(server: ReturnType<typeof makeServer>) {
  const api = fakeApi((call) => server.handle(call));
  render(
    <Providers client={api.client}>
      <DataSync companyId={COMPANY} pollMs={40} />
    </Providers>,
  );
  return api;
}

const statusRow = (type: string) => screen.getByTestId(`status-row-${type}`);

describe('DatasetStatusBadge and SyncProgress', () => {
  it('shows a status as words with a tone, and "Never synced" for none', () => {
    const { rerender } = render(<DatasetStatusBadge status="FetchError" testId="b" />);
    expect(screen.getByTestId('b').textContent).toBe('Fetch error');
    expect(screen.getByTestId('b').className).toContain('badge-sync-error');
    rerender(<DatasetStatusBadge status="Complete" testId="b" />);
    expect(screen.getByTestId('b').className).toContain('badge-sync-complete');
    rerender(<DatasetStatusBadge status="Mapping" testId="b" />);
    expect(screen.getByTestId('b').className).toContain('badge-sync-running');
    rerender(<DatasetStatusBadge status={undefined} testId="b" />);
    expect(screen.getByTestId('b').textContent).toBe('Never synced');
  });

  it('is a labelled progressbar with its value, or indeterminate', () => {
    const { rerender } = render(<SyncProgress progress={42.4} label="Invoices sync progress" />);
    const bar = screen.getByRole('progressbar', { name: 'Invoices sync progress' });
    expect(bar.getAttribute('aria-valuenow')).toBe('42');
    expect((bar.firstChild as HTMLElement).style.width).toBe('42%');
    rerender(<SyncProgress progress={undefined} label="Invoices sync progress" />);
    expect(bar.getAttribute('aria-valuenow')).toBeNull();
    expect(bar.getAttribute('aria-valuetext')).toBe('In progress');
    expect(bar.className).toContain('progress-indeterminate');
  });
});

describe('DataSync (company page)', () => {
  it('lists every data type with its status, last sync and next run', async () => {
    renderSync(makeServer({ finishAfter: 1000 }));
    await screen.findByTestId('data-status-table');
    const rows = within(screen.getByTestId('data-status-table')).getAllByRole('row').slice(1);
    expect(rows).toHaveLength(10);
    expect(rows[0].textContent).toContain('Company info');

    expect(screen.getByTestId('status-bills').textContent).toBe('Complete');
    expect(screen.getByTestId('status-customers').textContent).toBe('Fetch error');
    expect(screen.getByTestId('status-suppliers').textContent).toBe('Never synced');
    expect(screen.getByTestId('last-sync-suppliers').textContent).toBe('Never');
    expect(screen.getByTestId('last-sync-bills').textContent).toContain('5 Mar 2026, 10:00 UTC');
    expect(screen.getByTestId('last-sync-bills').textContent).toMatch(/ago/);
    // The company's schedule is in Europe/London: next runs are shown there.
    expect(screen.getByTestId('next-run-invoices').textContent).toContain('1 Dec 2026, 06:00 Europe/London');
    expect(screen.getByTestId('next-run-suppliers').textContent).toBe('Not scheduled');

    // Invoices are fetching: a progress bar from the history entry, and no refresh meanwhile.
    expect(screen.getByTestId('status-invoices').textContent).toBe('Fetching');
    await waitFor(() => expect(Number(screen.getByTestId('progress-invoices').getAttribute('aria-valuenow'))).toBeGreaterThanOrEqual(40));
    const busy = within(statusRow('invoices')).getByRole('button', { name: 'Syncing… Invoices' }) as HTMLButtonElement;
    expect(busy.disabled).toBe(true);
    expect(within(statusRow('bills')).queryByRole('progressbar')).toBeNull();
  });

  it('polls while a sync is unfinished and stops when it completes', async () => {
    const server = makeServer({ finishAfter: 3 });
    renderSync(server);
    await screen.findByTestId('progress-invoices');
    await waitFor(() => expect(screen.getByTestId('status-invoices').textContent).toBe('Complete'), { timeout: 3000 });
    expect(screen.queryByTestId('progress-invoices')).toBeNull();
    expect((within(statusRow('invoices')).getByRole('button', { name: 'Refresh Invoices' }) as HTMLButtonElement).disabled).toBe(false);
    expect(screen.getByTestId('last-sync-invoices').textContent).toContain('10:00 UTC');
    // The history shows the finished row too.
    await waitFor(() => expect(within(screen.getByTestId('history-table')).getAllByTestId('history-row')[0].getAttribute('data-status')).toBe('Complete'));
    const calls = server.statusCount();
    await new Promise((r) => setTimeout(r, 300));
    expect(server.statusCount()).toBe(calls);
  });

  it('refreshes one type, and shows a refresh error in its row', async () => {
    const server = makeServer({ finishAfter: 0 });
    const api = renderSync(server);
    await screen.findByTestId('data-status-table');
    await waitFor(() => expect(screen.getByTestId('status-invoices').textContent).toBe('Complete'));

    fireEvent.click(within(statusRow('customers')).getByRole('button', { name: 'Refresh Customers' }));
    const error = await screen.findByTestId('refresh-error-customers');
    expect(error.textContent).toBe(`Cannot queue customers sync for ${COMPANY} as previous sync d-cus-9 is still in progress`);
    expect(error.getAttribute('role')).toBe('alert');

    fireEvent.click(within(statusRow('bills')).getByRole('button', { name: 'Refresh Bills' }));
    await waitFor(() => expect(screen.getAllByTestId('history-row')[0].getAttribute('data-dataset-id')).toBe('d-bills-new'));
    expect(api.calls.filter((c) => c.path === 'data.refresh').map((c) => c.input)).toEqual([
      { companyId: COMPANY, dataType: 'customers' },
      { companyId: COMPANY, dataType: 'bills' },
    ]);
    expect(screen.queryByTestId('refresh-error-bills')).toBeNull();
  });

  it('refreshes all and says how many syncs were queued', async () => {
    const api = renderSync(makeServer({ finishAfter: 0 }));
    await screen.findByTestId('data-status-table');
    fireEvent.click(screen.getByRole('button', { name: 'Refresh all' }));
    expect((await screen.findByTestId('refresh-all-result')).textContent).toBe('Queued 3 syncs.');
    expect(api.calls.find((c) => c.path === 'data.refreshAll')?.input).toEqual({ companyId: COMPANY });
  });

  it('shows the sync history with status, times, duration and errors', async () => {
    renderSync(makeServer({ finishAfter: 0 }));
    const table = await screen.findByTestId('history-table');
    await waitFor(() => expect(within(table).getAllByTestId('history-row')[0].getAttribute('data-status')).toBe('Complete'));
    const rows = within(table).getAllByTestId('history-row');
    expect(rows).toHaveLength(4);
    const customers = rows.find((r) => r.getAttribute('data-data-type') === 'customers') as HTMLElement;
    expect(customers.textContent).toContain('Fetch error');
    expect(customers.textContent).toContain('The sandbox refused the request');
    expect(customers.textContent).toContain('3.0 s');
    const oldInvoices = rows.find((r) => r.getAttribute('data-dataset-id') === 'd-inv-1') as HTMLElement;
    expect(oldInvoices.textContent).toContain('1 min 5 s');
    expect(oldInvoices.textContent).toContain('5 Mar 2026, 10:01 UTC');
    expect(screen.getByTestId('history-total').textContent).toBe('4 syncs');
    expect(screen.getByTestId('history-paging-text').textContent).toBe('Page 1 of 1');
  });

  it('pages through a long history', async () => {
    const server = makeServer({ finishAfter: 0 });
    for (let i = 0; i < 10; i++) server.history.push(op(`d-old-${i}`, 'taxRates', 'Complete', 100, { completed: '2026-03-04T00:00:01.000Z' }));
    renderSync(server);
    await screen.findByTestId('history-table');
    expect(screen.getByTestId('history-paging-text').textContent).toBe('Page 1 of 2');
    fireEvent.click(screen.getByRole('button', { name: 'Next' }));
    await waitFor(() => expect(screen.getByTestId('history-paging-text').textContent).toBe('Page 2 of 2'));
    expect(screen.getAllByTestId('history-row')).toHaveLength(4);
  });
});
