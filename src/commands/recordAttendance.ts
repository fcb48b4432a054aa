import { ValidationError } from '../domain/errors';
import type { Attendance } from '../domain/records';
import { authorize } from '../policies';
import { recordAttendanceBodySchema, meetingRecordSchema } from '../contract/meetings';
import { recordAudit } from '../kernel/audit';
import { defineCommand } from '../kernel/command';
import { requireActiveAgency, requireActiveMember } from '../kernel/guards';
import { id } from '../kernel/validation';
import { loadMeetingAt, requireMeetingStatus, saveMeeting } from '../kernel/meetingWrites';

const invalid = (field: string, message: string) => new ValidationError([{ field, message }]);

/** One person's attendance line, added or corrected; a member is recorded once per meeting. */
export const recordAttendance = defineCommand({
  name: 'recordAttendance',
  summary: 'Record or correct one person\'s attendance (present, apologies, absent, observer; confidentiality agreed)',
  input: recordAttendanceBodySchema.extend({ meetingId: id }).strict(),
  ...{ output: meetingRecordSchema },
  async run(ctx, tx, input) {
    const meeting = await loadMeetingAt(tx, input.meetingId, input.expectedVersion);
    authorize(ctx.actor, 'recordAttendance', 'meeting', meeting, 'Only the meeting\'s chair (or named deputy) and coordinators can record attendance.');
    requireMeetingStatus(meeting, ['agenda_published', 'in_progress', 'held'], 'Attendance is recorded');
    const lines = await tx.find('attendance', { where: [{ field: 'meetingId', op: 'eq', value: meeting.id }] });

    let who: Pick<Attendance, 'name' | 'agencyId'> & { memberId?: string };
    if (input.memberId) {
      const m = await requireActiveMember(tx, input.memberId, 'memberId');
      if (input.agencyId && input.agencyId !== m.agencyId) throw invalid('agencyId', 'must be the member\'s own agency');
      who = { memberId: m.id, name: m.name, agencyId: m.agencyId };
    } else {
      if (!input.name) throw invalid('name', 'give a member, or a guest\'s name');
      if (!input.agencyId) throw invalid('agencyId', 'a guest attends for an agency');
      await requireActiveAgency(tx, input.agencyId, 'agencyId');
      who = { name: input.name, agencyId: input.agencyId };
    }

    const existing = input.attendanceId
      ? lines.find((l) => l.id === input.attendanceId)
      : who.memberId ? lines.find((l) => l.memberId === who.memberId) : undefined;
    if (input.attendanceId && !existing) throw invalid('attendanceId', 'is not an attendance line of this meeting');
    const fields = { ...who, status: input.status, confidentialityAgreed: input.confidentialityAgreed };
    const line = existing
      ? await tx.update('attendance', { ...existing, ...fields })
      : await tx.insert('attendance', { id: ctx.newId(), meetingId: meeting.id, ...fields });
    await recordAudit(ctx, tx, {
      action: existing ? 'update' : 'create', recordType: 'attendance', recordId: line.id,
      change: { meetingId: meeting.id, memberId: line.memberId, agencyId: line.agencyId, status: line.status, confidentialityAgreed: line.confidentialityAgreed },
    });
    return saveMeeting(ctx, tx, meeting, { attendanceId: line.id, status: line.status });
  },
});
