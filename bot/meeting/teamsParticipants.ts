import type { TurnContext } from '@microsoft/agents-hosting';
// The one import of this package: it is deprecated (its successor is @microsoft/agents-hosting-extensions-msteams), so
// it stays behind the MeetingParticipants port, in this file only, and can be swapped without touching anything else.
import { TeamsInfo } from '@microsoft/agents-hosting-extensions-teams';
import type { MeetingParticipants, TeamsParticipantQuestion } from '../../src/kernel/meetingParticipants';
import { normalRole } from './chairCheck';

/**
 * The participant API through the Agents SDK, within a bot turn: the turn holds the connector client (the bot's own
 * token and the activity's service URL). Answers Teams' role as it says it; failures throw, and the caller
 * (teamsRoleOf) turns them into 'unknown'.
 */
export function teamsMeetingParticipants(context: TurnContext): MeetingParticipants {
  return {
    async roleOf({ teamsMeetingId, aadObjectId, tenantId }: TeamsParticipantQuestion) {
      // The SDK puts both ids into the path as given; a base64 meeting id can hold '/' and '+', so they go encoded
      // (as the Bot Framework SDK's own client encoded them).
      const participant: unknown = await TeamsInfo.getMeetingParticipant(context, encodeURIComponent(teamsMeetingId), encodeURIComponent(aadObjectId), tenantId);
      // The SDK types `meeting` as its route helper class; on the wire it is { role, inMeeting }.
      const meeting = (participant as { meeting?: { role?: unknown } } | undefined)?.meeting;
      return normalRole(meeting?.role);
    },
  };
}
