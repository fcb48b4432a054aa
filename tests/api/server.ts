import { keepConnectionsAlive } from '../../src/server/keepAlive';
import type { AddressInfo } from 'node:net';
import type { Server } from 'node:http';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { BearerVerifier } from '../../src/auth/bearerAuth';
import type { Config, Mode } from '../../src/config';
import type { Kind, Store } from '../../src/store/port';
import { KINDS } from '../../src/store/schema';
import { createApp } from '../../src/server/app';
import { FIXED_NOW, MEMBERS, type Persona, type World, createWorld } from '../support/world';

/** A real RiskPanel HTTP server on 127.0.0.1, port 0, over a temporary SQLite world. */
export interface TestServer {
  url: string;
  world: World;
  config: Config;
  /** fetch against the server; `as` signs in as a persona with the Dev scheme. */
  call(method: string, route: string, opts?: { as?: Persona; json?: unknown; body?: string; headers?: Record<string, string> }): Promise<Response>;
  /** Rows of every kind, to prove a refused request changed nothing. */
  counts(): Promise<Record<Kind, number>>;
  close(): Promise<void>;
}

export function testConfig(file: string, overrides: Partial<Config> = {}): Config {
  return {
    mode: 'local',
    host: '127.0.0.1',
    port: 0,
    store: 'sqlite',
    sqlitePath: file,
    refPrefix: 'CASPA',
    seedDemo: false,
    tabDir: path.join(os.tmpdir(), 'riskpanel-no-tab-here'),
    bot: {},
    publicUrl: 'http://127.0.0.1',
    ...overrides,
  };
}

export interface ServerOptions {
  mode?: Mode;
  tabDir?: string;
  verifyBearer?: BearerVerifier;
  tabClientId?: string;
  /** Wraps the world's store, e.g. to make it fail. */
  wrapStore?: (store: Store) => Store;
}

export async function startServer(opts: ServerOptions = {}): Promise<TestServer> {
  const world = await createWorld();
  const config = testConfig(world.file, { mode: opts.mode ?? 'local', ...(opts.tabDir ? { tabDir: opts.tabDir } : {}) });
  const app = createApp({ config, store: opts.wrapStore ? opts.wrapStore(world.store) : world.store, now: () => FIXED_NOW, verifyBearer: opts.verifyBearer, ...(opts.tabClientId ? { tabClientId: opts.tabClientId } : {}) });
  const server: Server = await new Promise((resolve, reject) => {
    const s = keepConnectionsAlive(app.listen(0, '127.0.0.1', () => resolve(s)));
    s.on('error', reject);
  });
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    url,
    world,
    config,
    call(method, route, { as, json, body, headers = {} } = {}) {
      const h: Record<string, string> = { ...headers };
      if (as) h.authorization = `Dev ${MEMBERS[as].email}`;
      let payload = body;
      if (json !== undefined) {
        payload = JSON.stringify(json);
        h['content-type'] ??= 'application/json';
      }
      return fetch(url + route, { method, headers: h, body: payload });
    },
    async counts() {
      const entries = await world.store.transaction(async (tx) =>
        Promise.all(KINDS.map(async (kind) => [kind, (await tx.find(kind)).length] as const)),
      );
      return Object.fromEntries(entries) as Record<Kind, number>;
    },
    async close() {
      await new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      });
      await world.close();
    },
  };
}

/** Reads a problem+json answer, failing loudly if the response is anything else. */
export async function problemOf(res: Response): Promise<{ type: string; title: string; status: number; detail: string; errors?: { field: string; message: string }[] }> {
  expect(res.headers.get('content-type')).toMatch(/^application\/problem\+json/);
  const body = await res.json();
  expect(body).toMatchObject({ type: 'about:blank', status: res.status });
  expect(typeof body.title).toBe('string');
  expect(typeof body.detail).toBe('string');
  return body;
}

/** A temporary folder holding a stand-in built tab. */
export function fakeTab(): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'riskpanel-tab-'));
  fs.mkdirSync(path.join(dir, 'assets'));
  fs.writeFileSync(path.join(dir, 'index.html'), '<!doctype html><title>RiskPanel tab</title><meta name="riskpanel-client-id" content="" /><div id="root"></div>');
  fs.writeFileSync(path.join(dir, 'assets', 'app-abc123.js'), 'console.log("tab")');
  return dir;
}
