import { ForbiddenError } from '../../src/domain/errors';
import { runQuery } from '../../src/queries';
import { listMeetings } from '../../src/queries/listMeetings';
import { nextMeeting } from '../../src/queries/nextMeeting';
import { insert, makeAgendaItem, makeCase, makeMeeting, makeOpenCase } from '../support/records';
import { createWorld, type World } from '../support/world';

let world: World;
beforeEach(async () => (world = await createWorld()));
afterEach(() => world.close());

// FIXED_NOW is 2026-06-15T09:00Z.
const MEETINGS = [
  makeMeeting({ id: 'm-july', title: 'July panel', startsAt: '2026-07-13T09:30:00.000Z', status: 'planned' }),
  makeMeeting({ id: 'm-may', title: 'May panel', startsAt: '2026-05-11T09:30:00.000Z', status: 'minutes_issued', minutesIssuedAt: '2026-05-13T12:00:00.000Z' }),
  makeMeeting({ id: 'm-stale', title: 'Never held', startsAt: '2026-06-01T09:30:00.000Z', status: 'planned' }),
  makeMeeting({ id: 'm-june', title: 'June panel', startsAt: '2026-06-15T13:00:00.000Z', status: 'agenda_published', teamsLink: 'https://teams.example.test/meet/1' }),
];

describe('listMeetings', () => {
  it('lists meetings earliest first with their status, to any member', async () => {
    await insert(world.store, 'meetings', ...MEETINGS);
    const meetings = await runQuery(listMeetings, world.ctx('viewer'), {});
    expect(meetings.map((m) => [m.id, m.status])).toEqual([
      ['m-may', 'minutes_issued'], ['m-stale', 'planned'], ['m-june', 'agenda_published'], ['m-july', 'planned'],
    ]);
    expect(meetings[0]).toMatchObject({ title: 'May panel', chairId: 'chair', chairName: 'Test chair', minutesIssuedAt: '2026-05-13T12:00:00.000Z' });
    await expect(runQuery(listMeetings, world.ctx('inactive'), {})).rejects.toThrow(ForbiddenError);
  });
});

describe('nextMeeting', () => {
  it('is null when no meeting is coming up', async () => {
    await insert(world.store, 'meetings', MEETINGS[1]!, MEETINGS[2]!);
    expect(await runQuery(nextMeeting, world.ctx('police'), {})).toBeNull();
  });

  it('gives the next planned or published meeting from today on, with its agenda by reference and initials only', async () => {
    await insert(world.store, 'meetings', ...MEETINGS);
    await insert(
      world.store,
      'cases',
      makeCase({ id: 'new', ref: 'CASPA-2026-0011', initials: 'T.U.' }),
      makeOpenCase({ id: 'review', ref: 'CASPA-2026-0004', initials: 'V.W.' }),
      makeOpenCase({ id: 'secret', ref: 'CASPA-2026-0006', initials: 'X.Y.', restricted: true, leadAgencyId: 'ag-health', leadProfessionalId: 'health' }),
    );
    await insert(
      world.store,
      'agendaItems',
      makeAgendaItem({ meetingId: 'm-june', id: 'i3', order: 3, kind: 'review', caseId: 'secret', presentingAgencyId: 'ag-health' }),
      makeAgendaItem({ meetingId: 'm-june', id: 'i1', order: 1, kind: 'new_referral', caseId: 'new', presentingAgencyId: 'ag-police' }),
      makeAgendaItem({ meetingId: 'm-june', id: 'i2', order: 2, kind: 'review', caseId: 'review' }),
      makeAgendaItem({ meetingId: 'm-june', id: 'i4', order: 4, kind: 'any_other_business' }),
      makeAgendaItem({ meetingId: 'm-july', id: 'j1', order: 1, caseId: 'new' }),
    );
    const forFire = await runQuery(nextMeeting, world.ctx('fire'), {});
    expect(forFire).toMatchObject({ id: 'm-june', status: 'agenda_published', teamsLink: 'https://teams.example.test/meet/1' });
    expect(forFire!.agenda).toEqual([
      { id: 'i1', order: 1, kind: 'new_referral', minutesAllotted: 10, presentingAgencyId: 'ag-police', caseId: 'new', caseRef: 'CASPA-2026-0011', caseInitials: 'T.U.', canOpen: true },
      // Panel members see the agenda they will discuss (surface rule 5), and the line says the fire partner cannot open it.
      { id: 'i2', order: 2, kind: 'review', minutesAllotted: 10, caseId: 'review', caseRef: 'CASPA-2026-0004', caseInitials: 'V.W.', canOpen: false },
      { id: 'i3', order: 3, kind: 'review', minutesAllotted: 10, presentingAgencyId: 'ag-health', restricted: true, canOpen: false },
      { id: 'i4', order: 4, kind: 'any_other_business', minutesAllotted: 10, canOpen: false },
    ]);
    expect(JSON.stringify(forFire)).not.toMatch(/Sam|Invented|LU2/);
    const forHealth = await runQuery(nextMeeting, world.ctx('health'), {});
    expect(forHealth!.agenda[2]).toMatchObject({ caseRef: 'CASPA-2026-0006', caseInitials: 'X.Y.' });
    // The board (viewer role) sees the meeting's shape: kinds and times, nothing about whom the items concern.
    const forViewer = await runQuery(nextMeeting, world.ctx('viewer'), {});
    expect(forViewer!.agenda.map((l) => l.kind)).toEqual(['new_referral', 'review', 'review', 'any_other_business']);
    expect(JSON.stringify(forViewer!.agenda)).not.toMatch(/CASPA|T\.U\.|V\.W\.|X\.Y\.|caseId|ag-police/);
    // No case was opened: the agenda is not a read of anyone's record.
    expect(await world.store.transaction((tx) => tx.find('audit'))).toEqual([]);
  });
});
