import { type ChildProcess, spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { databaseHolders, holdDatabase } from '../../src/store/sqlite/databaseOwners';
import { SqliteStore } from '../../src/store/sqlite/sqliteStore';

// `npm run demo:reset` must not replace the database under a running server (its later writes would be lost):
// a real server in a second process holds the file; reset refuses until it has stopped.

const ROOT = path.join(__dirname, '../..');
let dir: string;
let database: string;
let env: NodeJS.ProcessEnv;
beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'riskpanel-reset-'));
  database = path.join(dir, 'riskpanel.db');
  // Local mode with the SQLite store, whatever this shell has set; not "under jest", so the server logs as it would.
  const { RISKPANEL_MODE: _m, STORE: _s, NODE_ENV: _n, JEST_WORKER_ID: _j, LOG_LEVEL: _l, ...rest } = process.env;
  env = { ...rest, SQLITE_PATH: database, PORT: '0', HOST: '127.0.0.1', SCHEDULER: 'off' };
});
afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

/** node with tsx's loader (not the tsx CLI, whose child a signal would not reach). */
const node = (args: string[]): ChildProcess => spawn(process.execPath, ['--import', 'tsx', ...args], { cwd: ROOT, env, stdio: ['ignore', 'pipe', 'pipe'] });

/** Resolves when the process prints a line containing `text` (or rejects when it exits first). */
function printed(child: ChildProcess, text: string): Promise<void> {
  return new Promise((resolve, reject) => {
    let out = '';
    child.stdout!.on('data', (d: Buffer) => {
      out += d.toString();
      if (out.includes(text)) resolve();
    });
    child.on('exit', (code) => reject(new Error(`exited (${code}) before printing ${text}: ${out}`)));
  });
}

const exited = (child: ChildProcess): Promise<number | null> =>
  child.exitCode !== null ? Promise.resolve(child.exitCode) : new Promise((resolve) => child.once('exit', (code) => resolve(code)));

/** A record the demo seed never writes, to tell the old database from a fresh one. */
async function setMarker(): Promise<void> {
  const store = new SqliteStore(database);
  await store.transaction((tx) => tx.insert('leases', { id: 'test:marker', holder: 'test', expiresAt: '2026-01-01T00:00:00.000Z' }));
  await store.close();
}
async function hasMarker(): Promise<boolean> {
  const store = new SqliteStore(database);
  const found = await store.transaction((tx) => tx.get('leases', 'test:marker'));
  await store.close();
  return found !== undefined;
}

async function reset(): Promise<{ code: number | null; stderr: string }> {
  const child = node(['scripts/resetDemo.ts']);
  let stderr = '';
  child.stderr!.on('data', (d: Buffer) => (stderr += d.toString()));
  return { code: await exited(child), stderr };
}

describe('demo:reset', () => {
  it('refuses while a server runs on the database, and resets once it has stopped', async () => {
    const server = node(['src/main.ts']);
    try {
      await printed(server, 'server.listening');
      await setMarker();

      const refused = await reset();
      expect(refused.code).toBe(1);
      expect(refused.stderr).toContain('Stop `npm start` first');
      expect(refused.stderr).toContain(String(server.pid));
      expect(await hasMarker()).toBe(true); // the file the server writes to is still the one on disk

      server.kill('SIGTERM');
      expect(await exited(server)).toBe(0);
      expect(databaseHolders(database)).toEqual([]);
      const done = await reset();
      expect(done).toEqual({ code: 0, stderr: '' });
      expect(await hasMarker()).toBe(false); // a fresh demo database
    } finally {
      if (server.exitCode === null) server.kill('SIGKILL');
    }
  }, 120_000);

  it('is not blocked by a server that was killed outright (its entry is stale)', async () => {
    const holder = node(['-e', `require('./src/store/sqlite/databaseOwners').holdDatabase(${JSON.stringify(database)}); console.log('holding'); setInterval(() => {}, 60000);`]);
    await printed(holder, 'holding');
    expect(databaseHolders(database)).toEqual([holder.pid]);
    holder.kill('SIGKILL');
    await exited(holder);
    expect(databaseHolders(database)).toEqual([]);
    expect(await reset()).toEqual({ code: 0, stderr: '' });
  }, 60_000);
});

describe('databaseHolders', () => {
  it('does not count this process, and forgets entries once released', () => {
    const release = holdDatabase(database);
    expect(databaseHolders(database)).toEqual([]);
    expect(databaseHolders(database, -1)).toEqual([process.pid]);
    release();
    expect(databaseHolders(database, -1)).toEqual([]);
  });
});
