import { commands, execute } from '../../src/commands';
import { ForbiddenError } from '../../src/domain/errors';
import { pickLinkedMeeting, teamsMeetingKey, teamsMeetingKeys } from '../../src/domain/teamsMeetingLink';
import { makeContext } from '../../src/kernel/context';
import { isSystemActor, SYSTEM_ACTOR } from '../../src/kernel/systemActor';
import { actorOf, createWorld, FIXED_NOW } from '../support/world';
import { publishedMeeting, teamsMeeting } from './meetingBot';

// How a Teams meeting is matched to a RiskPanel meeting, and what RiskPanel itself (the system actor) may do.

describe('the names of a Teams meeting', () => {
  const teams = teamsMeeting('NzQ4Invented');

  it('reduces the chat id, the base64 meeting id and the join link to the same key', () => {
    expect(teamsMeetingKey(teams.thread)).toBe(teams.thread);
    expect(teamsMeetingKey(teams.meetingId)).toBe(teams.thread);
    expect(teamsMeetingKey(teams.joinUrl)).toBe(teams.thread);
    // URL-safe base64 and a link typed with upper-case escapes read the same.
    expect(teamsMeetingKey(teams.meetingId.replace(/\+/g, '-').replace(/\//g, '_'))).toBe(teams.thread);
    expect(teamsMeetingKey(teams.joinUrl.replace('%3A', '%3a').replace('19%3a', '19%3A'))).toBe(teams.thread);
  });

  it('keeps the message of a channel meeting, so two meetings in one channel are told apart', () => {
    const channel = '19:invented-channel@thread.tacv2';
    const first = `${channel};messageid=1718000000001`;
    expect(teamsMeetingKey(first)).toBe(first);
    expect(teamsMeetingKey(`https://teams.microsoft.com/l/meetup-join/${encodeURIComponent(channel)}/1718000000001?context=%7b%7d`)).toBe(first);
    expect(teamsMeetingKey(btoa(`0#${channel}#1718000000001`))).toBe(first);
    expect(teamsMeetingKey(`${channel};messageid=1718000000002`)).not.toBe(first);
  });

  it('keys a short join link (no thread in it) by the link without its query, and names nothing else', () => {
    expect(teamsMeetingKey('https://teams.microsoft.com/meet/123456789?p=abc')).toBe('link:https://teams.microsoft.com/meet/123456789');
    for (const odd of [undefined, '', 'hello', 'https://example.com/19:meeting_x', 'x'.repeat(5000)]) {
      expect(teamsMeetingKey(odd)).toBeUndefined();
    }
    expect(teamsMeetingKeys([teams.thread, teams.meetingId, undefined, 'nothing'])).toEqual([teams.thread]);
  });
});

describe('choosing among the panels one Teams meeting runs', () => {
  const at = (iso: string, status: 'planned' | 'agenda_published' | 'in_progress' | 'held', id = iso) => ({ id, status, startsAt: iso });
  const now = new Date('2026-06-15T09:00:00Z');
  const may = at('2026-05-18T09:30:00Z', 'held');
  const june = at('2026-06-15T09:30:00Z', 'agenda_published');
  const july = at('2026-07-13T09:30:00Z', 'planned');

  it('prefers the one in progress for every purpose', () => {
    const running = at('2026-06-15T09:30:00Z', 'in_progress');
    for (const purpose of ['start', 'end', 'agenda'] as const) expect(pickLinkedMeeting([may, running, july], purpose, now)).toBe(running);
  });

  it('starts the one planned nearest to now within twelve hours, ends nothing that is not running', () => {
    expect(pickLinkedMeeting([may, june, july], 'start', now)).toBe(june);
    expect(pickLinkedMeeting([may, july], 'start', now)).toBeUndefined();
    expect(pickLinkedMeeting([may, june, july], 'end', now)).toBeUndefined();
  });

  it('answers the agenda of the next panel not yet held, else the last one held', () => {
    expect(pickLinkedMeeting([may, june, july], 'agenda', now)).toBe(june);
    expect(pickLinkedMeeting([may, july], 'agenda', now)).toBe(july);
    expect(pickLinkedMeeting([may], 'agenda', now)).toBe(may);
    expect(pickLinkedMeeting([], 'agenda', now)).toBeUndefined();
  });
});

describe('RiskPanel itself as the actor', () => {
  it('is recognised through the context copy, and a member who merely has the id "system" is not it', () => {
    expect(isSystemActor(SYSTEM_ACTOR)).toBe(true);
    const world = { store: {} as never };
    expect(isSystemActor(makeContext({ ...world, actor: SYSTEM_ACTOR }).actor)).toBe(true);
    const pretender = actorOf('chair');
    expect(isSystemActor({ ...pretender, member: { ...pretender.member, id: 'system' } })).toBe(false);
    expect(isSystemActor(JSON.parse(JSON.stringify(SYSTEM_ACTOR)))).toBe(false);
  });

  it('may start and end a meeting, and nothing else: every other meeting step refuses it', async () => {
    const world = await createWorld();
    try {
      const m = await publishedMeeting(world, teamsMeeting('SystemLimits'));
      const system = makeContext({ store: world.store, actor: SYSTEM_ACTOR, now: () => FIXED_NOW });
      await expect(execute(commands.recordAttendance, system, { meetingId: m.id, memberId: 'chair', status: 'present', confidentialityAgreed: true })).rejects.toBeInstanceOf(ForbiddenError);
      const started = await execute(commands.startMeeting, system, { meetingId: m.id, expectedVersion: m.version });
      await expect(execute(commands.moveToItem, system, { meetingId: m.id, expectedVersion: started.version, agendaItemId: `${m.id}-2` })).rejects.toBeInstanceOf(ForbiddenError);
      await expect(execute(commands.endMeeting, system, { meetingId: m.id, expectedVersion: started.version })).resolves.toMatchObject({ status: 'held' });
    } finally {
      await world.close();
    }
  });
});
