import { ConflictError } from '../domain/errors';
import { assertMeetingTransition } from '../domain/lifecycle';
import { authorize } from '../policies';
import { meetingStepBodySchema, meetingRecordSchema } from '../contract/meetings';
import { defineCommand } from '../kernel/command';
import { queueNotification } from '../kernel/notifications';
import { id } from '../kernel/validation';
import { agendaOf, loadMeetingAt, saveMeeting } from '../kernel/meetingWrites';

/** Publishes the papers: the agenda is fixed, the papers date recorded, the channel and the meeting chat told. */
export const publishAgenda = defineCommand({
  name: 'publishAgenda',
  summary: 'Publish the agenda and papers (the papers date is recorded)',
  input: meetingStepBodySchema.extend({ meetingId: id }).strict(),
  ...{ output: meetingRecordSchema },
  async run(ctx, tx, input) {
    const meeting = await loadMeetingAt(tx, input.meetingId, input.expectedVersion);
    authorize(ctx.actor, 'editAgenda', 'meeting', meeting, 'Only coordinators can publish the agenda.');
    assertMeetingTransition(meeting.status, 'agenda_published');
    const items = await agendaOf(tx, meeting.id);
    if (items.length === 0) throw new ConflictError('The agenda has no items yet: build or add items before publishing it.');
    const papersIssuedAt = ctx.now().toISOString();
    const saved = await saveMeeting(ctx, tx, { ...meeting, status: 'agenda_published', papersIssuedAt }, {
      status: { from: meeting.status, to: 'agenda_published' }, papersIssuedAt, items: items.length,
    });
    // The channel and meeting-chat card, in the same unit of work: published and announced, or neither.
    await queueNotification(ctx, tx, 'agendaPublished', `${meeting.id}:${papersIssuedAt}`, { meetingId: meeting.id, papersIssuedAt });
    return saved;
  },
});
