import {
  type EditAgendaBody, type EditMinutesBody, type JoinMeetingBody, type MeetingView, type RecordAttendanceBody, type RecordDecisionBody,
  meetingViewSchema, paths,
} from '../../../../src/contract';
import type { ApiClient } from '../../api/client';

/**
 * Every command on a meeting, as the tab sends it: each answers with the caller's whole meeting view, which the page
 * shows at once (the live stream brings the same view to everyone else). `version` is the meeting version the user
 * was looking at, so a press on a stale view is refused (409) instead of acting on the wrong item.
 */
export function meetingCommands(client: ApiClient, id: string) {
  const step = (path: string, version: number): Promise<MeetingView> => client.post(path, { expectedVersion: version }, meetingViewSchema);
  return {
    buildAgenda: (version: number) => client.post(paths.meetingAgenda(id), { expectedVersion: version }, meetingViewSchema),
    editAgenda: (version: number, edit: EditAgendaBody['edit']) =>
      client.post(paths.meetingAgendaEdits(id), { expectedVersion: version, edit } satisfies EditAgendaBody, meetingViewSchema),
    publishAgenda: (version: number) => step(paths.meetingPublication(id), version),
    start: (version: number) => step(paths.meetingStart(id), version),
    moveTo: (version: number, agendaItemId: string) =>
      client.post(paths.meetingCurrentItem(id), { expectedVersion: version, agendaItemId }, meetingViewSchema),
    recordDecision: (body: RecordDecisionBody) => client.post(paths.meetingDecisions(id), body, meetingViewSchema),
    recordAttendance: (body: RecordAttendanceBody) => client.post(paths.meetingAttendance(id), body, meetingViewSchema),
    /** Opening the side panel: the server records a first arrival on the meeting's day and ignores the rest. */
    arrive: () => client.post(paths.meetingArrival(id), {} satisfies JoinMeetingBody, meetingViewSchema),
    end: (version: number) => step(paths.meetingEnd(id), version),
    editMinutes: (body: EditMinutesBody) => client.put(paths.meetingMinutes(id), body, meetingViewSchema),
    approveMinutes: (version: number) => step(paths.meetingMinutesApproval(id), version),
    issueMinutes: (version: number) => step(paths.meetingMinutesIssue(id), version),
  };
}
export type MeetingCommands = ReturnType<typeof meetingCommands>;
