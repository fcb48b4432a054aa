import { execute } from '../../src/kernel/command';
import { runQuery } from '../../src/kernel/query';
import { commands } from '../../src/commands';
import { queries } from '../../src/queries';
import { opensAsArrival } from '../../src/domain/attendancePrefill';
import { ForbiddenError, ValidationError } from '../../src/domain/errors';
import { allRecords, createListedReferral } from '../support/cases';
import { expectRefused } from '../support/refusals';
import { createWorld, type Persona, type World } from '../support/world';

let world: World;
beforeEach(async () => (world = await createWorld()));
afterEach(() => world.close());

const STARTS_AT = '2026-07-01T09:30:00Z';
// 08:05 UTC is 09:05 in London (BST): the meeting's day, before the chair starts.
const MEETING_MORNING = new Date('2026-07-01T08:05:00Z');
const WEEK_BEFORE = new Date('2026-06-24T08:05:00Z');

type Saved = { id: string; version: number; status: string };
const run = (persona: Persona, name: keyof typeof commands, input: Record<string, unknown>, now?: Date) =>
  execute(commands[name] as never, world.ctx(persona, now), input) as Promise<Saved>;
const attendanceOf = async (meetingId: string) => (await allRecords(world, 'attendance')).filter((a) => a.meetingId === meetingId);

async function publishedMeeting(): Promise<Saved> {
  await createListedReferral(world, 'police');
  let m = await run('coordinator', 'scheduleMeeting', {
    title: 'Invented July panel', startsAt: STARTS_AT, lengthMinutes: 120, chairId: 'chair',
    quorum: { coreAgencyIds: ['ag-council', 'ag-police', 'ag-health'], minCoreShare: 0.5, chairRequired: true },
  });
  m = await run('coordinator', 'buildAgenda', { meetingId: m.id, expectedVersion: m.version });
  return run('coordinator', 'publishAgenda', { meetingId: m.id, expectedVersion: m.version });
}

describe('opening the side panel records an arrival', () => {
  it('on the meeting\'s day a partner is recorded present once, the board\'s viewer as an observer, and quorum follows', async () => {
    const m = await publishedMeeting();
    const before = await runQuery(queries.getMeeting, world.ctx('chair', MEETING_MORNING), { meetingId: m.id });
    expect(before.quorum.quorate).toBe(false);

    const joined = await run('police', 'joinMeeting', { meetingId: m.id }, MEETING_MORNING);
    expect(joined.version).toBe(m.version + 1); // the live stream follows the meeting's version
    await run('police', 'joinMeeting', { meetingId: m.id }, MEETING_MORNING);
    await run('chair', 'joinMeeting', { meetingId: m.id }, MEETING_MORNING);
    await run('health', 'joinMeeting', { meetingId: m.id }, MEETING_MORNING);
    await run('viewer', 'joinMeeting', { meetingId: m.id }, MEETING_MORNING);

    const lines = await attendanceOf(m.id);
    expect(lines.map((l) => [l.memberId, l.status]).sort()).toEqual([
      ['chair', 'present'], ['health', 'present'], ['police', 'present'], ['viewer', 'observer'],
    ]);
    const after = await runQuery(queries.getMeeting, world.ctx('chair', MEETING_MORNING), { meetingId: m.id });
    expect(after.quorum.quorate).toBe(true);
    const audit = (await allRecords(world, 'audit')).filter((e) => e.recordType === 'attendance' && e.action === 'create');
    expect(audit).toHaveLength(4);
  });

  it('never overwrites what the chair recorded, and writes nothing a week early or once the meeting is held', async () => {
    const m = await publishedMeeting();
    const corrected = await run('chair', 'recordAttendance', {
      meetingId: m.id, expectedVersion: m.version, memberId: 'police', status: 'apologies_info_sent', confidentialityAgreed: true,
    }, MEETING_MORNING);
    const unchanged = await run('police', 'joinMeeting', { meetingId: m.id }, MEETING_MORNING);
    expect(unchanged.version).toBe(corrected.version);
    expect((await attendanceOf(m.id)).map((l) => l.status)).toEqual(['apologies_info_sent']);

    const early = await run('health', 'joinMeeting', { meetingId: m.id }, WEEK_BEFORE);
    expect(early.version).toBe(corrected.version);
    expect(await attendanceOf(m.id)).toHaveLength(1);
  });

  it('refuses a deactivated member and a body with anything in it, changing nothing', async () => {
    const m = await publishedMeeting();
    await expectRefused(world, () => run('inactive', 'joinMeeting', { meetingId: m.id }, MEETING_MORNING), ForbiddenError);
    await expectRefused(world, () => run('police', 'joinMeeting', { meetingId: m.id, status: 'chair' }, MEETING_MORNING), ValidationError);
    expect(await attendanceOf(m.id)).toHaveLength(0);
  });
});

describe('when an opening counts as arriving', () => {
  it('while the meeting runs, or on its London day once published; not before publication or after it is held', () => {
    expect(opensAsArrival({ status: 'in_progress', startsAt: STARTS_AT }, WEEK_BEFORE)).toBe(true);
    expect(opensAsArrival({ status: 'agenda_published', startsAt: STARTS_AT }, MEETING_MORNING)).toBe(true);
    // 23:30 UTC on 30 June is 00:30 on 1 July in London: already the meeting's day.
    expect(opensAsArrival({ status: 'agenda_published', startsAt: STARTS_AT }, new Date('2026-06-30T23:30:00Z'))).toBe(true);
    expect(opensAsArrival({ status: 'agenda_published', startsAt: STARTS_AT }, new Date('2026-06-30T22:30:00Z'))).toBe(false);
    expect(opensAsArrival({ status: 'planned', startsAt: STARTS_AT }, MEETING_MORNING)).toBe(false);
    expect(opensAsArrival({ status: 'held', startsAt: STARTS_AT }, MEETING_MORNING)).toBe(false);
  });
});
