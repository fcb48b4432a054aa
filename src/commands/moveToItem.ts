import { ValidationError } from '../domain/errors';
import { authorize } from '../policies';
import { moveToItemBodySchema, meetingRecordSchema } from '../contract/meetings';
import { defineCommand } from '../kernel/command';
import { id } from '../kernel/validation';
import { loadMeetingAt, requireMeetingStatus, saveMeeting } from '../kernel/meetingWrites';

/** The chair moves the meeting to an item (next, previous or any); that item's clock restarts. */
export const moveToItem = defineCommand({
  name: 'moveToItem',
  summary: 'Move the meeting to an agenda item (the chair); every side panel and the stage follow',
  input: moveToItemBodySchema.extend({ meetingId: id }).strict(),
  ...{ output: meetingRecordSchema },
  async run(ctx, tx, input) {
    const meeting = await loadMeetingAt(tx, input.meetingId, input.expectedVersion);
    authorize(ctx.actor, 'drive', 'meeting', meeting, 'Only the meeting\'s chair (or the deputy the coordinator named) can move between items.');
    requireMeetingStatus(meeting, ['in_progress'], 'The meeting moves between items');
    const item = await tx.get('agendaItems', input.agendaItemId);
    if (!item || item.meetingId !== meeting.id) throw new ValidationError([{ field: 'agendaItemId', message: 'is not an item of this meeting' }]);
    return saveMeeting(ctx, tx, { ...meeting, currentItemId: item.id, currentItemStartedAt: ctx.now().toISOString() }, {
      currentItemId: { from: meeting.currentItemId, to: item.id },
    });
  },
});
