import type { Browser, Locator, Page } from 'playwright-core';
import type { MeetingSummary, MeetingView } from '../../src/contract';
import { describeViolations, settled } from './support/axe';
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
let chair: PersonaItem;
let richCaseId: string;
let summaryCaseId: string;
let planned: MeetingView;
let held: MeetingSummary;

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
  // The demo's next panel (its page, its side panel as its chair sees it, its stage) and a panel already held.
  const meetings = await apiAs<MeetingSummary[]>(server, coordinator.email, '/api/meetings');
  const next = meetings.find((m) => m.status === 'planned' || m.status === 'agenda_published');
  const past = meetings.find((m) => m.status === 'held' || m.status === 'minutes_issued');
  if (!next || !past) throw new Error('The demo seed needs a planned and a held meeting');
  // Published, so its side panel shows the chair's controls (Start the meeting) as on the day.
  if (next.status === 'planned') {
    const response = await fetch(`${server.url}/api/meetings/${next.id}/publication`, {
      method: 'POST',
      headers: { Authorization: `Dev ${coordinator.email}`, 'Content-Type': 'application/json', Accept: 'application/json' },
      body: JSON.stringify({ expectedVersion: next.version }),
    });
    if (!response.ok) throw new Error(`Publishing the demo meeting's agenda: ${response.status} ${await response.text()}`);
  }
  planned = await apiAs<MeetingView>(server, coordinator.email, `/api/meetings/${next.id}`);
  held = past;
  chair = all.find((p) => p.name === planned.chairName)!;
  if (!chair) throw new Error(`The planned meeting's chair (${planned.chairName}) is not a demo persona`);
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

/** A page of the tab, who looks at it, what shows it has loaded, and its one main action. */
interface PageCheck {
  name: string;
  as: 'coordinator' | 'partner' | 'chair';
  hash: () => string;
  /** A function: the exact text, known once the data is (a meeting's title). */
  heading: string | RegExp | (() => string);
  loaded?: (page: Page) => Locator;
  /** What to press first, for what a page shows only when asked (the case's audit trail). */
  open?: (page: Page) => Promise<void>;
  main?: (page: Page) => Locator;
}

