import { ValidationError } from '../domain/errors';
import { authorize } from '../policies';
import { editMinutesBodySchema, meetingRecordSchema } from '../contract/meetings';
import { defineCommand } from '../kernel/command';
import { id } from '../kernel/validation';
import { loadMeetingAt, requireMeetingStatus, saveMeeting } from '../kernel/meetingWrites';

/** Edits the draft minutes. An edit after approval withdraws the approval: the chair approves what is issued. */
export const editMinutes = defineCommand({
  name: 'editMinutes',
  summary: 'Edit the draft minutes: notes per item, general notes, the next meeting (approval is withdrawn)',
  input: editMinutesBodySchema.extend({ meetingId: id }).strict(),
  ...{ output: meetingRecordSchema },
  async run(ctx, tx, input) {
    const meeting = await loadMeetingAt(tx, input.meetingId, input.expectedVersion);
    authorize(ctx.actor, 'editMinutes', 'meeting', meeting, 'Only coordinators and the meeting\'s chair can edit its minutes.');
    requireMeetingStatus(meeting, ['held'], 'The minutes can be edited');
    const draft = meeting.minutes ?? { generatedAt: ctx.now().toISOString(), itemNotes: [] };
    const notes = new Map(draft.itemNotes.map((n) => [n.agendaItemId, n.notes]));
    for (const [i, n] of (input.itemNotes ?? []).entries()) {
      if (!notes.has(n.agendaItemId)) throw new ValidationError([{ field: `itemNotes.${i}.agendaItemId`, message: 'is not an item of this meeting' }]);
      notes.set(n.agendaItemId, n.notes ?? '');
    }
    const { approvedAt: _a, approvedById: _b, ...unapproved } = draft;
    const minutes = {
      ...unapproved,
      itemNotes: [...notes].map(([agendaItemId, text]) => ({ agendaItemId, notes: text })),
      ...(input.generalNotes !== undefined ? { generalNotes: input.generalNotes } : {}),
      ...(input.nextMeeting !== undefined ? { nextMeeting: input.nextMeeting } : {}),
    };
    return saveMeeting(ctx, tx, { ...meeting, minutes }, {
      minutes: 'edited', items: (input.itemNotes ?? []).map((n) => n.agendaItemId), approvalWithdrawn: draft.approvedAt !== undefined,
    });
  },
});
