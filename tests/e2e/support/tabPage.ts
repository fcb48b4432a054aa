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
  options: { theme?: string; hash?: string; forAxe?: boolean; persona?: string } = {},
): Promise<OpenedTab> {
  const context = await browser.newContext({
    viewport: { width: 1280, height: 900 },
    locale: 'en-GB',
    timezoneId: 'Europe/London',
    bypassCSP: options.forAxe ?? false,
  });
  // Signed in already: the persona the picker would have saved (local mode only).
  if (options.persona) await context.addInitScript((email) => window.localStorage.setItem('riskpanel.persona', email), options.persona);
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

/** Chooses a persona on the local sign-in picker and waits for the home page. */
export async function signInAs(page: Page, name: string): Promise<void> {
  await page.getByRole('heading', { level: 1, name: 'Choose a demo persona' }).waitFor();
  await page.getByRole('button', { name: `Continue as ${name}` }).click();
  await page.getByRole('heading', { level: 1, name: 'Home' }).waitFor();
}

/** Goes to a page through the main navigation and waits for its heading. */
export async function navigateTo(page: Page, link: string, heading: string | RegExp): Promise<void> {
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: link, exact: true }).click();
  await page.getByRole('heading', { level: 1, name: heading }).waitFor();
}

/** Signs in and opens the register from the navigation. */
export async function openRegisterAs(page: Page, name: string): Promise<void> {
  await signInAs(page, name);
  await navigateTo(page, 'Register', 'Case register');
}

/**
 * A fresh browser profile already signed in as a persona (the picker's choice saved as the tab saves it), on a
 * page of the tab: for tests about one page rather than about signing in.
 */
export async function openAs(browser: Browser, server: TabServer, email: string, hash: string, options: { theme?: string; forAxe?: boolean } = {}): Promise<OpenedTab> {
  return openTab(browser, server, { ...options, hash, persona: email });
}

/** The register's live status line ("Showing 31 of 31 cases."), once every page of cases has loaded. */
export async function registerStatus(page: Page): Promise<string> {
  const status = page.getByRole('status').filter({ hasText: /Showing|No cases/ });
  await status.waitFor();
  return (await status.textContent()) ?? '';
}

export const totalOf = (status: string): number => {
  const match = /of ([\d,]+) cases?/.exec(status);
  return match ? Number(match[1]!.replace(/,/g, '')) : 0;
};

/** The register's rendered data rows (not the header, nor the spacers that stand in for rows scrolled away). */
export const registerRows = (page: Page) => page.getByRole('table', { name: 'Cases' }).locator('tbody tr[data-index]');
