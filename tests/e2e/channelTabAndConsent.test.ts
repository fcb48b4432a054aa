import type { Browser } from 'playwright-core';
import { describeViolations, seriousViolations } from './support/axe';
import { launchBrowser } from './support/browser';
import { openTab } from './support/tabPage';
import { type TabServer, assertTabBuilt, startTabServer } from './support/tabServer';

// The built tab under the real server's CSP: the channel tab's configuration page opens without sign-in, and the
// consent popup's start page (a same-origin script, no inline one) sends the user on to Entra ID's consent prompt.
jest.setTimeout(60_000);

let server: TabServer;
let browser: Browser;

beforeAll(async () => {
  assertTabBuilt();
  server = await startTabServer();
  browser = await launchBrowser();
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

test('#/config opens without sign-in, explains itself outside Teams and has no serious accessibility problems', async () => {
  const { page, context, problems } = await openTab(browser, server, { hash: '#/config', forAxe: true });
  await page.getByRole('heading', { level: 1, name: 'Add RiskPanel to this channel' }).waitFor();
  await expect(page.getByRole('main').textContent()).resolves.toMatch(/used by Microsoft Teams when RiskPanel is added to a channel/);
  await expect(page.getByRole('link', { name: 'case register' }).getAttribute('href')).resolves.toBe('#/register');
  await expect(page.getByRole('button', { name: /Continue as/ }).count()).resolves.toBe(0);
  const violations = await seriousViolations(page);
  expect(describeViolations(violations)).toBe('');
  expect(problems).toEqual([]);
  await context.close();
});

test('auth-start.html sends the popup to the consent prompt for the API scope, and refuses a malformed client id', async () => {
  const context = await browser.newContext();
  const page = await context.newPage();
  const problems: string[] = [];
  page.on('pageerror', (error) => problems.push(error.message));
  page.on('console', (message) => message.type() === 'error' && problems.push(message.text()));
  const asked: string[] = [];
  await page.route('https://login.microsoftonline.com/**', (route) => {
    asked.push(route.request().url());
    return route.fulfill({ status: 200, contentType: 'text/html', body: '<title>stub</title>' });
  });
  const clientId = '00000000-0000-4000-8000-00000000abcd';
  await page.goto(`${server.url}/auth-start.html?clientId=${clientId}&tenant=tenant-invented&loginHint=alex%40invented.example`);
  await page.waitForURL(/login\.microsoftonline\.com/);
  const authorize = new URL(asked[0]!);
  const origin = new URL(server.url).origin;
  expect(authorize.pathname).toBe('/tenant-invented/oauth2/v2.0/authorize');
  expect(Object.fromEntries(authorize.searchParams)).toMatchObject({
    client_id: clientId,
    prompt: 'consent',
    scope: `api://${new URL(server.url).host}/${clientId}/access_as_user`,
    redirect_uri: `${origin}/auth-end.html`,
    login_hint: 'alex@invented.example',
  });

  await page.goto(`${server.url}/auth-start.html?clientId=not-a-guid`);
  await page.getByText(/not fully set up/).waitFor();
  expect(asked).toHaveLength(1);
  expect(problems).toEqual([]);
  await context.close();
});
