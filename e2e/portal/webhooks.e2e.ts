import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { Locator, Page } from 'playwright-core';
import { openBrowser, shot, signIn, type BrowserSession } from '../support/browser';
import { restApi } from '../support/rest';
import { getStack } from '../support/stack';
import { loadSvix } from '../support/svix';

/**
 * Webhook administration in a real browser, against the running stack whose worker delivers
 * to a local receiver: create a consumer, reveal its secret, test events (verified with svix),
 * the message log with a failing and a replayed delivery, replay of failed messages since a
 * time, the chart, secret rotation, disable/enable, a real company.created event, and delete.
 * Set E2E_SCREENSHOT_DIR to keep screenshots.
 */
const DELIVERY_TIMEOUT = 30_000;

interface Delivery {
  headers: Record<string, string>;
  body: string;
  /** What the receiver answered. */
  answered: number;
}

interface ApiConsumer {
  id: string;
  url: string;
  disabled: boolean;
  eventTypes: string[];
  disabledReason?: string;
}

describe('webhook administration in the portal', () => {
  const stack = getStack();
  const url = (path: string) => new URL(path, stack.portalUrl).toString();
  const run = `${Date.now().toString(36)}${Math.random().toString(36).slice(2, 6)}`;
  let session: BrowserSession;
  let server: http.Server;
  let receiverUrl: string;
  /** What the receiver answers next. */
  let answer = 200;
  const received: Delivery[] = [];
  let consumerId: string | undefined;
  const companies: string[] = [];

  const api = restApi(stack);

  /** The first delivery (in arrival order, from index `from`) that matches, once it arrives. */
  async function delivery(match: (d: Delivery) => boolean, from = 0): Promise<Delivery> {
    const deadline = Date.now() + DELIVERY_TIMEOUT;
    for (;;) {
      const found = received.slice(from).find(match);
      if (found) return found;
      if (Date.now() > deadline)
        throw new Error(`No matching delivery within ${DELIVERY_TIMEOUT} ms; received:\n${received.map((d) => `${d.headers['webhook-id']} ${d.body.slice(0, 120)}`).join('\n')}`);
      await new Promise((r) => setTimeout(r, 100));
    }
  }

  /** Throws unless `d` carries a valid signature by `secret` (svix, as a receiver would check it). */
  const verify = (secret: string, d: Delivery) => new (loadSvix().Webhook)(secret).verify(d.body, d.headers);

  const messageRow = (page: Page, webhookId: string) => page.locator(`[data-testid="message-row"][data-webhook-id="${webhookId}"]`);

  /** Until the log's row for `webhookId` has `status` and its last attempt answered `code`. */
  async function waitForMessage(page: Page, webhookId: string, status: string, code: number) {
    await page.waitForFunction(
      ([id, s, c]) => {
        const row = document.querySelector(`[data-testid="message-row"][data-webhook-id="${id}"]`);
        const attempts = row ? [...row.querySelectorAll('[data-testid="attempt"]')] : [];
        return row?.getAttribute('data-status') === s && attempts.at(-1)?.getAttribute('data-status-code') === c;
      },
      [webhookId, status, String(code)] as const,
      { timeout: DELIVERY_TIMEOUT, polling: 250 },
    );
  }

  const attemptCodes = async (row: Locator) => row.getByTestId('attempt').evaluateAll((els) => els.map((e) => e.getAttribute('data-status-code')));

  /** Clicks "Send test event" and answers the webhook-id it reports (a new one each time). */
  async function sendTest(page: Page): Promise<string> {
    const result = page.getByTestId('send-test-result').locator('code');
    const before = (await result.count()) ? await result.textContent() : null;
    await page.getByRole('button', { name: 'Send test event' }).click();
    await page.waitForFunction((prev) => {
      const text = document.querySelector('[data-testid="send-test-result"] code')?.textContent ?? '';
      return text.startsWith('msg_') && text !== prev;
    }, before);
    return (await result.textContent()) as string;
  }

  beforeAll(async () => {
    server = http.createServer((req, res) => {
      let body = '';
      req.on('data', (c: Buffer) => (body += c.toString()));
      req.on('end', () => {
        const status = answer;
        received.push({ headers: req.headers as Record<string, string>, body, answered: status });
        res.writeHead(status, { 'content-type': 'application/json' });
        res.end(status < 300 ? '{"ok":true}' : `{"error":"the receiver answers ${status}"}`);
      });
    });
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
    receiverUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}/hooks/e2e-${run}`;
    session = await openBrowser({ timeout: 20_000 });
  });

  afterAll(async () => {
    // Leave nothing behind that other suites' events would be delivered to.
    if (consumerId) await api(`/webhooks/${consumerId}`, { method: 'DELETE' }).catch(() => undefined);
    for (const id of companies) await api(`/companies/${id}`, { method: 'DELETE' }).catch(() => undefined);
    await session?.close();
    await new Promise<void>((r) => (server.closeAllConnections(), server.close(() => r())));
  });

  it('creates a webhook, tests, replays, rotates, disables and deletes it', async () => {
    const page = await session.newPage();
    await signIn(page, stack);

    // ---- /webhooks: the list, the chart and the form; validation before anything is sent ------
    const nav = page.getByRole('navigation', { name: 'Main' });
    await nav.getByRole('link', { name: 'Webhooks' }).click();
    await page.waitForURL(/\/webhooks$/);
    expect(await nav.getByRole('link', { name: 'Webhooks' }).getAttribute('aria-current')).toBe('page');
    await page.getByRole('heading', { level: 1, name: 'Webhooks' }).waitFor();
    await page.getByTestId('deliveries-chart').waitFor();
    await page.getByLabel('company.created', { exact: true }).waitFor();

    await page.getByLabel('Endpoint URL').fill('ftp://127.0.0.1/hooks');
    await page.getByRole('button', { name: 'Add webhook' }).click();
    expect(await page.getByTestId('webhook-url-error').textContent()).toBe('The URL must start with http:// or https:// (not ftp:).');
    expect(await page.getByTestId('event-types-error').textContent()).toBe('Choose at least one event type.');
    await page.getByLabel('Endpoint URL').fill(receiverUrl.replace('http://', 'http://user:pw@'));
    await page.getByRole('button', { name: 'Add webhook' }).click();
    expect(await page.getByTestId('webhook-url-error').textContent()).toMatch(/^Remove the user name and password/);
    await shot(page, 'webhooks-1-invalid');
    expect((await api<{ results: ApiConsumer[] }>('/webhooks')).body.results.some((c) => c.url.includes(run))).toBe(false);

    // ---- create: two new-style types and a legacy one --------------------------------------------
    await page.getByLabel('Endpoint URL').fill(receiverUrl);
    await page.getByLabel('company.created', { exact: true }).check();
    await page.getByLabel('company.deleted', { exact: true }).check();
    await page.getByLabel('DataSyncCompleted', { exact: true }).check();
    expect(await page.getByTestId('event-selection-count').textContent()).toBe('3 event types selected.');
    await page.getByRole('button', { name: 'Add webhook' }).click();
    const created = page.getByTestId('create-webhook-success').getByRole('link', { name: receiverUrl });
    await created.waitFor();
    await page.getByTestId('webhooks-table').getByRole('link', { name: receiverUrl }).waitFor();
    await shot(page, 'webhooks-2-created');
    await created.click();
    await page.waitForURL(/\/webhooks\/[0-9a-f-]{36}$/);
    consumerId = new URL(page.url()).pathname.split('/').pop() as string;
    expect(await page.getByTestId('webhook-url').textContent()).toBe(receiverUrl);
    expect(await page.getByTestId('webhook-state').textContent()).toBe('Enabled');
    const rest = await api<ApiConsumer>(`/webhooks/${consumerId}`);
    expect(rest.status).toBe(200);
    expect(rest.body).toMatchObject({ url: receiverUrl, disabled: false });
    expect([...rest.body.eventTypes].sort()).toEqual(['DataSyncCompleted', 'company.created', 'company.deleted']);

    // ---- the secret ---------------------------------------------------------------------------------
    await page.getByRole('button', { name: 'Reveal secret' }).click();
    const secretText = page.getByTestId('webhook-secret');
    const secret = (await secretText.textContent()) as string;
    expect(secret).toMatch(/^whsec_[A-Za-z0-9+/]+=*$/);
    expect((await api<{ key: string }>(`/webhooks/${consumerId}/secret`)).body.key).toBe(secret);

    // ---- a test event: delivered, signed, logged with a 200 attempt ------------------------------------
    const firstId = await sendTest(page);
    const first = await delivery((d) => d.headers['webhook-id'] === firstId);
    expect(() => verify(secret, first)).not.toThrow();
    expect(JSON.parse(first.body)).toMatchObject({ eventType: 'webhook.test' });
    await waitForMessage(page, firstId, 'Succeeded', 200);
    const firstRow = messageRow(page, firstId);
    expect(await firstRow.getAttribute('data-event-type')).toBe('webhook.test');
    expect(await firstRow.getByTestId('attempt').first().textContent()).toMatch(/HTTP 200.*\d+ ms/);
    await shot(page, 'webhooks-3-tested');

    // ---- the receiver fails with 500: a failed attempt (retried); replay delivers it ----------------------
    answer = 500;
    const failingId = await sendTest(page);
    await delivery((d) => d.headers['webhook-id'] === failingId && d.answered === 500);
    await waitForMessage(page, failingId, 'Pending', 500);
    const failingRow = messageRow(page, failingId);
    expect(await failingRow.getByTestId('attempt').first().getAttribute('data-succeeded')).toBe('false');
    expect(await failingRow.getByTestId('attempt-response').first().textContent()).toContain('the receiver answers 500');
    expect(await failingRow.textContent()).toContain('Next attempt');
    await shot(page, 'webhooks-4-failing');
    answer = 200;
    const before = received.length;
    await failingRow.getByRole('button', { name: /^Replay / }).click();
    await waitForMessage(page, failingId, 'Succeeded', 200);
    const replayed = await delivery((d) => d.headers['webhook-id'] === failingId && d.answered === 200, before);
    expect(() => verify(secret, replayed)).not.toThrow();
    const codes = await attemptCodes(failingRow);
    expect(codes[0]).toBe('500');
    expect(codes.at(-1)).toBe('200');
    await shot(page, 'webhooks-5-replayed');

    // ---- a 410 fails at once; "replay failed since" sends it again ------------------------------------------
    answer = 410;
    const goneId = await sendTest(page);
    await waitForMessage(page, goneId, 'Failed', 410);
    answer = 200;
    await page.getByLabel('Replay failed messages since (UTC)').fill(new Date(Date.now() - 10 * 60_000).toISOString().slice(0, 16));
    await page.getByRole('button', { name: 'Replay failed' }).click();
    expect(await page.getByTestId('replay-failed-result').textContent()).toBe('Queued 1 failed message for delivery again.');
    await waitForMessage(page, goneId, 'Succeeded', 200);
    expect(await attemptCodes(messageRow(page, goneId))).toEqual(['410', '200']);

    // The chart counts every attempt the receiver answered (the 500 may have been retried, and the
    // retry may have succeeded before the replay, so the numbers are taken from the receiver).
    const succeeded = received.filter((d) => d.answered < 300).length;
    const failed = received.length - succeeded;
    expect(succeeded).toBeGreaterThanOrEqual(3);
    expect(failed).toBeGreaterThanOrEqual(2);
    await page.waitForFunction(
      ([s, f]) => {
        const chart = document.querySelector('[data-testid="consumer-deliveries-chart"]');
        return chart?.getAttribute('data-succeeded') === s && chart?.getAttribute('data-failed') === f;
      },
      [String(succeeded), String(failed)] as const,
    );
    expect(await page.getByTestId('consumer-deliveries-chart-summary').textContent()).toBe(
      `${succeeded + failed} delivery attempts in the last 24 hours: ${succeeded} succeeded, ${failed} failed.`,
    );
    await shot(page, 'webhooks-6-replayed-failed');

    // ---- rotate: a new secret signs, the old one still verifies during the grace period ----------------------
    await page.getByRole('button', { name: 'Rotate secret' }).click();
    await page.getByRole('button', { name: 'Yes, rotate it' }).click();
    await page.getByTestId('rotate-secret-result').waitFor();
    await page.waitForFunction((old) => {
      const text = document.querySelector('[data-testid="webhook-secret"]')?.textContent ?? '';
      return text.startsWith('whsec_') && text !== old;
    }, secret);
    const rotated = (await secretText.textContent()) as string;
    expect((await api<{ key: string }>(`/webhooks/${consumerId}/secret`)).body.key).toBe(rotated);
    const afterRotateId = await sendTest(page);
    const signedTwice = await delivery((d) => d.headers['webhook-id'] === afterRotateId);
    expect(() => verify(rotated, signedTwice)).not.toThrow();
    expect(() => verify(secret, signedTwice)).not.toThrow();
    expect(signedTwice.headers['webhook-signature'].split(' ')).toHaveLength(2);
    await waitForMessage(page, afterRotateId, 'Succeeded', 200);

    // ---- disable and enable ----------------------------------------------------------------------------------
    await page.getByRole('button', { name: 'Disable webhook' }).click();
    await page.waitForFunction(() => document.querySelector('[data-testid="webhook-state"]')?.textContent === 'Disabled');
    expect(await page.getByTestId('webhook-disabled-reason').textContent()).toBe('Disabled by the user');
    expect(await page.getByRole('button', { name: 'Send test event' }).isDisabled()).toBe(true);
    expect((await api<ApiConsumer>(`/webhooks/${consumerId}`)).body).toMatchObject({ disabled: true, disabledReason: 'Disabled by the user' });
    await shot(page, 'webhooks-7-disabled');
    await page.getByRole('button', { name: 'Enable webhook' }).click();
    await page.waitForFunction(() => document.querySelector('[data-testid="webhook-state"]')?.textContent === 'Enabled');
    expect(await page.getByTestId('webhook-disabled-notice').count()).toBe(0);
    expect((await api<ApiConsumer>(`/webhooks/${consumerId}`)).body.disabled).toBe(false);

    // ---- a real event: creating a company through the REST API ---------------------------------------------------
    const name = `E2E Webhooks ${run}`;
    const company = await api<{ id: string; name: string }>('/companies', { method: 'POST', body: { name } });
    expect(company.status).toBe(200);
    companies.push(company.body.id);
    const event = await delivery((d) => d.body.includes(company.body.id));
    expect(() => verify(rotated, event)).not.toThrow();
    expect(JSON.parse(event.body)).toMatchObject({ eventType: 'company.created', payload: { id: company.body.id, name } });
    const eventId = event.headers['webhook-id'];
    await page.getByRole('button', { name: 'Refresh', exact: true }).click();
    await waitForMessage(page, eventId, 'Succeeded', 200);
    expect(await messageRow(page, eventId).getAttribute('data-event-type')).toBe('company.created');
    await messageRow(page, eventId)
      .getByRole('button', { name: `Show the body of ${eventId}` })
      .click();
    expect(JSON.parse((await page.getByTestId('message-body').textContent()) as string)).toMatchObject({ eventType: 'company.created', payload: { id: company.body.id } });
    await shot(page, 'webhooks-8-company-created');

    // ---- delete ------------------------------------------------------------------------------------------------
    await page.getByRole('button', { name: 'Delete webhook' }).click();
    await page.getByRole('button', { name: 'Yes, delete it' }).click();
    await page.waitForURL(/\/webhooks$/);
    await page.getByRole('heading', { level: 1, name: 'Webhooks' }).waitFor();
    const deletedId = consumerId;
    await page.waitForFunction(
      (id) =>
        !!document.querySelector('[data-testid="webhooks-table"], [data-testid="webhooks-empty"]') &&
        !document.querySelector(`[data-testid="webhook-row"][data-consumer-id="${id}"]`),
      deletedId,
    );
    expect((await api(`/webhooks/${deletedId}`)).status).toBe(404);
    consumerId = undefined;
    await shot(page, 'webhooks-9-deleted');

    // Its page is gone too.
    const res = await page.goto(url(`/webhooks/${deletedId}`));
    expect(res?.status()).toBe(404);
  }, 300_000);
});
