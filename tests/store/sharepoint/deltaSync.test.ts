import { applySharePointEdit } from '../../../src/commands/applySharePointEdit';
import { changeActionDueDate } from '../../../src/commands/changeActionDueDate';
import { ForbiddenError } from '../../../src/domain/errors';
import { execute } from '../../../src/kernel/command';
import { FIXED_NOW, MEMBERS } from '../../support/world';
import { COORDINATOR_IN_SHAREPOINT, syncWorld } from './deltaSyncSupport';

// Issue 13 item 7: a coordinator edits a list in SharePoint (the Graph fake, bypassing RiskPanel); the delta sync
// picks the change up, audits it with SharePoint's editor and the columns, and applies the domain's consequences.

const later = (seconds: number) => new Date(FIXED_NOW.getTime() + seconds * 1000);
const cardsOf = (cards: { kind: string; payload: Record<string, unknown> }[], kind: string) => cards.filter((c) => c.kind === kind).map((c) => c.payload);

describe('the SharePoint delta sync', () => {
  jest.setTimeout(60_000);

  it('a valid hand edit: an action completed in the list is audited with its editor and columns, counts as done, and refreshes its cards', async () => {
    const w = await syncWorld();
    const [action] = w.actions;
    w.edit('Actions', action!.id, { ActionStatus: 'Completed' });

    const report = await w.sync(later(60));
    expect(report.edits).toBe(1);
    const [event, ...more] = await w.auditOf(action!.id);
    expect(more).toEqual([]);
    expect(event).toMatchObject({ actorId: 'system', action: 'update', recordType: 'action', reason: `Changed in SharePoint by ${MEMBERS.coordinator.name}` });
    expect(event!.change).toMatchObject({
      source: 'sharepoint',
      editor: { name: MEMBERS.coordinator.name, email: MEMBERS.coordinator.email, entraId: MEMBERS.coordinator.aadObjectId },
      editorMemberId: MEMBERS.coordinator.id,
      list: 'Actions',
      fields: [{ column: 'Status', from: 'not_started', to: 'completed' }],
      applied: ['Status'],
      reverted: [],
    });
    // Done, as if completed in RiskPanel: who (the editor's member record) and when; its cards are refreshed.
    expect(await w.action(action!.id)).toMatchObject({ status: 'completed', completedById: MEMBERS.coordinator.id });
    expect((await w.action(action!.id)).completedAt).toBeDefined();
    const cards = await w.pendingCards();
    expect(cardsOf(cards, 'actionCompleted')).toEqual([{ actionId: action!.id, caseId: w.caseRecord.id, ref: w.caseRecord.ref, outcome: 'completed', completedById: MEMBERS.coordinator.id }]);
    expect(cardsOf(cards, 'sharePointEditFlagged')).toEqual([]);

    // RiskPanel's write that took the edit in is not a hand edit: the next pass reports nothing and audits nothing more.
    expect((await w.sync(later(120))).edits).toBe(0);
    expect(await w.auditOf(action!.id)).toHaveLength(1);
  });

  it('an action re-dated in the list keeps the change in its history, with the editor as the reason', async () => {
    const w = await syncWorld();
    const [action] = w.actions;
    w.edit('Actions', action!.id, { DueDate: '2026-07-20T00:00:00Z' });
    await w.sync(later(60));
    const now = await w.action(action!.id);
    expect(now.dueDate).toBe('2026-07-20');
    expect(now.dueDateChanges).toEqual([
      { at: later(60).toISOString(), byMemberId: MEMBERS.coordinator.id, from: '2026-07-01', to: '2026-07-20', reason: `Changed in SharePoint by ${MEMBERS.coordinator.name}` },
    ]);
    expect((await w.auditOf(action!.id))[0]!.change).toMatchObject({ fields: [{ column: 'Due date', from: '2026-07-01', to: '2026-07-20' }], applied: ['Due date'] });
    // The reminder and escalation cards already posted for it are rebuilt with the new date.
    expect(cardsOf(await w.pendingCards(), 'actionRedated')).toEqual([{ actionId: action!.id, dueDate: '2026-07-20' }]);
  });

  it('an invalid value is flagged to the coordinators and not applied: the item is left for the data quality list', async () => {
    const w = await syncWorld();
    const [action] = w.actions;
    w.edit('Actions', action!.id, { ActionStatus: 'Nearly done' });
    const report = await w.sync(later(60));
    expect(report.edits).toBe(1);
    expect(await w.action(action!.id)).toMatchObject({ status: 'not_started' });
    expect(w.fake.itemByRecordId('Actions', action!.id).fields.ActionStatus).toBe('Nearly done');
    const [flag, ...others] = cardsOf(await w.pendingCards(), 'sharePointEditFlagged');
    expect(others).toEqual([]);
    expect(flag).toMatchObject({ list: 'Actions', recordId: action!.id, ref: w.caseRecord.ref, editorName: MEMBERS.coordinator.name, columns: ['Status'], reverted: false });
    expect((flag!.reasons as string[]).join(' ')).toMatch(/"Nearly done" is not one of the choices for Status/);
    expect((await w.auditOf(action!.id))[0]!.change).toMatchObject({ applied: [], problems: [expect.stringMatching(/^Status: /)] });
    expect((await w.store.listDataQualityIssues()).map((i) => i.recordId)).toContain(action!.id);
    expect(cardsOf(await w.pendingCards(), 'actionCompleted')).toEqual([]);
  });

  it('an illegal transition (completed → not started) is put back and flagged to the coordinators, not hidden', async () => {
    const w = await syncWorld();
    const done = await w.completeInApp(w.actions[0]!);
    w.edit('Actions', done.id, { ActionStatus: 'Not started' });
    const report = await w.sync(later(60));
    expect(report.edits).toBe(1);
    expect(await w.action(done.id)).toMatchObject({ status: 'completed', completedById: MEMBERS.police.id });
    expect(w.fake.itemByRecordId('Actions', done.id).fields.ActionStatus).toBe('Completed');
    const [flag] = cardsOf(await w.pendingCards(), 'sharePointEditFlagged');
    expect(flag).toMatchObject({ recordId: done.id, columns: ['Status'], reverted: true, reasons: ['Status: completed → not started is not a step an action can take.'] });
    expect((await w.auditOf(done.id))[0]!.change).toMatchObject({ fields: [{ column: 'Status', from: 'completed', to: 'not_started' }], applied: [], reverted: ['Status'] });
    // Putting it back is RiskPanel's own write: not reported again.
    expect((await w.sync(later(120))).edits).toBe(0);
  });

  it('a column that decides who sees what (a member\'s roles) is put back and flagged', async () => {
    const w = await syncWorld();
    w.edit('Members', MEMBERS.fire.id, { Roles: ['Partner', 'Coordinator'] });
    await w.sync(later(60));
    const fire = await w.store.transaction((tx) => tx.get('members', MEMBERS.fire.id));
    expect(fire!.roles).toEqual(MEMBERS.fire.roles);
    const [flag] = cardsOf(await w.pendingCards(), 'sharePointEditFlagged');
    expect(flag).toMatchObject({ kind: 'members', columns: ['Roles'], reverted: true, reasons: ['Roles is changed in RiskPanel only.'] });
  });

  it('RiskPanel\'s own writes are never reported as hand edits', async () => {
    const w = await syncWorld({ actions: 2 });
    const [a, b] = w.actions;
    await w.completeInApp(a!);
    await execute(changeActionDueDate, w.world.ctx('police'), { actionId: b!.id, dueDate: '2026-08-01', reason: 'Invented reason.', expectedVersion: b!.version });
    const report = await w.sync(later(60));
    expect(report.edits).toBe(0);
    expect(report.lists.find((l) => l.kind === 'actions')).toMatchObject({ status: 'synced', seen: 2, edits: 0 });
    expect(await w.auditOf(a!.id)).toEqual([]);
    expect(cardsOf(await w.pendingCards(), 'sharePointEditFlagged')).toEqual([]);
  });

  it('a throttled delta page is retried after Graph\'s Retry-After, and the change is picked up later, not lost', async () => {
    const w = await syncWorld();
    const [action] = w.actions;
    w.edit('Actions', action!.id, { ActionStatus: 'In progress' });
    w.fake.deltaThrottle = { retryAfterSeconds: 30 };
    const throttled = await w.sync(later(60));
    expect(throttled).toMatchObject({ throttled: true, edits: 0 });
    expect(throttled.lists.map((l) => [l.kind, l.status])).toEqual([['actions', 'throttled'], ['members', 'waiting']]);
    // The Graph client honoured Retry-After on each of its retries before giving the page up for this run.
    expect(w.waits.filter((ms) => ms === 30_000).length).toBeGreaterThan(0);
    const state = await w.store.transaction((tx) => tx.get('syncStates', 'actions'));
    expect(state!.retryAfter).toBe(later(90).toISOString());

    // Before Graph's time: the list is left alone (no request at all).
    w.fake.deltaThrottle = undefined;
    const before = w.deltaRequests('Actions');
    expect((await w.sync(later(75))).lists[0]).toMatchObject({ kind: 'actions', status: 'waiting' });
    expect(w.deltaRequests('Actions')).toBe(before);

    // After it: the walk resumes from the kept place and the edit is taken, once.
    const resumed = await w.sync(later(91));
    expect(resumed).toMatchObject({ throttled: false, edits: 1 });
    expect(await w.action(action!.id)).toMatchObject({ status: 'in_progress' });
    expect(await w.auditOf(action!.id)).toHaveLength(1);
    expect((await w.store.transaction((tx) => tx.get('syncStates', 'actions')))!.retryAfter).toBeUndefined();
  });

  it('an expired delta token (410) starts the list over: new edits are taken, earlier ones are not audited twice', async () => {
    const w = await syncWorld({ actions: 3 });
    const [a, b, c] = w.actions;
    // Flagged and left as it is: a full resync sees the same item version again.
    w.edit('Actions', a!.id, { DueDate: 'next Tuesday' });
    await w.sync(later(60));
    expect(await w.auditOf(a!.id)).toHaveLength(1);

    w.fake.expireDeltaTokens('Actions');
    w.edit('Actions', b!.id, { ActionStatus: 'Completed' });
    w.edit('Actions', c!.id, { DueDate: '2026-07-10T00:00:00Z' }, { user: { displayName: 'Someone Unknown', email: 'someone@invented.example' } });
    const resync = await w.sync(later(120));
    expect(resync.lists.find((l) => l.kind === 'actions')).toMatchObject({ status: 'synced', resynced: true, seen: 3 });
    expect((await w.store.transaction((tx) => tx.get('syncStates', 'actions')))!.resyncs).toBe(1);

    expect(await w.auditOf(a!.id)).toHaveLength(1);
    expect(cardsOf(await w.pendingCards(), 'sharePointEditFlagged')).toHaveLength(1);
    expect(await w.auditOf(b!.id)).toHaveLength(1);
    expect(await w.action(b!.id)).toMatchObject({ status: 'completed' });
    // An editor who is not a member is recorded by name and email; the change is RiskPanel's (the system) to attribute.
    const [cEvent] = await w.auditOf(c!.id);
    expect(cEvent!.change).toMatchObject({ editor: { name: 'Someone Unknown', email: 'someone@invented.example' } });
    expect(cEvent!.change).not.toHaveProperty('editorMemberId');
    expect((await w.action(c!.id)).dueDateChanges[0]).toMatchObject({ byMemberId: 'system', to: '2026-07-10' });
  });

  it('is RiskPanel\'s alone: a person cannot run the command', async () => {
    const w = await syncWorld();
    const [action] = w.actions;
    await expect(
      execute(applySharePointEdit, w.world.ctx('coordinator'), {
        kind: 'actions', list: 'Actions', itemId: '1', recordId: action!.id, version: action!.version,
        editor: { name: COORDINATOR_IN_SHAREPOINT.user!.displayName }, changes: [{ field: 'status', column: 'Status', from: 'not_started', to: 'completed' }], problems: [],
      }),
    ).rejects.toBeInstanceOf(ForbiddenError);
    expect(await w.action(action!.id)).toMatchObject({ status: 'not_started' });
  });
});
