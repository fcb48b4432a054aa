import { arrivalStatus, opensAsArrival } from '../domain/attendancePrefill';
import { authorize } from '../policies';
import { joinMeetingBodySchema, meetingRecordSchema } from '../contract/meetings';
import { recordAudit } from '../kernel/audit';
import { defineCommand } from '../kernel/command';
import { load } from '../kernel/loaders';
import { id } from '../kernel/validation';
import { saveMeeting } from '../kernel/meetingWrites';

/**
 * A member opened the meeting's side panel: on the meeting's day or while it runs they are recorded as arrived, so
 * the chair starts from a filled-in attendance list instead of a blank one. Only a first arrival writes: a line the
 * chair already set (apologies, observer, a correction) is never overwritten, and opening the panel again, or
 * outside the meeting, changes nothing.
 */
export const joinMeeting = defineCommand({
  name: 'joinMeeting',
  summary: 'Record the caller as arrived when they open the side panel on the meeting\'s day (first arrival only)',
  input: joinMeetingBodySchema.extend({ meetingId: id }).strict(),
  output: meetingRecordSchema,
  async run(ctx, tx, input) {
    const meeting = await load(tx, 'meetings', input.meetingId);
    authorize(ctx.actor, 'join', 'meeting', meeting, 'Only members of the partnership join its meetings.');
    if (!opensAsArrival(meeting, ctx.now())) return meeting;
    const member = ctx.actor.member;
    const lines = await tx.find('attendance', { where: [{ field: 'meetingId', op: 'eq', value: meeting.id }] });
    if (lines.some((l) => l.memberId === member.id)) return meeting;

    const status = arrivalStatus(member.roles);
    const line = await tx.insert('attendance', {
      id: ctx.newId(), meetingId: meeting.id, memberId: member.id, name: member.name, agencyId: member.agencyId,
      status, confidentialityAgreed: false,
    });
    await recordAudit(ctx, tx, {
      action: 'create', recordType: 'attendance', recordId: line.id,
      change: { meetingId: meeting.id, memberId: member.id, agencyId: member.agencyId, status, arrivedBy: 'opening the side panel' },
    });
    // The meeting's version moves so every open panel's attendance and quorum follow (src/live).
    return saveMeeting(ctx, tx, meeting, { attendanceId: line.id, status });
  },
});
