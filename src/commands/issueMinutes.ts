import { ConflictError } from '../domain/errors';
import { assertMeetingTransition } from '../domain/lifecycle';
import { minutesTimeliness } from '../domain/workingDays';
import { authorize } from '../policies';
import { meetingStepBodySchema, meetingRecordSchema } from '../contract/meetings';
import { paths } from '../contract/paths';
import { DOCX_CONTENT_TYPE, minutesDocument, minutesDocumentPath } from '../documents/minutesDocument';
import { defineCommand } from '../kernel/command';
import { documentsOf } from '../kernel/documentStore';
import { minutesViewOf } from '../kernel/minutesView';
import { queueNotification } from '../kernel/notifications';
import { id } from '../kernel/validation';
import { loadMeetingAt, saveMeeting } from '../kernel/meetingWrites';

/**
 * Issues the approved minutes (coordinators): the Word document is built from the record and stored (the SharePoint
 * library in production, the data folder locally), the meeting records its link, and the working days since the
 * meeting are recorded against the standard; a card with the link goes to the channel and the meeting chat in the same
 * unit of work. The upload replaces the document at the meeting's path, so a retry
 * after a failed save leaves one document, not two.
 */
export const issueMinutes = defineCommand({
  name: 'issueMinutes',
  summary: 'Issue the approved minutes (coordinators): the Word document is stored and linked; working days from the meeting are counted against the 3-day standard',
  input: meetingStepBodySchema.extend({ meetingId: id }).strict(),
  ...{ output: meetingRecordSchema },
  async run(ctx, tx, input) {
    const meeting = await loadMeetingAt(tx, input.meetingId, input.expectedVersion);
    authorize(ctx.actor, 'issueMinutes', 'meeting', meeting, 'Only coordinators can issue the minutes.');
    assertMeetingTransition(meeting.status, 'minutes_issued');
    if (!meeting.minutes?.approvedAt) throw new ConflictError('The chair has not approved the minutes yet.');
    const now = ctx.now();
    const issued = { ...meeting, status: 'minutes_issued' as const, minutesIssuedAt: now.toISOString() };
    const timeliness = minutesTimeliness(new Date(meeting.endedAt ?? meeting.startsAt), now);

    const document = await minutesDocument(await minutesViewOf(tx, issued, now));
    const stored = await documentsOf(ctx.store).put(minutesDocumentPath(meeting), document, DOCX_CONTENT_TYPE);
    const minutesDocumentUrl = stored.webUrl ?? paths.meetingMinutesDocument(meeting.id);

    const saved = await saveMeeting(ctx, tx, { ...issued, minutesDocumentUrl }, {
      status: { from: meeting.status, to: 'minutes_issued' }, minutesIssuedAt: issued.minutesIssuedAt,
      workingDays: timeliness.workingDays, dueBy: timeliness.dueBy, withinStandard: timeliness.met,
      document: { path: stored.path, bytes: stored.bytes },
    });
    await queueNotification(ctx, tx, 'minutesIssued', meeting.id, { meetingId: meeting.id, minutesIssuedAt: issued.minutesIssuedAt });
    return saved;
  },
});
