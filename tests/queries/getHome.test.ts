import { execute } from '../../src/kernel/command';
import { recordInvolvement } from '../../src/commands/recordInvolvement';
import { runQuery } from '../../src/queries';
import { getHome, HOME_ACTIONS_LIMIT, HOME_AWAITING_LIMIT } from '../../src/queries/getHome';
import { insert, makeAction, makeCase, makeMeeting, makeOpenCase } from '../support/records';
import { createWorld, type Persona, type World } from '../support/world';

let world: World;
beforeEach(async () => (world = await createWorld()));
afterEach(() => world.close());

const home = (persona: Persona) => runQuery(getHome, world.ctx(persona), {});

// FIXED_NOW is 2026-06-15T09:00Z.
describe('getHome', () => {
  it('lists my unfinished actions overdue first, at most 20', async () => {
    await insert(world.store, 'cases', makeOpenCase({ id: 'c-police' }));
    const future = Array.from({ length: HOME_ACTIONS_LIMIT + 2 }, (_, i) =>
      makeAction({ id: `a-future-${String(i).padStart(2, '0')}`, parentId: 'c-police', dueDate: `2026-07-${String(i + 1).padStart(2, '0')}` }),
    );
    await insert(
      world.store,
      'actions',
      ...future,
      makeAction({ id: 'a-overdue-long', parentId: 'c-police', dueDate: '2026-06-01' }),
      makeAction({ id: 'a-overdue-short', parentId: 'c-police', dueDate: '2026-06-14', status: 'in_progress' }),
      makeAction({ id: 'a-done', parentId: 'c-police', dueDate: '2026-06-02', status: 'completed' }),
      makeAction({ id: 'a-not-mine', parentId: 'c-police', dueDate: '2026-06-02', ownerId: 'policelead' }),
    );
    const view = await home('police');
    expect(view.myActions).toHaveLength(HOME_ACTIONS_LIMIT);
    expect(view.myActions.slice(0, 3).map((a) => [a.id, a.overdue])).toEqual([
      ['a-overdue-long', true], ['a-overdue-short', true], ['a-future-00', false],
    ]);
    expect(view.myActions[0]).toMatchObject({ caseId: 'c-police', caseRef: expect.any(String), daysOverdue: 14 });
    expect(view.myActions.map((a) => a.id)).not.toContain('a-done');
    expect((await home('fire')).myActions).toEqual([]);
  });

  it('lists new referrals my agency has not answered, oldest first, leaving out our own, restricted ones, drafts and cases', async () => {
    await insert(
      world.store,
      'cases',
      makeCase({ id: 'r-health-new', referrerAgencyId: 'ag-health', referrerMemberId: 'health', receivedAt: '2026-06-10T10:00:00.000Z', riskCategories: ['hoarding'] }),
      makeCase({ id: 'r-health-old', referrerAgencyId: 'ag-health', referrerMemberId: 'health', receivedAt: '2026-06-01T10:00:00.000Z', status: 'listed' }),
      makeCase({ id: 'r-police', referrerAgencyId: 'ag-police', referrerMemberId: 'police', status: 'info_requested' }),
      makeCase({ id: 'r-restricted', referrerAgencyId: 'ag-health', referrerMemberId: 'health', restricted: true }),
      makeCase({ id: 'r-draft', referrerAgencyId: 'ag-health', referrerMemberId: 'health', status: 'draft' }),
      makeCase({ id: 'r-declined', referrerAgencyId: 'ag-health', referrerMemberId: 'health', status: 'declined' }),
      makeOpenCase({ id: 'c-open', referrerAgencyId: 'ag-health', referrerMemberId: 'health' }),
    );
    const fire = await home('fire');
    expect(fire.awaitingMyAgency.map((c) => c.id)).toEqual(['r-police', 'r-health-old', 'r-health-new']);
    const item = fire.awaitingMyAgency.find((c) => c.id === 'r-health-new')!;
    expect(item).toEqual({
      id: 'r-health-new', ref: expect.any(String), initials: 'S.I.P.', riskCategories: ['hoarding'], referrerAgencyId: 'ag-health',
      receivedAt: '2026-06-10T10:00:00.000Z', can: { recordInvolvement: true },
    });
    expect(JSON.stringify(fire)).not.toContain('Sam Invented Person');

    expect((await home('police')).awaitingMyAgency.map((c) => c.id)).toEqual(['r-health-old', 'r-health-new']);
    expect((await home('health')).awaitingMyAgency.map((c) => c.id)).toEqual(['r-police']);

    // Once fire answers (known or not), the referral no longer waits for fire.
    await execute(recordInvolvement, world.ctx('fire'), { caseId: 'r-health-new', known: false });
    expect((await home('fire')).awaitingMyAgency.map((c) => c.id)).toEqual(['r-police', 'r-health-old']);
    // A viewer may not see new referrals' summaries.
    expect((await home('viewer')).awaitingMyAgency).toEqual([]);
  });

  it('lists only the oldest few of a large backlog, and says how many wait', async () => {
    const backlog = Array.from({ length: HOME_AWAITING_LIMIT + 5 }, (_, i) => makeCase({
      id: `r-${String(i).padStart(2, '0')}`, referrerAgencyId: 'ag-health', referrerMemberId: 'health',
      receivedAt: new Date(Date.UTC(2026, 5, 1 + (i % 10), i)).toISOString(),
    }));
    await insert(world.store, 'cases', ...backlog);
    const fire = await home('fire');
    expect(fire.awaitingTotal).toBe(HOME_AWAITING_LIMIT + 5);
    const oldest = [...backlog].sort((a, b) => a.receivedAt!.localeCompare(b.receivedAt!)).slice(0, HOME_AWAITING_LIMIT).map((c) => c.id);
    expect(fire.awaitingMyAgency.map((c) => c.id)).toEqual(oldest);
    expect((await home('health')).awaitingTotal).toBe(0);
  });

  it('gives the next panel, or null when none is coming', async () => {
    expect((await home('fire')).nextMeeting).toBeNull();
    await insert(
      world.store,
      'meetings',
      makeMeeting({ id: 'm-past', startsAt: '2026-06-01T09:30:00.000Z', status: 'minutes_issued' }),
      makeMeeting({ id: 'm-next', startsAt: '2026-07-06T09:30:00.000Z' }),
    );
    expect((await home('viewer')).nextMeeting).toMatchObject({ id: 'm-next', chairName: 'Test chair', agenda: [] });
  });
});
