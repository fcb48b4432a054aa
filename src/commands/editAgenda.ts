import { anyOtherBusinessItem, moveItem, removeItem, insertItem, retimeItem } from '../domain/agendaEdits';
import type { AgendaItem } from '../domain/records';
import { authorize } from '../policies';
import { editAgendaBodySchema, type AgendaEdit, meetingRecordSchema } from '../contract/meetings';
import { defineCommand } from '../kernel/command';
import { id } from '../kernel/validation';
import { agendaOf, loadMeetingAt, requireMeetingStatus, saveMeeting, writeAgenda } from '../kernel/meetingWrites';

type Line = Omit<AgendaItem, 'id' | 'version' | 'meetingId'> & { id?: string };

/** One edit by the domain's pure functions; items keep their ids (a moved item is the same item). */
function applyEdit(items: Line[], edit: AgendaEdit): Line[] {
  switch (edit.op) {
    case 'move': return moveItem(items, edit.from, edit.to);
    case 'remove': return removeItem(items, edit.order);
    case 'retime': return retimeItem(items, edit.order, edit.minutesAllotted);
    case 'addAnyOtherBusiness': {
      const aob = anyOtherBusinessItem(edit.title, edit.minutesAllotted);
      return insertItem<Line>(items, { order: 0, kind: aob.kind, minutesAllotted: aob.minutesAllotted, title: aob.title }, edit.at);
    }
  }
}

export const editAgenda = defineCommand({
  name: 'editAgenda',
  summary: 'Edit a planned agenda: move, remove or re-time an item, or add any other business',
  input: editAgendaBodySchema.extend({ meetingId: id }).strict(),
  ...{ output: meetingRecordSchema },
  async run(ctx, tx, input) {
    // The version names the agenda the coordinator was looking at, so "item 3" is the item they saw as 3.
    const meeting = await loadMeetingAt(tx, input.meetingId, input.expectedVersion);
    authorize(ctx.actor, 'editAgenda', 'meeting', meeting, 'Only coordinators can edit the agenda.');
    requireMeetingStatus(meeting, ['planned'], 'The agenda can be edited');
    const before = await agendaOf(tx, meeting.id);
    const after = applyEdit(before, input.edit);
    const items = await writeAgenda(ctx, tx, meeting.id, after);
    return saveMeeting(ctx, tx, meeting, { agendaEdit: input.edit, agenda: items.map((i) => ({ id: i.id, order: i.order, minutesAllotted: i.minutesAllotted })) });
  },
});
