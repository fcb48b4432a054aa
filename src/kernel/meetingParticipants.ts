/**
 * A person's role in a Teams meeting, as Teams' meeting participant API answers it
 * (`GET /v1/meetings/{meetingId}/participants/{userId}?tenantId=`). 'unknown' when Teams could not say.
 */
export type TeamsMeetingRole = 'Organizer' | 'Presenter' | 'Attendee' | 'unknown';

export interface TeamsParticipantQuestion {
  /** The Teams meeting id (channelData.meeting.id), not ours. */
  teamsMeetingId: string;
  /** The person's Entra object id, from the authenticated activity or our member record: never from client data. */
  aadObjectId: string;
  tenantId?: string;
}

/**
 * The port to Teams' meeting participant API. Production: bot/meeting/teamsParticipants.ts (Agents SDK, inside a bot
 * turn); tests: tests/fakes/teamsMeetingParticipants.ts. An adapter answers the role or throws; it never decides: the
 * chair check (bot/meeting/chairCheck.ts) applies the app's rule and the timeout.
 */
export interface MeetingParticipants {
  roleOf(question: TeamsParticipantQuestion): Promise<TeamsMeetingRole>;
}
