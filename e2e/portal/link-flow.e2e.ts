import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { createGnucashBook, PEER_TOOLS_DIR, startTryton, SYSTEM_PYTHON, type TrytonPeer } from '@ledgerlink/testing-peers';
import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { openBrowser, shot, type BrowserSession } from '../support/browser';
import { restApi } from '../support/rest';
import { getStack } from '../support/stack';

/**
 * The hosted link page (a company's `redirect`, /link/<companyId>) in a real browser, without
 * signing in: choose a platform, authorise it, confirm the company name the books report; the
 * result checked through the REST API. Set E2E_SCREENSHOT_DIR to keep screenshots of each step.
 */

interface ApiConnection {
  id: string;
  status: string;
  platformName: string;
  sourceType: string;
}

interface ApiCompany {
  id: string;
  name: string;
  status: string;
  redirect: string;
  dataConnections: ApiConnection[];
}

describe('hosted link page in a browser', () => {
  const stack = getStack();
  let session: BrowserSession;

  const api = restApi(stack);

  async function createCompany(label: string): Promise<ApiCompany> {
    const name = `E2E Link ${label} ${Date.now().toString(36)}${Math.random().toString(36).slice(2, 6)}`;
    const res = await api<ApiCompany>('/companies', { method: 'POST', body: { name } });
    expect(res.status).toBe(200);
    expect(res.body.status).toBe('Blank');
    return res.body;
  }

  const getCompany = async (id: string) => (await api<ApiCompany>(`/companies/${id}`)).body;

  /** company.redirect, on the portal the tests reach (PORTAL_URL may name another host). */
  function linkUrl(redirect: string): string {
    const u = new URL(redirect);
    const portal = new URL(stack.portalUrl);
    u.protocol = portal.protocol;
    u.host = portal.host;
    return u.toString();
  }

  /** A fresh browser context: no portal session, as for the company's own staff. */
  const newPage = () => session.newPage();

  async function stepHeading(page: Page, text: string) {
    await page.getByTestId('link-step-heading').filter({ hasText: text }).waitFor();
  }

  beforeAll(async () => {
    session = await openBrowser({ viewport: { width: 1100, height: 900 }, timeout: 20_000 });
  });

  afterAll(async () => {
    await session?.close();
  });

  it('links the sandbox without signing in and confirms the company name from the books', async () => {
    const company = await createCompany('Sandbox');
    expect(company.redirect).toMatch(new RegExp(`/link/${company.id}$`));
    const page = await newPage();
    const res = await page.goto(linkUrl(company.redirect));
    expect(res?.status()).toBe(200);
    expect(new URL(page.url()).pathname).toBe(`/link/${company.id}`);

    // Step 1: the platforms, with logos, data-access notes, help and the company status.
    await stepHeading(page, 'Connect your accounting software');
    expect(await page.getByTestId('link-company-name').textContent()).toBe(company.name);
    expect(await page.getByTestId('company-status').getAttribute('data-status')).toBe('Blank');
    const sandbox = page.getByTestId('platform-sbox');
    await sandbox.getByRole('heading', { name: 'Ledgerlink Sandbox' }).waitFor();
    expect(await sandbox.textContent()).toContain('Reads a generated demo company');
    const logo = sandbox.locator('img');
    expect(await logo.getAttribute('alt')).toBe('');
    await page.waitForFunction(() => {
      const img = document.querySelector<HTMLImageElement>('[data-testid="platform-sbox"] img');
      return Boolean(img && img.complete && img.naturalWidth > 0);
    });
    expect(await page.getByTestId('link-help').textContent()).toContain('Need help?');
    await shot(page, 'link-1-choose');

    // Step 2: the credentials form generated from the sandbox's fields (all optional).
    await page.getByRole('button', { name: 'Connect Ledgerlink Sandbox' }).click();
    await stepHeading(page, 'Connect Ledgerlink Sandbox');
    expect(new URL(page.url()).search).toBe('?platform=sbox');
    await page.getByLabel(/^Company name/).fill('Sandbox Books Ltd');
    await shot(page, 'link-2-credentials');
    await page.getByTestId('credentials-submit').click();

    // Step 3: the name the books report.
    const confirmation = page.getByTestId('link-confirmation');
    await confirmation.waitFor();
    expect(await page.getByTestId('confirm-text').textContent()).toBe('Linked to Sandbox Books Ltd. Is this the right company?');
    expect(await page.getByTestId('confirm-platform').textContent()).toBe('Ledgerlink Sandbox');
    await page.waitForFunction(() => document.querySelector('[data-testid="company-status"]')?.getAttribute('data-status') === 'Linked');
    await shot(page, 'link-3-confirm');
    await page.getByRole('button', { name: 'Yes, this is the right company' }).click();
    await page.getByTestId('link-done').waitFor();
    expect(await page.getByTestId('link-done').textContent()).toContain('You can close this window');
    await shot(page, 'link-3-done');

    // The API agrees.
    const after = await getCompany(company.id);
    expect(after.status).toBe('Linked');
    expect(after.dataConnections).toHaveLength(1);
    expect(after.dataConnections[0]).toMatchObject({ status: 'Linked', platformName: 'Ledgerlink Sandbox' });

    // The URL now names the connection: reopening it shows the confirmation again.
    expect(new URL(page.url()).search).toBe(`?connection=${after.dataConnections[0].id}`);
    await page.reload();
    await confirmation.waitFor();
    expect(await page.getByTestId('confirm-text').textContent()).toContain('Sandbox Books Ltd');

    // Back on step 1 the sandbox shows as already linked.
    await page.goto(linkUrl(company.redirect));
    await stepHeading(page, 'Connect your accounting software');
    expect(await page.getByTestId('linked-sbox').textContent()).toContain('Already linked to Sandbox Books Ltd');
    expect(await page.getByTestId('company-status').getAttribute('data-status')).toBe('Linked');
    await shot(page, 'link-1-linked');
  });

  it('shows the connector error, keeps the form, and leaves the connection PendingAuth', async () => {
    const company = await createCompany('Failure');
    const page = await newPage();
    await page.goto(linkUrl(company.redirect));
    await page.getByRole('button', { name: 'Connect Ledgerlink Sandbox' }).click();
    await page.getByLabel(/^Records per data type/).fill('abc');
    await page.getByTestId('credentials-submit').click();

    const alert = page.getByTestId('link-error');
    await alert.waitFor();
    expect(await alert.textContent()).toContain('volume must be a whole number');
    expect(await alert.getAttribute('role')).toBe('alert');
    // Still on step 2, with what was typed, and the field marked.
    await stepHeading(page, 'Connect Ledgerlink Sandbox');
    const volume = page.getByLabel(/^Records per data type/);
    expect(await volume.inputValue()).toBe('abc');
    expect(await volume.getAttribute('aria-invalid')).toBe('true');
    await page.waitForFunction(() => document.querySelector('[data-testid="company-status"]')?.getAttribute('data-status') === 'PendingAuth');
    await shot(page, 'link-2-error');

    const after = await getCompany(company.id);
    expect(after.status).toBe('PendingAuth');
    expect(after.dataConnections).toHaveLength(1);
    expect(after.dataConnections[0].status).toBe('PendingAuth');

    // The connection's own link (?connection=<id>) reopens step 2 with the last error.
    expect(new URL(page.url()).search).toBe(`?connection=${after.dataConnections[0].id}`);
    await page.reload();
    await stepHeading(page, 'Connect Ledgerlink Sandbox');
    expect(await page.getByTestId('link-earlier-error').textContent()).toContain('volume must be a whole number');

    // Fixing the value links that same connection.
    await page.getByLabel(/^Records per data type/).fill('5');
    await page.getByTestId('credentials-submit').click();
    await page.getByTestId('link-confirmation').waitFor();
    const fixed = await getCompany(company.id);
    expect(fixed.status).toBe('Linked');
    expect(fixed.dataConnections.map((c) => [c.id, c.status])).toEqual([[after.dataConnections[0].id, 'Linked']]);
  });

  it("falls back to the portal's copy of a logo when the API's public URL cannot be reached", async () => {
    const company = await createCompany('Logos');
    const page = await newPage();
    // As if PUBLIC_API_URL were unreachable from the browser.
    await page.route(/\/integrations\/[a-z]{4}\/logo\.svg$/, (route) => route.abort('connectionrefused'));
    await page.goto(linkUrl(company.redirect));
    await page.waitForFunction(() => {
      const img = document.querySelector<HTMLImageElement>('[data-testid="platform-sbox"] img');
      return Boolean(img && new URL(img.src).pathname === '/link/logos/sbox' && img.complete && img.naturalWidth > 0);
    });
    await shot(page, 'link-1-logo-fallback');

    const logo = await fetch(new URL('/link/logos/sbox', stack.portalUrl));
    expect(logo.status).toBe(200);
    expect(logo.headers.get('content-type')).toBe('image/svg+xml');
    expect(logo.headers.get('content-security-policy')).toContain("default-src 'none'");
    expect(await logo.text()).toContain('<svg');
    expect((await fetch(new URL('/link/logos/zzzz', stack.portalUrl))).status).toBe(404);
    expect((await fetch(new URL('/link/logos/..%2Fx', stack.portalUrl))).status).toBe(404);
  });

  it('answers a malformed or unknown link with "This link is not valid"', async () => {
    const page = await newPage();
    for (const path of ['/link/not-a-company', '/link/00000000-0000-4000-8000-000000000000']) {
      const res = await page.goto(new URL(path, stack.portalUrl).toString());
      expect(res?.status()).toBe(404);
      await page.getByRole('heading', { level: 1, name: 'This link is not valid' }).waitFor();
      expect(await page.getByTestId('link-invalid').textContent()).toContain('ask the person who sent it to you for a new one');
    }
    await shot(page, 'link-invalid');
  });

  it('links a real Tryton through the page', async () => {
    const integration = await api<{ key: string; name: string }>('/integrations/tryt');
    expect(integration.status).toBe(200);
    let tryton: TrytonPeer | undefined;
    try {
      tryton = await startTryton();
      const company = await createCompany('Tryton');
      const page = await newPage();
      await page.goto(linkUrl(company.redirect));
      await page.getByRole('button', { name: `Connect ${integration.body.name}` }).click();
      await stepHeading(page, `Connect ${integration.body.name}`);

      // Required fields are checked before anything is sent.
      await page.getByTestId('credentials-submit').click();
      expect(await page.locator('[aria-invalid="true"]').count()).toBeGreaterThan(0);
      expect((await getCompany(company.id)).dataConnections).toHaveLength(0);

      await page.getByTestId('credential-serverUrl').fill(tryton.url);
      await page.getByTestId('credential-database').fill(tryton.database);
      await page.getByTestId('credential-username').fill(tryton.user);
      await page.getByTestId('credential-password').fill(tryton.password);
      await shot(page, 'link-2-tryton');
      await page.getByTestId('credentials-submit').click();

      await page.getByTestId('link-confirmation').waitFor({ timeout: 60_000 });
      expect(await page.getByTestId('confirm-text').textContent()).toBe('Linked to Ledgerlink Test Company. Is this the right company?');
      await shot(page, 'link-3-tryton');
      const after = await getCompany(company.id);
      expect(after.status).toBe('Linked');
      expect(after.dataConnections).toHaveLength(1);
      expect(after.dataConnections[0].status).toBe('Linked');
    } finally {
      await tryton?.stop();
    }
  }, 240_000);

  it('guides the on-premise GnuCash set-up (license key, notes) and links a real book', async () => {
    const integration = await api<{ key: string; name: string; isOfflineConnector: boolean }>('/integrations/gncs');
    expect(integration.status).toBe(200);
    expect(integration.body.isOfflineConnector).toBe(true);
    const book = await createGnucashBook();
    try {
      // File › Properties › Company Name, as GnuCash stores it: what the confirmation must show.
      execFileSync(SYSTEM_PYTHON, [join(PEER_TOOLS_DIR, 'gnucash_book_edit.py'), book.path, 'company', 'Gnu Books Ltd'], { stdio: 'pipe' });
      const company = await createCompany('GnuCash');
      const page = await newPage();
      const portalOrigin = new URL(stack.portalUrl).origin;
      await page.context().grantPermissions(['clipboard-read', 'clipboard-write'], { origin: portalOrigin });
      await page.goto(linkUrl(company.redirect));
      await page.getByRole('button', { name: `Connect ${integration.body.name}` }).click();
      await stepHeading(page, `Connect ${integration.body.name}`);

      // The license key is the company id, with a copy button; the set-up notes and the same-computer reminder.
      expect(await page.getByTestId('license-key').textContent()).toBe(company.id);
      await page.getByRole('button', { name: 'Copy key' }).click();
      await page.getByText('Copied', { exact: true }).waitFor();
      expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(company.id);
      expect(await page.getByTestId('same-computer-note').textContent()).toContain('same computer');
      expect(await page.getByTestId('setup-notes').locator('li').count()).toBeGreaterThan(0);
      await shot(page, 'link-2-gnucash');

      // A book that is not there: the connector's message, still PendingAuth.
      await page.getByTestId('credential-bookPath').fill(`${book.path}.missing`);
      await page.getByTestId('credentials-submit').click();
      await page.getByTestId('link-error').waitFor();
      expect((await getCompany(company.id)).dataConnections.map((c) => c.status)).toEqual(['PendingAuth']);

      await page.getByTestId('credential-bookPath').fill(book.path);
      await page.getByTestId('credentials-submit').click();
      await page.getByTestId('link-confirmation').waitFor({ timeout: 60_000 });
      expect(await page.getByTestId('confirm-text').textContent()).toBe('Linked to Gnu Books Ltd. Is this the right company?');
      await shot(page, 'link-3-gnucash');
      const after = await getCompany(company.id);
      expect(after.status).toBe('Linked');
      expect(after.dataConnections.map((c) => c.status)).toEqual(['Linked']);
    } finally {
      await book.cleanup();
    }
  }, 120_000);
});
