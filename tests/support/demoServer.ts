import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Config } from '../../src/config';
import { DEMO_PERSONAS, type DemoPersona } from '../../src/demo/personas';
import { seedDemo } from '../../src/demo/seedDemo';
import type { ActionRecord, Agency, CaseRecord, Member } from '../../src/domain/records';
import type { Actor } from '../../src/policies/actor';
import { NOTIFICATION_PAYLOADS } from '../../src/kernel/notifications';
import { createApp } from '../../src/server/app';
import { keepConnectionsAlive } from '../../src/server/keepAlive';
import type { Kind, Store } from '../../src/store/port';
import { KINDS } from '../../src/store/schema';
import { SqliteStore } from '../../src/store/sqlite/sqliteStore';

/*
 * The real HTTP server (API + bot endpoint, as src/server/app.ts composes them) over a copy of one demo-seeded SQLite
 * file. The seed runs once per test file; each suite gets its own copy, so a suite that writes cannot change what
 * another suite expects. Everything is asked over HTTP: the store is only read to compute what the rules allow.
 */

export const DEMO_NOW = new Date('2026-06-15T09:00:00Z');
export const REF_PREFIX = 'CASPA';

let template: Promise<string> | undefined;
const dirs: string[] = [];

async function buildTemplate(): Promise<string> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'riskpanel-security-'));
  dirs.push(dir);
  const file = path.join(dir, 'template.db');
  const store = new SqliteStore(file);
  await seedDemo(store, { now: DEMO_NOW, refPrefix: REF_PREFIX });
  // An overdue digest as the scan would queue it for a partnership channel (the scan itself needs a captured channel),
  // listing every action, restricted cases' included: the digest card must still show only what a channel may see.
  await store.transaction(async (tx) => {
    const actions = await tx.find('actions');
    const byAgency = new Map<string, string[]>();
    for (const a of actions) byAgency.set(a.agencyId, [...(byAgency.get(a.agencyId) ?? []), a.id]);
    const payload = NOTIFICATION_PAYLOADS.overdueDigest.parse({
      conversationRefId: 'conversation-partnership-channel',
      asOf: DEMO_NOW.toISOString().slice(0, 10),
      actionIds: [...byAgency.values()].flat(),
      agencies: [...byAgency].map(([agencyId, actionIds]) => ({ agencyId, actionIds })),
    });
    await tx.append('outbox', {
      id: 'digest-security-matrix', idempotencyKey: 'overdueDigest:security-matrix', kind: 'overdueDigest',
      createdAt: DEMO_NOW.toISOString(), payload, status: 'sent', attempts: 0,
    });
  });
  await store.close();
  return file;
}

afterAll(() => {
  for (const dir of dirs.splice(0)) fs.rmSync(dir, { recursive: true, force: true });
});

export interface DemoServer {
  url: string;
  store: Store;
  /** The overdue digest the scan queued. */
  digestId: string;
  /** fetch as a demo persona (Dev sign-in, local mode), or anonymously. */
  call(method: string, route: string, opts?: { as?: DemoPersona; json?: unknown; body?: string; headers?: Record<string, string> }): Promise<Response>;
  /** POST an activity to /api/messages (deliveryMode expectReplies: the replies come back in the body). */
  activity(body: unknown): Promise<Response>;
  counts(): Promise<Record<Kind, number>>;
  cases(): Promise<CaseRecord[]>;
  actions(): Promise<ActionRecord[]>;
  actorOf(p: DemoPersona): Promise<Actor>;
  close(): Promise<void>;
}

export async function startDemoServer(): Promise<DemoServer> {
  template ??= buildTemplate();
  const source = await template;
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'riskpanel-security-copy-'));
  dirs.push(dir);
  const file = path.join(dir, 'demo.db');
  fs.copyFileSync(source, file);
  return serve(file);
}

async function serve(file: string): Promise<DemoServer> {
  const store = new SqliteStore(file);
  const config: Config = {
    mode: 'local',
    host: '127.0.0.1',
    port: 0,
    store: 'sqlite',
    sqlitePath: file,
    refPrefix: REF_PREFIX,
    seedDemo: false,
    tabDir: path.join(os.tmpdir(), 'riskpanel-no-tab-here'),
    bot: {},
    publicUrl: 'http://127.0.0.1',
  };
  const app = createApp({ config, store, now: () => DEMO_NOW });
  const server: Server = await new Promise((resolve, reject) => {
    const s = keepConnectionsAlive(app.listen(0, '127.0.0.1', () => resolve(s)));
    s.on('error', reject);
  });
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const digest = await store.transaction(async (tx) => (await tx.find('outbox')).find((r) => r.kind === 'overdueDigest'));
  return {
    url,
    store,
    digestId: digest?.id ?? 'no-digest-queued',
    call(method, route, { as, json, body, headers = {} } = {}) {
      const h: Record<string, string> = { ...headers };
      if (as) h.authorization = `Dev ${as.email}`;
      let payload = body;
      if (json !== undefined) {
        payload = JSON.stringify(json);
        h['content-type'] ??= 'application/json';
      }
      return fetch(url + route, { method, headers: h, body: payload });
    },
    activity: (body) => fetch(`${url}/api/messages`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) }),
    async counts() {
      const entries = await store.transaction(async (tx) => Promise.all(KINDS.map(async (kind) => [kind, (await tx.find(kind)).length] as const)));
      return Object.fromEntries(entries) as Record<Kind, number>;
    },
    cases: () => store.transaction((tx) => tx.find('cases')),
    actions: () => store.transaction((tx) => tx.find('actions')),
    actorOf: (p) =>
      store.transaction(async (tx) => {
        const member = (await tx.get('members', p.id)) as Member;
        return { member, agency: (await tx.get('agencies', member.agencyId)) as Agency };
      }),
    async close() {
      await new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      });
      await store.close();
    },
  };
}

export const PERSONAS: readonly DemoPersona[] = DEMO_PERSONAS;

/** Runs `work` over `items` with at most `limit` in flight: a few requests at a time, kind to a 2-core machine. */
export async function inBatches<T, R>(items: readonly T[], limit: number, work: (item: T) => Promise<R>): Promise<R[]> {
  const out: R[] = new Array(items.length);
  let next = 0;
  const worker = async () => {
    while (next < items.length) {
      const i = next++;
      out[i] = await work(items[i]!);
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
  return out;
}
