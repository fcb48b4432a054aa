import type { Browser, Page, Route } from 'playwright-core';
import writeXlsxFile from 'write-excel-file/node';
import { axeClean, settled } from './support/axe';
import { launchBrowser } from './support/browser';
import { openAs } from './support/tabPage';
import { type TabServer, startTabServer } from './support/tabServer';
import { sidewaysOverflow, viewportFor } from './responsiveChecks';

// Import of a past log in a real browser, as the coordinator: an invented CSV with a few bad rows and an unusual
// header is checked row by row (refusal reasons shown), its column mapped by hand, imported in parts with the bar
// showing how far it has got, and summarised with links to the cases; choosing the same file again, or the same rows
// as an Excel workbook, creates nothing twice. axe finds nothing serious in each theme; at 320 px nothing scrolls sideways.
jest.setTimeout(240_000);

const COORDINATOR = 'morgan.fairweather@riskpanel.example';
let server: TabServer;
let browser: Browser;

beforeAll(async () => {
  server = await startTabServer();
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
  await server?.close();
});

// "Referred from" is a header the page cannot guess: the coordinator maps it to the referring agency.
const HEADERS = ['Reference', 'Name', 'Referred from', 'Received', 'Status', 'Lead agency', 'Closed', 'Closure reason', 'Action', 'Action agency', 'Due date', 'Action status', 'Completed date'];
/** Three good rows (two cases, an action of one) and three bad ones; references unique to the theme's run. */
const rowsFor = (t: string) => [
  [`${t}-1`, 'Ann Invented', 'Police', '2025-03-14', 'Closed', 'ASC', '2025-09-01', 'Risk reduced', '', '', '', '', ''],
  [`${t}-2`, 'Bo Invented', 'ELFT', '02/04/2025', 'Open', 'ASC', '', '', '', '', '', '', ''],
  [`${t}-3`, 'Cy Invented', 'Nowhere Trust', '31/02/2025', 'Open', 'ASC', '', '', '', '', '', '', ''],
  [`${t}-2`, '', '', '', '', '', '', '', 'Invented: welfare visit', 'Police', '2027-01-15', 'Open', ''],
  [`${t}-404`, '', '', '', '', '', '', '', 'Invented: an action of no case', 'Police', '2027-01-15', 'Open', ''],
  [`${t}-1`, '', '', '', '', '', '', '', 'Invented: done, but when?', 'Police', '2025-06-01', 'Done', ''],
];
const csvOf = (rows: string[][]) => Buffer.from([HEADERS, ...rows].map((r) => r.map((c) => `"${c}"`).join(',')).join('\r\n'));
const xlsxOf = async (rows: string[][]) => writeXlsxFile([HEADERS, ...rows].map((r) => r.map((value) => ({ value })))).toBuffer();

const count = (kind: 'cases' | 'actions') => server.store.transaction((tx) => tx.count(kind));
const fileInput = (page: Page) => page.getByLabel('Excel or CSV file');
const rowsTable = (page: Page) => page.getByRole('table', { name: 'Rows of the file' });
const tableRow = (page: Page, table: string, n: number) =>
  page.getByRole('table', { name: table }).getByRole('row').filter({ has: page.getByRole('cell', { name: String(n), exact: true }) });

