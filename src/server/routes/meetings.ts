import { commands, execute, type Command } from '../../commands';
import { queries } from '../../queries';
import { DOCX_CONTENT_TYPE } from '../../documents/minutesDocument';
import { runQuery } from '../../kernel/query';
import { type Operation, type RouteSpec, query } from '../routeTable';

const meetingId = { id: 'meetingId' };

/**
 * A meeting command answers with the caller's meeting view (contract: meetingViewSchema), so the tab redraws from
 * the one shape the live stream also sends. The command runs in its unit of work; the view is read after it.
 */
const thenView = (c: Command): Operation => ({
  kind: 'handler',
  input: c.input,
  run: async ({ ctx, input }) => {
    const meeting = (await execute(c, ctx!, input)) as { id: string };
    return runQuery(queries.getMeeting, ctx!, { meetingId: meeting.id });
  },
});

const step = (method: RouteSpec['method'], tail: string, c: Command & { name: string }, extra: Partial<RouteSpec> = {}): RouteSpec => ({
  method, path: `/api/meetings/:id/${tail}`, operationId: c.name, tag: 'meetings', params: meetingId, summary: c.summary, operation: thenView(c), ...extra,
});

export const meetingRoutes: RouteSpec[] = [
  { method: 'get', path: '/api/meetings', operationId: 'listMeetings', tag: 'meetings',
    summary: queries.listMeetings.summary, operation: query(queries.listMeetings) },
  { method: 'post', path: '/api/meetings', operationId: 'scheduleMeeting', tag: 'meetings', status: 201,
    summary: commands.scheduleMeeting.summary, operation: thenView(commands.scheduleMeeting),
    description: 'Coordinators only. Answers with the new meeting\'s view.' },
  { method: 'get', path: '/api/meetings/:id', operationId: 'getMeeting', tag: 'meetings', params: meetingId,
    summary: queries.getMeeting.summary, operation: query(queries.getMeeting) },
  { method: 'get', path: '/api/meetings/:id/stage', operationId: 'getMeetingStage', tag: 'meetings', params: meetingId,
    summary: queries.getMeetingStage.summary, operation: query(queries.getMeetingStage) },
  step('post', 'agenda', commands.buildAgenda, { description: 'Coordinators; planned meetings. Replaces the agenda with the default one.' }),
  step('post', 'agenda/edits', commands.editAgenda, { description: 'Coordinators; planned meetings. Items are named by their order at expectedVersion.' }),
  step('post', 'publication', commands.publishAgenda, { description: 'Coordinators. Records the papers date.' }),
  step('post', 'start', commands.startMeeting, { description: 'The meeting\'s chair or named deputy, as stored on the meeting.' }),
  step('post', 'current-item', commands.moveToItem, { description: 'The meeting\'s chair or named deputy.' }),
  step('post', 'decisions', commands.recordDecision, { description: 'The meeting\'s chair or named deputy. Outcomes by item kind: OUTCOMES_BY_ITEM_KIND.' }),
  step('post', 'attendance', commands.recordAttendance),
  step('post', 'arrival', commands.joinMeeting, { description: 'Anyone the meeting is for, on its day or while it runs; records a first arrival only.' }),
  step('post', 'end', commands.endMeeting, { description: 'The meeting\'s chair or named deputy. The draft minutes exist when this answers.' }),
  step('put', 'minutes', commands.editMinutes),
  step('post', 'minutes/approval', commands.approveMinutes),
  { method: 'get', path: '/api/meetings/:id/minutes.docx', operationId: 'downloadMinutes', tag: 'meetings', params: meetingId,
    summary: queries.downloadMinutes.summary, produces: DOCX_CONTENT_TYPE, operation: query(queries.downloadMinutes),
    description: 'The Word document itself (Content-Disposition: attachment). Issued minutes: panel members; the draft: coordinators and the chair. Audited as an export.' },
  step('post', 'minutes/issue', commands.issueMinutes, { description: 'Coordinators, once the chair has approved. Working days against the 3-day standard are recorded.' }),
];
