import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import { MIGRATIONS } from '../../src/store/sqlite/migrations';
import { SqliteStore } from '../../src/store/sqlite/sqliteStore';
import { makeCase } from '../support/records';

// A council that ran an earlier release has cases in its file when a new release starts: every migration that derives
// index data from stored cases must run over real rows (a connection cannot write while it iterates a SELECT, which
// passes on an empty file and fails on the first real one).

let dir: string;
beforeEach(() => (dir = fs.mkdtempSync(path.join(os.tmpdir(), 'riskpanel-migrate-'))));
afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

it('upgrades a file written by the first release, with cases in it, to the current schema and finds the cases by their index data', async () => {
  const file = path.join(dir, 'old.db');
  const old = new Database(file);
  old.exec('CREATE TABLE schema_migrations (version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at TEXT NOT NULL)');
  for (const m of MIGRATIONS.filter((m) => m.version <= 2)) {
    old.exec(m.sql);
    old.prepare('INSERT INTO schema_migrations VALUES (?, ?, ?)').run(m.version, m.name, '2026-01-01T00:00:00.000Z');
  }
  const cases = [1, 2, 3].map((n) => ({ ...makeCase({ id: `c${n}` }), ref: `CASPA-2026-00${n}` }));
  for (const c of cases) old.prepare('INSERT INTO "cases" (id, version, idempotency_key, data) VALUES (?, 1, NULL, ?)').run(c.id, JSON.stringify({ ...c, version: 1 }));
  old.close();

  const store = new SqliteStore(file);
  try {
    const found = await store.transaction((tx) => tx.find('cases', { where: [{ field: 'ref', op: 'eq', value: 'CASPA-2026-002' }] }));
    expect(found.map((c) => c.id)).toEqual(['c2']);
    const all = await store.transaction((tx) => tx.count('cases'));
    expect(all).toBe(3);
  } finally {
    await store.close();
  }
  const db = new Database(file, { readonly: true });
  const applied = (db.prepare('SELECT version FROM schema_migrations ORDER BY version').all() as { version: number }[]).map((r) => r.version);
  db.close();
  expect(applied).toEqual(MIGRATIONS.map((m) => m.version).sort((a, b) => a - b));
});
