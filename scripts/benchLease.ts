/**
 * How long card delivery stops when the instance sending it dies: two instances share one SQLite file, each running
 * the outbox sender on the production schedule (OUTBOX_INTERVAL_SECONDS's default, the default lease length and
 * heartbeat). Instance A takes the outbox lease and starts posting a card; the fake Bot Connector service never
 * answers it, and A is killed (SIGKILL) mid-send. The figure is the time from the kill to instance B posting:
 *   npm run bench:lease [-- <rounds>]
 * Expect up to one lease length (B may take over only when A's last heartbeat runs out) plus up to one outbox
 * interval (B looks again on its own timer). The card A had in flight is posted again by B: it repeats, never lost.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import fs from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { DEFAULT_NOTIFY } from '../src/config';
import type { ConversationRef } from '../src/domain/records';
import { HttpBotConnector } from '../src/notify/httpConnector';
import { outboxJob } from '../src/notify/jobs';
import { DEFAULT_LEASE_TTL_MS } from '../src/notify/lease';
import type { Render } from '../src/notify/render';
import { Scheduler } from '../src/notify/scheduler';
import { SqliteStore } from '../src/store/sqlite/sqliteStore';

const CONVERSATION = 'bench-channel';

/** Every pending row is a plain text card to the one bench conversation. */
const render: Render = async (row, tx) => {
  const ref = await tx.get('conversations', CONVERSATION);
  return ref ? [{ ref, activity: { type: 'message' as const, text: `Invented bench card ${row.id}` } }] : null;
};

/** One instance: the outbox sender on its interval under the lease, until killed. */
async function instance(file: string, holder: string): Promise<void> {
  const store = new SqliteStore(file);
  const log = process.env.BENCH_DEBUG ? (event: string, fields: Record<string, unknown>) => process.stderr.write(`${holder} ${event} ${JSON.stringify(fields)}\n`) : undefined;
  const job = outboxJob({ store, connector: new HttpBotConnector({ timeoutMs: 600_000 }), render, everyMs: DEFAULT_NOTIFY.outboxIntervalSeconds * 1000, ...(log ? { log } : {}) });
  const scheduler = new Scheduler({ store, holder, jobs: [job], ...(log ? { log } : {}) });
  await scheduler.start();
  process.stdout.write('started\n');
  // Timers are unref'd (they never keep a server alive by themselves); this one keeps the bench instance up.
  setInterval(() => undefined, 60_000);
}

async function setUp(file: string, serviceUrl: string): Promise<void> {
  const store = new SqliteStore(file);
  const ref: Omit<ConversationRef, 'version'> = {
    id: CONVERSATION,
    conversationId: '19:bench@thread.tacv2',
    conversationType: 'channel',
    serviceUrl,
    isPartnershipChannel: true,
    active: true,
    capturedAt: new Date().toISOString(),
  };
  await store.transaction(async (tx) => {
    await tx.insert('conversations', ref);
    await tx.append('outbox', { id: 'bench-card', idempotencyKey: 'bench:card', kind: 'note', createdAt: new Date().toISOString(), payload: {}, status: 'pending', attempts: 0 });
  });
  await store.close();
}

function start(file: string, holder: string): ChildProcess {
  // node itself with tsx's loader, not the tsx CLI: the CLI runs node as a child, which SIGKILL would leave running.
  return spawn(process.execPath, ['--import', 'tsx', __filename, 'instance', file, holder], { stdio: ['ignore', 'pipe', 'inherit'] });
}

const waitFor = (check: () => boolean): Promise<void> =>
  new Promise((resolve) => {
    const timer = setInterval(() => {
      if (check()) {
        clearInterval(timer);
        resolve();
      }
    }, 10);
  });

/** One round: A sends, hangs, is killed; returns milliseconds from the kill to B's post. */
async function round(): Promise<{ ms: number; posts: number }> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'riskpanel-bench-lease-'));
  const file = path.join(dir, 'bench.db');
  const posts: { at: number; key: string }[] = [];
  const server = http.createServer((req, res) => {
    let body = '';
    req.on('data', (d: Buffer) => (body += d.toString()));
    req.on('end', () => {
      posts.push({ at: Date.now(), key: String(req.headers['x-riskpanel-delivery-key'] ?? '') });
      if (posts.length === 1) return; // A's post: never answered, A dies waiting for it
      res.writeHead(200, { 'Content-Type': 'application/json' }).end(JSON.stringify({ id: `activity-${posts.length}` }));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const serviceUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}/`;
  await setUp(file, serviceUrl);

  const a = start(file, 'instance-a');
  await waitFor(() => posts.length >= 1); // A holds the lease and has the card in flight
  const b = start(file, 'instance-b');
  await new Promise<void>((resolve) => b.stdout!.once('data', () => resolve()));
  const killedAt = Date.now();
  a.kill('SIGKILL');
  await waitFor(() => posts.length >= 2);
  const ms = posts[1]!.at - killedAt;
  b.kill('SIGKILL');
  server.closeAllConnections();
  server.close();
  fs.rmSync(dir, { recursive: true, force: true });
  return { ms, posts: posts.length };
}

async function main(): Promise<void> {
  const rounds = Number(process.argv[2] ?? 3);
  console.info(`Lease ${DEFAULT_LEASE_TTL_MS / 1000} s, renewed every ${DEFAULT_LEASE_TTL_MS / 3000} s; outbox every ${DEFAULT_NOTIFY.outboxIntervalSeconds} s.`);
  const figures: number[] = [];
  for (let i = 1; i <= rounds; i++) {
    const { ms } = await round();
    figures.push(ms);
    console.info(`round ${i}: killed the sending instance; the other posted the card ${(ms / 1000).toFixed(1)} s later`);
  }
  const max = Math.max(...figures);
  const mean = figures.reduce((a, b) => a + b, 0) / figures.length;
  console.info(`kill to next post: mean ${(mean / 1000).toFixed(1)} s, worst ${(max / 1000).toFixed(1)} s over ${rounds} rounds`);
  console.info(`(bound: lease ${DEFAULT_LEASE_TTL_MS / 1000} s + interval ${DEFAULT_NOTIFY.outboxIntervalSeconds} s = ${(DEFAULT_LEASE_TTL_MS / 1000 + DEFAULT_NOTIFY.outboxIntervalSeconds).toFixed(0)} s)`);
}

if (process.argv[2] === 'instance') {
  instance(process.argv[3]!, process.argv[4]!).catch((err: unknown) => {
    process.stderr.write(String((err as Error).stack ?? err));
    process.exit(1);
  });
} else {
  main().catch((err: unknown) => {
    console.error(err);
    process.exit(1);
  });
}
