import { ForbiddenError } from '../../src/domain/errors';
import { runQuery } from '../../src/queries';
import { listScreeningQueue } from '../../src/queries/listScreeningQueue';
import { allRecords } from '../support/cases';
import { insert, makeAgendaItem, makeCase, makeMeeting, makeOpenCase } from '../support/records';
import { createWorld, type Persona, type World } from '../support/world';

let world: World;
beforeEach(async () => (world = await createWorld()));
afterEach(() => world.close());

const queue = (persona: Persona) => runQuery(listScreeningQueue, world.ctx(persona), {});
const INFO = { question: 'Invented: has the GP been told?', byMemberId: 'coordinator', at: '2026-06-12T10:00:00.000Z' };

// FIXED_NOW is 2026-06-15T09:00Z.
describe('listScreeningQueue', () => {
  beforeEach(async () => {
    await insert(
      world.store,
      'cases',
      makeCase({ id: 'q-submitted', receivedAt: '2026-06-10T16:00:00.000Z',
        involvements: [
          { agencyId: 'ag-fire', known: true, byMemberId: 'fire', at: '2026-06-11T10:00:00.000Z' },
          { agencyId: 'ag-health', known: false, byMemberId: 'health', at: '2026-06-11T11:00:00.000Z' },
        ] }),
      makeCase({ id: 'q-info', status: 'info_requested', receivedAt: '2026-06-05T10:00:00.000Z', infoRequest: INFO }),
      makeCase({ id: 'q-listed', status: 'listed', receivedAt: '2026-05-20T10:00:00.000Z' }),
      makeCase({ id: 'q-deferred', status: 'deferred', receivedAt: '2026-05-01T10:00:00.000Z' }),
      makeCase({ id: 'q-restricted', receivedAt: '2026-06-14T10:00:00.000Z', restricted: true }),
      makeCase({ id: 'x-draft', status: 'draft' }),
      makeCase({ id: 'x-withdrawn', status: 'withdrawn' }),
      makeOpenCase({ id: 'x-open' }),
    );
    await insert(
      world.store,
      'meetings',
      makeMeeting({ id: 'm-june', startsAt: '2026-05-18T09:30:00.000Z', status: 'held' }),
      makeMeeting({ id: 'm-july', startsAt: '2026-07-06T09:30:00.000Z', status: 'agenda_published' }),
    );
    await insert(
      world.store,
      'agendaItems',
      makeAgendaItem({ meetingId: 'm-june', caseId: 'q-deferred' }),
      makeAgendaItem({ meetingId: 'm-july', caseId: 'q-listed' }),
      makeAgendaItem({ meetingId: 'm-july', caseId: 'x-open', kind: 'review' }),
    );
  });

  it('gives coordinators every referral awaiting screening, oldest first, with what they need to screen it', async () => {
    const items = await queue('coordinator');
    expect(items.map((i) => [i.id, i.status, i.daysWaiting])).toEqual([
      ['q-deferred', 'deferred', 45],
      ['q-listed', 'listed', 26],
      ['q-info', 'info_requested', 10],
      ['q-submitted', 'submitted', 5],
      ['q-restricted', 'submitted', 1],
    ]);
    const byId = Object.fromEntries(items.map((i) => [i.id, i]));
    expect(byId['q-submitted']).toEqual({
      id: 'q-submitted', ref: expect.any(String), status: 'submitted', initials: 'S.I.P.', riskCategories: ['self_neglect'],
      referrerAgencyId: 'ag-police', receivedAt: '2026-06-10T16:00:00.000Z', daysWaiting: 5, answeredAgencies: 2,
      // makeCase refers one invented adult every time: q-info (5 June) is the same person's most recent earlier referral.
      repeatOf: { caseId: 'q-info', ref: expect.any(String) },
      can: { requestInfo: true, list: true, withdraw: true, screen: true },
    });
    expect(byId['q-info']!.infoRequest).toEqual(INFO);
    // Listed on the coming July panel; the deferred one's June panel is over.
    expect(byId['q-listed']!.listedMeetingId).toBe('m-july');
    expect(byId['q-deferred']).not.toHaveProperty('listedMeetingId');
    expect(JSON.stringify(items)).not.toContain('Sam Invented Person');
  });

  it('shows a chair the queue without restricted referrals they may not read', async () => {
    expect((await queue('chair')).map((i) => i.id)).toEqual(['q-deferred', 'q-listed', 'q-info', 'q-submitted']);
  });

  it.each(['police', 'policeLead', 'viewer', 'inactive'] as const)('refuses %s and audits the refusal', async (persona) => {
    await expect(queue(persona)).rejects.toThrow(ForbiddenError);
    const denied = (await allRecords(world, 'audit')).filter((a) => a.action === 'denied');
    expect(denied).toEqual([expect.objectContaining({ actorId: persona === 'policeLead' ? 'policelead' : persona, reason: expect.stringMatching(/^listScreeningQueue:/) })]);
  });
});
