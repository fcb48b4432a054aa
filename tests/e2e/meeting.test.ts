// PENDING (not yet matched by jest's *.test.ts): this suite needs the server's meeting routes and its live stream
// (GET /api/meetings/:id/events, issue 10 server slice). Once they are committed, `git mv` this file to
// tests/e2e/meeting.test.ts. Checked on 7 Dec against the server's uncommitted routes: the agenda, chair, decision,
// partner-view and stage checks passed without the live parts; axe was clean on panel and stage in all three themes.
import type { Browser, Page } from 'playwright-core';
import type { MeetingSummary, MeetingView } from '../../src/contract';
import { describeViolations, seriousViolations } from './support/axe';
import { launchBrowser } from './support/browser';
import { type OpenedTab, openAs } from './support/tabPage';
import { type PersonaItem, type TabServer, apiAs, personas, startTabServer } from './support/tabServer';

// The panel meeting in Chromium against the real server: the chair runs the demo's planned meeting from the side
// panel while an uninvolved partner follows in a second browser context; the stage shows no adult's name or
// narrative; a partner whose connection drops catches up; axe on the side panel and the stage in every theme.
jest.setTimeout(180_000);

let server: TabServer;
let browser: Browser;
let all: PersonaItem[];
let coordinator: PersonaItem;
let chair: PersonaItem;
let meetingId: string;

