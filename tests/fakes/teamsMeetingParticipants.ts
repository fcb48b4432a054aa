import type { MeetingParticipants, TeamsMeetingRole, TeamsParticipantQuestion } from '../../src/kernel/meetingParticipants';

/** What the fake does for one person: answer a role, fail as Teams can, or never answer. */
export type FakeParticipantAnswer = TeamsMeetingRole | 'error' | 'hang';

/**
 * The Teams meeting participant API, faked: roles by Entra object id (anyone else is an attendee), with the questions
 * asked kept so a test can see what the server asked Teams.
 */
export class FakeMeetingParticipants implements MeetingParticipants {
  readonly asked: TeamsParticipantQuestion[] = [];

  constructor(private readonly answers: Record<string, FakeParticipantAnswer> = {}, private readonly otherwise: FakeParticipantAnswer = 'Attendee') {}

  roleOf(question: TeamsParticipantQuestion): Promise<TeamsMeetingRole> {
    this.asked.push(question);
    const answer = this.answers[question.aadObjectId] ?? this.otherwise;
    if (answer === 'hang') return new Promise<never>(() => undefined);
    if (answer === 'error') return Promise.reject(Object.assign(new Error('Teams said 500'), { name: 'TeamsServiceError' }));
    return Promise.resolve(answer);
  }
}
