import type { Browser, BrowserContext, Page } from 'playwright-core';
import type { TabServer } from './tabServer';

/** What the browser said that it should not have: page errors and console errors fail the tests that check them. */
export interface OpenedTab { context: BrowserContext; page: Page; problems: string[] }

/**
 * A fresh browser profile (no saved persona or theme) on the tab, optionally with ?theme=. `forAxe` lets
 * page.addScriptTag inject axe-core past the server's Content-Security-Policy (script-src 'self'); tests that do
 * not inject anything keep the policy, so they would see the tab break it.
 */
export async function openTab(
  browser: Browser,
  server: TabServer,
  options: { theme?: string; hash?: string; forAxe?: boolean } = {},
): Promise<OpenedTab> {
  const context = await browser.newContext({
    viewport: { width: 1280, height: 900 },
    locale: 'en-GB',
    timezoneId: 'Europe/London',
    bypassCSP: options.forAxe ?? false,
  });
  const page = await context.newPage();
  const problems: string[] = [];
  page.on('pageerror', (error) => problems.push(`page error: ${error.message}`));
  page.on('console', (message) => {
    if (message.type() === 'error') problems.push(`console error: ${message.text()}`);
  });
  const query = options.theme ? `?theme=${options.theme}` : '';
  await page.goto(`${server.url}/${query}${options.hash ?? ''}`);
  return { context, page, problems };
}

/** Chooses a persona on the local sign-in picker and waits for the register. */
export async function signInAs(page: Page, name: string): Promise<void> {
  await page.getByRole('heading', { level: 1, name: 'Choose a demo persona' }).waitFor();
  await page.getByRole('button', { name: `Continue as ${name}` }).click();
  await page.getByRole('heading', { level: 1, name: 'Case register' }).waitFor();
}

/** The register's live status line ("Showing 1–25 of 31 cases."), once loading has finished. */
export async function registerStatus(page: Page): Promise<string> {
  const status = page.getByRole('status').filter({ hasText: /Showing|No cases/ });
  await status.waitFor();
  return (await status.textContent()) ?? '';
}

export const totalOf = (status: string): number => {
  const match = /of (\d+) cases/.exec(status);
  return match ? Number(match[1]) : 0;
};

/** The register's body rows (the data rows, not the header). */
export const registerRows = (page: Page) => page.getByRole('table', { name: 'Cases' }).locator('tbody tr');
