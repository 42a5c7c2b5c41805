import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { openBrowser, shot, signIn, submitSignIn, type BrowserSession } from '../support/browser';
import { getStack } from '../support/stack';

/**
 * The portal in a real browser (Debian's chromium via playwright-core) against the stack the
 * launcher started: sign-in, the signed-in gate, creating, listing, searching and opening a company.
 * Set E2E_SCREENSHOT_DIR to keep screenshots of the pages it visits.
 */
describe('portal in a browser', () => {
  const stack = getStack();
  const url = (path: string) => new URL(path, stack.portalUrl).toString();
  let session: BrowserSession;
  const newPage = () => session.newPage();

  beforeAll(async () => {
    session = await openBrowser({ timeout: 15_000 });
  });

  afterAll(async () => {
    await session?.close();
  });

  it('sends a signed-out visitor of /companies to /signin, and / to the same place', async () => {
    const page = await newPage();
    await page.goto(url('/companies'));
    await page.waitForURL(/\/signin$/);
    await expect(page.getByRole('heading', { name: 'Sign in' }).isVisible()).resolves.toBe(true);
    await page.goto(url('/'));
    await page.waitForURL(/\/signin$/);
    await shot(page, 'signin');
  });

  it('shows the error for a wrong password and stays on /signin', async () => {
    const page = await newPage();
    await submitSignIn(page, stack.portalUrl, stack.portalEmail, `${stack.portalPassword}-wrong`);
    const alert = page.getByTestId('signin-error');
    await alert.waitFor();
    expect(await alert.textContent()).toBe('Email or password is incorrect.');
    expect(new URL(page.url()).pathname).toBe('/signin');
    await shot(page, 'signin-error');
  });

  it('signs in, creates a company, finds it in the list and by search, opens it, signs out', async () => {
    const page = await newPage();
    await signIn(page, stack);
    expect(await page.getByTestId('signed-in-email').textContent()).toContain(stack.portalEmail);
    await expect(page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Companies' }).getAttribute('aria-current')).resolves.toBe('page');

    // Validation before anything is sent.
    await page.getByRole('button', { name: 'Create company' }).click();
    await page.getByText('Enter a company name.').waitFor();

    const name = `E2E Portal ${Date.now().toString(36)} ${Math.random().toString(36).slice(2, 8)}`;
    await page.getByLabel('Name', { exact: true }).fill(name);
    await page.getByLabel(/Description/).fill('Made by the portal e2e test');
    await page.getByRole('button', { name: 'Create company' }).click();
    await page.getByTestId('create-success').getByRole('link', { name }).waitFor();

    // The list refreshes: newest first, so the new company is the first row.
    const table = page.getByTestId('companies-table');
    await table.getByRole('link', { name }).waitFor();
    expect(await table.locator('tbody tr').first().getByRole('link').textContent()).toBe(name);
    const total = Number((await page.getByTestId('total-count').textContent())?.replace(/[^\d]/g, ''));
    expect(total).toBeGreaterThanOrEqual(1);
    expect(await page.getByTestId('paging-text').textContent()).toMatch(/^Page 1 of \d+$/);
    await shot(page, 'companies');

    // Search narrows the list to the one company.
    await page.getByLabel('Search by name').fill(name);
    await page.waitForFunction(
      (n) => {
        const rows = document.querySelectorAll('[data-testid="companies-table"] tbody tr');
        return rows.length === 1 && rows[0].textContent?.includes(n);
      },
      name,
    );
    expect(await page.getByTestId('total-count').textContent()).toBe('1 company');
    expect(await page.getByTestId('paging-text').textContent()).toBe('Page 1 of 1');
    await shot(page, 'companies-search');

    // Its page shows the details from companies.get.
    await table.getByRole('link', { name }).click();
    await page.waitForURL(/\/companies\/[0-9a-f-]{36}$/);
    const id = new URL(page.url()).pathname.split('/').pop() as string;
    await page.getByRole('heading', { level: 1, name }).waitFor();
    expect(await page.getByTestId('company-id').textContent()).toBe(id);
    expect(await page.getByTestId('company-redirect').textContent()).toMatch(new RegExp(`/link/${id}$`));
    expect(await page.getByTestId('company-details').textContent()).toContain('Made by the portal e2e test');
    expect(await page.getByTestId('company-details').textContent()).toContain('Blank');
    await shot(page, 'company');

    // Sign out: back to /signin, and the gate holds again.
    await page.getByRole('button', { name: 'Sign out' }).click();
    await page.waitForURL(/\/signin$/);
    await page.goto(url(`/companies/${id}`));
    await page.waitForURL(/\/signin$/);
  });

  it('answers an unknown company with a not-found page', async () => {
    const page = await newPage();
    await signIn(page, stack);
    const res = await page.goto(url('/companies/00000000-0000-4000-8000-000000000000'));
    expect(res?.status()).toBe(404);
    await page.getByRole('heading', { name: 'Not found' }).waitFor();
  });
});
