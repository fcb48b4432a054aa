/**
 * `npm run screenshots`: every page of the tab at 390 × 844 (a common phone; the meeting side panel at its 320 px), in
 * the light, dark and high-contrast themes, as full-page PNGs for people to look at, written to dist/screenshots/
 * (git-ignored; rebuilt output). Needs the built tab (`npm run build:tab`) and Debian's Chromium, as the browser tests
 * do; runs the real server in local mode on a temporary SQLite file seeded with the demo partnership.
 */
import fs from 'node:fs';
import path from 'node:path';
import type { Page } from 'playwright-core';
import type { MeetingSummary, MeetingView } from '../src/contract';
import { launchBrowser } from '../tests/e2e/support/browser';
import { type PersonaItem, apiAs, personas, startTabServer } from '../tests/e2e/support/tabServer';

const OUT = path.resolve(__dirname, '..', 'dist', 'screenshots');
const THEMES = ['light', 'dark', 'contrast'] as const;

async function main(): Promise<void> {
  const server = await startTabServer();
  const browser = await launchBrowser();
  try {
    const all = await personas(server);
    const coordinator = all.find((p) => p.roles.includes('coordinator'))!;
    const partner: PersonaItem = all.find((p) => p.name === 'Alex Brightwater') ?? all.find((p) => p.roles.includes('partner'))!;
    const cases = await apiAs<{ items: { id: string; access?: string }[] }>(server, coordinator.email, '/api/cases?status=open&pageSize=5');
    const seen = await apiAs<{ items: { id: string; access?: string }[] }>(server, partner.email, '/api/cases?pageSize=200');
    const summary = seen.items.find((i) => i.access === 'summary');
    const meetings = await apiAs<MeetingSummary[]>(server, coordinator.email, '/api/meetings');
    const next = meetings.find((m) => m.status === 'planned' || m.status === 'agenda_published');
    const held = meetings.find((m) => m.status === 'held' || m.status === 'minutes_issued');
    const nextView = next ? await apiAs<MeetingView>(server, coordinator.email, `/api/meetings/${next.id}`) : undefined;
    const chair = all.find((p) => p.name === nextView?.chairName) ?? coordinator;
    const showAudit = async (page: Page) => {
      await page.getByRole('button', { name: 'Show the audit trail' }).click();
      await page.getByRole('status').filter({ hasText: /audit events\./ }).waitFor();
    };
    // A page added later (import) adds a line here.
    const pages: { file: string; who: PersonaItem; hash: string; width?: number; open?: (page: Page) => Promise<void> }[] = [
      { file: 'home', who: coordinator, hash: '#/' },
      { file: 'register', who: coordinator, hash: '#/register' },
      ...(cases.items[0] ? [{ file: 'case', who: coordinator, hash: `#/cases/${cases.items[0].id}` }] : []),
      { file: 'refer', who: coordinator, hash: '#/refer' },
      { file: 'screening', who: coordinator, hash: '#/screening' },
      { file: 'actions-overdue', who: coordinator, hash: '#/actions?scope=overdue' },
      { file: 'meetings', who: coordinator, hash: '#/meetings' },
      ...(next ? [
        { file: 'meeting', who: coordinator, hash: `#/meetings/${next.id}` },
        { file: 'meeting-panel-320', who: chair, hash: `#/meetings/${next.id}/panel`, width: 320 },
        { file: 'meeting-stage', who: chair, hash: `#/meetings/${next.id}/stage` },
      ] : []),
      ...(held ? [{ file: 'meeting-held', who: coordinator, hash: `#/meetings/${held.id}` }] : []),
      ...(cases.items[0] ? [{ file: 'case-audit', who: coordinator, hash: `#/cases/${cases.items[0].id}`, open: showAudit }] : []),
      { file: 'reports', who: coordinator, hash: '#/reports' },
      { file: 'admin', who: coordinator, hash: '#/admin' },
      { file: 'learning', who: coordinator, hash: '#/learning' },
      { file: 'plan', who: coordinator, hash: '#/plan' },
      { file: 'home-partner', who: partner, hash: '#/' },
      ...(summary ? [{ file: 'case-summary-partner', who: partner, hash: `#/cases/${summary.id}` }] : []),
    ];
    fs.mkdirSync(OUT, { recursive: true });
    for (const theme of THEMES) {
      for (const p of pages) {
        const context = await browser.newContext({ viewport: { width: p.width ?? 390, height: 844 }, deviceScaleFactor: 2, hasTouch: true, locale: 'en-GB', timezoneId: 'Europe/London' });
        await context.addInitScript((email) => window.localStorage.setItem('riskpanel.persona', email), p.who.email);
        const page = await context.newPage();
        await page.goto(`${server.url}/?theme=${theme}${p.hash}`);
        await page.getByRole('heading', { level: 1 }).first().waitFor();
        await p.open?.(page);
        // Data arrives after the heading: wait until nothing is loading any more.
        await page.waitForFunction(() => !document.querySelector('[aria-busy="true"]'), undefined, { timeout: 15_000 }).catch(() => undefined);
        // The meeting pages keep their live stream open, so the network never falls quite idle there.
        await page.waitForLoadState('networkidle', { timeout: 5_000 }).catch(() => undefined);
        const file = path.join(OUT, `${p.file}-${theme}.png`);
        await page.screenshot({ path: file, fullPage: true });
        console.info(`wrote ${path.relative(process.cwd(), file)}`);
        await context.close();
      }
    }
  } finally {
    await browser.close();
    await server.close();
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
