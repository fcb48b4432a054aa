import { execFile } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { promisify } from 'node:util';
import { keyFromSecret, signCheckpoint, useCheckpointKey } from '../../src/audit/checkpointKey';
import { verifyStoredChain } from '../../src/audit/verifyStore';
import type { Store } from '../../src/store/port';
import { SqliteStore } from '../../src/store/sqlite/sqliteStore';
import { createWorld, type World } from '../support/world';
import { auditSome, rawDb, rawEvents, rawHead, rawSetHead, rawWrite, rehash } from './support';

const KEY = keyFromSecret(Buffer.alloc(32, 9));

let world: World;
beforeEach(async () => {
  useCheckpointKey(KEY);
  world = await createWorld();
  await auditSome(world, 6);
  // Edits are made to the file as someone with access to it would, not through the app: close the app's handle.
  await world.store.close();
});
afterEach(async () => {
  useCheckpointKey(undefined);
  await world.close().catch(() => undefined);
});

async function verifyFile(key = KEY) {
  const store: Store = new SqliteStore(world.file);
  try {
    return await verifyStoredChain(store, key);
  } finally {
    await store.close();
  }
}

function edit(fn: (db: ReturnType<typeof rawDb>) => void): void {
  const db = rawDb(world.file);
  try {
    fn(db);
  } finally {
    db.close();
  }
}

describe('audit:verify finds every kind of tampering', () => {
  it('passes the untouched chain', async () => {
    expect(await verifyFile()).toMatchObject({ ok: true, events: 6, lastSeq: 6, signature: 'valid' });
  });

  it('an edited event: the first broken link is that event', async () => {
    edit((db) => {
      const third = rawEvents(db)[2]!;
      rawWrite(db, { ...third, actorId: 'someone-else' });
    });
    const report = await verifyFile();
    expect(report.ok).toBe(false);
    expect(report.breaks[0]).toMatchObject({ seq: 3, problem: expect.stringContaining('changed after it was written') });
  });

  it('an edited event whose own hash was recomputed: the next link breaks', async () => {
    edit((db) => {
      const events = rawEvents(db);
      const [rewritten] = rehash(events).slice(2, 3).map((e) => ({ ...e, reason: 'rewritten' }));
      rawWrite(db, rehash([...events.slice(0, 2), rewritten!]).at(-1)!);
    });
    const report = await verifyFile();
    expect(report.breaks[0]).toMatchObject({ seq: 4, problem: expect.stringContaining('does not follow') });
  });

  it('a deleted event: reported as missing at its place', async () => {
    edit((db) => {
      db.prepare('DELETE FROM audit WHERE id = ?').run(rawEvents(db)[3]!.id);
    });
    const report = await verifyFile();
    expect(report.breaks[0]).toMatchObject({ seq: 4, problem: expect.stringContaining('missing') });
  });

  it('a truncated tail: the head names later events', async () => {
    edit((db) => {
      for (const e of rawEvents(db).slice(4)) db.prepare('DELETE FROM audit WHERE id = ?').run(e.id);
    });
    const report = await verifyFile();
    expect(report.breaks[0]).toMatchObject({ seq: 5, problem: expect.stringContaining('were removed') });
  });

  it('a truncated tail with the head moved back: its signature no longer matches', async () => {
    edit((db) => {
      const events = rawEvents(db);
      for (const e of events.slice(4)) db.prepare('DELETE FROM audit WHERE id = ?').run(e.id);
      rawSetHead(db, { ...rawHead(db), value: 4, hash: events[3]!.hash });
    });
    const report = await verifyFile();
    expect(report).toMatchObject({ ok: false, signature: 'invalid' });
    expect(report.breaks[0]!.problem).toContain('signature');
  });

  it('the whole chain rewritten with fresh hashes and head: detected by the signature, signed or stripped', async () => {
    edit((db) => {
      const events = rehash(rawEvents(db).map((e) => ({ ...e, actorId: 'someone-else' })));
      for (const e of events) rawWrite(db, e);
      rawSetHead(db, { ...rawHead(db), value: events.length, hash: events.at(-1)!.hash });
    });
    expect(await verifyFile()).toMatchObject({ ok: false, signature: 'invalid' });
    edit((db) => {
      const { signature: _s, keyId: _k, ...unsigned } = rawHead(db);
      rawSetHead(db, unsigned);
    });
    expect(await verifyFile()).toMatchObject({ ok: false, signature: 'missing' });
    // Re-signing needs the key, which is not in the file.
    edit((db) => {
      const head = rawHead(db);
      rawSetHead(db, { ...head, signature: signCheckpoint(KEY, head.value as number, head.hash as string), keyId: KEY.id });
    });
    expect(await verifyFile()).toMatchObject({ ok: true });
    expect(await verifyFile(keyFromSecret(Buffer.alloc(32, 1)))).toMatchObject({ ok: false, signature: 'other key' });
  });
});

describe('npm run audit:verify', () => {
  const run = promisify(execFile);
  const script = path.join(__dirname, '../../scripts/auditVerify.ts');
  const tsx = path.join(__dirname, '../../node_modules/.bin/tsx');

  it('reports OK with the checkpoint to keep, then the first broken link with exit code 1', async () => {
    const keyFile = path.join(path.dirname(world.file), 'audit-checkpoint.key');
    fs.writeFileSync(keyFile, `${KEY.secret.toString('base64')}\n`);
    const { NODE_ENV: _nodeEnv, ...inherited } = process.env;
    const env = { ...inherited, RISKPANEL_MODE: 'local', STORE: 'sqlite', SQLITE_PATH: world.file, AUDIT_KEY_FILE: keyFile, SEED_DEMO: 'false' };
    const ok = await run(tsx, [script], { env });
    expect(ok.stdout).toMatch(/6 events, chain ends at 6; head signature valid/);
    expect(ok.stdout).toMatch(/OK: every link holds\. Checkpoint to keep: 6:[0-9a-f]{64}/);

    edit((db) => {
      const second = rawEvents(db)[1]!;
      rawWrite(db, { ...second, reason: 'quietly changed' });
    });
    const broken = await run(tsx, [script], { env }).then(() => undefined, (err: { code: number; stdout: string }) => err);
    expect(broken?.code).toBe(1);
    expect(broken?.stdout).toMatch(/BROKEN at 2 \(event [^)]+\): Event 2 was changed after it was written/);
  }, 60_000);
});
