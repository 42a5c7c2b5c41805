import { fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { WebhooksView } from '../src/app/(app)/webhooks/webhooks-view';
import { Providers } from '../src/app/providers';
import { fakeApi } from './fake-api';
import { CONSUMER_A, CONSUMER_B, makeWebhookServer, zodError } from './webhook-fakes';

vi.mock('next/navigation', () => ({ useRouter: () => ({ replace: vi.fn(), refresh: vi.fn(), push: vi.fn() }), usePathname: () => '/webhooks' }));

function renderView(server: ReturnType<typeof makeWebhookServer>) {
  const api = fakeApi((call) => server.handle(call));
  render(
    <Providers client={api.client}>
      <WebhooksView />
    </Providers>,
  );
  return api;
}

const createCalls = (api: ReturnType<typeof renderView>) => api.calls.filter((c) => c.path === 'webhooks.create');

describe('WebhooksView (/webhooks)', () => {
  it('lists the webhooks with their state, events and companies', async () => {
    renderView(makeWebhookServer());
    const table = await screen.findByTestId('webhooks-table');
    const rows = within(table).getAllByTestId('webhook-row');
    expect(rows.map((r) => r.getAttribute('data-consumer-id'))).toEqual([CONSUMER_A, CONSUMER_B]);
    expect(within(rows[0]).getByRole('link').getAttribute('href')).toBe(`/webhooks/${CONSUMER_A}`);
    expect(rows[0].textContent).toContain('Enabled');
    expect(rows[0].textContent).toContain('company.created, connection.connected, read.completed and 1 more');
    expect(rows[0].textContent).toContain('region:uk');
    expect(rows[1].textContent).toContain('Disabled');
    expect(rows[1].textContent).toContain('Every delivery failed for 5 days');
    expect(rows[1].textContent).toContain('All');
  });

  it('shows a banner for a webhook disabled after failing', async () => {
    renderView(makeWebhookServer());
    const banner = await screen.findByTestId('webhook-notices');
    expect(within(banner).getByRole('heading').textContent).toBe('A webhook was disabled');
    const link = within(banner).getByRole('link', { name: 'https://2.hooks.example.com/ledgerlink' });
    expect(link.getAttribute('href')).toBe(`/webhooks/${CONSUMER_B}`);
    expect(banner.textContent).toContain('4 Mar 2026, 08:00 UTC: Every delivery failed for 5 days');
  });

  it('has no banner when no webhook is disabled', async () => {
    renderView(makeWebhookServer({ state: { notices: [] } }));
    await screen.findByTestId('webhooks-table');
    expect(screen.queryByTestId('webhook-notices')).toBeNull();
  });

  it('draws the deliveries of the last day', async () => {
    renderView(makeWebhookServer());
    const chart = await screen.findByTestId('deliveries-chart');
    expect(chart.getAttribute('data-succeeded')).toBe('5');
    expect(chart.getAttribute('data-failed')).toBe('3');
    expect(screen.getByRole('img', { name: /8 delivery attempts in the last 24 hours: 5 succeeded, 3 failed/ })).toBeTruthy();
    expect(chart.querySelectorAll('rect.chart-failed')).toHaveLength(2);
  });

  it('checks the form before sending: a URL and at least one event type', async () => {
    const api = renderView(makeWebhookServer());
    await screen.findByLabelText('company.created');
    fireEvent.click(screen.getByRole('button', { name: 'Add webhook' }));
    expect((await screen.findByTestId('webhook-url-error')).textContent).toBe('Enter the URL that should receive the webhooks.');
    expect(screen.getByTestId('event-types-error').textContent).toBe('Choose at least one event type.');
    expect(screen.getByLabelText('Endpoint URL').getAttribute('aria-invalid')).toBe('true');
    await waitFor(() => expect(document.activeElement).toBe(screen.getByLabelText('Endpoint URL')));

    fireEvent.change(screen.getByLabelText('Endpoint URL'), { target: { value: 'https://me:pw@hooks.example.com/x' } });
    expect(screen.queryByTestId('webhook-url-error')).toBeNull();
    fireEvent.click(screen.getByLabelText('company.created'));
    fireEvent.change(screen.getByLabelText(/Company tags/), { target: { value: 'uk' } });
    fireEvent.click(screen.getByRole('button', { name: 'Add webhook' }));
    expect((await screen.findByTestId('webhook-url-error')).textContent).toMatch(/^Remove the user name and password/);
    expect(screen.getByTestId('webhook-company-tags-error').textContent).toMatch(/“uk” is not a company tag/);
    expect(screen.queryByTestId('event-types-error')).toBeNull();
    expect(createCalls(api)).toHaveLength(0);
  });

  it('picks whole groups, and folds the long write group', async () => {
    renderView(makeWebhookServer());
    const all = (await screen.findByLabelText(/^All company events/)) as HTMLInputElement;
    fireEvent.click(screen.getByLabelText('company.deleted'));
    expect(all.indeterminate).toBe(true);
    fireEvent.click(all);
    expect((screen.getByLabelText('company.created') as HTMLInputElement).checked).toBe(true);
    expect(screen.getByTestId('event-selection-count').textContent).toBe('2 event types selected.');
    fireEvent.click(screen.getByLabelText(/^All write events/));
    expect(screen.getByTestId('event-selection-count').textContent).toBe('20 event types selected.');
    expect(screen.getByLabelText('bills.write.successful').closest('details')).toBeTruthy();
    // Legacy types say what replaces them.
    expect(screen.getByLabelText('DataSyncCompleted').getAttribute('aria-describedby')).toBeTruthy();
    expect(screen.getByTestId('event-group-Legacy').textContent).toContain('Instead: read.completed.');
  });

  it('creates a webhook, then lists it', async () => {
    const server = makeWebhookServer();
    const api = renderView(server);
    await screen.findByLabelText('company.created');
    fireEvent.change(screen.getByLabelText('Endpoint URL'), { target: { value: '  https://new.example.com/hook ' } });
    fireEvent.click(screen.getByLabelText('company.created'));
    fireEvent.click(screen.getByLabelText('DataSyncCompleted'));
    fireEvent.change(screen.getByLabelText(/Company tags/), { target: { value: 'region:uk, tier:gold' } });
    fireEvent.click(screen.getByRole('button', { name: 'Add webhook' }));

    const success = await screen.findByTestId('create-webhook-success');
    expect(within(success).getByRole('link', { name: 'https://new.example.com/hook' }).getAttribute('href')).toMatch(/^\/webhooks\/0b5c6d7e-3333/);
    expect(createCalls(api).map((c) => c.input)).toEqual([
      { url: 'https://new.example.com/hook', eventTypes: ['company.created', 'DataSyncCompleted'], companyTags: ['region:uk', 'tier:gold'] },
    ]);
    await waitFor(() => expect(within(screen.getByTestId('webhooks-table')).getAllByTestId('webhook-row')).toHaveLength(3));
    // The form is empty again.
    expect((screen.getByLabelText('Endpoint URL') as HTMLInputElement).value).toBe('');
    expect((screen.getByLabelText('company.created') as HTMLInputElement).checked).toBe(false);
  });

  it('shows the API’s field errors and domain errors readably', async () => {
    let reply = zodError([{ code: 'custom', path: ['url'], message: 'url must use http or https' }]);
    const server = makeWebhookServer({ reject: (call) => (call.path === 'webhooks.create' ? reply : undefined) });
    renderView(server);
    await screen.findByLabelText('company.created');
    fireEvent.change(screen.getByLabelText('Endpoint URL'), { target: { value: 'https://x.example.com' } });
    fireEvent.click(screen.getByLabelText('company.created'));
    fireEvent.click(screen.getByRole('button', { name: 'Add webhook' }));
    expect((await screen.findByTestId('webhook-url-error')).textContent).toBe('The URL must use http or https.');
    expect(screen.queryByTestId('create-webhook-error')).toBeNull();

    reply = { error: { message: 'A client can have at most 50 webhook consumers.', code: 'BAD_REQUEST', httpStatus: 400 } };
    fireEvent.click(screen.getByRole('button', { name: 'Add webhook' }));
    const general = await screen.findByTestId('create-webhook-error');
    expect(general.getAttribute('role')).toBe('alert');
    expect(general.textContent).toContain('Could not add the webhook:');
    expect(general.textContent).toContain('A client can have at most 50 webhook consumers.');
    // What was typed is kept.
    expect((screen.getByLabelText('Endpoint URL') as HTMLInputElement).value).toBe('https://x.example.com');
  });

  it('says when there are no webhooks yet', async () => {
    renderView(makeWebhookServer({ state: { consumers: [], notices: [] } }));
    expect((await screen.findByTestId('webhooks-empty')).textContent).toBe('No webhooks yet. Add the first one below.');
  });
});
