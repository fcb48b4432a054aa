import { canonicalJson, eventHash, GENESIS_HASH } from '../../src/audit/canonical';
import { appendAuditEvent, CHAIN_HEAD_ID, readChainHead } from '../../src/audit/chain';
import { keyFromSecret, useCheckpointKey } from '../../src/audit/checkpointKey';
import { verifyStoredChain } from '../../src/audit/verifyStore';
import { recordAudit } from '../../src/kernel/audit';
import type { Store } from '../../src/store/port';
import { fakeSharePoint } from '../fakes/sharePointHarness';
import { createWorld, type World } from '../support/world';
import { auditSome } from './support';

const KEY = keyFromSecret(Buffer.alloc(32, 7));

let world: World;
beforeEach(async () => {
  useCheckpointKey(KEY);
  world = await createWorld();
});
afterEach(async () => {
  useCheckpointKey(undefined);
  await world.close();
});

const event = (n: number) => ({
  id: `ev-${n}`,
  idempotencyKey: `key-${n}`,
  at: '2026-06-15T09:00:00.000Z',
  actorId: 'coordinator',
  actorAgencyId: 'ag-council',
  action: 'view' as const,
  recordType: 'case',
  recordId: `case-${n}`,
  correlationId: `corr-${n}`,
});

/** Appends n events at once; counts the retries (each one a lost race for the head). */
async function concurrentAppends(store: Store, n: number) {
  let retries = 0;
  const retry = async () => void retries++;
  await Promise.all(Array.from({ length: n }, (_, i) => store.transaction((tx) => appendAuditEvent(tx, event(i), retry))));
  return { events: await store.transaction((tx) => tx.find('audit')), retries };
}

describe('canonical form', () => {
  it('orders keys at every depth and drops undefined, so equal content gives equal text', () => {
    expect(canonicalJson({ b: 1, a: { d: [1, { z: 1, y: 2 }], c: undefined } })).toBe('{"a":{"d":[1,{"y":2,"z":1}]},"b":1}');
    const a = { ...event(1), seq: 1, change: { to: 'closed', from: 'open' } };
    const b = { correlationId: a.correlationId, change: { from: 'open', to: 'closed' }, seq: 1, recordId: a.recordId, recordType: 'case', action: 'view' as const, actorAgencyId: a.actorAgencyId, actorId: a.actorId, at: a.at };
    expect(eventHash(GENESIS_HASH, a)).toBe(eventHash(GENESIS_HASH, b));
    expect(eventHash(GENESIS_HASH, a)).not.toBe(eventHash(GENESIS_HASH, { ...a, reason: 'x' }));
    expect(eventHash(GENESIS_HASH, a)).not.toBe(eventHash('1'.repeat(64), a));
  });
});

describe('the audit chain on SQLite', () => {
  it('gives every event the next place, the previous hash and its own hash; the head is signed', async () => {
    await auditSome(world, 3);
    const events = (await world.store.transaction((tx) => tx.find('audit'))).sort((a, b) => a.seq! - b.seq!);
    expect(events.map((e) => e.seq)).toEqual([1, 2, 3]);
    expect(events[0]!.prevHash).toBe(GENESIS_HASH);
    expect(events[1]!.prevHash).toBe(events[0]!.hash);
    expect(events[2]!.prevHash).toBe(events[1]!.hash);
    const head = await world.store.transaction((tx) => readChainHead(tx));
    expect(head).toMatchObject({ id: CHAIN_HEAD_ID, value: 3, hash: events[2]!.hash, keyId: KEY.id });
    expect(await verifyStoredChain(world.store, KEY)).toMatchObject({ ok: true, events: 3, lastSeq: 3, signature: 'valid', breaks: [] });
  });

  it('does not fork under concurrent units of work', async () => {
    const { events } = await concurrentAppends(world.store, 25);
    expect(events.map((e) => e.seq).sort((a, b) => a! - b!)).toEqual(Array.from({ length: 25 }, (_, i) => i + 1));
    expect((await verifyStoredChain(world.store, KEY)).ok).toBe(true);
  });

  it('answers a retried append with the event first written, and keeps the chain whole', async () => {
    const ctx = world.ctx('coordinator');
    const entry = { action: 'update' as const, recordType: 'case', recordId: 'case-1', reason: 'Invented' };
    const first = await world.store.transaction((tx) => recordAudit(ctx, tx, entry));
    const again = await world.store.transaction((tx) => recordAudit(ctx, tx, entry));
    expect(again).toEqual(first);
    await auditSome(world, 1);
    const report = await verifyStoredChain(world.store, KEY);
    expect(report).toMatchObject({ ok: true, lastSeq: 3 });
  });

  it('rolls the head back with the event when the unit of work fails', async () => {
    await auditSome(world, 1);
    await expect(world.store.transaction(async (tx) => {
      await appendAuditEvent(tx, event(9));
      throw new Error('the command failed after auditing');
    })).rejects.toThrow('the command failed');
    await auditSome(world, 1);
    expect(await verifyStoredChain(world.store, KEY)).toMatchObject({ ok: true, lastSeq: 2 });
  });
});

describe('the audit chain on SharePoint (the Graph fake)', () => {
  it('does not fork when appends race: the head is claimed with If-Match and a 412 retries', async () => {
    const { store } = await fakeSharePoint();
    const { events, retries } = await concurrentAppends(store, 12);
    // The race really happened: appends lost the head to another and tried again.
    expect(retries).toBeGreaterThan(0);
    expect(events.map((e) => e.seq).sort((a, b) => a! - b!)).toEqual(Array.from({ length: 12 }, (_, i) => i + 1));
    const report = await verifyStoredChain(store, KEY);
    expect(report).toMatchObject({ ok: true, events: 12, lastSeq: 12, signature: 'valid' });
  });

  it('takes a head read beforehand, and reads again when another event has taken it since', async () => {
    const { store } = await fakeSharePoint();
    await store.transaction((tx) => appendAuditEvent(tx, event(1)));
    const early = await store.transaction((tx) => readChainHead(tx));
    // Another event takes the next place after the early read.
    await store.transaction((tx) => appendAuditEvent(tx, event(2)));
    let retries = 0;
    await store.transaction((tx) => appendAuditEvent(tx, event(3), async () => void retries++, Promise.resolve(early)));
    // The stale head's claim was refused (412) and the append read the head again: third place, chain whole.
    expect(retries).toBe(1);
    const events = await store.transaction((tx) => tx.find('audit'));
    expect(events.find((e) => e.id === 'ev-3')?.seq).toBe(3);
    expect(await verifyStoredChain(store, KEY)).toMatchObject({ ok: true, events: 3, lastSeq: 3 });
    // A fresh head read beforehand is used as it is: no retry.
    const fresh = store.transaction((tx) => readChainHead(tx));
    await store.transaction((tx) => appendAuditEvent(tx, event(4), async () => void retries++, fresh));
    expect(retries).toBe(1);
    expect(await verifyStoredChain(store, KEY)).toMatchObject({ ok: true, events: 4, lastSeq: 4 });
  });
});
