import { ConflictError } from '../../src/domain/errors';
import type { ActionRecord, Agency, AuditEvent, ConversationRef, OutboxMessage } from '../../src/domain/records';
import type { Kind, NewRecord, Store, Tx } from '../../src/store/port';
import { derivedField, INDEXED_FIELDS, KINDS, valueAt } from '../../src/store/schema';
import { FULL_RECORDS } from './fullRecords';
import { describeQueryOperations } from './queryOperations';

/**
 * The one contract every Store adapter passes, unchanged: SQLite, SharePoint on the Graph fake, and SharePoint on the
 * fake with faults on. Expected results are written out literally, so "passes on all three" means "same results".
 *
 * Adapter-specific guarantees (stated here, tested in 'a unit of work that throws'):
 * - SQLite: `transaction` is atomic; a unit that throws leaves nothing behind.
 * - SharePoint: there are no transactions. Each write stands on its own: an update is guarded by If-Match, inserts by
 *   the unique record id, appends by the unique idempotency key. A unit that throws keeps the writes it completed,
 *   and running it again duplicates nothing.
 * - SharePoint may also report a duplicate insert only when the write is sent, so duplicates are asserted on the
 *   transaction's promise, which is where callers see them on both adapters.
 */
export interface StoreUnderTest {
  store: Store;
  cleanup: () => Promise<void>;
}

export function action(id: string, over: Partial<ActionRecord> = {}): NewRecord<'actions'> {
  return {
    id,
    parentKind: 'case',
    parentId: 'case-1',
    description: `Invented action ${id}`,
    successMeasure: 'It is done',
    ownerId: 'owner-a',
    agencyId: 'ag-police',
    dueDate: '2026-06-15',
    status: 'not_started',
    createdAt: '2026-05-01T10:00:00.000Z',
    createdById: 'coordinator',
    progress: [],
    dueDateChanges: [],
    ...over,
  };
}

function agency(id: string, shortName: string, active: boolean): NewRecord<'agencies'> {
  return { id, name: `Invented agency ${shortName}`, shortName, kind: 'council', active };
}

export function audit(id: string, key: string, at: string, over: Partial<AuditEvent> = {}): NewRecord<'audit'> {
  return {
    id,
    idempotencyKey: key,
    at,
    actorId: 'coordinator',
    actorAgencyId: 'ag-council',
    action: 'view',
    recordType: 'case',
    recordId: 'case-1',
    correlationId: `corr-${id}`,
    ...over,
  };
}

const ids = (records: { id: string }[]) => records.map((r) => r.id);

/** Writes a record the way the app does: append for the append-only kinds, insert for the rest. */
async function write(tx: Tx, kind: Kind, record: NewRecord<Kind>): Promise<unknown> {
  if (kind === 'chronology' || kind === 'decisions' || kind === 'audit' || kind === 'outbox') return (await tx.append(kind, record as never)).record;
  return tx.insert(kind, record as never);
}

/** Five actions with distinct owners, agencies, due dates and statuses, to exercise every operator. */
const ACTIONS: NewRecord<'actions'>[] = [
  action('a1', { ownerId: 'owner-a', agencyId: 'ag-police', dueDate: '2026-06-10', status: 'not_started' }),
  action('a2', { ownerId: 'owner-b', agencyId: 'ag-police', dueDate: '2026-06-15', status: 'in_progress' }),
  action('a3', { ownerId: "owner-o'brien", agencyId: 'ag-health', dueDate: '2026-06-20', status: 'completed', completedAt: '2026-06-19T12:00:00.000Z' }),
  action('a4', { ownerId: 'owner-a', agencyId: 'ag-health', dueDate: '2026-06-15', status: 'not_started' }),
  action('a5', {
    ownerId: 'OWNER-A',
    agencyId: 'ag-fire',
    dueDate: '2026-07-01',
    status: 'in_progress',
    progress: [{ at: '2026-06-01T08:30:00.000Z', byMemberId: 'fire', note: 'Visited; "quotes", commas, and a newline\nstay intact' }],
  }),
];