// A page added later (import) adds a line here.
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
  {
    name: 'meetings', as: 'coordinator', hash: () => '#/meetings', heading: 'Meetings', loaded: (p) => p.getByLabel('Panels held'),
    main: (p) => p.getByLabel('Panels coming up').getByRole('link', { name: planned.title, exact: true }).first(),
  },
  {
    name: 'meeting page (agenda)', as: 'coordinator', hash: () => `#/meetings/${planned.id}`, heading: () => planned.title,
    loaded: (p) => p.getByRole('heading', { name: 'Agenda' }),
    main: (p) => p.getByRole('link', { name: 'Open the side panel' }),
  },
  { name: 'meeting page (held, minutes)', as: 'coordinator', hash: () => `#/meetings/${held.id}`, heading: () => held.title, loaded: (p) => p.getByRole('heading', { name: 'Minutes' }) },
  {
    name: 'case audit trail', as: 'coordinator', hash: () => `#/cases/${richCaseId}`, heading: /^Case /,
    open: async (p) => {
      await p.getByRole('button', { name: 'Show the audit trail' }).click();
      await p.getByRole('status').filter({ hasText: /audit events\./ }).waitFor();
    },
    loaded: (p) => p.getByLabel('Audit trail', { exact: true }),
    main: (p) => p.getByRole('button', { name: 'Reload the audit trail' }),
  },
  {
    name: 'reports', as: 'coordinator', hash: () => '#/reports', heading: 'Reports',
    loaded: (p) => p.getByRole('status').filter({ hasText: /^Indicators for/ }),
    main: (p) => p.getByRole('button', { name: 'Download workbook (Excel)' }),
  },
  { name: 'admin', as: 'coordinator', hash: () => '#/admin', heading: 'Admin', loaded: (p) => p.getByRole('heading', { name: 'Members' }), main: (p) => p.getByRole('button', { name: 'Add member' }) },
  {
    name: 'learning reviews', as: 'coordinator', hash: () => '#/learning', heading: 'Learning reviews',
    loaded: (p) => p.getByRole('status').filter({ hasText: /learning review/ }), main: (p) => p.getByRole('button', { name: 'Add a learning review' }),
  },
  {
    name: 'board plan', as: 'coordinator', hash: () => '#/plan', heading: 'Board plan',
    loaded: (p) => p.getByRole('status').filter({ hasText: /^Plan year/ }), main: (p) => p.getByRole('button', { name: 'Add an objective' }),
  },
  { name: 'import', as: 'coordinator', hash: () => '#/import', heading: 'Import a log', main: (p) => p.getByLabel('Excel or CSV file') },
  {
    name: 'meeting side panel (chair)', as: 'chair', hash: () => `#/meetings/${planned.id}/panel`, heading: () => planned.title,
    loaded: (p) => p.getByRole('heading', { name: 'Attendance' }),
    main: (p) => p.getByRole('group', { name: "Chair's controls" }).getByRole('button', { name: 'Start the meeting' }),
  },
  { name: 'meeting stage', as: 'chair', hash: () => `#/meetings/${planned.id}/stage`, heading: () => planned.title, loaded: (p) => p.getByRole('heading', { level: 2 }) },
  { name: 'meeting side panel (partner)', as: 'partner', hash: () => `#/meetings/${planned.id}/panel`, heading: () => planned.title, loaded: (p) => p.getByRole('heading', { name: 'Running order' }) },
  { name: 'partner home', as: 'partner', hash: () => '#/', heading: 'Home', loaded: (p) => p.getByRole('heading', { name: 'My actions' }), main: (p) => p.getByRole('button', { name: /^Add progress: / }).first() },
  { name: 'case summary ("known to us")', as: 'partner', hash: () => `#/cases/${summaryCaseId}`, heading: /^Case /, loaded: (p) => p.getByText('Summary only', { exact: true }), main: (p) => p.getByRole('button', { name: 'Save answer' }) },
];

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
    for (const as of ['coordinator', 'partner', 'chair'] as const) {
      const { context, page, problems } = await openSignedIn(width, theme, { coordinator, partner, chair }[as]);
      for (const check of PAGES.filter((p) => p.as === as)) {
        await page.evaluate((h) => (window.location.hash = h), check.hash());
        const heading = typeof check.heading === 'function' ? { name: check.heading(), exact: true } : { name: check.heading };
        await page.getByRole('heading', { level: 1, ...heading }).waitFor();
        if (check.open) await check.open(page);
        if (check.loaded) await check.loaded(page).first().waitFor();
        // The pointer stays where an earlier page's click left it: a control that loads under it would be judged
        // mid-way through its hover transition. Park it in the corner so each page is judged at rest.
        await page.mouse.move(0, 0);
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
    // The dark theme loads when first asked for: the page says 'dark' once it is drawn in it.
    await page.waitForFunction(() => document.documentElement.dataset.theme === 'dark');
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

  test('the meetings and the case audit trail are stacked rows (title, state, details), not tables scrolling in a box', async () => {
    const { context, page, problems } = await openSignedIn(390, 'light', coordinator);
    await page.evaluate(() => (window.location.hash = '#/meetings'));
    const held = page.getByRole('list', { name: 'Panels held' });
    await held.waitFor();
    await expect(page.getByRole('table').count()).resolves.toBe(0);
    // Each row a card: the meeting's link and its status first, then when, chair and minutes as terms and values.
    const first = held.getByRole('listitem').first();
    await first.getByRole('link').first().waitFor();
    await expect(first.getByRole('term').allTextContents()).resolves.toEqual(['When', 'Chair', 'Minutes']);

    await page.evaluate((h) => (window.location.hash = h), `#/cases/${richCaseId}`);
    await page.getByRole('button', { name: 'Show the audit trail' }).click();
    const trail = page.getByRole('list', { name: 'Audit trail' });
    await trail.waitFor();
    await expect(page.getByRole('table', { name: 'Audit trail' }).count()).resolves.toBe(0);
    await expect(page.getByRole('region', { name: /Audit events/ }).count()).resolves.toBe(0);
    await expect(trail.getByRole('listitem').first().getByRole('term').allTextContents()).resolves.toEqual(['When', 'Who', 'Change', 'Reason']);
    expect(problems).toEqual([]);
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
