import { fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { ConsumerView } from '../src/app/(app)/webhooks/[consumerId]/consumer-view';
import { Providers } from '../src/app/providers';
import { fakeApi } from './fake-api';
import { CONSUMER_A, CONSUMER_B, makeWebhookServer, message } from './webhook-fakes';

const router = vi.hoisted(() => ({ replace: vi.fn(), refresh: vi.fn(), push: vi.fn() }));
vi.mock('next/navigation', () => ({ useRouter: () => router, usePathname: () => '/webhooks/x' }));

function renderConsumer(server: ReturnType<typeof makeWebhookServer>, consumerId = CONSUMER_A) {
  const api = fakeApi((call) => server.handle(call));
  render(
    <Providers client={api.client}>
      <ConsumerView consumerId={consumerId} pollMs={40} />
    </Providers>,
  );
  return api;
}

const rowOf = (webhookId: string) => screen.getAllByTestId('message-row').find((r) => r.getAttribute('data-webhook-id') === webhookId) as HTMLElement;
const inputsOf = (api: ReturnType<typeof renderConsumer>, path: string) => api.calls.filter((c) => c.path === path).map((c) => c.input);

describe('ConsumerView (/webhooks/[consumerId])', () => {
  beforeEach(() => router.replace.mockClear());

  it('shows the details of the webhook', async () => {
    renderConsumer(makeWebhookServer());
    expect((await screen.findByTestId('webhook-url')).textContent).toBe('https://1.hooks.example.com/ledgerlink');
    expect(screen.getByTestId('webhook-state').textContent).toBe('Enabled');
    expect(
      within(screen.getByTestId('webhook-event-types'))
        .getAllByRole('listitem')
        .map((li) => li.textContent),
    ).toEqual(['company.created', 'connection.connected', 'read.completed', 'DataSyncCompleted']);
    expect(screen.getByTestId('webhook-company-tags').textContent).toBe('region:uk');
    expect(screen.queryByTestId('webhook-disabled-notice')).toBeNull();
    const nav = screen.getByRole('navigation', { name: 'Breadcrumb' });
    expect(within(nav).getByRole('link', { name: 'Webhooks' }).getAttribute('href')).toBe('/webhooks');
  });

  it('lists messages with every attempt: codes, durations, errors and responses', async () => {
    renderConsumer(makeWebhookServer());
    const log = await screen.findByTestId('message-log');
    expect(
      within(log)
        .getAllByTestId('message-row')
        .map((r) => r.getAttribute('data-status')),
    ).toEqual(['Pending', 'Failed', 'Succeeded']);
    const pending = rowOf(message(3).webhookId);
    expect(pending.textContent).toContain('webhook.test');
    expect(pending.textContent).toContain('Next attempt');
    const attempts = within(pending).getAllByTestId('attempt');
    expect(attempts.map((a) => a.getAttribute('data-status-code'))).toEqual(['500', '']);
    expect(attempts[0].textContent).toContain('HTTP 500');
    expect(attempts[0].textContent).toContain('12 ms');
    expect(attempts[0].textContent).toContain('5 Mar, 10:02:00 UTC');
    expect(within(attempts[0]).getByTestId('attempt-response').textContent).toBe('{"error":"receiver exploded"}');
    expect(within(attempts[0]).queryByTestId('attempt-error')).toBeNull();
    expect(attempts[1].textContent).toContain('No response');
    expect(attempts[1].textContent).toContain('15 s');
    expect(within(attempts[1]).getByTestId('attempt-error').textContent).toBe('Timed out after 15000 ms');
    const ok = within(rowOf(message(1).webhookId)).getByTestId('attempt');
    expect(ok.getAttribute('data-succeeded')).toBe('true');
    expect(ok.textContent).toContain('HTTP 200');
    expect(screen.getByTestId('message-log-total').textContent).toBe('3 messages');
  });

  it('filters the log by status', async () => {
    const api = renderConsumer(makeWebhookServer());
    await screen.findByTestId('message-log');
    fireEvent.change(screen.getByLabelText('Show'), { target: { value: 'Failed' } });
    await waitFor(() => expect(screen.getAllByTestId('message-row')).toHaveLength(1));
    expect(screen.getByTestId('message-row').getAttribute('data-status')).toBe('Failed');
    expect(inputsOf(api, 'webhooks.messages').at(-1)).toEqual({ consumerId: CONSUMER_A, page: 1, pageSize: 20, status: 'Failed' });
  });

  it('replays one message and shows its new attempt', async () => {
    const api = renderConsumer(makeWebhookServer());
    await screen.findByTestId('message-log');
    const id = message(2).webhookId;
    fireEvent.click(within(rowOf(id)).getByRole('button', { name: `Replay company.created message ${id}` }));
    await waitFor(() => expect(rowOf(id).getAttribute('data-status')).toBe('Succeeded'));
    expect(
      within(rowOf(id))
        .getAllByTestId('attempt')
        .map((a) => a.getAttribute('data-status-code')),
    ).toEqual(['410', '200']);
    expect(inputsOf(api, 'webhooks.replay')).toEqual([{ consumerId: CONSUMER_A, messageId: message(2).id }]);
  });

  it('reads the chart again when the log changes, not on its first load', async () => {
    const server = makeWebhookServer();
    const api = renderConsumer(server);
    const chart = await screen.findByTestId('consumer-deliveries-chart');
    expect(chart.getAttribute('data-succeeded')).toBe('5');
    await screen.findByTestId('message-log');
    await new Promise((r) => setTimeout(r, 200));
    expect(inputsOf(api, 'webhooks.stats')).toEqual([{ consumerId: CONSUMER_A }]);

    server.state.stats = server.state.stats.map((h, i) => (i === 23 ? { ...h, succeeded: h.succeeded + 1 } : h));
    const id = message(2).webhookId;
    fireEvent.click(within(rowOf(id)).getByRole('button', { name: `Replay company.created message ${id}` }));
    await waitFor(() => expect(screen.getByTestId('consumer-deliveries-chart').getAttribute('data-succeeded')).toBe('6'));
  });

  it('replays every failed message since a time (UTC), after checking it', async () => {
    const api = renderConsumer(makeWebhookServer());
    await screen.findByTestId('message-log');
    const since = screen.getByLabelText('Replay failed messages since (UTC)') as HTMLInputElement;
    await waitFor(() => expect(since.value).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}$/));
    fireEvent.change(since, { target: { value: '2999-01-01T00:00' } });
    fireEvent.click(screen.getByRole('button', { name: 'Replay failed' }));
    expect((await screen.findByText(/^Choose a time in the past/)).id).toBe('replay-since-error');
    expect(since.getAttribute('aria-invalid')).toBe('true');
    expect(inputsOf(api, 'webhooks.replayFailed')).toEqual([]);

    fireEvent.change(since, { target: { value: '2026-03-05T09:30' } });
    fireEvent.click(screen.getByRole('button', { name: 'Replay failed' }));
    expect((await screen.findByTestId('replay-failed-result')).textContent).toBe('Queued 1 failed message for delivery again.');
    expect(inputsOf(api, 'webhooks.replayFailed')).toEqual([{ consumerId: CONSUMER_A, since: '2026-03-05T09:30:00.000Z' }]);
    fireEvent.click(screen.getByRole('button', { name: 'Replay failed' }));
    await waitFor(() => expect(screen.getByTestId('replay-failed-result').textContent).toBe('No failed messages since 5 Mar 2026, 09:30 UTC.'));
  });

  it('reveals, hides and rotates the signing secret', async () => {
    const api = renderConsumer(makeWebhookServer());
    await screen.findByTestId('webhook-secret-hidden');
    expect(inputsOf(api, 'webhooks.revealSecret')).toEqual([]);
    fireEvent.click(screen.getByRole('button', { name: 'Reveal secret' }));
    expect((await screen.findByTestId('webhook-secret')).textContent).toBe('whsec_first0000000000000000000000000000000');
    expect(screen.getByRole('button', { name: 'Copy secret' })).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'Hide secret' }));
    expect(screen.queryByTestId('webhook-secret')).toBeNull();

    fireEvent.click(screen.getByRole('button', { name: 'Rotate secret' }));
    const confirm = screen.getByTestId('confirm-rotate');
    expect(confirm.textContent).toContain('keeps signing alongside it for 24 hours');
    fireEvent.click(within(confirm).getByRole('button', { name: 'Yes, rotate it' }));
    expect((await screen.findByTestId('webhook-secret')).textContent).toBe('whsec_second000000000000000000000000000000');
    expect(screen.getByTestId('rotate-secret-result').textContent).toMatch(/^Rotated/);
    expect(screen.queryByTestId('confirm-rotate')).toBeNull();
  });

  it('sends a test event, which appears in the log', async () => {
    const api = renderConsumer(makeWebhookServer());
    await screen.findByTestId('message-log');
    fireEvent.click(screen.getByRole('button', { name: 'Send test event' }));
    const result = await screen.findByTestId('send-test-result');
    const webhookId = message(10).webhookId;
    expect(result.textContent).toBe(`Sent a test event (${webhookId}). It appears in the message log below.`);
    await waitFor(() => expect(screen.getAllByTestId('message-row')[0].getAttribute('data-webhook-id')).toBe(webhookId));
    expect(inputsOf(api, 'webhooks.sendTest')).toEqual([{ consumerId: CONSUMER_A }]);
  });

  it('disables and enables the webhook; a disabled one shows why and sends nothing', async () => {
    renderConsumer(makeWebhookServer());
    await screen.findByTestId('message-log');
    fireEvent.click(screen.getByRole('button', { name: 'Disable webhook' }));
    await waitFor(() => expect(screen.getByTestId('webhook-state').textContent).toBe('Disabled'));
    expect(screen.getByTestId('webhook-disabled-reason').textContent).toBe('Disabled by the user');
    expect((screen.getByRole('button', { name: 'Send test event' }) as HTMLButtonElement).disabled).toBe(true);
    expect((screen.getByRole('button', { name: 'Replay failed' }) as HTMLButtonElement).disabled).toBe(true);
    expect(screen.getByTestId('toggle-disabled-result').textContent).toBe('Disabled the webhook.');

    fireEvent.click(screen.getByRole('button', { name: 'Enable webhook' }));
    await waitFor(() => expect(screen.getByTestId('webhook-state').textContent).toBe('Enabled'));
    expect(screen.queryByTestId('webhook-disabled-notice')).toBeNull();
    expect((screen.getByRole('button', { name: 'Send test event' }) as HTMLButtonElement).disabled).toBe(false);
  });

  it('shows the reason of a webhook disabled after failing', async () => {
    renderConsumer(makeWebhookServer(), CONSUMER_B);
    const notice = await screen.findByTestId('webhook-disabled-notice');
    expect(notice.textContent).toContain('Disabled on 4 Mar 2026, 08:00 UTC: Every delivery failed for 5 days');
    expect(screen.getByTestId('webhook-state').textContent).toBe('Disabled');
  });

  it('shows a server error readably', async () => {
    const server = makeWebhookServer({
      reject: (call) =>
        call.path === 'webhooks.sendTest' ? { error: { message: 'This webhook consumer is disabled. Enable it first.', code: 'BAD_REQUEST', httpStatus: 400 } } : undefined,
    });
    renderConsumer(server);
    await screen.findByTestId('message-log');
    fireEvent.click(screen.getByRole('button', { name: 'Send test event' }));
    const error = await screen.findByTestId('send-test-error');
    expect(error.getAttribute('role')).toBe('alert');
    expect(error.textContent).toBe('Could not send a test event: This webhook consumer is disabled. Enable it first.');
  });

  it('shows the exact body of a message', async () => {
    renderConsumer(makeWebhookServer());
    await screen.findByTestId('message-log');
    const id = message(1).webhookId;
    fireEvent.click(within(rowOf(id)).getByRole('button', { name: `Show the body of ${id}` }));
    expect(JSON.parse((await screen.findByTestId('message-body')).textContent ?? '')).toEqual({ id: 'e-1', eventType: 'company.created', payload: { hello: 'world' } });
  });

  it('deletes the webhook after a confirmation, then goes back to the list', async () => {
    const server = makeWebhookServer();
    const api = renderConsumer(server);
    await screen.findByTestId('webhook-url');
    fireEvent.click(screen.getByRole('button', { name: 'Delete webhook' }));
    const confirm = screen.getByTestId('confirm-delete');
    fireEvent.click(within(confirm).getByRole('button', { name: 'Cancel' }));
    expect(screen.queryByTestId('confirm-delete')).toBeNull();
    expect(inputsOf(api, 'webhooks.delete')).toEqual([]);

    fireEvent.click(screen.getByRole('button', { name: 'Delete webhook' }));
    fireEvent.click(within(screen.getByTestId('confirm-delete')).getByRole('button', { name: 'Yes, delete it' }));
    await screen.findByTestId('webhook-deleted');
    expect(router.replace).toHaveBeenCalledWith('/webhooks');
    expect(inputsOf(api, 'webhooks.delete')).toEqual([{ consumerId: CONSUMER_A }]);
    expect(server.state.consumers.map((c) => c.id)).toEqual([CONSUMER_B]);
  });

  it('says so when the webhook does not exist (any more)', async () => {
    renderConsumer(makeWebhookServer(), '0b5c6d7e-9999-4a2b-8c3d-000000000009');
    expect((await screen.findByTestId('webhook-missing')).textContent).toContain('Webhook not found');
  });
});