beforeAll(async () => {
  server = await startTabServer();
  browser = await launchBrowser();
  all = await personas(server);
  coordinator = all.find((p) => p.roles.includes('coordinator'))!;
  const meetings = await apiAs<MeetingSummary[]>(server, coordinator.email, '/api/meetings');
  const planned = meetings.find((m) => m.status === 'planned' || m.status === 'agenda_published');
  if (!planned) throw new Error('The demo seed has no planned meeting');
  meetingId = planned.id;
  const view = await apiAs<MeetingView>(server, coordinator.email, `/api/meetings/${meetingId}`);
  chair = all.find((p) => p.name === view.chairName)!;
  if (!chair) throw new Error(`The meeting's chair (${view.chairName}) is not a demo persona`);
  if (view.agenda.length < 2) throw new Error('The demo meeting needs at least two agenda items');
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

const viewAs = (persona: PersonaItem) => apiAs<MeetingView>(server, persona.email, `/api/meetings/${meetingId}`);
const post = async (persona: PersonaItem, path: string, body: unknown): Promise<MeetingView> => {
  const response = await fetch(`${server.url}${path}`, {
    method: 'POST',
    headers: { Authorization: `Dev ${persona.email}`, 'Content-Type': 'application/json', Accept: 'application/json' },
    body: JSON.stringify(body),
  });
  if (!response.ok) throw new Error(`POST ${path} as ${persona.email}: ${response.status} ${await response.text()}`);
  return (await response.json()) as MeetingView;
};

/** Every adult's name and narrative on the meeting's agenda, from the store: none of it may reach the stage. */
async function adultsOnTheAgenda(view: MeetingView): Promise<string[]> {
  const words: string[] = [];
  for (const line of view.agenda) {
    if (!line.caseId) continue;
    const record = await server.store.transaction((tx) => tx.get('cases', line.caseId!));
    if (!record) continue;
    words.push(record.adult.name, ...record.adult.name.split(/\s+/).filter((w) => w.length > 3));
    if (record.reasons) words.push(record.reasons.slice(0, 40));
  }
  return words;
}

/** The current item's block on a side panel. */
const currentItem = (page: Page) => page.getByTestId('current-item');

/** The item now under discussion in the chair's (server's) view. */
async function currentLine(persona: PersonaItem) {
  const view = await viewAs(persona);
  const line = view.agenda.find((l) => l.id === view.current?.agendaItemId);
  return { view, line };
}

test('the coordinator reorders the agenda by keyboard and publishes it', async () => {
  const before = await viewAs(coordinator);
  const tab = await openAs(browser, server, coordinator.email, `#/meetings/${meetingId}`);
  try {
    const page = tab.page;
    await page.getByRole('list', { name: 'Agenda (editable)' }).waitFor();
    const first = before.agenda[0]!;
    const down = page.getByRole('button', { name: 'Move item 1 down' });
    await down.focus();
    await page.keyboard.press('Enter');
    await page.getByRole('status').filter({ hasText: 'Item 1 moved to 2.' }).waitFor();
    const after = await viewAs(coordinator);
    expect(after.agenda.find((l) => l.id === first.id)?.order).toBe(2);
    // Focus follows the moved item, so pressing again keeps moving the same one.
    await expect(page.evaluate(() => document.activeElement?.id)).resolves.toBe(`agenda-down-${first.id}`);
    await page.getByRole('button', { name: 'Move item 2 up' }).click();
    await page.getByRole('status').filter({ hasText: 'Item 2 moved to 1.' }).waitFor();
    await page.getByRole('button', { name: 'Publish the agenda' }).click();
    await page.getByRole('dialog').getByRole('button', { name: 'Publish' }).click();
    await page.getByRole('status').filter({ hasText: 'Agenda published.' }).waitFor();
    await expect(viewAs(coordinator).then((v) => v.status)).resolves.toBe('agenda_published');
    expect(tab.problems).toEqual([]);
  } finally {
    await tab.context.close();
  }
});

test('the chair advances and records a decision; an uninvolved partner follows and sees only what they may; the stage shows no adult', async () => {
  let opened: OpenedTab[] = [];
  try {
    // Published by the test above, or here when this test runs alone.
    const start = await viewAs(coordinator);
    if (start.status === 'planned') await post(coordinator, `/api/meetings/${meetingId}/publication`, { expectedVersion: start.version });
    const chairTab = await openAs(browser, server, chair.email, `#/meetings/${meetingId}/panel`);
    opened.push(chairTab);
    const page = chairTab.page;
    await page.getByRole('heading', { level: 1 }).waitFor();
    await page.getByRole('status').filter({ hasText: 'Following the meeting live.' }).waitFor();

    // The chair starts the meeting and goes to the first item that takes a decision.
    const controls = page.getByRole('group', { name: "Chair's controls" });
    await controls.getByRole('button', { name: 'Start the meeting' }).click();
    await page.getByRole('status').filter({ hasText: 'The meeting has started.' }).waitFor();
    // An item about a case, and a partner whose agency may not open that case (not involved), from the server's answers.
    const opening = await viewAs(chair);
    let partner: PersonaItem | undefined;
    let target: MeetingView['agenda'][number] | undefined;
    const partners = all.filter((x) => x.roles.includes('partner') && !x.roles.includes('coordinator') && !x.roles.includes('chair'));
    for (const p of partners) {
      const theirs = await viewAs(p);
      const line = opening.agenda.find((l) => l.caseId && l.kind !== 'any_other_business' && theirs.agenda.some((t) => t.id === l.id && !t.canOpen));
      if (line) {
        partner = p;
        target = line;
        break;
      }
    }
    if (!partner || !target) throw new Error('The demo has no partner who may not open a case on the agenda');
    const line = target;
    // The chair steps through the agenda to that item.
    if (!(await currentLine(chair)).line) await controls.getByRole('button', { name: 'First item' }).click();
    for (let step = 0; step < opening.agenda.length; step++) {
      await page.getByTestId('current-item').getByText(/^Item \d+ of/).waitFor();
      const now = (await currentLine(chair)).line;
      if (now?.id === line.id) break;
      await controls.getByRole('button', { name: (now?.order ?? 0) < line.order ? 'Next item' : 'Previous item' }).click();
      await page.getByRole('status').filter({ hasText: /^Now on item/ }).waitFor();
    }
    await currentItem(page).getByText(`Item ${line.order} of`).waitFor();
    const partnerTab = await openAs(browser, server, partner.email, `#/meetings/${meetingId}/panel`);
    opened.push(partnerTab);
    const theirPage = partnerTab.page;
    await theirPage.getByRole('status').filter({ hasText: 'Following the meeting live.' }).waitFor();
    await currentItem(theirPage).getByText(`Item ${line.order} of`).waitFor();
    // No chair's controls for a partner, and no way into a case they may not open.
    await expect(theirPage.getByRole('group', { name: "Chair's controls" }).count()).resolves.toBe(0);
    await expect(currentItem(theirPage).getByRole('link', { name: 'Open the case' }).count()).resolves.toBe(0);

    // The stage, opened by the partner (the stage is the same for everyone).
    const stageTab = await openAs(browser, server, partner.email, `#/meetings/${meetingId}/stage`);
    opened.push(stageTab);
    await stageTab.page.getByRole('heading', { level: 2, name: 'Now' }).waitFor();

    // The chair moves on: the partner's panel and the stage follow without reloading.
    const chairView = await viewAs(chair);
    const next = chairView.agenda.find((l) => l.order === line!.order + 1);
    if (next) {
      await controls.getByRole('button', { name: 'Next item' }).click();
      await currentItem(theirPage).getByText(`Item ${next.order} of`).waitFor();
      await stageTab.page.getByText(`Item ${next.order} of`).waitFor();
      await controls.getByRole('button', { name: 'Previous item' }).click();
      await currentItem(theirPage).getByText(`Item ${line.order} of`).waitFor();
      await stageTab.page.getByText(`Item ${line.order} of`).waitFor();
    }

    // The chair records the decision: every required part is asked for first.
    await controls.getByRole('button', { name: `Record the decision on item ${line.order}` }).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByRole('button', { name: 'Record the decision' }).click();
    await dialog.getByText('Write why the panel decided this.').waitFor();
    const outcome = line.kind === 'new_referral' ? 'Deferred for more information' : 'Continue under the panel';
    const rationale = 'Invented rationale: the panel needs the GP report before it can weigh the risk.';
    await dialog.getByRole('radio', { name: outcome }).check();
    await dialog.getByRole('textbox', { name: 'Rationale' }).fill(rationale);
    await dialog.getByRole('textbox', { name: 'Alternatives considered' }).fill('Invented: closing now; escalating to a section 42 enquiry.');
    await dialog.getByRole('textbox', { name: 'What is shared' }).fill('Invented: the decision and the actions.');
    await dialog.getByRole('textbox', { name: 'With whom' }).fill('Invented: the GP practice.');
    await dialog.getByRole('textbox', { name: 'Why' }).fill('Invented: to obtain the report.');
    await dialog.getByRole('textbox', { name: 'Lawful basis' }).fill('Invented: Care Act 2014 s.45');
    await dialog.getByRole('button', { name: 'Record the decision' }).click();
    await page.getByRole('status').filter({ hasText: `Decision recorded on item ${line.order}.` }).waitFor();
    await currentItem(page).getByText(`Rationale: ${rationale}`).waitFor();

    // The partner sees that a decision was taken, never its reasons.
    await currentItem(theirPage).getByText(outcome).waitFor();
    await expect(theirPage.getByText(rationale).count()).resolves.toBe(0);
    const stored = await server.store.transaction((tx) => tx.find('decisions'));
    expect(stored.some((d) => d.caseId === line!.caseId && d.rationale === rationale && d.meetingId === meetingId)).toBe(true);

    // The stage: reference, initials, kind and time; no adult's name and no narrative, whoever opened it.
    const stageText = (await stageTab.page.locator('main').innerText()).toLowerCase();
    for (const word of await adultsOnTheAgenda(opening)) expect(stageText).not.toContain(word.toLowerCase());
    expect(stageText).not.toContain(rationale.toLowerCase());

    for (const tab of opened) expect(tab.problems).toEqual([]);
  } finally {
    for (const tab of opened) await tab.context.close();
    opened = [];
  }
});

// A dropped stream and its catch-up are tested without a browser (tests/live/meetingStream.test.ts over HTTP with
// Last-Event-ID, tests/tab/meetingLive.test.ts for the client's reconnect): Chromium's offline mode does not cut a
// stream that is already open, so a browser test of it here waited on nothing.

describe.each(['light', 'dark', 'contrast'])('accessibility of the meeting surfaces in the %s theme', (theme) => {
  test('axe finds no serious or critical violations on the side panel (chair, 320 pixels) or the stage', async () => {
    const report: string[] = [];
    const check = async (page: Page, where: string) => {
      await page.waitForFunction(() =>
        document.getAnimations().every((a) => a.playState !== 'running' || a.effect?.getComputedTiming().iterations === Infinity),
      );
      const violations = await seriousViolations(page);
      if (violations.length) report.push(`${where}:\n${describeViolations(violations)}`);
    };
    const panel = await openAs(browser, server, chair.email, `#/meetings/${meetingId}/panel`, { theme, forAxe: true });
    const stage = await openAs(browser, server, chair.email, `#/meetings/${meetingId}/stage`, { theme, forAxe: true });
    try {
      // The side panel is 320 pixels wide in Teams.
      await panel.page.setViewportSize({ width: 320, height: 800 });
      await panel.page.getByRole('heading', { level: 2, name: 'Now' }).waitFor();
      await panel.page.getByRole('list', { name: 'Running order' }).waitFor();
      await check(panel.page, 'side panel');
      const record = panel.page.getByRole('button', { name: /^Record the decision on item/ });
      if (await record.count()) {
        await record.click();
        await panel.page.getByRole('dialog').getByRole('button', { name: 'Record the decision' }).click();
        await panel.page.getByRole('dialog').getByText('Write why the panel decided this.').waitFor();
        await check(panel.page, 'decision dialog with errors');
        await panel.page.getByRole('dialog').getByRole('button', { name: 'Cancel' }).click();
      }
      await stage.page.getByRole('list', { name: 'Running order' }).waitFor();
      await check(stage.page, 'stage');
      expect(report.join('\n\n')).toBe('');
      expect([...panel.problems, ...stage.problems]).toEqual([]);
    } finally {
      await panel.context.close();
      await stage.context.close();
    }
  });
});
