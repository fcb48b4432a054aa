import type { Browser } from 'playwright-core';
import type { CaseRecord } from '../../src/domain/records';
import { can } from '../../src/policies';
import type { Actor } from '../../src/policies/actor';
import { launchBrowser } from './support/browser';
import { openRegisterAs, openTab, registerRows, registerStatus, signInAs, totalOf } from './support/tabPage';
import { type PersonaItem, type TabServer, apiAs, assertTabBuilt, personas, startTabServer } from './support/tabServer';

// The built tab in Debian's Chromium against the real server and a seeded SQLite file.
jest.setTimeout(90_000);

interface RegisterPage { items: { id: string; ref: string; status: string }[]; total: number }
interface CaseDetail { access: 'full' | 'summary'; case: { id: string; ref: string }; chronology?: { occurredAt: string; summary: string }[]; actions?: { description: string; overdue: boolean }[] }

const NOT_PERMITTED = 'No case with that reference was found, or you are not permitted to see it.';

let server: TabServer;
let browser: Browser;
let all: PersonaItem[];
let coordinator: PersonaItem;
/** An open case with both chronology and actions, chosen through the API as the coordinator. */
let richCase: CaseDetail;

beforeAll(async () => {
  assertTabBuilt();
  server = await startTabServer();
  browser = await launchBrowser();
  all = await personas(server);
  const found = all.find((p) => p.roles.includes('coordinator'));
  if (!found) throw new Error('The demo seed has no coordinator persona');
  coordinator = found;
  const open = await apiAs<RegisterPage>(server, coordinator.email, '/api/cases?status=open&pageSize=200');
  for (const item of open.items) {
    const detail = await apiAs<CaseDetail>(server, coordinator.email, `/api/cases/${item.id}`);
    if ((detail.chronology?.length ?? 0) > 1 && (detail.actions?.length ?? 0) > 0) {
      richCase = detail;
      break;
    }
  }
  if (!richCase) throw new Error('The demo seed has no open case with chronology and actions');
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

test('a coordinator picks their persona, filters the register by status and opens a case', async () => {
  const { page, context, problems } = await openTab(browser, server);
  await openRegisterAs(page, coordinator.name);
  await page.getByText(`Signed in as ${coordinator.name}`).waitFor();

  const everything = await apiAs<RegisterPage>(server, coordinator.email, '/api/cases?pageSize=1');
  expect(everything.total).toBeGreaterThanOrEqual(20);
  expect(totalOf(await registerStatus(page))).toBe(everything.total);
  // Every case is in the table (aria-rowcount counts the header too); only those in view are rendered.
  await expect(page.getByRole('table', { name: 'Cases' }).getAttribute('aria-rowcount')).resolves.toBe(String(everything.total + 1));
  const rendered = await registerRows(page).count();
  expect(rendered).toBeGreaterThan(0);
  expect(rendered).toBeLessThanOrEqual(everything.total);

  // Filter by status: the address, the count and every row's status change together.
  const open = await apiAs<RegisterPage>(server, coordinator.email, '/api/cases?status=open&pageSize=1');
  expect(open.total).toBeGreaterThan(0);
  expect(open.total).toBeLessThan(everything.total);
  await page.getByLabel('Status').selectOption('open');
  await page.waitForFunction(() => window.location.hash.includes('status=open'));
  await page.getByRole('status').filter({ hasText: `of ${open.total} cases` }).waitFor();
  const statuses = await registerRows(page).locator('td:nth-child(3)').allTextContents();
  expect(statuses.length).toBeGreaterThan(0);
  expect(statuses.length).toBeLessThanOrEqual(open.total);
  expect(new Set(statuses)).toEqual(new Set(['Open']));

  // Sort by a column header: the header says so (aria-sort) and the rows follow.
  await page.getByRole('button', { name: 'Reference' }).click();
  await page.waitForFunction(() => window.location.hash.includes('sort=ref'));
  await expect(page.getByRole('columnheader', { name: 'Reference' }).getAttribute('aria-sort')).resolves.toBe('ascending');
  await page.getByRole('status').filter({ hasText: `of ${open.total} cases` }).waitFor();
  const refs = await registerRows(page).locator('td:first-child a').allTextContents();
  expect(refs).toEqual([...refs].sort());

  // Search by reference, then open the case from its row.
  const ref = richCase.case.ref;
  await page.getByRole('searchbox', { name: 'Search by reference or initials' }).fill(ref);
  await page.getByRole('status').filter({ hasText: 'Showing 1 of 1 case.' }).waitFor();
  await page.getByRole('link', { name: ref, exact: true }).click();
  await page.getByRole('heading', { level: 1, name: `Case ${ref}` }).waitFor();
  expect(page.url()).toContain(`#/cases/${richCase.case.id}`);

  // Chronology: every entry, newest first.
  const chronology = page.getByRole('list', { name: 'Chronology, newest first' }).getByRole('listitem');
  await expect(chronology.count()).resolves.toBe(richCase.chronology!.length);
  const shown = await chronology.locator('time').evaluateAll((els) => els.map((e) => e.getAttribute('datetime') ?? ''));
  expect(shown).toEqual([...shown].sort().reverse());
  expect(shown[0]).toBe([...richCase.chronology!.map((e) => e.occurredAt)].sort().at(-1));

  // Actions: each one, with an overdue badge exactly where the server says it is overdue.
  const actionRows = page.getByRole('table', { name: 'Actions' }).locator('tbody tr');
  await expect(actionRows.count()).resolves.toBe(richCase.actions!.length);
  for (const action of richCase.actions!) {
    const row = actionRows.filter({ hasText: action.description });
    await expect(row.getByText('Overdue', { exact: true }).count()).resolves.toBe(action.overdue ? 1 : 0);
  }
  // Full access shows the adult's name, which the summary never does.
  await expect(page.getByText('Adult', { exact: true }).count()).resolves.toBe(1);

  // Back returns to the register as it was left; "Switch persona" returns to the picker, and stays there on reload.
  await page.goBack();
  await page.getByRole('heading', { level: 1, name: 'Case register' }).waitFor();
  await expect(page.getByRole('searchbox', { name: 'Search by reference or initials' }).inputValue()).resolves.toBe(ref);
  await page.getByRole('button', { name: 'Switch persona' }).click();
  await page.getByRole('heading', { level: 1, name: 'Choose a demo persona' }).waitFor();
  await page.reload();
  await page.getByRole('heading', { level: 1, name: 'Choose a demo persona' }).waitFor();

  expect(problems).toEqual([]);
  await context.close();
});

test('the register renders only the rows in view, and the keyboard reaches every case', async () => {
  const { page, context, problems } = await openTab(browser, server, { persona: coordinator.email, hash: '#/register?sort=ref&order=asc' });
  await page.getByRole('heading', { level: 1, name: 'Case register' }).waitFor();
  const total = totalOf(await registerStatus(page));
  const all = await apiAs<RegisterPage>(server, coordinator.email, '/api/cases?sort=ref&order=asc&pageSize=200');
  expect(all.total).toBe(total);
  // The demo register is longer than the scrolling area: some rows are not in the page at all.
  await expect(registerRows(page).count()).resolves.toBeLessThan(total);

  // One Tab stop: the first case's reference. The arrow keys move between cases; End reaches the last one.
  const links = registerRows(page).locator('a[data-row-link]');
  await expect(links.evaluateAll((els) => els.filter((e) => e.getAttribute('tabindex') === '0').length)).resolves.toBe(1);
  await links.first().focus();
  await page.keyboard.press('ArrowDown');
  await expect(page.evaluate(() => document.activeElement?.textContent)).resolves.toBe(all.items[1]!.ref);
  await page.keyboard.press('End');
  await page.waitForFunction((ref) => document.activeElement?.textContent === ref, all.items.at(-1)!.ref);
  const last = page.getByRole('link', { name: all.items.at(-1)!.ref, exact: true });
  await expect(last.evaluate((el) => el.closest('tr')?.getAttribute('aria-rowindex'))).resolves.toBe(String(total + 1));
  await page.keyboard.press('Home');
  await page.waitForFunction((ref) => document.activeElement?.textContent === ref, all.items[0]!.ref);
  await page.keyboard.press('Enter');
  await page.getByRole('heading', { level: 1, name: `Case ${all.items[0]!.ref}` }).waitFor();
  expect(problems).toEqual([]);
  await context.close();
});

test('outside Teams the theme switcher applies the theme and remembers it; ?theme= in the address wins', async () => {
  const { page, context, problems } = await openTab(browser, server);
  const theme = () => page.evaluate(() => document.documentElement.dataset.theme);
  const background = () => page.evaluate(() => getComputedStyle(document.querySelector('.fui-FluentProvider')!).backgroundColor);
  await page.getByRole('heading', { level: 1, name: 'Choose a demo persona' }).waitFor();
  await expect(theme()).resolves.toBe('light');
  const light = await background();

  await page.getByLabel('Theme').selectOption('dark');
  // The dark theme loads when first asked for: the page says 'dark' once it is drawn in it.
  await page.waitForFunction(() => document.documentElement.dataset.theme === 'dark');
  expect(await background()).not.toBe(light);
  await page.reload();
  await page.getByRole('heading', { level: 1, name: 'Choose a demo persona' }).waitFor();
  await expect(theme()).resolves.toBe('dark');
  await expect(page.getByLabel('Theme').inputValue()).resolves.toBe('dark');

  await page.goto(`${server.url}/?theme=contrast`);
  await page.getByRole('heading', { level: 1, name: 'Choose a demo persona' }).waitFor();
  await page.waitForFunction(() => document.documentElement.dataset.theme === 'contrast');
  expect(problems).toEqual([]);
  await context.close();
});

test('a partner does not see a case their agency is not involved in, even by its address', async () => {
  // Which cases a persona may not see is decided here by the policy module over the stored records, not by the API.
  const { cases, members, agencies } = await server.store.transaction(async (tx) => ({
    cases: await tx.find('cases'),
    members: await tx.find('members'),
    agencies: await tx.find('agencies'),
  }));
  const actorOf = (email: string): Actor => {
    const member = members.find((m) => m.email === email.toLowerCase())!;
    return { member, agency: agencies.find((a) => a.id === member.agencyId)! };
  };
  let chosen: { persona: PersonaItem; hidden: CaseRecord; summary?: CaseRecord } | undefined;
  for (const persona of all.filter((p) => p.roles.includes('partner'))) {
    const actor = actorOf(persona.email);
    const hidden = cases.find((c) => !can(actor, 'readSummary', 'case', c));
    const summary = cases.find((c) => can(actor, 'readSummary', 'case', c) && !can(actor, 'read', 'case', c));
    if (hidden && (!chosen || (summary && !chosen.summary))) chosen = { persona, hidden, summary };
  }
  if (!chosen) throw new Error('The demo seed has no partner with a case hidden from them');
  const { persona, hidden, summary } = chosen;

  const { page, context, problems } = await openTab(browser, server);
  await openRegisterAs(page, persona.name);
  const visible = totalOf(await registerStatus(page));
  expect(visible).toBeGreaterThan(0);
  expect(visible).toBeLessThan(cases.length);

  const search = page.getByRole('searchbox', { name: 'Search by reference or initials' });
  await search.fill(hidden.ref);
  await page.getByRole('status').filter({ hasText: 'No cases match these filters.' }).waitFor();
  await expect(page.getByRole('link', { name: hidden.ref }).count()).resolves.toBe(0);

  if (summary) {
    // A new referral they may see only in summary is marked so, with what they are asked to do.
    await search.fill(summary.ref);
    await page.getByRole('status').filter({ hasText: 'Showing 1 of 1 case.' }).waitFor();
    await registerRows(page).getByText('Summary only — say whether known to your agency').waitFor();
  }

  await page.goto(`${server.url}/#/cases/${encodeURIComponent(hidden.id)}`);
  await page.getByRole('heading', { level: 1, name: 'Case not found' }).waitFor();
  await page.getByRole('alert').getByText(NOT_PERMITTED).waitFor();
  await expect(page.getByText(hidden.ref).count()).resolves.toBe(0);

  // The API answered 404 for that case: an expected refusal, not a fault in the page.
  expect(problems.filter((p) => !/status of 404/.test(p))).toEqual([]);
  await context.close();
});

test('a partner says a new referral is known to their agency, and then sees the full case', async () => {
  const { cases, members, agencies } = await server.store.transaction(async (tx) => ({
    cases: await tx.find('cases'),
    members: await tx.find('members'),
    agencies: await tx.find('agencies'),
  }));
  let chosen: { persona: PersonaItem; referral: CaseRecord } | undefined;
  for (const persona of all.filter((p) => p.roles.includes('partner'))) {
    const member = members.find((m) => m.email === persona.email.toLowerCase())!;
    const actor: Actor = { member, agency: agencies.find((a) => a.id === member.agencyId)! };
    const referral = cases.find((c) => can(actor, 'readSummary', 'case', c) && !can(actor, 'read', 'case', c));
    if (referral) chosen = { persona, referral };
  }
  if (!chosen) throw new Error('The demo seed has no referral a partner sees only in summary');
  const { persona, referral } = chosen;
  const note = 'Invented e2e note: known to our service since last spring.';

  const { page, context, problems } = await openTab(browser, server);
  await signInAs(page, persona.name);
  await page.goto(`${server.url}/#/cases/${encodeURIComponent(referral.id)}`);
  await page.getByRole('heading', { level: 1, name: `Case ${referral.ref}` }).waitFor();
  await page.getByText('You can see the minimal summary of this referral.', { exact: false }).waitFor();
  await expect(page.getByRole('heading', { name: 'Chronology' }).count()).resolves.toBe(0);

  // Saving without an answer is refused in the form, with the reason next to the question.
  await page.getByRole('button', { name: 'Save answer' }).click();
  await page.getByText('Choose yes or no.').waitFor();

  await page.getByRole('radio', { name: 'Yes, known to us' }).check();
  await page.getByRole('textbox', { name: 'What your agency holds (optional)' }).fill(note);
  await page.getByRole('button', { name: 'Save answer' }).click();
  await page.getByRole('status').getByText('Recorded: known to your agency.').waitFor();

  // Known to the agency now: the full record, with the note in the chronology.
  await page.getByRole('heading', { name: 'Chronology' }).waitFor();
  await page.getByRole('list', { name: 'Chronology, newest first' }).getByText(note).waitFor();
  const stored = await server.store.transaction((tx) => tx.get('cases', referral.id));
  expect(stored!.involvements.some((i) => i.known && i.agencyId === members.find((m) => m.email === persona.email.toLowerCase())!.agencyId)).toBe(true);
  expect(problems).toEqual([]);
  await context.close();
});
