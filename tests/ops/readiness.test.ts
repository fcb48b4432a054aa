import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createApp } from '../../src/server/app';
import { graphTokenAvailable, Readiness, storeAnswers } from '../../src/server/readiness';
import type { Store } from '../../src/store/port';
import { testConfig } from '../api/server';
import { createWorld, FIXED_NOW, type World } from '../support/world';

// /readyz over real HTTP: 503 until the store answers (and, when asked for, a Graph token can be had), 200 after;
// /healthz (liveness) answers 200 throughout.

/** The world's store, except that it fails every transaction until `answer()` is called. */
function notYetAnswering(store: Store): { store: Store; answer(): void; tries(): number } {
  let answering = false;
  let tries = 0;
  const wrapped: Store = {
    name: store.name,
    transaction: (work) => {
      tries++;
      return answering ? store.transaction(work) : Promise.reject(new Error('SQLITE_CANTOPEN (simulated)'));
    },
    listDataQualityIssues: () => store.listDataQualityIssues(),
    close: () => store.close(),
  };
  return { store: wrapped, answer: () => (answering = true), tries: () => tries };
}

async function listen(app: ReturnType<typeof createApp>): Promise<{ url: string; close(): Promise<void> }> {
  const server: Server = await new Promise((resolve) => {
    const s = app.listen(0, '127.0.0.1', () => resolve(s));
  });
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    close: () => {
      server.closeAllConnections();
      return new Promise((resolve) => server.close(() => resolve()));
    },
  };
}

describe('GET /readyz', () => {
  let world: World;
  beforeEach(async () => {
    world = await createWorld();
  });
  afterEach(() => world.close());

  it('answers 503 while the store does not answer, 200 once it does; /healthz is 200 throughout', async () => {
    const slow = notYetAnswering(world.store);
    const server = await listen(createApp({ config: testConfig(world.file), store: slow.store, now: () => FIXED_NOW }));
    try {
      const before = await fetch(`${server.url}/readyz`);
      expect(before.status).toBe(503);
      expect(before.headers.get('retry-after')).toBe('5');
      expect(before.headers.get('cache-control')).toBe('no-store');
      expect(await before.json()).toEqual({ status: 'starting', checks: { store: 'failed' } });
      expect((await fetch(`${server.url}/healthz`)).status).toBe(200);

      slow.answer();
      const after = await fetch(`${server.url}/readyz`);
      expect(after.status).toBe(200);
      expect(await after.json()).toEqual({ status: 'ready', checks: { store: 'ok' } });
      expect((await fetch(`${server.url}/healthz`)).status).toBe(200);

      // Ready stays ready without asking the store again on every probe.
      const tries = slow.tries();
      expect((await fetch(`${server.url}/readyz`)).status).toBe(200);
      expect(slow.tries()).toBe(tries);
    } finally {
      await server.close();
    }
  });

  it('in production also waits for a Graph token, and says which check is missing', async () => {
    let tokenWorks = false;
    const readiness = new Readiness([
      storeAnswers(world.store),
      graphTokenAvailable(async () => {
        if (!tokenWorks) throw new Error('AADSTS700027 (simulated)');
        return 'eyJ.token.sig';
      }),
    ]);
    const server = await listen(createApp({ config: testConfig(world.file, { mode: 'production' }), store: world.store, readiness }));
    try {
      const before = await fetch(`${server.url}/readyz`);
      expect(before.status).toBe(503);
      const body = await before.text();
      expect(JSON.parse(body)).toEqual({ status: 'starting', checks: { store: 'ok', graphToken: 'failed' } });
      // The reason (which may name a tenant or an app) stays in the logs, not in the answer.
      expect(body).not.toContain('AADSTS');

      tokenWorks = true;
      const after = await fetch(`${server.url}/readyz`);
      expect(after.status).toBe(200);
      expect(await after.json()).toEqual({ status: 'ready', checks: { store: 'ok', graphToken: 'ok' } });
    } finally {
      await server.close();
    }
  });

  it('answers 503 draining once shutdown has begun, ready or not', async () => {
    const readiness = new Readiness([storeAnswers(world.store)]);
    const server = await listen(createApp({ config: testConfig(world.file), store: world.store, readiness }));
    try {
      expect((await fetch(`${server.url}/readyz`)).status).toBe(200);
      readiness.drain();
      const draining = await fetch(`${server.url}/readyz`);
      expect(draining.status).toBe(503);
      expect(await draining.json()).toEqual({ status: 'draining', checks: { store: 'ok' } });
    } finally {
      await server.close();
    }
  });

  it('shares one try between probes that arrive together', async () => {
    let calls = 0;
    let release!: () => void;
    const gate = new Promise<void>((resolve) => (release = resolve));
    const readiness = new Readiness([{ name: 'store', run: () => (calls++, gate) }]);
    const reports = Promise.all([readiness.report(), readiness.report(), readiness.report()]);
    release();
    expect((await reports).map((r) => r.status)).toEqual(['ready', 'ready', 'ready']);
    expect(calls).toBe(1);
  });
});
