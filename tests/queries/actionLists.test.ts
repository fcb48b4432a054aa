import { ForbiddenError, ValidationError } from '../../src/domain/errors';
import { runQuery } from '../../src/queries';
import type { ActionItem } from '../../src/queries/actionItems';
import { listAgencyActions } from '../../src/queries/listAgencyActions';
import { listMyActions } from '../../src/queries/listMyActions';
import { listOverdueActions } from '../../src/queries/listOverdueActions';
import { insert, makeAction, makeOpenCase } from '../support/records';
import { createWorld, FIXED_NOW, type Persona, type World } from '../support/world';

let world: World;
afterEach(() => world.close());

beforeEach(async () => {
  world = await createWorld();
  await insert(
    world.store,
    'cases',
    makeOpenCase({ id: 'police-case', ref: 'CASPA-2026-0002', initials: 'E.F.' }),
    makeOpenCase({
      id: 'restricted', ref: 'CASPA-2026-0005', initials: 'R.S.', restricted: true,
      leadAgencyId: 'ag-health', leadProfessionalId: 'health', namedMemberIds: ['fire'],
    }),
  );
  // FIXED_NOW is 2026-06-15T09:00Z.
  await insert(
    world.store,
    'actions',
    makeAction({ id: 'p-3days', parentId: 'police-case', dueDate: '2026-06-12' }),
    makeAction({ id: 'p-yesterday', parentId: 'police-case', dueDate: '2026-06-14', status: 'in_progress' }),
    makeAction({ id: 'p-today', parentId: 'police-case', dueDate: '2026-06-15' }),
    makeAction({ id: 'p-future', parentId: 'police-case', dueDate: '2026-07-01' }),
    makeAction({ id: 'p-done', parentId: 'police-case', dueDate: '2026-06-01', status: 'completed' }),
    makeAction({ id: 'p-not-done', parentId: 'police-case', dueDate: '2026-06-02', status: 'not_done_agency' }),
    makeAction({ id: 'lead-restricted', parentId: 'restricted', dueDate: '2026-06-10', ownerId: 'policelead' }),
    makeAction({ id: 'h-restricted', parentId: 'restricted', dueDate: '2026-06-05', ownerId: 'health', agencyId: 'ag-health' }),
    makeAction({ id: 'h-police-case', parentId: 'police-case', dueDate: '2026-06-13', ownerId: 'health', agencyId: 'ag-health' }),
    makeAction({ id: 'board', parentKind: 'board_plan', parentId: 'plan-2026', dueDate: '2026-04-01', ownerId: 'policelead' }),
  );
});

const run = <I>(query: Parameters<typeof runQuery>[0], persona: Persona, input: I, now?: Date) =>
  runQuery(query, world.ctx(persona, now), input) as Promise<ActionItem[]>;
const ids = (items: ActionItem[]) => items.map((i) => i.id);

describe('listMyActions', () => {
  it("lists the actor's unfinished actions, overdue first (longest overdue first), then by due date", async () => {
    const mine = await run(listMyActions, 'police', {});
    expect(ids(mine)).toEqual(['p-3days', 'p-yesterday', 'p-today', 'p-future']);
    expect(mine[0]).toEqual({
      id: 'p-3days', version: 1, description: 'Invented: arrange a joint visit.', successMeasure: 'Visit made and recorded.',
      ownerId: 'police', ownerName: 'Test police', agencyId: 'ag-police', dueDate: '2026-06-12', status: 'not_started',
      overdue: true, daysOverdue: 3, parentKind: 'case', parentId: 'police-case',
      caseId: 'police-case', caseRef: 'CASPA-2026-0002', caseInitials: 'E.F.',
      can: { addProgress: true, complete: true, changeDueDate: true },
    });
    expect(JSON.stringify(mine)).not.toContain('Sam');
    expect(ids(await run(listMyActions, 'police', { includeFinished: 'true' }))).toEqual([
      'p-3days', 'p-yesterday', 'p-done', 'p-not-done', 'p-today', 'p-future',
    ]);
  });

  it('shows owners their own actions even on a restricted case they cannot open, and board-plan actions without a case', async () => {
    const mine = await run(listMyActions, 'policeLead', {});
    expect(ids(mine)).toEqual(['board', 'lead-restricted']);
    expect(mine[0]).not.toHaveProperty('caseRef');
    expect(mine[1]).toMatchObject({ caseRef: 'CASPA-2026-0005', caseInitials: 'R.S.' });
  });
});

