import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { approveDisposal } from '../../src/commands/approveDisposal';
import { closeCase } from '../../src/commands/closeCase';
import { proposeDisposal } from '../../src/commands/proposeDisposal';
import { setLegalHold } from '../../src/commands/setLegalHold';
import { ForbiddenError, ValidationError } from '../../src/domain/errors';
import type { Member } from '../../src/domain/records';
import { execute } from '../../src/kernel/command';
import { makeContext } from '../../src/kernel/context';
import { runQuery } from '../../src/kernel/query';
import { listDisposals } from '../../src/queries/listDisposals';
import type { Kind, Store } from '../../src/store/port';
import { KINDS } from '../../src/store/schema';
import { SqliteStore } from '../../src/store/sqlite/sqliteStore';
import { FULL_RECORDS } from '../contract/fullRecords';
import { fakeSharePoint } from '../fakes/sharePointHarness';
import { createActionOn, createOpenCase } from '../support/cases';
import { AGENCIES, FIXED_NOW, MEMBERS, type Persona, type World } from '../support/world';

/** The second coordinator the two-person rule needs. */
const SECOND: Member = { ...MEMBERS.coordinator, id: 'coordinator2', aadObjectId: '00000000-0000-4000-8000-0000000000c2', name: 'Test coordinator two', email: 'coordinator2@example.test' };
const AFTER_RETENTION = new Date('2034-07-01T09:00:00Z');

interface DisposalWorld extends World {
  as(member: Member, now?: Date): ReturnType<World['ctx']>;
}

async function worldOn(store: Store, cleanup: () => Promise<void>): Promise<DisposalWorld> {
  await store.transaction(async (tx) => {
    for (const a of AGENCIES) await tx.insert('agencies', a);
    for (const m of [...Object.values(MEMBERS), SECOND]) await tx.insert('members', m);
  });
  let seq = 0;
  const as = (member: Member, now = FIXED_NOW) =>
    makeContext({ store, actor: { member, agency: AGENCIES.find((a) => a.id === member.agencyId)! }, now: () => now, newId: () => `id-${++seq}`, correlationId: `corr-${++seq}` });
  return { store, file: '', ctx: (persona: Persona, now?: Date) => as(MEMBERS[persona], now), as, close: cleanup };
}

const STORES: [string, () => Promise<DisposalWorld>][] = [
  ['SQLite', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'riskpanel-disposal-'));
    const store = new SqliteStore(path.join(dir, 'test.db'));
    return worldOn(store, async () => {
      await store.close();
      fs.rmSync(dir, { recursive: true, force: true });
    });
  }],
  ['SharePoint on the Graph fake', async () => {
    const { store } = await fakeSharePoint();
    return worldOn(store, () => store.close());
  }],
];

/** Every record of every kind, by kind, as `id@version`: what "nothing else touched" is compared on. */
async function everything(store: Store): Promise<Record<string, string[]>> {
  const out: Record<string, string[]> = {};
  await store.transaction(async (tx) => {
    for (const kind of KINDS) out[kind] = (await tx.find(kind)).map((r) => `${r.id}@${r.version}`).sort();
  });
  return out;
}

