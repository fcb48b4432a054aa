import type { Browser, Locator, Page } from 'playwright-core';
import { describeViolations } from './support/axe';
import { launchBrowser } from './support/browser';
import { type PersonaItem, type TabServer, apiAs, personas, startTabServer } from './support/tabServer';
import { THEMES, WIDTHS, axeProblems, reachableWithoutSidewaysScroll, sidewaysOverflow, viewportFor } from './responsiveChecks';

// Every page at 320 px (the meeting side panel), 390 px (a phone) and 1280 px, in each theme: the page never
// scrolls sideways, its main action is reachable without doing so, axe finds nothing serious, and every target is
// at least 24 × 24 px or spaced as WCAG 2.5.8 allows. One server and one browser for all of it.
jest.setTimeout(240_000);

interface RegisterPage { items: { id: string; ref: string; access?: string }[] }
interface CaseDetail { case: { id: string; ref: string }; actions?: { status: string }[]; riskAssessments?: unknown[] }

let server: TabServer;
let browser: Browser;
let coordinator: PersonaItem;
let partner: PersonaItem;
let richCaseId: string;
let summaryCaseId: string;

beforeAll(async () => {
  server = await startTabServer();
  browser = await launchBrowser();
  const all = await personas(server);
  coordinator = all.find((p) => p.roles.includes('coordinator'))!;
  const open = await apiAs<RegisterPage>(server, coordinator.email, '/api/cases?status=escalated&pageSize=200');
  for (const item of open.items) {
    const detail = await apiAs<CaseDetail>(server, coordinator.email, `/api/cases/${item.id}`);
    if ((detail.riskAssessments?.length ?? 0) > 0 && detail.actions?.some((a) => a.status !== 'completed')) {
      richCaseId = detail.case.id;
      break;
    }
  }
  if (!richCaseId) throw new Error('The demo seed has no escalated case with a risk assessment and an open action');
  // The police partner of the issue, or another partner asked about a referral they see only in summary.
  for (const name of ['Alex Brightwater', 'Jamie Emberley']) {
    const who = all.find((p) => p.name === name);
    if (!who) continue;
    const seen = await apiAs<RegisterPage>(server, who.email, '/api/cases?pageSize=200');
    const summary = seen.items.find((i) => i.access === 'summary');
    if (summary) {
      partner = who;
      summaryCaseId = summary.id;
      break;
    }
  }
  if (!partner) throw new Error('The demo seed has no referral a partner sees only in summary');
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

/** A page of the tab, who looks at it, what shows it has loaded, and its one main action. */
interface PageCheck {
  name: string;
  as: 'coordinator' | 'partner';
  hash: () => string;
  heading: string | RegExp;
  loaded?: (page: Page) => Locator;
  main?: (page: Page) => Locator;
}

// Pages added later (meeting side panel, admin, reports) add a line here.
const PAGES: PageCheck[] = [
  { name: 'home', as: 'coordinator', hash: () => '#/', heading: 'Home', loaded: (p) => p.getByRole('heading', { name: 'My actions' }), main: (p) => p.getByRole('main').getByRole('link', { name: 'Refer an adult' }) },
  {
    name: 'register', as: 'coordinator', hash: () => '#/register', heading: 'Case register',
    loaded: (p) => p.getByRole('status').filter({ hasText: /Showing/ }),
    main: (p) => p.getByRole('table', { name: 'Cases' }).locator('tbody tr[data-index]').first().getByRole('link'),
  },
  { name: 'case', as: 'coordinator', hash: () => `#/cases/${richCaseId}`, heading: /^Case /, loaded: (p) => p.getByRole('heading', { name: 'Risk assessment' }), main: (p) => p.getByRole('button', { name: 'Edit the plan' }) },
  { name: 'referral form', as: 'coordinator', hash: () => '#/refer', heading: 'Refer an adult', main: (p) => p.getByRole('button', { name: 'Next' }) },
  { name: 'screening queue', as: 'coordinator', hash: () => '#/screening', heading: 'Screening queue', loaded: (p) => p.getByRole('list', { name: 'Referrals waiting' }), main: (p) => p.getByRole('button', { name: /^Record decision on / }).first() },
  {
    name: 'overdue actions', as: 'coordinator', hash: () => '#/actions?scope=overdue', heading: 'Actions',
    loaded: (p) => p.getByRole('status').filter({ hasText: /action/ }),
    main: (p) => p.getByRole('tabpanel').getByRole('link', { name: /-\d{4}-\d+$/ }).first(),
  },
  { name: 'meetings', as: 'coordinator', hash: () => '#/meetings', heading: 'Meetings', loaded: (p) => p.getByRole('heading', { name: 'Held' }) },
  { name: 'partner home', as: 'partner', hash: () => '#/', heading: 'Home', loaded: (p) => p.getByRole('heading', { name: 'My actions' }), main: (p) => p.getByRole('button', { name: /^Add progress: / }).first() },
  { name: 'case summary ("known to us")', as: 'partner', hash: () => `#/cases/${summaryCaseId}`, heading: /^Case /, loaded: (p) => p.getByText('Summary only', { exact: true }), main: (p) => p.getByRole('button', { name: 'Save answer' }) },
];

/** Fluent's dialogs and message bars animate in: colours and sizes are final once their animations have run. */
async function settled(page: Page) {
  await page.waitForFunction(() => document.getAnimations().every((a) => a.playState !== 'running' || a.effect?.getComputedTiming().iterations === Infinity));
}

async function openSignedIn(width: number, theme: string, who: PersonaItem) {
  const context = await browser.newContext({ viewport: viewportFor(width), locale: 'en-GB', timezoneId: 'Europe/London', bypassCSP: true, hasTouch: width < 1280 });
  await context.addInitScript((email) => window.localStorage.setItem('riskpanel.persona', email), who.email);
  const page = await context.newPage();
  const problems: string[] = [];
  page.on('pageerror', (error) => problems.push(`page error: ${error.message}`));
  await page.goto(`${server.url}/?theme=${theme}#/`);
  await page.getByRole('heading', { level: 1, name: 'Home' }).waitFor();
  return { context, page, problems };
}

describe.each(WIDTHS.flatMap((width) => THEMES.map((theme) => [width, theme] as const)))('at %i px in the %s theme', (width, theme) => {
  test('every page: no sideways scrolling, main action in reach, no serious axe violations, targets at least 24 px', async () => {
    const report: string[] = [];
    for (const as of ['coordinator', 'partner'] as const) {
      const { context, page, problems } = await openSignedIn(width, theme, as === 'coordinator' ? coordinator : partner);
      for (const check of PAGES.filter((p) => p.as === as)) {
        await page.evaluate((h) => (window.location.hash = h), check.hash());
        await page.getByRole('heading', { level: 1, name: check.heading }).waitFor();
        if (check.loaded) await check.loaded(page).first().waitFor();
        await settled(page);
        const where = `${check.name} at ${width} px, ${theme}`;
        const { overflow, culprits } = await sidewaysOverflow(page);
        if (overflow > 0) report.push(`${where}: the page scrolls sideways by ${overflow} px (${culprits.join('; ')})`);
        if (check.main) {
          const problem = await reachableWithoutSidewaysScroll(check.main(page));
          if (problem) report.push(`${where}: the main action is out of reach: ${problem}`);
        }
        const violations = await axeProblems(page);
        if (violations.length) report.push(`${where}:\n${describeViolations(violations)}`);
      }
      report.push(...problems);
      await context.close();
    }
    expect(report.join('\n\n')).toBe('');
  });
});

describe('on a phone (390 px)', () => {
  test('the navigation and the local-mode controls are one menu each, and work', async () => {
    const { context, page, problems } = await openSignedIn(390, 'light', coordinator);
    const nav = page.getByRole('navigation', { name: 'Main' });
    // No row of links: one button, and the banner is one line.
    await expect(nav.getByRole('link').count()).resolves.toBe(0);
    const banner = await page.getByRole('banner').boundingBox();
    expect(banner!.height).toBeLessThanOrEqual(64);
    await nav.getByRole('button', { name: 'Menu' }).click();
    await expect(page.getByRole('menuitem', { name: 'Home' }).getAttribute('aria-current')).resolves.toBe('page');
    await page.getByRole('menuitem', { name: 'Register' }).click();
    await page.getByRole('heading', { level: 1, name: 'Case register' }).waitFor();

    // Persona and theme: no select or "Switch persona" button in the banner, both in the one menu.
    await expect(page.getByRole('banner').getByRole('combobox').count()).resolves.toBe(0);
    await page.getByRole('button', { name: 'Persona and theme' }).click();
    await page.getByRole('menuitemradio', { name: 'Dark' }).click();
    await expect(page.evaluate(() => document.documentElement.dataset.theme)).resolves.toBe('dark');
    await page.getByRole('button', { name: 'Persona and theme' }).click();
    await page.getByRole('menuitem', { name: 'Switch persona' }).click();
    await page.getByRole('heading', { level: 1, name: 'Choose a demo persona' }).waitFor();
    expect(problems).toEqual([]);
    await context.close();
  });

  test('the register folds its filters behind a button that counts them, and shows cases as two columns', async () => {
    const { context, page } = await openSignedIn(390, 'light', coordinator);
    await page.evaluate(() => (window.location.hash = '#/register'));
    await page.getByRole('status').filter({ hasText: /Showing/ }).waitFor();
    // The search stays; the other filters wait behind the button.
    await page.getByRole('searchbox').waitFor();
    await expect(page.getByRole('combobox', { name: 'Status' }).count()).resolves.toBe(0);
    const toggle = page.getByRole('button', { name: 'Filters', exact: true });
    await expect(toggle.getAttribute('aria-expanded')).resolves.toBe('false');
    await toggle.click();
    await page.getByRole('combobox', { name: 'Status' }).selectOption({ label: 'Open' });
    await page.getByRole('combobox', { name: 'Risk level' }).selectOption({ label: 'High' });
    await page.getByRole('button', { name: 'Filters (2 set)' }).waitFor();
    const headers = await page.getByRole('table', { name: 'Cases' }).getByRole('columnheader').allTextContents();
    expect(headers.map((h) => h.trim())).toEqual(['Case', 'Status']);
    await context.close();
  });

  test('a dialog is a full-screen sheet', async () => {
    const { context, page } = await openSignedIn(390, 'dark', partner);
    await page.getByRole('button', { name: /^Add progress: / }).first().click();
    const dialog = page.getByRole('dialog');
    await dialog.waitFor();
    await settled(page);
    const box = await dialog.boundingBox();
    expect(box).toMatchObject({ x: 0, y: 0, width: 390, height: 844 });
    await dialog.getByRole('textbox', { name: 'Progress note' }).waitFor();
    await dialog.getByRole('button', { name: 'Cancel' }).click();
    await context.close();
  });
});