describe('overdue around the day boundary', () => {
  // June is British Summer Time: the London day of 15 June runs from 23:00 UTC on the 14th to 22:59:59 UTC on the 15th.
  it('counts an action due yesterday as one day overdue and one due today as not overdue, all London day long', async () => {
    for (const now of [new Date('2026-06-14T23:00:00Z'), FIXED_NOW, new Date('2026-06-15T22:59:59Z')]) {
      const mine = await run(listMyActions, 'police', {}, now);
      const byId = Object.fromEntries(mine.map((i) => [i.id, [i.overdue, i.daysOverdue]]));
      expect(byId['p-yesterday']).toEqual([true, 1]);
      expect(byId['p-today']).toEqual([false, 0]);
    }
    const nextDay = await run(listMyActions, 'police', {}, new Date('2026-06-15T23:00:00Z'));
    expect(nextDay.find((i) => i.id === 'p-today')).toMatchObject({ overdue: true, daysOverdue: 1 });
    expect(ids(await run(listOverdueActions, 'police', {}, new Date('2026-06-14T22:59:59Z')))).not.toContain('p-yesterday');
  });
});

describe('listOverdueActions', () => {
  it('lists only unfinished actions due before today, longest overdue first, as the actor may read them', async () => {
    const all = await run(listOverdueActions, 'coordinator', {});
    expect(all.map((i) => [i.id, i.daysOverdue])).toEqual([
      ['board', 75], ['h-restricted', 10], ['lead-restricted', 5], ['p-3days', 3], ['h-police-case', 2], ['p-yesterday', 1],
    ]);
    expect(all.every((i) => i.overdue)).toBe(true);
    // A police partner outside the restricted case's circle does not see its actions (even one owned by their agency
    // lead); the member named on it does. Board-plan actions are seen by their agency, the chair and viewers.
    expect(ids(await run(listOverdueActions, 'police', {}))).toEqual(['board', 'p-3days', 'h-police-case', 'p-yesterday']);
    expect(ids(await run(listOverdueActions, 'fire', {}))).toEqual(['h-restricted', 'lead-restricted']);
    expect(ids(await run(listOverdueActions, 'viewer', {}))).toEqual(['board']);
    expect(ids(await run(listOverdueActions, 'chair', {}))).toEqual(['board', 'p-3days', 'h-police-case', 'p-yesterday']);
    expect(await run(listOverdueActions, 'inactive', {})).toEqual([]);
  });

  it('filters by agency', async () => {
    expect(ids(await run(listOverdueActions, 'coordinator', { agencyId: 'ag-health' }))).toEqual(['h-restricted', 'h-police-case']);
    expect(ids(await run(listOverdueActions, 'coordinator', { agencyId: '' }))).toHaveLength(6);
  });
});

describe('listAgencyActions', () => {
  it("lists the actor's own agency by default, still filtered by what they may read", async () => {
    expect(ids(await run(listAgencyActions, 'police', {}))).toEqual(['board', 'p-3days', 'p-yesterday', 'p-today', 'p-future']);
    expect(ids(await run(listAgencyActions, 'policeLead', {}))).toEqual(['board', 'lead-restricted', 'p-3days', 'p-yesterday', 'p-today', 'p-future']);
  });

  it('lets coordinators and chairs list any agency, and refuses (and audits) a partner asking for another', async () => {
    expect(ids(await run(listAgencyActions, 'coordinator', { agencyId: 'ag-health' }))).toEqual(['h-restricted', 'h-police-case']);
    expect(ids(await run(listAgencyActions, 'chair', { agencyId: 'ag-health' }))).toEqual(['h-police-case']);
    await expect(run(listAgencyActions, 'police', { agencyId: 'ag-health' })).rejects.toThrow(ForbiddenError);
    const audit = await world.store.transaction((tx) => tx.find('audit'));
    expect(audit.map((e) => [e.action, e.actorId, e.recordType, e.recordId])).toEqual([['denied', 'police', 'listAgencyActions', 'ag-health']]);
    await expect(run(listAgencyActions, 'police', { includeFinished: 'perhaps' })).rejects.toThrow(ValidationError);
  });
});
