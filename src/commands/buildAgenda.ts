import { buildAgenda as buildDefaultAgenda, type AgendaCase } from '../domain/agenda';
import { londonDate } from '../domain/time';
import { authorize } from '../policies';
import { buildAgendaBodySchema, meetingRecordSchema } from '../contract/meetings';
import { defineCommand } from '../kernel/command';
import { id } from '../kernel/validation';
import { loadMeetingAt, requireMeetingStatus, saveMeeting, writeAgenda } from '../kernel/meetingWrites';
import { openActions } from '../kernel/overdueScan';

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
 * (Re)builds a planned meeting's agenda with the domain's builder over the store's candidates: listed referrals, live
 * cases (escalated, review due), their unfinished actions. What the coordinator had is replaced; they edit from here.
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

    const listed = await tx.find('cases', { where: [{ field: 'status', op: 'eq', value: 'listed' }] });
    const open = await tx.find('cases', { where: [{ field: 'status', op: 'eq', value: 'open' }] });
    const escalated = await tx.find('cases', { where: [{ field: 'status', op: 'eq', value: 'escalated' }] });
    const live = [...open, ...escalated];
    const liveIds = new Set(live.map((c) => c.id));
    // Only actions overdue at the meeting's start make an item: the open ones due before its London day. The overdue
    // scan's read leads with an indexed open-due-date window, so it stays under SharePoint's 5,000-item threshold where
    // "every not-started action" would not on a busy list.
    const meetingDay = londonDate(new Date(meeting.startsAt));
    const actions = (await openActions(tx, [{ field: 'dueDate', op: 'lt', value: meetingDay }]))
      .filter((a) => a.parentKind === 'case' && liveIds.has(a.parentId));
    const plan = buildDefaultAgenda({
      meeting: { startsAt: meeting.startsAt, lengthMinutes: meeting.lengthMinutes ?? DEFAULT_MEETING_MINUTES },
      listedReferrals: listed.map(asAgendaCase),
      liveCases: live.map(asAgendaCase),
      actions,
      closureProposals: live.filter((c) => c.closureProposal).map((c) => ({ caseId: c.id })),
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
