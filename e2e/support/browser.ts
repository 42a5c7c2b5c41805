import { existsSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import type { Stack } from './stack';

/**
 * Real-browser helpers for the portal suites: Debian's chromium driven by playwright-core.
 * CHROMIUM_PATH names another Chromium; E2E_SCREENSHOT_DIR keeps screenshots of the pages visited.
 */
export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
export const SHOTS = process.env.E2E_SCREENSHOT_DIR;

const ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'];

export interface BrowserOptions {
  /** Of every new page; default 1280×900. */
  viewport?: { width: number; height: number };
  /** Default timeout of every new page's actions and waits, in ms; default 15 s. */
  timeout?: number;
}

export interface BrowserSession {
  browser: Browser;
  /** A page in a fresh context: no cookies, so no portal session. */
  newPage(): Promise<Page>;
  /** Closes every context it opened, then the browser. */
  close(): Promise<void>;
}

/** Launches Chromium (failing with how to install it when it is missing). Call in beforeAll; close in afterAll. */
export async function openBrowser({ viewport = { width: 1280, height: 900 }, timeout = 15_000 }: BrowserOptions = {}): Promise<BrowserSession> {
  if (!existsSync(CHROMIUM)) {
    throw new Error(`No Chromium at ${CHROMIUM}. Install the Debian package "chromium" (apt-get install -y chromium), or set CHROMIUM_PATH.`);
  }
  const browser = await chromium.launch({ executablePath: CHROMIUM, args: ARGS });
  const contexts: BrowserContext[] = [];
  return {
    browser,
    async newPage() {
      const context = await browser.newContext({ viewport });
      contexts.push(context);
      const page = await context.newPage();
      page.setDefaultTimeout(timeout);
      return page;
    },
    async close() {
      for (const c of contexts) await c.close().catch(() => undefined);
      await browser.close();
    },
  };
}

/** A full-page screenshot named `name`.png in E2E_SCREENSHOT_DIR, when it is set. */
export async function shot(page: Page, name: string) {
  if (!SHOTS) return;
  mkdirSync(SHOTS, { recursive: true });
  await page.screenshot({ path: join(SHOTS, `${name}.png`), fullPage: true });
}

/** Fills and submits the sign-in form; does not wait for the outcome. */
export async function submitSignIn(page: Page, portalUrl: string, email: string, password: string) {
  await page.goto(new URL('/signin', portalUrl).toString());
  await page.getByLabel('Email').fill(email);
  await page.getByLabel('Password').fill(password);
  await page.getByRole('button', { name: 'Sign in' }).click();
}

/** Signs in with the stack's dev login and waits for the companies page it lands on. */
export async function signIn(page: Page, stack: Pick<Stack, 'portalUrl' | 'portalEmail' | 'portalPassword'>) {
  await submitSignIn(page, stack.portalUrl, stack.portalEmail, stack.portalPassword);
  await page.waitForURL(/\/companies$/);
}
