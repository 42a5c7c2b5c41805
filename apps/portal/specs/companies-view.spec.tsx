import { act, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { CompaniesView } from '../src/app/(app)/companies/companies-view';
import { Providers } from '../src/app/providers';
import { fakeApi, type FakeCall } from './fake-api';

vi.mock('next/navigation', () => ({ useRouter: () => ({ replace: vi.fn(), refresh: vi.fn(), push: vi.fn() }), usePathname: () => '/companies' }));

interface Row {
  id: string;
  name: string;
  status: string;
  created: string;
  dataConnections: { platformName: string; status: string }[];
}

const uuid = (n: number) => `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`;

function makeStore(count: number) {
  const rows: Row[] = Array.from({ length: count }, (_, i) => ({
    id: uuid(i + 1),
    name: `Company ${String(i + 1).padStart(2, '0')}`,
    status: i === 0 ? 'Linked' : 'Blank',
    created: '2026-01-02T03:04:05.000Z',
    dataConnections: i === 0 ? [{ platformName: 'Sandbox', status: 'Linked' }, { platformName: 'Xero', status: 'PendingAuth' }] : [],
  }));
  return {
    rows,
    handle(call: FakeCall) {
      if (call.path === 'companies.list') {
        const { page, pageSize, search } = call.input as { page: number; pageSize: number; search?: string };
        const matching = rows.filter((r) => !search || r.name.toLowerCase().includes(search.toLowerCase()));
        const results = matching.slice((page - 1) * pageSize, page * pageSize);
        return { data: { results, pageNumber: page, pageSize, totalResults: matching.length, _links: { self: { href: '/companies' }, current: { href: '/companies' } } } };
      }
      if (call.path === 'companies.create') {
        const { name } = call.input as { name: string };
        const row: Row = { id: uuid(900 + rows.length), name, status: 'Blank', created: '2026-02-01T00:00:00.000Z', dataConnections: [] };
        rows.unshift(row);
        return { data: row };
      }
      return { error: { message: 'No such procedure', code: 'NOT_FOUND', httpStatus: 404 } };
    },
  };
}

function renderView(store: ReturnType<typeof makeStore>) {
  const api = fakeApi((call) => store.handle(call));
  render(
    <Providers client={api.client}>
      <CompaniesView debounceMs={20} />
    </Providers>,
  );
  return api;
}

const bodyRows = () => within(screen.getByTestId('companies-table')).getAllByRole('row').slice(1);

describe('CompaniesView', () => {
  it('shows companies with status, connections and created date, and paging', async () => {
    renderView(makeStore(25));
    await screen.findByTestId('companies-table');
    expect(bodyRows()).toHaveLength(20);
    const first = bodyRows()[0];
    expect(within(first).getByRole('link', { name: 'Company 01' }).getAttribute('href')).toBe(`/companies/${uuid(1)}`);
    expect(first.textContent).toContain('Linked');
    expect(first.textContent).toContain('2');
    expect(first.textContent).toContain('Sandbox, Xero');
    expect(first.textContent).toContain('2 Jan 2026, 03:04 UTC');
    expect(screen.getByTestId('paging-text').textContent).toBe('Page 1 of 2');
    expect(screen.getByTestId('total-count').textContent).toBe('25 companies');
    expect((screen.getByRole('button', { name: 'Previous' }) as HTMLButtonElement).disabled).toBe(true);

    fireEvent.click(screen.getByRole('button', { name: 'Next' }));
    await waitFor(() => expect(screen.getByTestId('paging-text').textContent).toBe('Page 2 of 2'));
    expect(bodyRows()).toHaveLength(5);
    expect((screen.getByRole('button', { name: 'Next' }) as HTMLButtonElement).disabled).toBe(true);
  });

  it('searches after the user stops typing, once', async () => {
    const { calls } = renderView(makeStore(25));
    await screen.findByTestId('companies-table');
    const box = screen.getByLabelText('Search by name');
    fireEvent.change(box, { target: { value: 'Company 1' } });
    fireEvent.change(box, { target: { value: 'Company 12' } });
    await waitFor(() => expect(bodyRows()).toHaveLength(1));
    expect(bodyRows()[0].textContent).toContain('Company 12');
    const searches = calls.filter((c) => c.path === 'companies.list').map((c) => (c.input as { search?: string }).search);
    expect(searches).toEqual([undefined, 'Company 12']);
    expect(screen.getByTestId('total-count').textContent).toBe('1 company');

    fireEvent.change(box, { target: { value: 'nothing like it' } });
    expect((await screen.findByTestId('companies-empty')).textContent).toContain('No companies match “nothing like it”');
  });

  it('validates the create form, then creates and shows the new company first', async () => {
    const { calls } = renderView(makeStore(3));
    await screen.findByTestId('companies-table');
    fireEvent.click(screen.getByRole('button', { name: 'Create company' }));
    expect(await screen.findByText('Enter a company name.')).toBeTruthy();
    expect(screen.getByLabelText('Name').getAttribute('aria-invalid')).toBe('true');
    expect(calls.some((c) => c.path === 'companies.create')).toBe(false);

    fireEvent.change(screen.getByLabelText('Name'), { target: { value: 'Brand New Co' } });
    fireEvent.change(screen.getByLabelText(/Description/), { target: { value: 'Makes things' } });
    await act(async () => {
      fireEvent.click(screen.getByRole('button', { name: 'Create company' }));
    });
    expect((await screen.findByTestId('create-success')).textContent).toContain('Brand New Co');
    await waitFor(() => expect(bodyRows()[0].textContent).toContain('Brand New Co'));
    expect(calls.find((c) => c.path === 'companies.create')?.input).toEqual({ name: 'Brand New Co', description: 'Makes things' });
    expect((screen.getByLabelText('Name') as HTMLInputElement).value).toBe('');
    expect(screen.getByTestId('total-count').textContent).toBe('4 companies');
  });

  it('shows the API error when creating fails', async () => {
    const store = makeStore(1);
    const api = fakeApi((call) =>
      call.path === 'companies.create'
        ? { error: { message: JSON.stringify([{ code: 'custom', path: ['name'], message: 'name must contain at least one allowed character' }]), code: 'BAD_REQUEST', httpStatus: 400 } }
        : store.handle(call),
    );
    render(
      <Providers client={api.client}>
        <CompaniesView debounceMs={20} />
      </Providers>,
    );
    await screen.findByTestId('companies-table');
    fireEvent.change(screen.getByLabelText('Name'), { target: { value: 'Fine name' } });
    fireEvent.click(screen.getByRole('button', { name: 'Create company' }));
    expect((await screen.findByTestId('create-error')).textContent).toBe('Could not create the company: name must contain at least one allowed character');
  });
});
