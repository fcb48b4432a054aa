import { ConflictError } from '../domain/errors';
import { assertMeetingTransition } from '../domain/lifecycle';
import { minutesTimeliness } from '../domain/workingDays';
import { authorize } from '../policies';
import { meetingStepBodySchema, meetingRecordSchema } from '../contract/meetings';
import { defineCommand } from '../kernel/command';
import { id } from '../kernel/validation';
import { loadMeetingAt, saveMeeting } from '../kernel/meetingWrites';

/** Issues the approved minutes (coordinators); the working days since the meeting are recorded against the standard. */
export const issueMinutes = defineCommand({
  name: 'issueMinutes',
  summary: 'Issue the approved minutes (coordinators); working days from the meeting are counted against the 3-day standard',
  input: meetingStepBodySchema.extend({ meetingId: id }).strict(),
  ...{ output: meetingRecordSchema },
  async run(ctx, tx, input) {
    const meeting = await loadMeetingAt(tx, input.meetingId, input.expectedVersion);
    authorize(ctx.actor, 'issueMinutes', 'meeting', meeting, 'Only coordinators can issue the minutes.');
    assertMeetingTransition(meeting.status, 'minutes_issued');
    if (!meeting.minutes?.approvedAt) throw new ConflictError('The chair has not approved the minutes yet.');
    const now = ctx.now();
    const timeliness = minutesTimeliness(new Date(meeting.endedAt ?? meeting.startsAt), now);
    return saveMeeting(ctx, tx, { ...meeting, status: 'minutes_issued', minutesIssuedAt: now.toISOString() }, {
      status: { from: meeting.status, to: 'minutes_issued' }, minutesIssuedAt: now.toISOString(),
      workingDays: timeliness.workingDays, dueBy: timeliness.dueBy, withinStandard: timeliness.met,
    });
  },
});
