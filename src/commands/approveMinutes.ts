import { ConflictError } from '../domain/errors';
import { authorize } from '../policies';
import { meetingStepBodySchema, meetingRecordSchema } from '../contract/meetings';
import { defineCommand } from '../kernel/command';
import { id } from '../kernel/validation';
import { loadMeetingAt, requireMeetingStatus, saveMeeting } from '../kernel/meetingWrites';

export const approveMinutes = defineCommand({
  name: 'approveMinutes',
  summary: 'Approve the draft minutes (the meeting\'s chair)',
  input: meetingStepBodySchema.extend({ meetingId: id }).strict(),
  ...{ output: meetingRecordSchema },
  async run(ctx, tx, input) {
    const meeting = await loadMeetingAt(tx, input.meetingId, input.expectedVersion);
    authorize(ctx.actor, 'approveMinutes', 'meeting', meeting, 'Only the meeting\'s chair (or named deputy) can approve its minutes.');
    requireMeetingStatus(meeting, ['held'], 'The minutes can be approved');
    if (!meeting.minutes) throw new ConflictError('There are no draft minutes to approve.');
    if (meeting.minutes.approvedAt) throw new ConflictError('The minutes are already approved.');
    const approvedAt = ctx.now().toISOString();
    return saveMeeting(ctx, tx, { ...meeting, minutes: { ...meeting.minutes, approvedAt, approvedById: ctx.actor.member.id } }, { minutes: 'approved', approvedAt });
  },
});
