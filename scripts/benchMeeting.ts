/* eslint-disable no-console -- a command-line benchmark prints its figures */
import fs from 'node:fs';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import type { Config } from '../src/config';
import { liveEventSchema } from '../src/contract/meetings';
import { DEMO_PERSONAS, type DemoPersona } from '../src/demo/personas';
import { seedDemo } from '../src/demo/seedDemo';
import { minutesDocument } from '../src/documents/minutesDocument';
import { SharePointDocumentLibrary } from '../src/documents/sharePointDocumentLibrary';
import type { MinutesView } from '../src/kernel/minutesView';
import { createApp } from '../src/server/app';
import { keepConnectionsAlive } from '../src/server/keepAlive';
import { createGraphClient } from '../src/store/sharepoint/graphClient';
import { GRAPH_SCOPE, StaticTokenProvider } from '../src/store/sharepoint/tokenProvider';
import { SqliteStore } from '../src/store/sqlite/sqliteStore';
import { SharePointLibraryFake } from '../tests/fakes/sharePointLibraryFake';

/*
 * npm run bench:meeting. Two app instances on one SQLite file (as two App Service instances on one store), 30 side
 * panels subscribed to the meeting's live stream (Server-Sent Events), split across the two; the chair moves through
 * 20 items, alternating the instance the press goes to. For each press: the time until every panel has the new
 * current item. Then the minutes document for 30 decisions and 60 actions: build time and the requests to store it.
 * Figures are printed, not asserted: they depend on the machine.
 */

const PANELS = 30;
const ITEMS = 20;

const percentile = (xs: number[], p: number) => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.ceil((p / 100) * s.length) - 1)]!;
};
const ms = (n: number) => `${n.toFixed(0)} ms`;

async function listen(file: string): Promise<{ url: string; server: Server; store: SqliteStore }> {
  const store = new SqliteStore(file);
  const config: Config = {
    mode: 'local', host: '127.0.0.1', port: 0, store: 'sqlite', sqlitePath: file, refPrefix: 'BENCH', seedDemo: false,
    tabDir: path.join(os.tmpdir(), 'riskpanel-no-tab-here'), bot: {}, publicUrl: 'http://127.0.0.1', apiRateLimitPerMinute: 100_000,
  };
  const app = createApp({ config, store, rateLimit: { limit: 100_000 } });
  const server: Server = await new Promise((resolve) => { const s = keepConnectionsAlive(app.listen(0, '127.0.0.1', () => resolve(s))); });
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, server, store };
}

const auth = (p: DemoPersona) => ({ Authorization: `Dev ${p.email}` });

/** Follows one panel's stream and resolves each awaited item as soon as a snapshot shows it current. */
function follow(url: string, meetingId: string, p: DemoPersona) {
  const seen = new Map<string, number>();
  const waiting = new Map<string, () => void>();
  const controller = new AbortController();
  let connected: () => void;
  const ready = new Promise<void>((resolve) => (connected = resolve));
  void (async () => {
    const res = await fetch(`${url}/api/meetings/${meetingId}/events?view=panel`, { headers: auth(p), signal: controller.signal });
    if (!res.ok || !res.body) throw new Error(`stream for ${p.key}: ${res.status}`);
    const reader = res.body.getReader();
    const decoder = new TextDecoder();
    let buffer = '';
    for (;;) {
      const { value, done } = await reader.read().catch(() => ({ value: undefined, done: true }));
      if (done) return;
      buffer += decoder.decode(value, { stream: true });
      for (let end = buffer.indexOf('\n\n'); end >= 0; end = buffer.indexOf('\n\n')) {
        const block = buffer.slice(0, end);
        buffer = buffer.slice(end + 2);
        const data = block.split('\n').find((l) => l.startsWith('data: '));
        if (!data) continue;
        const event = liveEventSchema.parse(JSON.parse(data.slice(6)));
        connected!();
        const current = event.view === 'panel' ? event.meeting.current?.agendaItemId : undefined;
        if (current && !seen.has(current)) {
          seen.set(current, performance.now());
          waiting.get(current)?.();
        }
      }
    }
  })().catch(() => undefined);
  return {
    ready,
    /** When this panel first showed the item current. */
    shown: (itemId: string) => new Promise<number>((resolve) => {
      if (seen.has(itemId)) return resolve(seen.get(itemId)!);
      waiting.set(itemId, () => resolve(seen.get(itemId)!));
    }),
    close: () => controller.abort(),
  };
}

