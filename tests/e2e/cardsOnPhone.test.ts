import type * as ACModule from 'adaptivecards';
import type { Browser, Page } from 'playwright-core';
import { decisionCard } from '../../src/cards/decisionCard';
import { escalationCard } from '../../src/cards/escalationCard';
import { helpCard } from '../../src/cards/helpCard';
import { listCard } from '../../src/cards/listCard';
import { newReferralCard } from '../../src/cards/newReferralCard';
import { noticeCard } from '../../src/cards/noticeCard';
import { type ActionLine, overdueDigestCard } from '../../src/cards/overdueDigestCard';
import { referCard } from '../../src/cards/referCard';
import { reminderCard } from '../../src/cards/reminderCard';
import { personalStatusCard, sharedStatusCard } from '../../src/cards/statusCard';
import type { AdaptiveCardJson } from '../../src/cards/types';
import { DECISION_OUTCOMES } from '../../src/domain/enums';
import { launchBrowser } from './support/browser';

// Every card kind drawn by Microsoft's Adaptive Cards renderer (the `adaptivecards` package) in a 360 px page, in
// light and dark host colours: no text cut off, nothing wider than the phone, at most three buttons in a row with
// the rest under the renderer's overflow ("…"), and the overdue digest still readable with eight overdue actions.
jest.setTimeout(120_000);

const RENDERER = require.resolve('adaptivecards/dist/adaptivecards.min.js');
/** The renderer's own stylesheet: buttons sized as a host styles them (Teams' are 32 px tall). */
const RENDERER_CSS = require.resolve('adaptivecards/dist/adaptivecards.css');
const URL = 'https://riskpanel.example/#/cases/case-1';

const line = (i: number): ActionLine => ({
  actionId: `action-${i}`,
  ref: `CASPA-2026-${String(14 + i).padStart(4, '0')}`,
  initials: 'A.I.E.',
  agency: i % 2 ? 'Bedfordshire Fire and Rescue Service' : 'Police',
  owner: i % 2 ? 'Jamie Emberley-Invented-Longname' : 'Alex Brightwater',
  dueDate: '2026-11-02',
  status: 'in_progress',
  daysOverdue: 10 + i,
});

/** Representative data, with long agency and owner names: the phone is where long words hurt. */
const CARDS: [string, AdaptiveCardJson][] = [
  ['help', helpCard({ commands: [{ usage: 'status <reference>', summary: 'Where a case stands, with its reference and initials.' }, { usage: 'my actions', summary: 'Your open actions.' }] })],
  ['refer', referCard({ url: 'https://riskpanel.example/#/refer' })],
  ['shared status', sharedStatusCard({ ref: 'CASPA-2026-0014', initials: 'A.I.E.', status: 'Open', note: 'Details are in the RiskPanel tab.', url: URL })],
  ['personal status', personalStatusCard({ ref: 'CASPA-2026-0014', initials: 'A.I.E.', status: 'Open', riskLevel: 'High', leadAgency: 'East London NHS Foundation Trust', note: 'Details are in the RiskPanel tab.', url: URL, nextReview: '15 Jul 2026', openActions: 3, overdueActions: 1 })],
  ['new referral', newReferralCard({ caseId: 'case-1', ref: 'CASPA-2026-0014', initials: 'A.I.E.', referringAgency: 'Bedfordshire Fire and Rescue Service', riskCategories: ['self_neglect', 'domestic_abuse'], status: 'submitted', answeredCount: 2, openUrl: URL })],
  ['decision', decisionCard({ caseId: 'case-1', ref: 'CASPA-2026-0014', initials: 'A.I.E.', outcome: DECISION_OUTCOMES[0], leadAgency: 'Police', decidedAt: '2026-11-12T10:30:00Z', openUrl: URL })],
  ['reminder', reminderCard({ ...line(1), description: 'Arrange a joint home visit with the fire service and the district nurse.', daysUntilDue: 3, openUrl: URL })],
  ['escalation', escalationCard({ ...line(2), thresholdDays: 14, openUrl: URL })],
  ['overdue digest, eight actions', overdueDigestCard({ digestId: 'digest-1', asOf: '2026-11-20', actions: Array.from({ length: 8 }, (_, i) => line(i)), openUrl: 'https://riskpanel.example/#/actions' })],
  ['list', listCard({ title: 'My actions', intro: '3 actions, 1 overdue', groups: [{ heading: 'Overdue', lines: [{ main: 'CASPA-2026-0014 · A.I.E.', detail: 'Due 2 Nov 2026 · overdue by 18 days', text: 'Arrange a joint home visit.' }] }], note: 'Details are in the RiskPanel tab.', links: [{ title: 'Open my actions in RiskPanel', url: URL }, { title: 'Join the meeting', url: URL }] })],
  ['notice', noticeCard({ title: 'RiskPanel can no longer post here', subject: 'Partnership channel', lines: ['The app was removed from the channel.', 'Add it again to receive new referrals and digests.'], footnote: 'Only coordinators see this.', openUrl: URL })],
];