describe.each(['light', 'dark', 'contrast'])('importing a log in the %s theme', (theme) => {
  test('the coordinator checks a file with bad rows, maps a column, imports with progress; importing again creates nothing', async () => {
    const t = `E2E${theme.toUpperCase()}`;
    const rows = rowsFor(t);
    const { page, context, problems } = await openAs(browser, server, COORDINATOR, '#/', { theme, forAxe: true });
    await page.getByRole('heading', { level: 1, name: 'Home' }).waitFor();
    // The navigation offers the page because the server says the coordinator may coordinate.
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Import', exact: true }).click();
    await page.getByRole('heading', { level: 1, name: 'Import a log' }).waitFor();
    await axeClean(page);
    const [casesBefore, actionsBefore] = [await count('cases'), await count('actions')];

    await fileInput(page).setInputFiles({ name: `${t}-log.csv`, mimeType: 'text/csv', buffer: csvOf(rows) });
    await page.getByRole('status').filter({ hasText: `${t}-log.csv checked: 6 rows.` }).waitFor();
    // Unmapped, the referring agency is missing from every case row.
    await expect(tableRow(page, 'Rows of the file', 2).textContent()).resolves.toContain('referringAgency is empty');
    const referrer = page.getByLabel('Referring agency (required)');
    await expect(referrer.inputValue()).resolves.toBe('');
    await referrer.selectOption('Referred from');
    await tableRow(page, 'Rows of the file', 2).getByText('Will be created', { exact: true }).waitFor();

    const report = page.getByRole('definition');
    await expect(report.allTextContents()).resolves.toEqual(['3 rows: 2 cases and 1 action', '0 rows', expect.stringMatching(/^3 rows, each with its reason/)]);
    await expect(tableRow(page, 'Rows of the file', 4).textContent()).resolves.toMatch(/Refused.*receivedDate "31\/02\/2025" is not a date.*no member agency called "Nowhere Trust"/);
    await expect(tableRow(page, 'Rows of the file', 6).textContent()).resolves.toContain(`no case with reference ${t}-404 in this file or in RiskPanel`);
    await expect(tableRow(page, 'Rows of the file', 7).textContent()).resolves.toContain('a finished action needs its actionCompletedDate');
    await axeClean(page);
    expect([await count('cases'), await count('actions')]).toEqual([casesBefore, actionsBefore]);

    // Six rows go in two parts (cases first). The second part is held until the bar has been seen part-way.
    let release!: () => void;
    const held = new Promise<void>((resolve) => (release = resolve));
    let parts = 0;
    await page.route('**/api/imports', async (route: Route) => {
      if (++parts === 2) await held;
      await route.continue();
    });
    await page.getByRole('button', { name: 'Import 3 rows' }).click();
    const bar = page.getByRole('progressbar');
    await page.getByText('Importing: 5 of 6 rows done').waitFor();
    await expect(bar.getAttribute('aria-valuenow')).resolves.toBe(String(5 / 6));
    release();
    await page.getByRole('heading', { level: 2, name: 'Import finished' }).waitFor();
    await expect(page.getByRole('definition').allTextContents()).resolves.toEqual(['2 cases and 1 action, from 3 rows', '0 rows', '3 rows']);
    const link = page.getByRole('table', { name: 'Rows imported' }).getByRole('link', { name: new RegExp(`^${t}-1 \\(now CASPA-2025-\\d+\\)$`) });
    await expect(link.getAttribute('href')).resolves.toMatch(/^#\/cases\/imported-/);
    await expect(tableRow(page, 'Rows imported', 5).textContent()).resolves.toMatch(new RegExp(`Action${t}-2 \\(now CASPA-2025-\\d+\\)Created`));
    expect([await count('cases'), await count('actions')]).toEqual([casesBefore + 2, actionsBefore + 1]);
    await axeClean(page);
    await page.unroute('**/api/imports');

    // The same file again, and then the same rows as a workbook: everything already imported, nothing to import.
    for (const file of [
      { name: `${t}-log.csv`, mimeType: 'text/csv', buffer: csvOf(rows) },
      { name: `${t}-log.xlsx`, mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', buffer: await xlsxOf(rows) },
    ]) {
      await fileInput(page).setInputFiles(file);
      await page.getByRole('status').filter({ hasText: `${file.name} checked: 6 rows.` }).waitFor();
      await page.getByLabel('Referring agency (required)').selectOption('Referred from');
      await tableRow(page, 'Rows of the file', 2).getByText('Already imported', { exact: true }).waitFor();
      await expect(page.getByRole('definition').allTextContents()).resolves.toEqual(['0 rows: 0 cases and 0 actions', '3 rows', expect.stringMatching(/^3 rows/)]);
      await expect(page.getByRole('button', { name: 'Nothing to import' }).isDisabled()).resolves.toBe(true);
    }
    expect([await count('cases'), await count('actions')]).toEqual([casesBefore + 2, actionsBefore + 1]);

    // On a 320 px screen the report is stacked rows and nothing scrolls sideways.
    await page.setViewportSize(viewportFor(320));
    await page.getByRole('list', { name: 'Rows of the file' }).waitFor();
    await settled(page);
    expect((await sidewaysOverflow(page)).culprits).toEqual([]);
    await axeClean(page);
    expect(problems).toEqual([]);
    await context.close();
  });
});

test('a file that is not a spreadsheet is refused with a clear message, and nothing is imported', async () => {
  const { page, context } = await openAs(browser, server, COORDINATOR, '#/import');
  await page.getByRole('heading', { level: 1, name: 'Import a log' }).waitFor();
  await fileInput(page).setInputFiles({ name: 'log.xlsx', mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', buffer: Buffer.from('not a workbook') });
  await page.getByRole('alert').filter({ hasText: 'The file could not be checked' }).getByText(/not an Excel workbook/).waitFor();
  await expect(rowsTable(page).count()).resolves.toBe(0);
  await context.close();
});
