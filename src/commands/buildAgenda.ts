import { buildAgenda as buildDefaultAgenda, type AgendaCase } from '../domain/agenda';
import { authorize } from '../policies';
import { buildAgendaBodySchema, meetingRecordSchema } from '../contract/meetings';
import { defineCommand } from '../kernel/command';
import { id } from '../kernel/validation';
import { loadMeetingAt, requireMeetingStatus, saveMeeting, writeAgenda } from '../kernel/meetingWrites';
import { agendaCandidates } from '../kernel/agendaCandidates';

/** A meeting without a planned length is taken as the usual two hours. */
export const DEFAULT_MEETING_MINUTES = 120;

const asAgendaCase = (c: AgendaCase): AgendaCase => ({
  id: c.id, ref: c.ref, initials: c.initials, status: c.status,
  ...(c.receivedAt ? { receivedAt: c.receivedAt } : {}),
  ...(c.nextReviewDate ? { nextReviewDate: c.nextReviewDate } : {}),
  ...(c.referrerAgencyId ? { referrerAgencyId: c.referrerAgencyId } : {}),
  ...(c.leadAgencyId ? { leadAgencyId: c.leadAgencyId } : {}),
});

/**
 * (Re)builds a planned meeting's agenda with the domain's builder over the store's candidates (kernel/agendaCandidates:
 * listed referrals, escalated cases, reviews due, closure proposals, actions overdue at the meeting, each read by an
 * index only they meet). What the coordinator had is replaced; they edit from here.
 */
export const buildAgenda = defineCommand({
  name: 'buildAgenda',
  summary: 'Build the default agenda from the records: new referrals, reviews due, overdue actions, escalations, any other business',
  input: buildAgendaBodySchema.extend({ meetingId: id }).strict(),
  ...{ output: meetingRecordSchema },
  async run(ctx, tx, input) {
    const meeting = await loadMeetingAt(tx, input.meetingId, input.expectedVersion);
    authorize(ctx.actor, 'editAgenda', 'meeting', meeting, 'Only coordinators can build the agenda.');
    requireMeetingStatus(meeting, ['planned'], 'The agenda can be built');

    const found = await agendaCandidates(tx, meeting.startsAt);
    const plan = buildDefaultAgenda({
      meeting: { startsAt: meeting.startsAt, lengthMinutes: meeting.lengthMinutes ?? DEFAULT_MEETING_MINUTES },
      listedReferrals: found.listedReferrals.map(asAgendaCase),
      liveCases: found.liveCases.map(asAgendaCase),
      actions: found.actions,
      closureProposals: found.closureProposals,
      anyOtherBusiness: input.anyOtherBusiness ?? [],
      ...(input.minutesPerKind ? { minutesPerKind: input.minutesPerKind } : {}),
    });
    const items = await writeAgenda(ctx, tx, meeting.id, plan.items.map((i) => ({
      order: i.order,
      kind: i.kind,
      minutesAllotted: i.minutesAllotted,
      ...(i.caseId ? { caseId: i.caseId } : {}),
      ...(i.presentingAgencyId ? { presentingAgencyId: i.presentingAgencyId } : {}),
      ...(i.alsoBecause.length ? { alsoBecause: i.alsoBecause } : {}),
      ...(i.title ? { title: i.title } : {}),
    })));
    return saveMeeting(ctx, tx, meeting, {
      agenda: { built: items.map((i) => ({ id: i.id, order: i.order, kind: i.kind, caseId: i.caseId })) },
      totalMinutes: plan.totalMinutes,
    });
  },
});
