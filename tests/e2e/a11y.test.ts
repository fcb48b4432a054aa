import type { Browser, Page } from 'playwright-core';
import { describeViolations, seriousViolations, settled } from './support/axe';
import { launchBrowser } from './support/browser';
import { openTab, signInAs } from './support/tabPage';
import { type PersonaItem, type TabServer, apiAs, personas, startTabServer } from './support/tabServer';

// axe-core over every page of the tab, in each theme, including the states people meet: forms with errors, open
// dialogs, editors. Serious and critical violations fail (WCAG 2.2 AA and best practice).
jest.setTimeout(120_000);

interface RegisterPage { items: { id: string; ref: string; status: string }[] }
interface CaseDetail { case: { id: string; ref: string }; actions?: { status: string }[]; riskAssessments?: unknown[]; chronology?: unknown[] }

let server: TabServer;
let browser: Browser;
let coordinator: PersonaItem;
let partner: PersonaItem;
let richCase: CaseDetail;
let summaryCaseId: string;

beforeAll(async () => {
  server = await startTabServer();
  browser = await launchBrowser();
  const all = await personas(server);
  coordinator = all.find((p) => p.roles.includes('coordinator'))!;
  partner = all.find((p) => p.name === 'Jamie Emberley') ?? all.find((p) => p.roles.includes('partner'))!;
  const open = await apiAs<RegisterPage>(server, coordinator.email, '/api/cases?status=escalated&pageSize=200');
  for (const item of open.items) {
    const detail = await apiAs<CaseDetail>(server, coordinator.email, `/api/cases/${item.id}`);
    if ((detail.riskAssessments?.length ?? 0) > 1 && detail.actions?.some((a) => a.status !== 'completed')) {
      richCase = detail;
      break;
    }
  }
  if (!richCase) throw new Error('The demo seed has no escalated case with two risk assessments and an open action');
  const seen = await apiAs<RegisterPage & { items: { id: string; access: string }[] }>(server, partner.email, '/api/cases?pageSize=200');
  const summary = seen.items.find((i) => (i as { access?: string }).access === 'summary');
  if (!summary) throw new Error(`The demo seed has no referral ${partner.name} sees only in summary`);
  summaryCaseId = summary.id;
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

/** Moves within the tab without reloading it (as a link would). */
async function go(page: Page, hash: string, heading: string | RegExp) {
  await page.evaluate((h) => (window.location.hash = h), hash);
  await page.getByRole('heading', { level: 1, name: heading }).waitFor();
}

describe.each(['light', 'dark', 'contrast'])('accessibility in the %s theme', (theme) => {
  test('axe finds no serious or critical violations on any page, form state or dialog', async () => {
    const { page, context, problems } = await openTab(browser, server, { theme, forAxe: true });
    const report: string[] = [];
    const check = async (where: string) => {
      // Colours are only final once transitions (dialogs, message bars) have run.
      await settled(page);
      const violations = await seriousViolations(page);
      if (violations.length) report.push(`${where}:\n${describeViolations(violations)}`);
    };

    await page.getByRole('heading', { level: 1, name: 'Choose a demo persona' }).waitFor();
    await expect(page.evaluate(() => document.documentElement.dataset.theme)).resolves.toBe(theme);
    await check('persona picker');

    await signInAs(page, coordinator.name);
    await page.getByRole('heading', { name: 'My actions' }).waitFor();
    await check('home');

    await go(page, '#/register', 'Case register');
    await page.getByRole('status').filter({ hasText: /Showing/ }).waitFor();
    // Hovered rows once dropped link contrast: check with the pointer over a row.
    await page.getByRole('table', { name: 'Cases' }).locator('tbody tr[data-index]').first().hover();
    await check('register');

    await go(page, `#/cases/${richCase.case.id}`, `Case ${richCase.case.ref}`);
    await page.getByRole('heading', { name: 'Risk assessment' }).waitFor();
    await check('case page');
    await page.getByRole('button', { name: 'Edit the plan' }).click();
    await page.getByRole('button', { name: 'Record a new version' }).click();
    await page.getByRole('button', { name: 'Show the audit trail' }).click();
    await page.getByRole('table', { name: 'Audit trail' }).waitFor();
    await check('case page with the plan editor, a new risk assessment and the audit trail');
    await page.getByRole('button', { name: /^Add progress: / }).first().click();
    await page.getByRole('dialog').waitFor();
    await check('add progress dialog');
    await page.getByRole('dialog').getByRole('button', { name: 'Cancel' }).click();

    await go(page, '#/refer', 'Refer an adult');
    await page.getByRole('button', { name: 'Next' }).click();
    await page.getByRole('alert').filter({ hasText: 'There is a problem' }).waitFor();
    await check('referral form with an error');
    await page.getByRole('button', { name: /^4\. Capacity and consent/ }).click();
    await page.getByRole('radio', { name: 'Consent refused' }).check();
    await page.getByRole('button', { name: 'Next' }).click();
    await page.getByRole('alert').filter({ hasText: 'There is a problem' }).waitFor();
    await check('referral form, consent step with the consent rule');
    await page.getByRole('button', { name: /^6\. Review and submit/ }).click();
    await check('referral form, review step');

    await go(page, '#/screening', 'Screening queue');
    await page.getByRole('list', { name: 'Referrals waiting' }).waitFor();
    await check('screening queue');
    await page.getByRole('button', { name: /^Record decision on / }).first().click();
    await page.getByRole('radio', { name: 'Accept: open a case' }).check();
    await page.getByRole('dialog').getByRole('button', { name: 'Record decision' }).click();
    await page.getByRole('dialog').getByText('Every decision needs its rationale.').waitFor();
    await check('screening decision dialog with errors');
    await page.getByRole('dialog').getByRole('button', { name: 'Cancel' }).click();

    await go(page, '#/actions?scope=overdue', 'Actions');
    await page.getByRole('status').filter({ hasText: /action/ }).waitFor();
    await check('actions, overdue');

    await go(page, '#/meetings', 'Meetings');
    await page.getByRole('table', { name: 'Panels held' }).waitFor();
    await check('meetings');

    // A partner's own view: the summary of a referral they are asked about.
    await go(page, '#/', 'Home');
    await page.getByRole('button', { name: 'Switch persona' }).click();
    await signInAs(page, partner.name);
    await check(`home as ${partner.name}`);
    await go(page, `#/cases/${summaryCaseId}`, /^Case /);
    await page.getByText('Summary only', { exact: true }).waitFor();
    await check('case summary');

    expect(report.join('\n\n')).toBe('');
    expect(problems).toEqual([]);
    await context.close();
  });
});
