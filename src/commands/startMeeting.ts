import { ConflictError } from '../domain/errors';
import { assertMeetingTransition } from '../domain/lifecycle';
import { authorize } from '../policies';
import { meetingStepBodySchema, meetingRecordSchema } from '../contract/meetings';
import { defineCommand } from '../kernel/command';
import { id } from '../kernel/validation';
import { isSystemActor } from '../kernel/systemActor';
import { agendaOf, loadMeetingAt, saveMeeting } from '../kernel/meetingWrites';

/** The chair opens the meeting on its first item; its clock starts now. */
export const startMeeting = defineCommand({
  name: 'startMeeting',
  summary: 'Start the meeting (the chair): it moves to in progress on its first item',
  input: meetingStepBodySchema.extend({ meetingId: id }).strict(),
  ...{ output: meetingRecordSchema },
  async run(ctx, tx, input) {
    const meeting = await loadMeetingAt(tx, input.meetingId, input.expectedVersion);
    // RiskPanel itself (SYSTEM_ACTOR) when Teams reports the meeting's start (bot/meeting/meetingEvents.ts).
    if (!isSystemActor(ctx.actor)) {
      authorize(ctx.actor, 'drive', 'meeting', meeting, 'Only the meeting\'s chair (or the deputy the coordinator named) can start it.');
    }
    assertMeetingTransition(meeting.status, 'in_progress');
    const [first] = await agendaOf(tx, meeting.id);
    if (!first) throw new ConflictError('The agenda has no items.');
    const now = ctx.now().toISOString();
    return saveMeeting(ctx, tx, { ...meeting, status: 'in_progress', startedAt: now, currentItemId: first.id, currentItemStartedAt: now }, {
      status: { from: meeting.status, to: 'in_progress' }, currentItemId: first.id,
    });
  },
});