describe.each(STORES)('disposal on %s', (_name, make) => {
  let world: DisposalWorld;
  beforeEach(async () => (world = await make()));
  afterEach(() => world.close());

  /** Two open cases with actions and a risk assessment; the first is closed (retention to 2034-06-15). */
  async function closedCaseBesideAnother() {
    const doomed = await createOpenCase(world);
    const other = await createOpenCase(world, { referrer: 'health' });
    for (const c of [doomed, other]) {
      await createActionOn(world, c.id, 'police', { started: true });
      await world.store.transaction((tx) => tx.insert('riskAssessments', { ...(FULL_RECORDS.riskAssessments as never as object), id: `ra-${c.id}`, caseId: c.id } as never));
    }
    const closed = await execute(closeCase, world.ctx('coordinator'), { caseId: doomed.id, reason: 'risk_reduced', rationale: 'Invented rationale.' });
    return { closed, other };
  }

  it('lists the case once its retention has passed; a second coordinator approves; the case and its children go, nothing else', async () => {
    const { closed, other } = await closedCaseBesideAnother();
    const before = await runQuery(listDisposals, world.ctx('coordinator'), {});
    expect(before.due).toEqual([]);
    const later = await runQuery(listDisposals, world.ctx('coordinator', AFTER_RETENTION), {});
    expect(later.due).toEqual([expect.objectContaining({ caseId: closed.id, ref: closed.ref, retentionDate: '2034-06-15', legalHold: false })]);

    const proposal = await execute(proposeDisposal, world.ctx('coordinator', AFTER_RETENTION), { caseId: closed.id, reason: 'Invented: retention ran out.' });
    expect(proposal).toMatchObject({ status: 'proposed', proposedById: 'coordinator', ref: closed.ref });
    const state = await everything(world.store);

    // Two-person rule: the proposer cannot approve; the refusal changes nothing but the audit trail.
    await expect(execute(approveDisposal, world.ctx('coordinator', AFTER_RETENTION), { disposalId: proposal.id })).rejects.toBeInstanceOf(ForbiddenError);
    const unchanged = await everything(world.store);
    expect({ ...unchanged, audit: [], counters: [] }).toEqual({ ...state, audit: [], counters: [] });

    const done = await execute(approveDisposal, world.as(SECOND, AFTER_RETENTION), { disposalId: proposal.id });
    expect(done).toMatchObject({ status: 'approved', proposedById: 'coordinator', approvedById: 'coordinator2', approvedAt: AFTER_RETENTION.toISOString() });
    // The closure decision's own retention (12 years from 2026) runs to 2038: kept; the screening decision too.
    expect(done.removed).toEqual({ cases: 1, actions: 1, chronology: expect.any(Number), riskAssessments: 1 });
    expect(done.kept).toEqual({ decisions: 2 });

    const after = await everything(world.store);
    const gone = (kind: Kind) => state[kind]!.filter((r) => !after[kind]!.includes(r));
    expect(gone('cases')).toEqual([`${closed.id}@${closed.version}`]);
    expect(gone('actions')).toHaveLength(1);
    expect(gone('riskAssessments')).toEqual([expect.stringMatching(new RegExp(`^ra-${closed.id}@`))]);
    expect(gone('chronology')).toHaveLength(done.removed!.chronology!);
    await world.store.transaction(async (tx) => {
      expect(await tx.get('cases', closed.id)).toBeUndefined();
      expect(await tx.find('actions', { where: [{ field: 'parentId', op: 'eq', value: closed.id }] })).toEqual([]);
      expect(await tx.find('chronology', { where: [{ field: 'caseId', op: 'eq', value: closed.id }] })).toEqual([]);
      // The other case and everything of it is exactly as it was.
      expect(await tx.get('cases', other.id)).toMatchObject({ version: other.version });
      expect(await tx.find('actions', { where: [{ field: 'parentId', op: 'eq', value: other.id }] })).toHaveLength(1);
      expect(await tx.find('riskAssessments', { where: [{ field: 'caseId', op: 'eq', value: other.id }] })).toHaveLength(1);
    });
    for (const kind of KINDS.filter((k) => !['cases', 'actions', 'chronology', 'riskAssessments', 'disposals', 'audit', 'counters'].includes(k))) {
      expect([kind, after[kind]]).toEqual([kind, state[kind]]);
    }
    // The disposal record keeps reference, dates and both coordinators; the audit trail says who did it.
    const listed = await runQuery(listDisposals, world.ctx('coordinator', AFTER_RETENTION), {});
    expect(listed.due).toEqual([]);
    expect(listed.done).toEqual([expect.objectContaining({ ref: closed.ref, retentionDate: '2034-06-15', closedAt: closed.closedAt, proposedById: 'coordinator', approvedById: 'coordinator2' })]);
    const events = await world.store.transaction((tx) => tx.find('audit', { where: [{ field: 'recordId', op: 'eq', value: proposal.id }] }));
    expect(events.map((e) => [e.action, e.actorId])).toEqual(expect.arrayContaining([['create', 'coordinator'], ['update', 'coordinator2']]));
    expect(JSON.stringify(done)).not.toContain('Alex Imaginary Example');
  });

  it('a legal hold blocks the proposal, and a hold set after the proposal blocks the approval', async () => {
    const { closed } = await closedCaseBesideAnother();
    const held = await execute(setLegalHold, world.ctx('coordinator'), { caseId: closed.id, hold: true, reason: 'Invented: a claim is notified.' });
    const listed = await runQuery(listDisposals, world.ctx('coordinator', AFTER_RETENTION), {});
    expect(listed.due).toEqual([expect.objectContaining({ caseId: closed.id, legalHold: true })]);
    await expect(execute(proposeDisposal, world.ctx('coordinator', AFTER_RETENTION), { caseId: closed.id, reason: 'Invented.' })).rejects.toThrow(/legal hold/);

    await execute(setLegalHold, world.ctx('coordinator'), { caseId: closed.id, hold: false, reason: 'Invented: settled.', expectedVersion: held.version });
    const proposal = await execute(proposeDisposal, world.ctx('coordinator', AFTER_RETENTION), { caseId: closed.id, reason: 'Invented.' });
    await execute(setLegalHold, world.as(SECOND), { caseId: closed.id, hold: true, reason: 'Invented: an inquiry has asked for it.' });
    const state = await everything(world.store);
    await expect(execute(approveDisposal, world.as(SECOND, AFTER_RETENTION), { disposalId: proposal.id })).rejects.toBeInstanceOf(ValidationError);
    const after = await everything(world.store);
    expect({ ...after, audit: [], counters: [] }).toEqual({ ...state, audit: [], counters: [] });
  });

  it('refuses a case still within its retention, and anyone but a coordinator', async () => {
    const { closed } = await closedCaseBesideAnother();
    await expect(execute(proposeDisposal, world.ctx('coordinator'), { caseId: closed.id, reason: 'Invented.' })).rejects.toThrow(/retention runs until 2034-06-15/);
    await expect(execute(proposeDisposal, world.ctx('chair', AFTER_RETENTION), { caseId: closed.id, reason: 'Invented.' })).rejects.toBeInstanceOf(ForbiddenError);
    await expect(runQuery(listDisposals, world.ctx('police', AFTER_RETENTION), {})).rejects.toBeInstanceOf(ForbiddenError);
  });
});
