import fs from 'node:fs';
import type { Browser, Locator, Page, Route } from 'playwright-core';
import readXlsxFile from 'read-excel-file/node';
import type { AuditSearch, IndicatorsView, Me } from '../../src/contract';
import { describeViolations, seriousViolations, settled } from './support/axe';
import { launchBrowser } from './support/browser';
import { openAs } from './support/tabPage';
import { apiAs, type PersonaItem, type TabServer, personas, startTabServer } from './support/tabServer';

// The board member's Reports page in a real browser, as the issue checks it: every chart stands beside the table of
// its figures and shows the same figures; axe finds nothing serious in the light, dark and high-contrast themes;
// changing the period changes the figures; the workbook and a CSV download with a reason, show progress while they
// are prepared, open with the page's figures (formula-like text neutralised), and are in the audit trail.
jest.setTimeout(240_000);

let server: TabServer;
let browser: Browser;
let boardMember: PersonaItem;
let coordinator: PersonaItem;
/** An agency renamed so its name starts with @: spreadsheets would run it as a formula unless neutralised. */
const FORMULA_NAME = '@NOAH (invented formula-like name)';

beforeAll(async () => {
  server = await startTabServer();
  browser = await launchBrowser();
  const all = await personas(server);
  boardMember = all.find((p) => p.roles.length === 1 && p.roles[0] === 'viewer')!;
  coordinator = all.find((p) => p.roles.includes('coordinator'))!;
  if (!boardMember || !coordinator) throw new Error('The demo has no board member (viewer) or coordinator persona');
  await server.store.transaction(async (tx) => {
    const noah = (await tx.find('agencies')).find((a) => a.id === 'ag-noah');
    if (!noah) throw new Error('The demo has no NOAH agency');
    await tx.update('agencies', { ...noah, name: FORMULA_NAME });
  });
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

/** The status line that says which period the figures are for, once they have loaded. */
const indicatorsStatus = (page: Page) => page.getByRole('status').filter({ hasText: /^Indicators for / });

/** A chart and its table: the named group the page puts them in. */
const pairOf = (page: Page, title: string) => page.getByRole('group', { name: `${title}: chart and table` });

/** The chart's bars as screen readers hear them (Fluent labels each bar "x. legend, value."). */
async function barLabels(pair: Locator): Promise<string[]> {
  await pair.locator('svg[role="region"]').waitFor();
  return pair.locator('svg [role="option"]').evaluateAll((bars) => bars.map((b) => b.getAttribute('aria-label') ?? ''));
}

/** The table's body as text, row by row (the row heading first). */
const tableRows = (table: Locator): Promise<string[][]> =>
  table.locator('tbody tr').evaluateAll((rows) => rows.map((r) => [...r.children].map((c) => c.textContent?.trim() ?? '')));

/** A simple bar chart's bars as label → value ("2026-10. 2026-10, 9." → 2026-10: 9). */
async function simpleBars(pair: Locator): Promise<Map<string, number>> {
  const bars = new Map<string, number>();
  for (const label of await barLabels(pair)) {
    const match = /^(.+)\. \1, (\d+)\.$/.exec(label);
    if (!match) throw new Error(`Unexpected bar label: ${label}`);
    bars.set(match[1]!, Number(match[2]));
  }
  return bars;
}

/** The chart shows what its table says: every bar is a row of the table, every non-zero row a bar. */
async function expectChartMatchesTable(page: Page, title: string): Promise<[string, number][]> {
  const pair = pairOf(page, title);
  const rows = (await tableRows(pair.getByRole('table', { name: title }))).filter((r) => r.length === 2).map(([k, v]) => [k!, Number(v)] as [string, number]);
  const bars = await simpleBars(pair);
  expect([...bars].filter(([, v]) => v > 0)).toEqual(rows.filter(([, v]) => v > 0));
  for (const [label, value] of bars) expect(rows).toContainEqual([label, value]);
  return rows;
}

/** Risk at acceptance against closure: the grouped bars ("High. At closure: Low, 1.") against the table's cells. */
async function expectRiskChartMatchesTable(page: Page) {
  const title = 'Risk level at acceptance (rows) against closure (columns)';
  const pair = pairOf(page, title);
  const table = pair.getByRole('table', { name: title });
  const columns = await table.locator('thead th').allTextContents();
  const rows = new Map((await tableRows(table)).filter((r) => r.length === columns.length).map((r) => [r[0]!, r.slice(1).map(Number)]));
  const labels = await barLabels(pair);
  for (const label of labels) {
    const match = /^(.+?)\. (.+), (\d+)\.$/.exec(label);
    if (!match) throw new Error(`Unexpected bar label: ${label}`);
    const [, level, series, value] = match;
    const cells = rows.get(level!);
    expect(cells).toBeDefined();
    // "At acceptance" is the row's total; "At closure: X" is the cell under that column.
    expect(Number(value)).toBe(series === 'At acceptance' ? cells!.reduce((a, b) => a + b, 0) : cells![columns.indexOf(series!) - 1]);
  }
  const closed = [...rows.values()].flat().reduce((a, b) => a + b, 0);
  expect(labels.length > 0).toBe(closed > 0);
}

/** The table stands beside its chart at desktop width (side by side, overlapping vertically). */
async function expectBeside(page: Page, title: string) {
  const pair = pairOf(page, title);
  const chart = (await pair.locator('svg[role="region"]').boundingBox())!;
  const table = (await pair.getByRole('table', { name: title }).boundingBox())!;
  expect(table.x).toBeGreaterThanOrEqual(chart.x + chart.width - 1);
  expect(table.y).toBeLessThan(chart.y + chart.height);
}

const CHARTED = ['Referrals by month', 'Referrals by referring agency'];
const RISK_TABLE = 'Risk level at acceptance (rows) against closure (columns)';

describe.each(['light', 'dark', 'contrast'])('the Reports page in the %s theme', (theme) => {
  test('each chart stands beside its table with the same figures; a new period changes them; axe finds nothing serious', async () => {
    const { page, context, problems } = await openAs(browser, server, boardMember.email, '#/reports', { theme, forAxe: true });
    await page.getByRole('heading', { level: 1, name: 'Reports' }).waitFor();
    const quarterStatus = (await indicatorsStatus(page).textContent())!;
    expect(quarterStatus).toMatch(/^Indicators for Q\d \d{4}/);

    const byMonth = await expectChartMatchesTable(page, 'Referrals by month');
    expect(byMonth).toHaveLength(3);
    await expectChartMatchesTable(page, 'Referrals by referring agency');
    await expectRiskChartMatchesTable(page);
    for (const title of [...CHARTED, RISK_TABLE]) await expectBeside(page, title);
    // The demo has referrals this quarter, so the charts have bars to compare.
    expect(byMonth.reduce((sum, [, n]) => sum + n, 0)).toBeGreaterThan(0);

    await settled(page);
    expect(describeViolations(await seriousViolations(page))).toBe('');

    // This month instead of this quarter: one month's row, with the figure the quarter gave that month, in the
    // table and in the chart; the total is that month's.
    await page.getByRole('combobox', { name: 'Period' }).selectOption('month');
    const month = await page.getByRole('textbox', { name: 'Month' }).inputValue();
    await indicatorsStatus(page).filter({ hasNotText: quarterStatus }).waitFor();
    await pairOf(page, 'Referrals by month').getByRole('table').locator('tbody tr').nth(1).waitFor({ state: 'detached' });
    const monthRows = await expectChartMatchesTable(page, 'Referrals by month');
    expect(monthRows).toEqual([byMonth.find(([m]) => m === month)]);
    const totals = await tableRows(page.getByRole('table', { name: 'Referrals from outside the council' }));
    expect(Number(totals[0]![0])).toBe(monthRows[0]![1]);

    await settled(page);
    expect(describeViolations(await seriousViolations(page))).toBe('');
    expect(problems).toEqual([]);
    await context.close();
  });
});

/** Holds the page's export requests until released, so the test sees the progress the user sees while one runs. */
function holdExports(page: Page) {
  let release!: () => void;
  let requests = 0;
  const released = new Promise<void>((resolve) => { release = resolve; });
  void page.route('**/api/reports/exports', async (route: Route) => {
    requests += 1;
    await released;
    await route.continue();
  });
  return { release, requests: () => requests };
}

test('a board member exports the workbook and a CSV with a reason, sees progress, opens them, and the audit records both', async () => {
  const { page, context, problems } = await openAs(browser, server, boardMember.email, '#/reports');
  await page.getByRole('heading', { level: 1, name: 'Reports' }).waitFor();
  await indicatorsStatus(page).waitFor();
  const shownByMonth = await tableRows(page.getByRole('table', { name: 'Referrals by month' }));
  const held = holdExports(page);

  // No reason, no export: the field says why and takes the focus; nothing is sent.
  const reasonBox = page.getByRole('textbox', { name: /Reason for the export/ });
  await page.getByRole('button', { name: 'Download workbook (Excel)' }).click();
  await reasonBox.and(page.locator('[aria-invalid="true"]')).waitFor();
  await expect(page.getByText(/Say why you are exporting/).isVisible()).resolves.toBe(true);
  await expect(reasonBox.evaluate((el) => el === document.activeElement)).resolves.toBe(true);
  expect(held.requests()).toBe(0);

  const reason = 'Invented: quarterly board meeting papers';
  await reasonBox.fill(reason);
  const workbookDownload = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Download workbook (Excel)' }).click();
  // While the server prepares the file: a progress bar named for what is being prepared, and the button keeps focus.
  const progress = page.getByRole('progressbar', { name: 'Preparing the workbook…' });
  await progress.waitFor();
  await expect(page.getByRole('button', { name: 'Download workbook (Excel)' }).evaluate((el) => el === document.activeElement)).resolves.toBe(true);
  expect(held.requests()).toBe(1);
  held.release();
  const workbook = await workbookDownload;
  expect(workbook.suggestedFilename()).toMatch(/^riskpanel-indicators-\d{4}-\d{2}-\d{2}-to-\d{4}-\d{2}-\d{2}\.xlsx$/);
  await page.getByRole('status').filter({ hasText: `Downloaded ${workbook.suggestedFilename()}.` }).waitFor();
  await progress.waitFor({ state: 'detached' });

  // The workbook opened back: its sheets, its cover, and the figures the page showed.
  const sheets = await readXlsxFile(fs.readFileSync((await workbook.path())!));
  expect(sheets.map((s) => s.sheet)).toEqual(expect.arrayContaining(['About', 'Referrals', 'Screening', 'Repeat referrals', 'Open cases', 'Actions', 'Meetings', 'Closures', 'Escalations', 'Decision log', 'Open actions by agency']));
  const view = await apiAs<IndicatorsView>(server, boardMember.email, `/api/reports?period=${quarterOf(new Date())}`);
  const about = sheets.find((s) => s.sheet === 'About')!.data;
  expect(about.find((row) => row[0] === 'Period')?.[1]).toBe(view.period.label);
  const referrals = sheets.find((s) => s.sheet === 'Referrals')!.data;
  const start = referrals.findIndex((row) => row[0] === 'Referrals by month');
  expect(referrals[start + 1]!.slice(0, 2)).toEqual(['Month', 'Referrals']);
  expect(referrals.slice(start + 2, start + 2 + shownByMonth.length).map((row) => [row[0], String(row[1])])).toEqual(shownByMonth);
  // The formula-like agency name is text with an apostrophe in front, never a formula.
  const cells = sheets.flatMap((s) => s.data.flat()).filter((c): c is string => typeof c === 'string');
  expect(cells).toContain(`'${FORMULA_NAME}`);
  expect(cells.filter((c) => /^[=+\-@]/.test(c))).toEqual([]);

  // The CSV: the same tables, neutralised.
  const csvDownload = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Download CSV' }).click();
  const csvFile = await csvDownload;
  expect(csvFile.suggestedFilename()).toMatch(/\.csv$/);
  const csv = fs.readFileSync((await csvFile.path())!, 'utf8');
  expect(csv.startsWith(`\uFEFFReferrals by month\r\nMonth,Referrals\r\n${shownByMonth.map((r) => r.join(',')).join('\r\n')}\r\n`)).toBe(true);
  expect(csv).toContain(`'${FORMULA_NAME}`);
  expect(csv).not.toMatch(/(^|\n|,)"?[=+@]/);
  await page.getByRole('status').filter({ hasText: `Downloaded ${csvFile.suggestedFilename()}.` }).waitFor();

  // Both exports are in the audit trail as exports by the board member, with the reason and the format.
  const me = await apiAs<Me>(server, boardMember.email, '/api/me');
  const audit = await apiAs<AuditSearch>(server, coordinator.email, `/api/audit?action=export&memberId=${encodeURIComponent(me.member.id)}`);
  const exports = audit.events.filter((e) => e.recordType === 'indicators');
  expect(exports.map((e) => [e.reason, (e.change as { format?: string } | undefined)?.format]).sort()).toEqual([[reason, 'csv'], [reason, 'xlsx']]);
  expect(exports.every((e) => e.recordId === quarterOf(new Date()))).toBe(true);
  expect(problems).toEqual([]);
  await context.close();
});

/** The quarter the page opens on (its default), as the API names it, in London's calendar. */
function quarterOf(today: Date): string {
  const [year, month] = today.toLocaleDateString('en-CA', { timeZone: 'Europe/London' }).split('-').map(Number);
  return `${year}-Q${Math.floor((month! - 1) / 3) + 1}`;
}
