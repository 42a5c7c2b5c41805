import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { Page } from 'playwright-core';
import { openBrowser, shot, signIn, type BrowserSession } from '../support/browser';
import { restApi } from '../support/rest';
import { getStack } from '../support/stack';

/**
 * Data status, refresh, sync history and sync settings in a real browser, against the running
 * stack (its worker really syncs): a sandbox company linked through the REST API, then its
 * page, /settings/sync and its own sync settings. Set E2E_SCREENSHOT_DIR to keep screenshots.
 */
const SYNC_TIMEOUT = 90_000;

interface ApiCompany {
  id: string;
  name: string;
  status: string;
  dataConnections: { id: string; status: string }[];
}

interface ApiSyncSetting {
  dataType: string;
  fetchOnFirstLink: boolean;
  syncSchedule: number;
  syncOrder: number;
  syncFromUtc?: string;
  syncFromWindow?: number;
  monthsToSync?: number;
  isLocked?: boolean;
}

interface ApiSyncSettings {
  clientId: string;
  settings: ApiSyncSetting[];
  overridesDefaults: boolean;
}

describe('data sync in the portal', () => {
  const stack = getStack();
  const url = (path: string) => new URL(path, stack.portalUrl).toString();
  let session: BrowserSession;
  let originalDefaults: ApiSyncSettings | undefined;
  let company: ApiCompany;

  const api = restApi(stack);

  const clientDefaults = async () => (await api<ApiSyncSettings>('/profile/syncSettings')).body;

  async function setClientDefaults(settings: ApiSyncSettings) {
    const res = await api('/profile/syncSettings', { method: 'POST', body: { clientId: settings.clientId, settings: settings.settings, overridesDefaults: settings.overridesDefaults } });
    expect(res.status).toBe(204);
  }

  /** Until the invoices row says Complete with a last successful sync (and, if given, a dataset other than `notId`). */
  async function waitInvoicesComplete(page: Page, notId?: string) {
    await page.waitForFunction(
      (prev) => {
        const row = document.querySelector('[data-testid="status-row-invoices"]');
        const id = row?.getAttribute('data-latest-sync-id');
        return (
          row?.getAttribute('data-status') === 'Complete' &&
          !!row.querySelector('[data-testid="last-sync-invoices"][datetime]') &&
          !!id &&
          id !== prev
        );
      },
      notId ?? null,
      { timeout: SYNC_TIMEOUT, polling: 250 },
    );
  }

  beforeAll(async () => {
    session = await openBrowser({ timeout: 20_000 });

    // Client defaults are shared by every suite: start invoices at Daily, and put everything back afterwards.
    originalDefaults = await clientDefaults();
    await setClientDefaults({
      ...originalDefaults,
      settings: originalDefaults.settings.map((s) => (s.dataType === 'invoices' ? { ...s, syncSchedule: 24, isLocked: false } : s)),
    });

    // A sandbox company linked through the REST API: linking queues the first syncs.
    const name = `E2E Sync ${Date.now().toString(36)}${Math.random().toString(36).slice(2, 6)}`;
    const created = await api<ApiCompany>('/companies', { method: 'POST', body: { name } });
    expect(created.status).toBe(200);
    const conn = await api<{ id: string }>(`/companies/${created.body.id}/connections`, { method: 'POST', body: { platformKey: 'sbox' } });
    expect(conn.status).toBe(200);
    const auth = await api<{ status: string }>(`/companies/${created.body.id}/connections/${conn.body.id}/authorization`, {
      method: 'PUT',
      body: { companyName: 'Sync Co', volume: '30' },
    });
    expect(auth.status).toBe(200);
    expect(auth.body.status).toBe('Linked');
    company = (await api<ApiCompany>(`/companies/${created.body.id}`)).body;
  });

  afterAll(async () => {
    if (originalDefaults) await setClientDefaults(originalDefaults).catch(() => undefined);
    await session?.close();
  });

  it('shows data status, refreshes invoices, edits the defaults and pins the company schedule', async () => {
    const page = await session.newPage();
    await signIn(page, stack);

    // ---- data status: the first sync completes -------------------------------------------------
    await page.goto(url(`/companies/${company.id}`));
    await page.getByRole('heading', { level: 1, name: company.name }).waitFor();
    await page.getByTestId('data-status-table').waitFor();
    expect(await page.getByTestId('data-status-table').locator('tbody tr').count()).toBe(10);
    await shot(page, 'data-sync-1-first-sync');
    await waitInvoicesComplete(page);
    expect(await page.getByTestId('status-invoices').textContent()).toBe('Complete');
    expect(await page.getByTestId('last-sync-invoices').textContent()).toMatch(/UTC$/);
    expect(await page.getByTestId('next-run-invoices').textContent()).toMatch(/UTC$/);
    const firstSyncId = await page.getByTestId('status-row-invoices').getAttribute('data-latest-sync-id');
    const history = page.getByTestId('history-table');
    await history.waitFor();
    await page.waitForFunction(() => document.querySelectorAll('[data-testid="history-table"] [data-testid="history-row"][data-status="Complete"]').length > 0);
    const totalBefore = Number((await page.getByTestId('history-total').textContent())?.replace(/[^\d]/g, ''));
    expect(totalBefore).toBeGreaterThanOrEqual(1);
    await shot(page, 'data-sync-2-complete');

    // ---- refresh invoices: a new dataset, which completes --------------------------------------
    const refresh = page.getByTestId('status-row-invoices').getByRole('button', { name: 'Refresh Invoices' });
    await refresh.click();
    await shot(page, 'data-sync-3-refreshing');
    await waitInvoicesComplete(page, firstSyncId ?? undefined);
    const secondSyncId = (await page.getByTestId('status-row-invoices').getAttribute('data-latest-sync-id')) as string;
    expect(secondSyncId).not.toBe(firstSyncId);
    const newRow = history.locator(`[data-testid="history-row"][data-dataset-id="${secondSyncId}"]`);
    await newRow.waitFor();
    await page.waitForFunction((id) => document.querySelector(`[data-dataset-id="${id}"]`)?.getAttribute('data-status') === 'Complete', secondSyncId, { timeout: SYNC_TIMEOUT });
    expect(await newRow.getAttribute('data-data-type')).toBe('invoices');
    expect(await newRow.textContent()).toMatch(/\d+(\.\d)? s|< 0\.1 s|\d+ min/);
    await page.waitForFunction((n) => Number(document.querySelector('[data-testid="history-total"]')?.textContent?.replace(/[^\d]/g, '')) === n, totalBefore + 1);
    expect(await page.getByTestId('refresh-error-invoices').count()).toBe(0);
    await shot(page, 'data-sync-3-refreshed');

    // ---- client defaults: invoices weekly, persisted -------------------------------------------
    const nav = page.getByRole('navigation', { name: 'Main' });
    await nav.getByRole('link', { name: 'Sync settings' }).click();
    await page.waitForURL(/\/settings\/sync$/);
    expect(await nav.getByRole('link', { name: 'Sync settings' }).getAttribute('aria-current')).toBe('page');
    await page.getByRole('heading', { level: 1, name: 'Sync settings' }).waitFor();
    const invoicesFrequency = page.getByLabel('Frequency for Invoices');
    expect(await invoicesFrequency.inputValue()).toBe('24');

    // A history window and a date together are refused before anything is sent.
    await page.getByLabel('History window in months for Bills').fill('6');
    await page.getByLabel('Sync Bills from date').fill('2024-01-01');
    await page.getByTestId('client-settings-save').click();
    await page.getByTestId('client-setting-row-bills').getByText('Set a history window or a sync-from date, not both.').waitFor();
    expect(await page.getByLabel('History window in months for Bills').getAttribute('aria-invalid')).toBe('true');
    await shot(page, 'data-sync-4-settings-invalid');
    await page.getByLabel('History window in months for Bills').fill('');
    await page.getByLabel('Sync Bills from date').fill('');

    await invoicesFrequency.selectOption({ label: 'Weekly' });
    await page.getByTestId('client-settings-save').click();
    expect(await page.getByTestId('settings-saved').textContent()).toBe('Saved the default sync settings.');
    await shot(page, 'data-sync-5-settings-saved');
    await page.reload();
    await page.getByTestId('client-setting-table').waitFor();
    expect(await page.getByLabel('Frequency for Invoices').inputValue()).toBe('168');
    const saved = await clientDefaults();
    expect(saved.settings.find((s) => s.dataType === 'invoices')?.syncSchedule).toBe(168);
    expect(saved.settings.find((s) => s.dataType === 'bills')?.syncFromWindow).toBeUndefined();

    // ---- company schedule: 06:00 Europe/London ----------------------------------------------------
    await page.goto(url(`/companies/${company.id}`));
    await page.getByTestId('company-sync-settings-link').click();
    await page.waitForURL(new RegExp(`/companies/${company.id}/sync-settings$`));
    await page.getByTestId('company-setting-table').waitFor();
    expect(await page.getByLabel('Frequency for Invoices').inputValue()).toBe('168');
    expect(await page.getByTestId('company-setting-invoices-source').textContent()).toBe('Client default');

    // A zone the API does not know: its message next to the field.
    await page.getByLabel(/Hour of day/).fill('6');
    await page.getByLabel('Time zone', { exact: true }).selectOption('other');
    await page.getByLabel('IANA time zone name').fill('Mars/Olympus');
    await page.getByTestId('company-settings-save').click();
    expect(await page.getByTestId('schedule-zone-error').textContent()).toMatch(/IANA time zone/);
    expect(await page.getByLabel('IANA time zone name').getAttribute('aria-invalid')).toBe('true');
    await shot(page, 'data-sync-6-zone-error');

    await page.getByLabel('Time zone', { exact: true }).selectOption('Europe/London');
    await page.getByTestId('company-settings-save').click();
    await page.getByTestId('company-settings-saved').waitFor();
    await page.waitForFunction(() => document.querySelector('[data-testid="upcoming-next-invoices"]')?.textContent?.includes('06:00 Europe/London'));
    expect(await page.getByTestId('upcoming-invoices').textContent()).toContain('Weekly');
    await shot(page, 'data-sync-7-company-schedule');

    // The reloaded page keeps the schedule, and the company page shows the new next runs.
    await page.reload();
    await page.getByTestId('company-setting-table').waitFor();
    expect(await page.getByLabel(/Hour of day/).inputValue()).toBe('6');
    expect(await page.getByLabel('Time zone', { exact: true }).inputValue()).toBe('Europe/London');

    await page.getByRole('navigation', { name: 'Breadcrumb' }).getByRole('link', { name: company.name }).click();
    await page.waitForURL(new RegExp(`/companies/${company.id}$`));
    await page.getByTestId('data-status-table').waitFor();
    await page.waitForFunction(() => document.querySelector('[data-testid="next-run-invoices"]')?.textContent?.includes('06:00 Europe/London'));
    const nextRuns = await page.locator('[data-testid^="next-run-"] .when-absolute').allTextContents();
    expect(nextRuns.length).toBeGreaterThanOrEqual(9);
    for (const text of nextRuns) expect(text).toMatch(/, 06:00 Europe\/London$/);
    await shot(page, 'data-sync-8-next-runs');
  }, 300_000);
});