async function livePanels(): Promise<void> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'riskpanel-bench-meeting-'));
  const file = path.join(dir, 'bench.db');
  const seedStore = new SqliteStore(file);
  await seedDemo(seedStore, { now: new Date(), refPrefix: 'BENCH' });
  const chair = DEMO_PERSONAS.find((p) => p.key === 'chair')!;
  const meetingId = 'mtg-bench';
  await seedStore.transaction(async (tx) => {
    const quorum = (await tx.find('meetings'))[0]!.quorum;
    await tx.insert('meetings', {
      id: meetingId, title: 'Bench panel', startsAt: new Date().toISOString(), lengthMinutes: 200, chairId: chair.id, status: 'agenda_published', quorum,
      papersIssuedAt: new Date(Date.now() - 86_400_000).toISOString(),
    });
    for (let i = 1; i <= ITEMS; i++) {
      await tx.insert('agendaItems', { id: `bench-item-${i}`, meetingId, order: i, kind: 'any_other_business', title: `Bench item ${i}`, minutesAllotted: 10 });
    }
  });
  await seedStore.close();

  const a = await listen(file);
  const b = await listen(file);
  const followers = DEMO_PERSONAS.filter((p) => p.roles.some((r) => r === 'partner' || r === 'coordinator' || r === 'chair'));
  const panels = Array.from({ length: PANELS }, (_, i) => follow(i % 2 === 0 ? a.url : b.url, meetingId, followers[i % followers.length]!));
  await Promise.all(panels.map((p) => p.ready));

  const post = async (url: string, tail: string, body: unknown) => {
    const res = await fetch(`${url}/api/meetings/${meetingId}/${tail}`, { method: 'POST', headers: { ...auth(chair), 'Content-Type': 'application/json' }, body: JSON.stringify(body) });
    if (!res.ok) throw new Error(`${tail}: ${res.status} ${await res.text()}`);
    return (await res.json()) as { version: number };
  };
  let view = await post(a.url, 'start', { expectedVersion: 1 });
  await Promise.all(panels.map((p) => p.shown('bench-item-1')));

  const latencies: number[] = [];
  const perPress: number[] = [];
  for (let i = 2; i <= ITEMS; i++) {
    const itemId = `bench-item-${i}`;
    const pressedAt = performance.now();
    view = await post(i % 2 === 0 ? b.url : a.url, 'current-item', { expectedVersion: view.version, agendaItemId: itemId });
    const shown = await Promise.all(panels.map((p) => p.shown(itemId)));
    const each = shown.map((t) => t - pressedAt);
    latencies.push(...each);
    perPress.push(Math.max(...each));
  }
  for (const p of panels) p.close();
  for (const s of [a, b]) {
    s.server.closeAllConnections();
    await new Promise((resolve) => s.server.close(resolve));
    await s.store.close();
  }
  fs.rmSync(dir, { recursive: true, force: true });

  console.log(`Live meeting: ${PANELS} side panels over 2 instances on one SQLite file, the chair moving through ${ITEMS} items (${perPress.length} presses)`);
  console.log(`  press -> a panel shows the item:        p50 ${ms(percentile(latencies, 50))}, p95 ${ms(percentile(latencies, 95))}, max ${ms(Math.max(...latencies))} (${latencies.length} samples)`);
  console.log(`  press -> every panel shows the item:    p50 ${ms(percentile(perPress, 50))}, p95 ${ms(percentile(perPress, 95))} (target p95 < 1000 ms)`);
}

function bigMinutes(): MinutesView {
  const items = Array.from({ length: 30 }, (_, i) => ({
    order: i + 1,
    kind: (i % 3 === 0 ? 'new_referral' : 'review') as 'new_referral' | 'review',
    label: `BENCH-2026-${String(i + 1).padStart(4, '0')} \u00b7 A.B.`,
    notes: 'Invented discussion: agencies shared what they know and agreed the next steps.',
    decisions: [{
      outcome: (i % 3 === 0 ? 'accept' : 'continue') as 'accept' | 'continue',
      rationale: 'Invented rationale: the risk needs several agencies working together.', alternativesConsidered: 'Invented: a single-agency plan.',
      dissent: 'None', infoSharing: { what: 'Chronology', withWhom: 'Panel members', why: 'To manage the risk', basis: 'UK GDPR 6(1)(e)' }, inquorate: i === 29,
    }],
    actions: Array.from({ length: 2 }, (_, j) => ({
      description: `Invented action ${i * 2 + j + 1}: joint visit and report back`, ownerName: 'Invented Owner', agencyName: 'Police',
      dueDate: '2026-08-01', change: 'new' as const,
    })),
  }));
  return {
    meetingId: 'mtg-bench', title: 'Bench panel', startsAt: '2026-07-01T09:30:00Z', endedAt: '2026-07-01T12:30:00Z', chairName: 'Invented Chair',
    approvedAt: '2026-07-02T10:00:00Z', approvedByName: 'Invented Chair', issuedAt: '2026-07-03T10:00:00Z',
    attendance: ['Police', 'Council', 'Health', 'Fire', 'Probation', 'Housing'].map((agencyName) => ({
      agencyName, present: ['Invented One', 'Invented Two'], apologiesInfoSent: ['Invented Three'], apologiesNoInfo: [], absent: [], observers: [],
    })),
    quorate: { decisionsInquorate: 1 }, items, nextMeeting: 'Wednesday 5 August 2026, 09:30', timeliness: { workingDays: 2, standardWorkingDays: 3, withinStandard: true },
  };
}

async function minutesFigures(): Promise<void> {
  const view = bigMinutes();
  await minutesDocument(view); // warm-up
  const times: number[] = [];
  let bytes = 0;
  for (let i = 0; i < 10; i++) {
    const t = performance.now();
    bytes = (await minutesDocument(view)).length;
    times.push(performance.now() - t);
  }
  const library = new SharePointLibraryFake();
  const graph = createGraphClient({ tokens: new StaticTokenProvider(), scope: GRAPH_SCOPE, userAgent: 'NONISV|Bench|RiskPanel/bench', fetch: library.fetch });
  const documents = new SharePointDocumentLibrary(graph, library.siteId);
  await documents.put('Minutes/2026/bench.docx', await minutesDocument(view), 'application/octet-stream');
  console.log('Minutes document, 30 decisions and 60 actions:');
  console.log(`  build (docx): p50 ${ms(percentile(times, 50))}, max ${ms(Math.max(...times))} over ${times.length} builds; ${(bytes / 1024).toFixed(1)} KiB`);
  console.log(`  store in the SharePoint library (Graph fake): ${library.requests.length} requests (${library.requests.map((r) => `${r.method} ${r.path.split(':')[0]}`).join(', ')}); later issues reuse the drive id: 1 PUT`);
}

async function main(): Promise<void> {
  await livePanels();
  await minutesFigures();
}

main().then(() => process.exit(0), (err: unknown) => {
  console.error(err);
  process.exit(1);
});
