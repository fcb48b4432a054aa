import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { readUnit } from '../../src/kernel/query';
import { SqliteStore } from '../../src/store/sqlite/sqliteStore';
import { audit } from '../contract/storeContract';
import { insert, makeCase } from '../support/records';

// Reads of a query run on SQLite's WAL read connection: they do not wait for a write in progress, and what the unit
// writes (its audit event) commits before the answer is returned, or not at all when the unit fails.

let dir: string;
let store: SqliteStore;
beforeEach(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'riskpanel-read-'));
  store = new SqliteStore(path.join(dir, 'read.db'));
  await insert(store, 'cases', makeCase({ id: 'c1' }));
});
afterEach(async () => {
  await store.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

describe('read units', () => {
  it('read while a write transaction is still open, and see the last committed state', async () => {
    let release!: () => void;
    const gate = new Promise<void>((r) => (release = r));
    const writing = store.transaction(async (tx) => {
      await tx.insert('cases', { ...makeCase({ id: 'c2' }), version: undefined } as never);
      await gate;
    });
    // Resolves although the write above holds the writer; it would wait for `release` if reads queued behind it.
    const seen = await readUnit(store, async (tx) => (await tx.find('cases')).map((c) => c.id));
    expect(seen).toEqual(['c1']);
    release();
    await writing;
    expect(await readUnit(store, async (tx) => (await tx.find('cases')).map((c) => c.id))).toEqual(['c1', 'c2']);
  });

  it('commit what the unit writes before the answer, and read it back within the unit', async () => {
    const answer = await readUnit(store, async (tx) => {
      const c = await tx.get('cases', 'c1');
      await tx.append('audit', audit('e1', 'k1', '2026-06-15T09:00:00.000Z', { recordId: c!.id }));
      return (await tx.find('audit')).map((e) => e.id);
    });
    expect(answer).toEqual(['e1']);
    expect((await store.transaction((tx) => tx.find('audit'))).map((e) => e.id)).toEqual(['e1']);
  });

  it('write nothing when the unit fails after writing', async () => {
    await expect(
      readUnit(store, async (tx) => {
        await tx.append('audit', audit('e1', 'k1', '2026-06-15T09:00:00.000Z'));
        throw new Error('Invented failure');
      }),
    ).rejects.toThrow('Invented failure');
    expect(await store.transaction((tx) => tx.find('audit'))).toEqual([]);
  });

  it('run as one transaction on an in-memory database, which has no second connection', async () => {
    const memory = new SqliteStore(':memory:');
    try {
      const ids = await readUnit(memory, async (tx) => {
        await tx.append('audit', audit('e1', 'k1', '2026-06-15T09:00:00.000Z'));
        return (await tx.find('audit')).map((e) => e.id);
      });
      expect(ids).toEqual(['e1']);
    } finally {
      await memory.close();
    }
  });
});
