import type { Browser, Page } from 'playwright-core';
import { seedBoardWork } from '../../src/demo/seedBoardWork';
import { axeClean } from './support/axe';
import { launchBrowser } from './support/browser';
import { openAs } from './support/tabPage';
import { type TabServer, startTabServer } from './support/tabServer';

// Learning reviews and the board plan in a real browser: the coordinator creates a review, a recommendation and actions
// for two agencies (police and the mental health trust) by keyboard-reachable dialogs; the review shows each
// organisation's actions; the board plan shows priorities, objectives and RAG; axe finds nothing serious in the light,
// dark and high-contrast themes; at 320 px nothing scrolls sideways.
jest.setTimeout(240_000);

const COORDINATOR = 'morgan.fairweather@riskpanel.example';
let server: TabServer;
let browser: Browser;

beforeAll(async () => {
  server = await startTabServer();
  await seedBoardWork(server.store, new Date());
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
  await server?.close();
});

async function addAction(page: Page, ownerId: string, what: string) {
  await page.getByRole('button', { name: 'Add an action' }).click();
  const dialog = page.getByRole('dialog');
  await dialog.getByLabel('What will be done').fill(what);
  await dialog.getByLabel('How we will know it is done').fill('Invented: report to the board.');
  await dialog.getByLabel('Owner').selectOption(ownerId);
  await dialog.getByRole('button', { name: 'Add the action' }).click();
  await dialog.waitFor({ state: 'detached' });
}

describe.each(['light', 'dark', 'contrast'])('learning reviews and the board plan in the %s theme', (theme) => {
  test('the coordinator creates a review with actions for two agencies; axe finds nothing serious', async () => {
    const { page, context, problems } = await openAs(browser, server, COORDINATOR, '#/learning', { theme, forAxe: true });
    await page.getByRole('heading', { level: 1, name: 'Learning reviews' }).waitFor();
    await page.getByRole('table', { name: 'Learning reviews' }).waitFor();
    await axeClean(page);

    await page.getByRole('button', { name: 'Add a learning review' }).click();
    await page.getByRole('dialog').getByLabel('Title').fill(`Invented ${theme} review of missed contacts`);
    // Keyboard: Enter in the form submits it.
    await page.getByRole('dialog').getByLabel('Title').press('Enter');
    await page.getByRole('heading', { level: 1, name: /^SAR \d{4}-\d{2}: Invented/ }).waitFor();

    await page.getByRole('button', { name: 'Add a recommendation' }).click();
    await page.getByRole('dialog').getByLabel('Recommendation').fill('Invented: agencies share information on missed contacts.');
    await page.getByRole('dialog').getByRole('button', { name: 'Add the recommendation' }).click();
    await page.getByRole('heading', { level: 2, name: 'Recommendation 1' }).waitFor();

    await addAction(page, 'mem-police', 'Invented: police flag missed contacts to ASC.');
    await addAction(page, 'mem-elft', 'Invented: ELFT flag missed appointments to ASC.');
    await page.getByRole('heading', { level: 3, name: /Bedfordshire Police/ }).waitFor();
    await page.getByRole('heading', { level: 3, name: /East London Foundation Trust/ }).waitFor();
    await expect(page.getByText('Invented: police flag missed contacts to ASC.').count()).resolves.toBeGreaterThanOrEqual(1);
    await axeClean(page);

    await page.goto(`${server.url}/#/plan`);
    await page.getByRole('heading', { level: 1, name: 'Board plan' }).waitFor();
    await page.getByRole('heading', { level: 2, name: /^SAB1: / }).waitFor();
    await expect(page.getByText('Amber').count()).resolves.toBeGreaterThanOrEqual(1);
    await axeClean(page);
    expect(problems).toEqual([]);
    await context.close();
  });
});

test('at 320 px the review and the plan fit without sideways scrolling', async () => {
  const { page, context, problems } = await openAs(browser, server, COORDINATOR, '#/learning/demo-review-1');
  await page.setViewportSize({ width: 320, height: 800 });
  await page.getByRole('heading', { level: 2, name: 'Recommendation 3' }).waitFor();
  await expect(page.evaluate(() => document.documentElement.scrollWidth)).resolves.toBeLessThanOrEqual(320);
  await page.goto(`${server.url}/#/plan`);
  await page.getByRole('heading', { level: 2, name: /^SAB2: / }).waitFor();
  await expect(page.evaluate(() => document.documentElement.scrollWidth)).resolves.toBeLessThanOrEqual(320);
  expect(problems).toEqual([]);
  await context.close();
});
