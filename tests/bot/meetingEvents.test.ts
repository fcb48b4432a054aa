import { captureLogs, type CapturedLogs } from '../../src/log';
import { allRecords, auditOf, getRecord, insertMeeting } from '../support/cases';
import { createWorld, type World } from '../support/world';
import { post, type Running } from './botHttp';
import { meetingEvent, publishedMeeting, serveMeetingBot, teamsMeeting } from './meetingBot';

// Teams meeting start and end events through the real /api/messages endpoint: the linked RiskPanel meeting moves to
// in progress and held through startMeeting/endMeeting as RiskPanel itself (audited as 'system'); repeats, unknown
// meetings and panels not ready change nothing.

let world: World;
let bot: Running;
let logs: CapturedLogs;
beforeEach(async () => {
  world = await createWorld();
  bot = await serveMeetingBot(world);
  logs = captureLogs();
});
afterEach(async () => {
  logs.stop();
  await bot.close();
  await world.close();
});

/** Posts an event; Teams expects no answer to one, so the turn answers 200 with no activities. */
async function send(event: unknown): Promise<void> {
  const res = await post(bot.url, event);
  expect(res.status).toBe(200);
  const body = (await res.json()) as { activities?: unknown[] };
  expect(body.activities ?? []).toEqual([]);
}
const outcomes = () => logs.lines.filter((l) => l.event === 'bot.meetingEvent').map((l) => l.outcome);

describe('Teams meeting start and end', () => {
  const teams = teamsMeeting('InventedJuneA1');

  it('starts the linked meeting on its first item as the system, then holds it with draft minutes at the end', async () => {
    const meeting = await publishedMeeting(world, teams);
    await send(meetingEvent(teams, 'Start'));
    const started = await getRecord(world, 'meetings', meeting.id);
    expect(started).toMatchObject({ status: 'in_progress', currentItemId: `${meeting.id}-1`, startedAt: expect.any(String) });

    await send(meetingEvent(teams, 'End'));
    const held = await getRecord(world, 'meetings', meeting.id);
    expect(held).toMatchObject({ status: 'held', endedAt: expect.any(String), minutes: { itemNotes: [expect.anything(), expect.anything()] } });

    // Audited through the kernel, by RiskPanel itself: never by the member Teams names as the event's sender.
    // Both at the pinned clock: in the order the audit chain took them.
    const changes = (await auditOf(world, meeting.id)).filter((e) => e.recordType === 'meeting' && e.action === 'update').sort((a, b) => a.seq! - b.seq!);
    expect(changes.map((e) => [e.actorId, (e.change as { status: { to: string } }).status.to])).toEqual([['system', 'in_progress'], ['system', 'held']]);
    expect(outcomes()).toEqual(['started', 'ended']);
  });

  it('changes nothing when Teams repeats an event (same or new activity id)', async () => {
    const meeting = await publishedMeeting(world, teams);
    await send(meetingEvent(teams, 'Start', 'start-1'));
    const once = await getRecord(world, 'meetings', meeting.id);
    await send(meetingEvent(teams, 'Start', 'start-1'));
    await send(meetingEvent(teams, 'Start', 'start-2'));
    expect(await getRecord(world, 'meetings', meeting.id)).toEqual(once);

    await send(meetingEvent(teams, 'End', 'end-1'));
    const ended = await getRecord(world, 'meetings', meeting.id);
    await send(meetingEvent(teams, 'End', 'end-1'));
    await send(meetingEvent(teams, 'Start', 'start-3'));
    expect(await getRecord(world, 'meetings', meeting.id)).toEqual(ended);
    expect((await auditOf(world, meeting.id)).filter((e) => e.action === 'update')).toHaveLength(2);
    expect(outcomes()).toEqual(['started', 'alreadyRunning', 'alreadyRunning', 'ended', 'notLinked', 'notLinked']);
  });

  it('ignores a Teams meeting no RiskPanel meeting is linked to, and writes nothing', async () => {
    const meeting = await publishedMeeting(world, teams);
    const auditBefore = (await allRecords(world, 'audit')).length;
    await send(meetingEvent(teamsMeeting('SomeoneElsesMeeting'), 'Start'));
    await send(meetingEvent(teamsMeeting('SomeoneElsesMeeting'), 'End'));
    expect(await getRecord(world, 'meetings', meeting.id)).toMatchObject({ status: 'agenda_published', version: meeting.version });
    expect(await allRecords(world, 'audit')).toHaveLength(auditBefore);
    expect(outcomes()).toEqual(['notLinked', 'notLinked']);
  });

  it('leaves a panel whose agenda is not published alone, and an end before any start', async () => {
    const planned = await insertMeeting(world, { id: 'meeting-planned', startsAt: '2026-06-15T09:30:00Z', teamsLink: teams.joinUrl });
    await send(meetingEvent(teams, 'Start'));
    await send(meetingEvent(teams, 'End'));
    expect(await getRecord(world, 'meetings', planned.id)).toMatchObject({ status: 'planned', version: planned.version });
    expect(outcomes()).toEqual(['notReady', 'notLinked']);
  });

  it('finds the meeting by the Teams meeting id or chat id alone (no join link stored)', async () => {
    const other = teamsMeeting('InventedJuneB2');
    const byId = await publishedMeeting(world, other, { teamsLink: undefined, teamsMeetingId: other.meetingId });
    await send({ ...meetingEvent(other, 'Start'), value: { Id: other.meetingId } });
    expect(await getRecord(world, 'meetings', byId.id)).toMatchObject({ status: 'in_progress' });
  });

  it('in a recurring Teams meeting (one chat for every month), starts the panel planned for today, not last month\'s or next month\'s', async () => {
    const lastMonth = await publishedMeeting(world, teams, { startsAt: '2026-05-18T09:30:00Z', status: 'held', endedAt: '2026-05-18T11:30:00Z' });
    const nextMonth = await publishedMeeting(world, teams, { startsAt: '2026-07-13T09:30:00Z' });
    const today = await publishedMeeting(world, teams);
    await send(meetingEvent(teams, 'Start'));
    expect(await getRecord(world, 'meetings', today.id)).toMatchObject({ status: 'in_progress' });
    expect(await getRecord(world, 'meetings', nextMonth.id)).toMatchObject({ status: 'agenda_published', version: nextMonth.version });
    expect(await getRecord(world, 'meetings', lastMonth.id)).toMatchObject({ status: 'held', version: lastMonth.version });
  });

  it('starts nothing when the Teams meeting starts far from any planned panel (a test call the week before)', async () => {
    const meeting = await publishedMeeting(world, teams, { startsAt: '2026-06-22T09:30:00Z' });
    await send(meetingEvent(teams, 'Start'));
    expect(await getRecord(world, 'meetings', meeting.id)).toMatchObject({ status: 'agenda_published', version: meeting.version });
  });

  it('leaves a meeting with an empty agenda alone (refused by startMeeting, nothing written)', async () => {
    const empty = await insertMeeting(world, { id: 'meeting-empty', startsAt: '2026-06-15T09:30:00Z', status: 'agenda_published', teamsLink: teams.joinUrl });
    await send(meetingEvent(teams, 'Start'));
    expect(await getRecord(world, 'meetings', empty.id)).toMatchObject({ status: 'agenda_published', version: empty.version });
    expect(outcomes()).toEqual(['refused']);
  });
});
