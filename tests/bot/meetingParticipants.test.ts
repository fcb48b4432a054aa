import { CHAIR_NOT_PRESENTER, chairCheck, normalRole, teamsRoleOf } from '../../bot/meeting/chairCheck';
import { type CapturedLogs, captureLogs } from '../../src/log';
import { FakeMeetingParticipants } from '../fakes/teamsMeetingParticipants';

// The chair check in a Teams meeting: the app's stored chair (or deputy) is the rule; Teams' role (from the
// participant API, behind the MeetingParticipants port) only adds a plain notice, and a failure falls back to the rule.

const MEETING = 'MCMxOTptZWV0aW5nX2ludmVudGVkQHRocmVhZC52MiMw';
const ask = (aadObjectId: string) => ({ teamsMeetingId: MEETING, aadObjectId, tenantId: 'tenant-1' });

let logs: CapturedLogs;
beforeEach(() => {
  logs = captureLogs();
});
afterEach(() => logs.stop());

describe('the Teams role through the port', () => {
  const teams = new FakeMeetingParticipants({ organiser: 'Organizer', presenter: 'Presenter', attendee: 'Attendee', broken: 'error', silent: 'hang' });

  it('answers organizer, presenter and attendee as Teams says them, asking about the person and meeting given', async () => {
    expect(await teamsRoleOf(teams, ask('organiser'))).toBe('Organizer');
    expect(await teamsRoleOf(teams, ask('presenter'))).toBe('Presenter');
    expect(await teamsRoleOf(teams, ask('attendee'))).toBe('Attendee');
    expect(teams.asked.slice(0, 3)).toEqual([ask('organiser'), ask('presenter'), ask('attendee')]);
    expect(logs.lines.filter((l) => String(l.event).startsWith('meeting.'))).toEqual([]);
  });

  it('answers unknown when Teams fails, and logs the failure by name and meeting id only', async () => {
    expect(await teamsRoleOf(teams, ask('broken'))).toBe('unknown');
    const line = logs.lines.find((l) => l.event === 'meeting.participantRoleFailed');
    expect(line).toMatchObject({ teamsMeetingId: MEETING, error: 'TeamsServiceError' });
    expect(logs.text()).not.toContain('Teams said 500');
  });

  it('answers unknown when Teams never answers, after the timeout, logged', async () => {
    // The fake never settles: whatever the machine's speed, only the timeout can end the wait.
    expect(await teamsRoleOf(teams, ask('silent'), 5)).toBe('unknown');
    expect(logs.lines.find((l) => l.event === 'meeting.participantRoleTimeout')).toMatchObject({ teamsMeetingId: MEETING, timeoutMs: 5 });
  });

  it('reads only the roles Teams defines; anything else is unknown, never a guess', () => {
    expect(normalRole('Organizer')).toBe('Organizer');
    expect(normalRole('presenter')).toBe('Presenter');
    expect(normalRole('Attendee')).toBe('Attendee');
    for (const odd of ['Chair', '', 'Organizer ; Presenter', undefined, 3, null]) expect(normalRole(odd)).toBe('unknown');
  });
});

describe('the chair check', () => {
  it('lets the stored chair drive as organizer or presenter, with nothing to say', () => {
    expect(chairCheck(true, 'Organizer')).toEqual({ mayDrive: true, teamsRole: 'Organizer' });
    expect(chairCheck(true, 'Presenter')).toEqual({ mayDrive: true, teamsRole: 'Presenter' });
  });

  it('still lets the stored chair drive as an attendee, and tells them plainly what Teams will not let them do', () => {
    const check = chairCheck(true, 'Attendee');
    expect(check).toEqual({ mayDrive: true, teamsRole: 'Attendee', notice: CHAIR_NOT_PRESENTER });
    expect(check.notice).toMatch(/attendee/);
    expect(check.notice).toMatch(/organiser to make you a presenter/);
  });

  it('never lets a Teams role make someone the chair: an organizer or presenter who is not the stored chair does not drive', () => {
    expect(chairCheck(false, 'Organizer')).toEqual({ mayDrive: false, teamsRole: 'Organizer' });
    expect(chairCheck(false, 'Presenter')).toEqual({ mayDrive: false, teamsRole: 'Presenter' });
    expect(chairCheck(false, 'Attendee')).toEqual({ mayDrive: false, teamsRole: 'Attendee' });
  });

  it('falls back to the app\'s rule when Teams could not say (error or timeout), end to end through the port', async () => {
    const teams = new FakeMeetingParticipants({}, 'error');
    expect(chairCheck(true, await teamsRoleOf(teams, ask('chair')))).toEqual({ mayDrive: true, teamsRole: 'unknown' });
    expect(chairCheck(false, await teamsRoleOf(teams, ask('member')))).toEqual({ mayDrive: false, teamsRole: 'unknown' });
    const silent = new FakeMeetingParticipants({}, 'hang');
    expect(chairCheck(true, await teamsRoleOf(silent, ask('chair'), 5))).toEqual({ mayDrive: true, teamsRole: 'unknown' });
    expect(logs.lines.map((l) => l.event)).toEqual(
      expect.arrayContaining(['meeting.participantRoleFailed', 'meeting.participantRoleTimeout']),
    );
  });
});
