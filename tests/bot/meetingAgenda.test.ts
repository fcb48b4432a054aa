import { MEETING_NOT_LINKED } from '../../bot/meeting/meetingAgenda';
import { CHAIR_NOT_PRESENTER } from '../../bot/meeting/chairCheck';
import { captureLogs, type CapturedLogs } from '../../src/log';
import { allRecords } from '../support/cases';
import { createWorld, MEMBERS, type World } from '../support/world';
import { cardIn, messageActivity, post, repliesOf, type ReplyActivity, type Running } from './botHttp';
import { FakeMeetingParticipants } from '../fakes/teamsMeetingParticipants';
import { meetingMessage, publishedMeeting, serveMeetingBot, teamsMeeting } from './meetingBot';

// `agenda` typed in a Teams meeting's chat, through /api/messages: that meeting's running order (references, initials,
// kinds; never a name: everyone in the meeting sees it), and for the chair, Teams' role for them through the
// participant port (the fake), with the app's stored chair as the rule.

const ADULT = 'Alex Imaginary Example';
const JUNE = teamsMeeting('InventedJuneAgenda');
const SPECIAL = teamsMeeting('InventedExtraPanel');

let world: World;
let logs: CapturedLogs;
beforeEach(async () => {
  world = await createWorld();
  logs = captureLogs();
});
afterEach(async () => {
  logs.stop();
  await world.close();
});

async function ask(participants: FakeMeetingParticipants, activity: unknown): Promise<ReplyActivity[]> {
  const bot: Running = await serveMeetingBot(world, participants);
  try {
    return await repliesOf(await post(bot.url, activity));
  } finally {
    await bot.close();
  }
}
const cardText = (card: Record<string, unknown>) => JSON.stringify(card);

describe('agenda in a meeting chat', () => {
  it('answers the running order of that meeting (not the next panel), by reference, initials and kind, with no names', async () => {
    // The next panel is the June one; the question is asked in the extra panel's meeting, the day after.
    await publishedMeeting(world, JUNE);
    const extra = await publishedMeeting(world, SPECIAL, { startsAt: '2026-06-16T14:00:00Z', title: 'Invented extra panel' });
    const cases = await allRecords(world, 'cases');
    const items = (await allRecords(world, 'agendaItems')).filter((i) => i.meetingId === extra.id).sort((a, b) => a.order - b.order);
    const refs = items.map((i) => cases.find((c) => c.id === i.caseId)!).map((c) => `${c.ref} \u00b7 ${c.initials}`);

    const teams = new FakeMeetingParticipants();
    const card = cardIn(await ask(teams, meetingMessage(SPECIAL, 'police', 'agenda')));
    const text = cardText(card);
    expect(text).toContain('1. New referral');
    expect(text).toContain('2. Review');
    for (const ref of refs) expect(text).toContain(ref);
    // Only that meeting's cases: none of the June panel's.
    const juneCases = (await allRecords(world, 'agendaItems')).filter((i) => i.meetingId !== extra.id).map((i) => cases.find((c) => c.id === i.caseId)!.ref);
    for (const ref of juneCases) expect(text).not.toContain(ref);
    expect(text).not.toContain(ADULT);
    expect(text).not.toContain('Test police');
    expect(text).toContain(`#/meetings/${encodeURIComponent(extra.id)}`);
    // A partner is not the chair: Teams is not asked about them.
    expect(teams.asked).toEqual([]);
  });

  it('shows the item under discussion once the meeting runs', async () => {
    const meeting = await publishedMeeting(world, JUNE, { status: 'in_progress', currentItemId: 'x', startedAt: '2026-06-15T09:30:00Z' });
    await world.store.transaction(async (tx) => {
      const m = (await tx.get('meetings', meeting.id))!;
      await tx.update('meetings', { ...m, currentItemId: `${meeting.id}-2`, currentItemStartedAt: '2026-06-15T08:55:00Z' });
    });
    const text = cardText(cardIn(await ask(new FakeMeetingParticipants(), meetingMessage(JUNE, 'health', 'agenda'))));
    expect(text).toContain('now on item 2 of 2');
  });

  it('says plainly when the Teams meeting is not linked to a panel', async () => {
    await publishedMeeting(world, JUNE);
    const replies = await ask(new FakeMeetingParticipants(), meetingMessage(SPECIAL, 'police', 'agenda'));
    expect(replies.map((r) => r.text)).toEqual([MEETING_NOT_LINKED]);
  });

  it('outside a meeting still answers the next panel', async () => {
    await publishedMeeting(world, JUNE);
    const card = cardIn(await ask(new FakeMeetingParticipants(), messageActivity('police', 'agenda', 'personal')));
    expect(cardText(card)).toContain('Next panel');
  });
});

describe('the chair asking in the meeting chat', () => {
  const askAsChair = (teams: FakeMeetingParticipants) => ask(teams, meetingMessage(JUNE, 'chair', 'agenda'));

  it('asks Teams about the chair (the activity\'s Entra id, the meeting and tenant from channelData) and says nothing more for an organizer or presenter', async () => {
    await publishedMeeting(world, JUNE);
    for (const role of ['Organizer', 'Presenter'] as const) {
      const teams = new FakeMeetingParticipants({ [MEMBERS.chair.aadObjectId]: role });
      const replies = await askAsChair(teams);
      expect(replies).toHaveLength(1);
      expect(teams.asked).toEqual([{ teamsMeetingId: JUNE.meetingId, aadObjectId: MEMBERS.chair.aadObjectId, tenantId: 'tenant-1' }]);
    }
  });

  it('tells a chair whom Teams has as an attendee what that means, after the agenda', async () => {
    await publishedMeeting(world, JUNE);
    const replies = await askAsChair(new FakeMeetingParticipants({ [MEMBERS.chair.aadObjectId]: 'Attendee' }));
    expect(replies).toHaveLength(2);
    expect(replies[0]!.attachments?.[0]?.contentType).toBe('application/vnd.microsoft.card.adaptive');
    expect(replies[1]!.text).toBe(CHAIR_NOT_PRESENTER);
  });

  it('falls back to the app\'s rule when Teams fails: the agenda, no notice, the failure logged', async () => {
    await publishedMeeting(world, JUNE);
    const replies = await askAsChair(new FakeMeetingParticipants({}, 'error'));
    expect(replies).toHaveLength(1);
    expect(logs.lines.some((l) => l.event === 'meeting.participantRoleFailed')).toBe(true);
  });

  it('never makes an organizer the chair: a partner Teams calls organizer gets the agenda and no chair notice', async () => {
    await publishedMeeting(world, JUNE);
    const teams = new FakeMeetingParticipants({ [MEMBERS.police.aadObjectId]: 'Organizer' });
    const replies = await ask(teams, meetingMessage(JUNE, 'police', 'agenda'));
    expect(replies).toHaveLength(1);
    expect(teams.asked).toEqual([]);
  });
});