/** Teams-like host colours: the renderer's default container on the app's light or dark surface. */
const HOSTS = {
  light: { background: '#ffffff', foreground: '#242424', subtle: '#616161', accent: '#5b5fc7' },
  dark: { background: '#292929', foreground: '#ffffff', subtle: '#d6d6d6', accent: '#7f85f5' },
} as const;

let browser: Browser;
let page: Page;

beforeAll(async () => {
  browser = await launchBrowser();
  const context = await browser.newContext({ viewport: { width: 360, height: 740 }, hasTouch: true });
  page = await context.newPage();
  await page.setContent('<!doctype html><html><head><meta name="viewport" content="width=device-width"></head><body style="margin:0"><div id="card" style="padding:12px"></div></body></html>');
  await page.addScriptTag({ path: RENDERER });
  await page.addStyleTag({ path: RENDERER_CSS });
});

afterAll(async () => {
  await browser?.close();
});

interface Layout { problems: string[]; rows: number[]; overflowButtons: number; scrollWidth: number }

/** Draws the card and measures it in the page. */
async function render(card: AdaptiveCardJson, colours: (typeof HOSTS)[keyof typeof HOSTS]): Promise<Layout> {
  return page.evaluate(
    ({ json, c }) => {
      const AC = (window as unknown as { AdaptiveCards: typeof ACModule }).AdaptiveCards;
      const host = document.getElementById('card')!;
      host.replaceChildren();
      document.body.style.background = c.background;
      const ac = new AC.AdaptiveCard();
      ac.hostConfig = new AC.HostConfig({
        fontFamily: 'Segoe UI, system-ui, sans-serif',
        actions: { maxActions: 6, buttonSpacing: 8, actionsOrientation: 'horizontal', actionAlignment: 'stretch' },
        containerStyles: {
          default: { backgroundColor: c.background, foregroundColors: { default: { default: c.foreground, subtle: c.subtle }, accent: { default: c.accent, subtle: c.accent } } },
        },
      });
      const problems: string[] = [];
      const context = new AC.SerializationContext();
      ac.parse(json, context);
      for (let i = 0; i < context.eventCount; i++) problems.push(`parse: ${context.getEventAt(i).message}`);
      const element = ac.render();
      if (!element) return { problems: ['nothing rendered'], rows: [], overflowButtons: 0, scrollWidth: 0 };
      host.appendChild(element);
      const width = document.documentElement.clientWidth;
      // Text cut off: a block whose text is wider than its box, or truncated with an ellipsis.
      for (const el of Array.from(host.querySelectorAll<HTMLElement>('.ac-textBlock, .ac-richTextBlock'))) {
        if (el.scrollWidth > el.clientWidth + 1) problems.push(`text cut off: "${el.textContent?.slice(0, 60)}"`);
        const r = el.getBoundingClientRect();
        if (r.right > width + 0.5) problems.push(`text past the edge: "${el.textContent?.slice(0, 60)}"`);
      }
      const buttons = Array.from(host.querySelectorAll<HTMLElement>('button.ac-pushButton')).filter((b) => b.offsetParent !== null);
      for (const b of buttons) {
        const r = b.getBoundingClientRect();
        if (r.left < 0 || r.right > width + 0.5) problems.push(`button "${b.textContent}" past the edge`);
        if (r.height < 24 || r.width < 24) problems.push(`button "${b.textContent}" smaller than 24 px`);
        if (b.scrollWidth > b.clientWidth + 1) problems.push(`button "${b.textContent}" label cut off`);
      }
      // Buttons per row (by their top edge), and how many overflow ("…") buttons there are.
      const tops = new Map<number, number>();
      for (const b of buttons) tops.set(Math.round(b.getBoundingClientRect().top), (tops.get(Math.round(b.getBoundingClientRect().top)) ?? 0) + 1);
      const overflowButtons = buttons.filter((b) => b.classList.contains('ac-overflow-button') || b.getAttribute('aria-label') === 'More options').length;
      return { problems, rows: [...tops.values()], overflowButtons, scrollWidth: document.documentElement.scrollWidth };
    },
    { json: card, c: colours },
  );
}

describe.each(Object.keys(HOSTS) as (keyof typeof HOSTS)[])('cards on a 360 px phone, %s', (theme) => {
  test.each(CARDS)('%s: readable, inside the screen, buttons reachable', async (_name, card) => {
    const topLevel = (card.actions as unknown[] | undefined) ?? [];
    // At most three buttons in view; any more must be marked for the overflow menu.
    const primary = topLevel.filter((a) => (a as { mode?: string }).mode !== 'secondary');
    expect(primary.length).toBeLessThanOrEqual(3);
    const layout = await render(card, HOSTS[theme]);
    expect(layout.problems).toEqual([]);
    expect(layout.scrollWidth).toBeLessThanOrEqual(360);
    for (const row of layout.rows) expect(row).toBeLessThanOrEqual(4);
  });
});