export function describeStoreContract(name: string, makeStore: () => Promise<StoreUnderTest>): void {
  describe(`Store contract: ${name}`, () => {
    let sut: StoreUnderTest;
    let store: Store;
    const run = <T>(work: (tx: Tx) => Promise<T>) => store.transaction(work);

    beforeEach(async () => {
      sut = await makeStore();
      store = sut.store;
    });
    afterEach(async () => {
      await sut.cleanup();
    });

    const seedActions = () => run(async (tx) => Promise.all(ACTIONS.map((a) => tx.insert('actions', a))));

    describe('insert and get', () => {
      it('creates a record at version 1 that reads back equal, nested values intact', async () => {
        const created = await run((tx) => tx.insert('actions', ACTIONS[4]!));
        expect(created).toEqual({ ...ACTIONS[4], version: 1 });
        const read = await run((tx) => tx.get('actions', 'a5'));
        expect(read).toEqual({ ...ACTIONS[4], version: 1 });
        // An optional field that was never set is absent, not null.
        expect(read).not.toHaveProperty('completedAt');
      });

      it('returns undefined for an unknown id', async () => {
        await seedActions();
        expect(await run((tx) => tx.get('actions', 'nope'))).toBeUndefined();
      });

      it('refuses a duplicate id with a ConflictError and keeps the original', async () => {
        await run((tx) => tx.insert('actions', ACTIONS[0]!));
        await expect(run((tx) => tx.insert('actions', { ...ACTIONS[0]!, description: 'Impostor' }))).rejects.toBeInstanceOf(ConflictError);
        const kept = await run((tx) => tx.find('actions'));
        expect(kept).toEqual([{ ...ACTIONS[0], version: 1 }]);
      });
    });

    describe('find on indexed fields', () => {
      beforeEach(seedActions);
      const find = (where: Parameters<Tx['find']>[1]) => run((tx) => tx.find('actions', where)).then(ids);

      it('returns everything ordered by id when there is no query', async () => {
        expect(await find(undefined)).toEqual(['a1', 'a2', 'a3', 'a4', 'a5']);
      });

      it('eq is exact: case-sensitive, and quotes in values are safe', async () => {
        expect(await find({ where: [{ field: 'ownerId', op: 'eq', value: 'owner-a' }] })).toEqual(['a1', 'a4']);
        expect(await find({ where: [{ field: 'ownerId', op: 'eq', value: 'OWNER-A' }] })).toEqual(['a5']);
        expect(await find({ where: [{ field: 'ownerId', op: 'eq', value: "owner-o'brien" }] })).toEqual(['a3']);
        expect(await find({ where: [{ field: 'ownerId', op: 'eq', value: 'nobody' }] })).toEqual([]);
      });

      it('ne excludes only exact matches', async () => {
        expect(await find({ where: [{ field: 'ownerId', op: 'ne', value: 'owner-a' }] })).toEqual(['a2', 'a3', 'a5']);
        expect(await find({ where: [{ field: 'status', op: 'ne', value: 'not_started' }] })).toEqual(['a2', 'a3', 'a5']);
      });

      it('lt, le, gt and ge compare dates', async () => {
        const on = (op: 'lt' | 'le' | 'gt' | 'ge') => find({ where: [{ field: 'dueDate', op, value: '2026-06-15' }] });
        expect(await on('lt')).toEqual(['a1']);
        expect(await on('le')).toEqual(['a1', 'a2', 'a4']);
        expect(await on('gt')).toEqual(['a3', 'a5']);
        expect(await on('ge')).toEqual(['a2', 'a3', 'a4', 'a5']);
        expect(await find({ where: [{ field: 'dueDate', op: 'eq', value: '2026-06-15' }] })).toEqual(['a2', 'a4']);
      });

      it('conditions are ANDed', async () => {
        expect(
          await find({
            where: [
              { field: 'agencyId', op: 'eq', value: 'ag-police' },
              { field: 'dueDate', op: 'ge', value: '2026-06-15' },
            ],
          }),
        ).toEqual(['a2']);
        // The overdue scan's shape: unfinished and due before a day.
        expect(
          await find({
            where: [
              { field: 'status', op: 'eq', value: 'not_started' },
              { field: 'dueDate', op: 'lt', value: '2026-06-16' },
            ],
          }),
        ).toEqual(['a1', 'a4']);
      });

      it('filters and orders by id', async () => {
        expect(await find({ where: [{ field: 'id', op: 'gt', value: 'a3' }] })).toEqual(['a4', 'a5']);
        expect(await find({ where: [{ field: 'id', op: 'eq', value: 'a2' }] })).toEqual(['a2']);
        expect(await find({ orderBy: { field: 'id', direction: 'desc' } })).toEqual(['a5', 'a4', 'a3', 'a2', 'a1']);
      });

      it('orders ascending and descending with ties broken by id, and limits', async () => {
        expect(await find({ orderBy: { field: 'dueDate', direction: 'asc' } })).toEqual(['a1', 'a2', 'a4', 'a3', 'a5']);
        expect(await find({ orderBy: { field: 'dueDate', direction: 'desc' } })).toEqual(['a5', 'a3', 'a2', 'a4', 'a1']);
        expect(await find({ orderBy: { field: 'dueDate', direction: 'asc' }, limit: 2 })).toEqual(['a1', 'a2']);
        expect(await find({ orderBy: { field: 'dueDate', direction: 'desc' }, limit: 3 })).toEqual(['a5', 'a3', 'a2']);
        expect(await find({ limit: 2 })).toEqual(['a1', 'a2']);
        expect(await find({ limit: 0 })).toEqual([]);
        expect(
          await find({ where: [{ field: 'ownerId', op: 'eq', value: 'owner-a' }], orderBy: { field: 'dueDate', direction: 'desc' }, limit: 1 }),
        ).toEqual(['a4']);
      });

      it('rejects a query on a field that is not indexed', async () => {
        await expect(run((tx) => tx.find('actions', { where: [{ field: 'description', op: 'eq', value: 'x' }] }))).rejects.toThrow(
          /not an indexed field/,
        );
        await expect(run((tx) => tx.find('actions', { orderBy: { field: 'createdAt', direction: 'asc' } }))).rejects.toThrow(
          /not an indexed field/,
        );
      });
    });

    describe('booleans and date-times', () => {
      it('filters on a boolean field', async () => {
        await run(async (tx) => {
          await tx.insert('agencies', agency('g1', 'ASC', true));
          await tx.insert('agencies', agency('g2', 'Police', false));
          await tx.insert('agencies', agency('g3', 'asc', true));
        });
        const find = (value: boolean, op: 'eq' | 'ne' = 'eq') =>
          run((tx) => tx.find('agencies', { where: [{ field: 'active', op, value }] })).then(ids);
        expect(await find(true)).toEqual(['g1', 'g3']);
        expect(await find(false)).toEqual(['g2']);
        expect(await find(true, 'ne')).toEqual(['g2']);
        const both = await run((tx) =>
          tx.find('agencies', {
            where: [
              { field: 'active', op: 'eq', value: true },
              { field: 'shortName', op: 'eq', value: 'ASC' },
            ],
          }),
        );
        expect(both).toEqual([{ ...agency('g1', 'ASC', true), version: 1 } satisfies Agency]);
      });

      it('compares date-times to the millisecond', async () => {
        await run(async (tx) => {
          await tx.append('audit', audit('e1', 'k1', '2026-06-15T09:00:00.100Z'));
          await tx.append('audit', audit('e2', 'k2', '2026-06-15T09:00:00.200Z'));
          await tx.append('audit', audit('e3', 'k3', '2026-06-15T10:00:00.000Z', { recordId: 'case-2' }));
        });
        const find = (op: 'lt' | 'ge' | 'eq', value: string) =>
          run((tx) => tx.find('audit', { where: [{ field: 'at', op, value }] })).then(ids);
        expect(await find('ge', '2026-06-15T09:00:00.200Z')).toEqual(['e2', 'e3']);
        expect(await find('lt', '2026-06-15T09:00:00.200Z')).toEqual(['e1']);
        expect(await find('eq', '2026-06-15T09:00:00.100Z')).toEqual(['e1']);
        const ordered = await run((tx) => tx.find('audit', { where: [{ field: 'recordId', op: 'eq', value: 'case-1' }], orderBy: { field: 'at', direction: 'desc' } }));
        expect(ids(ordered)).toEqual(['e2', 'e1']);
        expect(ordered[0]).toEqual({ ...audit('e2', 'k2', '2026-06-15T09:00:00.200Z'), version: 1 });
      });
    });

    describe('update', () => {
      beforeEach(seedActions);

      it('writes the record and returns it at the next version', async () => {
        const read = (await run((tx) => tx.get('actions', 'a1')))!;
        const next = await run((tx) =>
          tx.update('actions', { ...read, status: 'in_progress', progress: [{ at: '2026-06-11T10:00:00.000Z', byMemberId: 'police', note: 'Started' }] }),
        );
        expect(next.version).toBe(2);
        expect(await run((tx) => tx.get('actions', 'a1'))).toEqual(next);
        const third = await run((tx) => tx.update('actions', { ...next, completedAt: '2026-06-12T10:00:00.000Z', status: 'completed' }));
        expect(third.version).toBe(3);
        expect(ids(await run((tx) => tx.find('actions', { where: [{ field: 'status', op: 'eq', value: 'completed' }] })))).toEqual(['a1', 'a3']);
      });

      it('removes an optional field that the new record leaves out', async () => {
        const read = (await run((tx) => tx.get('actions', 'a3')))!;
        const { completedAt: _dropped, ...rest } = read;
        const next = await run((tx) => tx.update('actions', { ...rest, status: 'in_progress' }));
        const reread = await run((tx) => tx.get('actions', 'a3'));
        expect(reread).toEqual(next);
        expect(reread).not.toHaveProperty('completedAt');
      });

      it('refuses a stale version with a ConflictError and leaves the stored record unchanged', async () => {
        const read = (await run((tx) => tx.get('actions', 'a2')))!;
        const winner = await run((tx) => tx.update('actions', { ...read, description: 'First writer' }));
        const stale = run((tx) => tx.update('actions', { ...read, description: 'Second writer' }));
        await expect(stale).rejects.toBeInstanceOf(ConflictError);
        await expect(stale).rejects.toThrow(/changed this record/);
        expect(await run((tx) => tx.get('actions', 'a2'))).toEqual(winner);
      });

      it('lets exactly one of two concurrent writers of the same version win', async () => {
        const read = (await run((tx) => tx.get('actions', 'a4')))!;
        const results = await Promise.allSettled(
          ['Writer one', 'Writer two'].map((description) => run((tx) => tx.update('actions', { ...read, description }))),
        );
        const won = results.filter((r) => r.status === 'fulfilled');
        const lost = results.filter((r): r is PromiseRejectedResult => r.status === 'rejected');
        expect(won).toHaveLength(1);
        expect(lost).toHaveLength(1);
        expect(lost[0]!.reason).toBeInstanceOf(ConflictError);
        const stored = (await run((tx) => tx.get('actions', 'a4')))!;
        expect(stored).toEqual((won[0] as PromiseFulfilledResult<ActionRecord>).value);
        expect(stored.version).toBe(2);
      });

      it('refuses an update of a record that does not exist', async () => {
        await expect(run((tx) => tx.update('actions', { ...action('ghost'), version: 1 }))).rejects.toBeInstanceOf(ConflictError);
      });
    });

    describe('remove', () => {
      beforeEach(seedActions);
      const allIds = () => run((tx) => tx.find('actions')).then(ids);

      it('deletes the record at its stored version and touches no other', async () => {
        await run((tx) => tx.remove('actions', 'a2', 1));
        expect(await run((tx) => tx.get('actions', 'a2'))).toBeUndefined();
        expect(await allIds()).toEqual(['a1', 'a3', 'a4', 'a5']);
        // Gone from the indexed fields too: no query finds it.
        expect(ids(await run((tx) => tx.find('actions', { where: [{ field: 'ownerId', op: 'eq', value: 'owner-b' }] })))).toEqual([]);
        expect(await run((tx) => tx.count('actions', { where: [{ field: 'agencyId', op: 'eq', value: 'ag-police' }] }))).toBe(1);
      });

      it('refuses a stale version with a ConflictError and keeps the record', async () => {
        const read = (await run((tx) => tx.get('actions', 'a1')))!;
        const changed = await run((tx) => tx.update('actions', { ...read, description: 'Changed meanwhile' }));
        await expect(run((tx) => tx.remove('actions', 'a1', read.version))).rejects.toBeInstanceOf(ConflictError);
        expect(await run((tx) => tx.get('actions', 'a1'))).toEqual(changed);
        await run((tx) => tx.remove('actions', 'a1', changed.version));
        expect(await allIds()).toEqual(['a2', 'a3', 'a4', 'a5']);
      });

      it('refuses a record that does not exist (or was removed already) with a ConflictError', async () => {
        await expect(run((tx) => tx.remove('actions', 'ghost', 1))).rejects.toBeInstanceOf(ConflictError);
        await run((tx) => tx.remove('actions', 'a3', 1));
        await expect(run((tx) => tx.remove('actions', 'a3', 1))).rejects.toThrow(/no longer exists/);
        expect(await allIds()).toEqual(['a1', 'a2', 'a4', 'a5']);
      });

      it('removes appended records too, and a removed id can be written again', async () => {
        const entry = FULL_RECORDS.chronology as NewRecord<'chronology'>;
        await run((tx) => tx.append('chronology', entry));
        await run((tx) => tx.remove('chronology', entry.id, 1));
        expect(await run((tx) => tx.find('chronology'))).toEqual([]);
        await run((tx) => tx.remove('actions', 'a2', 1));
        expect((await run((tx) => tx.insert('actions', ACTIONS[1]!))).version).toBe(1);
      });
    });

    describe('append', () => {
      it('writes once per idempotency key: a repeat returns the first record with created false', async () => {
        const first = await run((tx) => tx.append('audit', audit('e1', 'same-key', '2026-06-15T09:00:00.000Z')));
        expect(first).toEqual({ created: true, record: { ...audit('e1', 'same-key', '2026-06-15T09:00:00.000Z'), version: 1 } });
        const again = await run((tx) => tx.append('audit', audit('e2', 'same-key', '2026-06-15T09:05:00.000Z', { reason: 'retry' })));
        expect(again).toEqual({ created: false, record: first.record });
        expect(await run((tx) => tx.find('audit'))).toEqual([first.record]);
      });

      it('keeps distinct keys apart, also when appended together', async () => {
        const results = await run((tx) =>
          Promise.all(['k1', 'k2', 'k3'].map((k, i) => tx.append('outbox', { id: `o${i}`, idempotencyKey: k, kind: 'newReferral', createdAt: '2026-06-15T09:00:00.000Z', payload: { caseId: `c${i}` }, status: 'pending', attempts: 0 }))),
        );
        expect(results.map((r) => r.created)).toEqual([true, true, true]);
        expect(ids(await run((tx) => tx.find('outbox', { where: [{ field: 'status', op: 'eq', value: 'pending' }] })))).toEqual(['o0', 'o1', 'o2']);
      });
    });

    describe('nextSequence', () => {
      it('counts 1, 2, 3 per name, names independent', async () => {
        const next = (n: string) => run((tx) => tx.nextSequence(n));
        expect([await next('ref-A'), await next('ref-A'), await next('ref-A')]).toEqual([1, 2, 3]);
        expect(await next('ref-B')).toBe(1);
        expect(await next('ref-A')).toBe(4);
      });

      it('never hands out the same number twice under concurrency', async () => {
        const numbers = await Promise.all(Array.from({ length: 5 }, () => run((tx) => tx.nextSequence('ref-C'))));
        expect([...numbers].sort((a, b) => a - b)).toEqual([1, 2, 3, 4, 5]);
      });
    });

    describe('every field of every kind survives a round trip', () => {
      it.each(KINDS)('%s: written with every optional field, read back equal, found by each indexed field', async (kind) => {
        const record = FULL_RECORDS[kind] as NewRecord<Kind>;
        const written = await run((tx) => write(tx, kind, record));
        expect(written).toEqual({ ...record, version: 1 });
        // Equal, and no data-quality warning either: nothing RiskPanel wrote reads back as a problem.
        expect(await run((tx) => tx.get(kind, record.id))).toEqual({ ...record, version: 1 });
        // Derived fields (a case's audience) are not on the record; their own tests are below.
        for (const field of INDEXED_FIELDS[kind].filter((f) => !derivedField(kind, f))) {
          const value = valueAt(record as unknown as Record<string, unknown>, field) as string | boolean;
          const found = await run((tx) => tx.find(kind, { where: [{ field, op: 'eq', value }] }));
          expect({ field, found: ids(found) }).toEqual({ field, found: [record.id] });
        }
      });

      it("an outbox message's deliveries change and an optional field set to undefined is removed", async () => {
        const first = (await run((tx) => tx.append('outbox', FULL_RECORDS.outbox))).record;
        const deliveries: OutboxMessage['deliveries'] = [
          first.deliveries![0]!,
          { ...first.deliveries![1]!, state: 'sent', attempts: 3, conversationId: '19:other@thread.tacv2', activityId: '1:other', sentAt: '2026-06-10T10:20:00.000Z' },
          { key: 'full-outbox:conv-3', conversationRefId: 'third', state: 'sending', attempts: 1 },
        ];
        // The sender clears lastError by setting it to undefined (src/notify/sender.ts).
        const sent = await run((tx) => tx.update('outbox', { ...first, status: 'sent', sentAt: '2026-06-10T10:20:01.000Z', lastError: undefined, deliveries }));
        const reread = await run((tx) => tx.get('outbox', first.id));
        expect(reread).toEqual(sent);
        expect(reread).not.toHaveProperty('lastError');
        expect(reread!.deliveries).toEqual(deliveries);
        expect(reread!.version).toBe(2);
        expect(ids(await run((tx) => tx.find('outbox', { where: [{ field: 'status', op: 'eq', value: 'sent' }] })))).toEqual([first.id]);
        expect(await run((tx) => tx.find('outbox', { where: [{ field: 'status', op: 'eq', value: 'failed' }] }))).toEqual([]);
      });

      it('a conversation reference is reactivated, and one id longer than a text column is told apart from its twin', async () => {
        const full = FULL_RECORDS.conversations;
        // The same first 255 characters: only the whole id tells them apart.
        const twin: NewRecord<'conversations'> = { ...full, id: 'twin-conversation', conversationId: `${full.conversationId}-twin`, memberId: 'someone-else' };
        const [read] = await run((tx) => Promise.all([tx.insert('conversations', full), tx.insert('conversations', twin)]));
        const { deactivatedAt: _at, deactivatedReason: _why, ...live } = read!;
        const active: ConversationRef = await run((tx) => tx.update('conversations', { ...live, active: true, capturedAt: '2026-06-11T08:00:00.000Z' }));
        const reread = await run((tx) => tx.get('conversations', full.id));
        expect(reread).toEqual(active);
        expect(reread).not.toHaveProperty('deactivatedAt');
        expect(reread).not.toHaveProperty('deactivatedReason');
        const find = (where: Parameters<Tx['find']>[1]) => run((tx) => tx.find('conversations', where)).then(ids);
        expect(await find({ where: [{ field: 'conversationId', op: 'eq', value: full.conversationId }] })).toEqual([full.id]);
        expect(await find({ where: [{ field: 'conversationId', op: 'eq', value: twin.conversationId }] })).toEqual([twin.id]);
        expect(await find({ where: [{ field: 'conversationId', op: 'eq', value: full.conversationId.toUpperCase() }] })).toEqual([]);
        expect(
          await find({
            where: [
              { field: 'isPartnershipChannel', op: 'eq', value: true },
              { field: 'active', op: 'eq', value: true },
            ],
          }),
        ).toEqual([full.id]);
      });
    });

    describe('transaction', () => {
      it("returns the work's value", async () => {
        expect(await run(async () => 42)).toBe(42);
        expect(await run(async (tx) => (await tx.insert('actions', ACTIONS[0]!)).id)).toBe('a1');
      });

      it('a unit of work that throws: SQLite rolls back everything; SharePoint keeps completed writes and a rerun duplicates nothing', async () => {
        const unit = (fail: boolean) =>
          run(async (tx) => {
            await tx.append('audit', audit('e1', 'unit-key', '2026-06-15T09:00:00.000Z'));
            await tx.insert('actions', ACTIONS[0]!);
            if (fail) throw new Error('Invented failure after two writes');
            return 'done';
          });
        await expect(unit(true)).rejects.toThrow('Invented failure');
        const afterFailure = await run(async (tx) => [(await tx.find('audit')).length, (await tx.find('actions')).length]);
        if (store.name === 'sqlite') {
          expect(afterFailure).toEqual([0, 0]);
          expect(await unit(false)).toBe('done');
        } else {
          // No transactions: both writes stand; the append's key and the insert's id make the rerun safe.
          expect(afterFailure).toEqual([1, 1]);
          await expect(unit(false)).rejects.toBeInstanceOf(ConflictError);
        }
        expect(await run(async (tx) => [(await tx.find('audit')).length, (await tx.find('actions')).length])).toEqual([1, 1]);
      });
    });
    describeQueryOperations(() => store);
  });
}
