import { assertMeetingTransition } from '../domain/lifecycle';
import { authorize } from '../policies';
import { meetingStepBodySchema, meetingRecordSchema } from '../contract/meetings';
import { defineCommand } from '../kernel/command';
import { id } from '../kernel/validation';
import { isSystemActor } from '../kernel/systemActor';
import { agendaOf, loadMeetingAt, saveMeeting } from '../kernel/meetingWrites';

/**
 * The chair ends the meeting: it is held, and the draft minutes exist at once. The draft holds only what people add
 * (notes per item, the next meeting); attendance, decisions and actions are read from the record when the minutes
 * are shown or built, so they can never disagree with it.
 */
export const endMeeting = defineCommand({
  name: 'endMeeting',
  summary: 'End the meeting (the chair): it is held and its draft minutes are generated',
  input: meetingStepBodySchema.extend({ meetingId: id }).strict(),
  ...{ output: meetingRecordSchema },
  async run(ctx, tx, input) {
    const meeting = await loadMeetingAt(tx, input.meetingId, input.expectedVersion);
    // RiskPanel itself (SYSTEM_ACTOR) when Teams reports the meeting's end (bot/meeting/meetingEvents.ts).
    if (!isSystemActor(ctx.actor)) {
      authorize(ctx.actor, 'drive', 'meeting', meeting, 'Only the meeting\'s chair (or the deputy the coordinator named) can end it.');
    }
    assertMeetingTransition(meeting.status, 'held');
    const items = await agendaOf(tx, meeting.id);
    const now = ctx.now().toISOString();
    const { currentItemId: _item, currentItemStartedAt: _at, ...rest } = meeting;
    return saveMeeting(ctx, tx, {
      ...rest,
      status: 'held',
      endedAt: now,
      minutes: { generatedAt: now, itemNotes: items.map((i) => ({ agendaItemId: i.id, notes: '' })) },
    }, { status: { from: meeting.status, to: 'held' }, endedAt: now, minutes: 'drafted' });
  },
});
