import { LIVE_CASE_STATUSES, type CaseStatus, type DecisionOutcome } from '../domain/enums';
import { ForbiddenError, ValidationError } from '../domain/errors';
import { assertCaseTransition } from '../domain/lifecycle';
import type { CaseRecord } from '../domain/records';
import { authorize, can } from '../policies';
import { OUTCOMES_BY_ITEM_KIND, recordDecisionBodySchema, meetingRecordSchema } from '../contract/meetings';
import { recordAudit } from '../kernel/audit';
import { appendChronology } from '../kernel/caseAppends';
import { defineCommand } from '../kernel/command';
import { requireActiveAgency, requireActiveMember, requireCaseStatus, requireNotPast } from '../kernel/guards';
import { load } from '../kernel/loaders';
import { queueNotification } from '../kernel/notifications';
import { id } from '../kernel/validation';
import { quorumNow } from '../kernel/meetingQuorum';
import { loadMeetingAt, requireMeetingStatus, saveMeeting } from '../kernel/meetingWrites';

/** Where each outcome takes the case; outcomes not listed leave its status as it is (the referral is recorded). */
const TARGET: Partial<Record<DecisionOutcome, CaseStatus>> = { accept: 'open', decline: 'declined', defer: 'deferred', close: 'closed' };

const SUMMARY: Record<DecisionOutcome, string> = {
  accept: 'Panel accepted the referral.',
  decline: 'Panel declined the referral.',
  defer: 'Panel deferred the referral.',
  continue: 'Panel reviewed the case: the plan continues.',
  close: 'Panel closed the case.',
  escalate_s42: 'Panel escalated the case to a section 42 enquiry.',
  refer_marac: 'Panel referred the case to MARAC.',
  refer_mappa: 'Panel referred the case to MAPPA.',
  refer_learning_review: 'Panel referred the case for a learning review.',
};

const invalid = (field: string, message: string) => new ValidationError([{ field, message }]);

export const recordDecision = defineCommand({
  name: 'recordDecision',
  summary: 'Record the panel\'s decision on the current kind of item (the chair), with rationale, alternatives, dissent and information sharing',
  input: recordDecisionBodySchema.extend({ meetingId: id }).strict(),
  ...{ output: meetingRecordSchema },
  async run(ctx, tx, input) {
    const meeting = await loadMeetingAt(tx, input.meetingId, input.expectedVersion);
    authorize(ctx.actor, 'drive', 'meeting', meeting, 'Only the meeting\'s chair (or the deputy the coordinator named) can record its decisions.');
    requireMeetingStatus(meeting, ['in_progress'], 'Decisions are recorded');
    const item = await tx.get('agendaItems', input.agendaItemId);
    if (!item || item.meetingId !== meeting.id) throw invalid('agendaItemId', 'is not an item of this meeting');
    const allowed: readonly DecisionOutcome[] = OUTCOMES_BY_ITEM_KIND[item.kind];
    if (!item.caseId || allowed.length === 0) throw invalid('agendaItemId', 'any other business is minuted, not decided');
    if (!allowed.includes(input.outcome)) throw invalid('outcome', `for this kind of item choose ${allowed.join(', ')}`);
    const c = await load(tx, 'cases', item.caseId);
    // The rationale is about the adult: whoever records it must be able to read the case (a restricted case's circle).
    if (!can(ctx.actor, 'read', 'case', c)) throw new ForbiddenError('You are not permitted to read this case, so you cannot record its decision.');

    const now = ctx.now();
    const at = now.toISOString();
    const to = TARGET[input.outcome];
    if (to) assertCaseTransition(c.status, to);
    else requireCaseStatus(c, LIVE_CASE_STATUSES, 'This decision can be recorded');
    if (input.outcome === 'accept') {
      if (!input.leadAgencyId) throw invalid('leadAgencyId', 'an accepted case needs a lead agency');
      if (!input.leadProfessionalId) throw invalid('leadProfessionalId', 'an accepted case needs a lead professional');
    } else {
      for (const f of ['leadAgencyId', 'leadProfessionalId', 'riskLevel'] as const) if (input[f] !== undefined) throw invalid(f, 'applies only when the referral is accepted');
    }
    if (input.outcome === 'close' && !input.closureReason) throw invalid('closureReason', 'a closed case needs the reason');
    if (input.outcome !== 'close' && input.closureReason) throw invalid('closureReason', 'applies only when the case is closed');
    if (input.nextReviewDate) requireNotPast(input.nextReviewDate, now, 'nextReviewDate');

    let next: CaseRecord = { ...c, updatedAt: at, ...(to ? { status: to } : {}), ...(input.nextReviewDate ? { nextReviewDate: input.nextReviewDate } : {}) };
    if (input.outcome === 'accept') {
      const agency = await requireActiveAgency(tx, input.leadAgencyId!, 'leadAgencyId');
      const lead = await requireActiveMember(tx, input.leadProfessionalId!, 'leadProfessionalId');
      if (lead.agencyId !== agency.id) throw invalid('leadProfessionalId', 'must be an active member of the lead agency');
      next = { ...next, acceptedAt: at, leadAgencyId: agency.id, leadProfessionalId: lead.id, riskLevel: input.riskLevel, riskLevelAtAcceptance: input.riskLevel };
    }
    if (input.outcome === 'close') next = { ...next, closedAt: at, closureReason: input.closureReason };
    // The panel has answered the lead's proposal (closed, or the plan goes on): it leaves the next agenda.
    const answersProposal = item.kind === 'closure_proposal' && next.closureProposal !== undefined;
    if (answersProposal) {
      const { closureProposal: _answered, ...rest } = next;
      next = rest;
    }
    const actionsOnCase = input.actions ?? [];
    if (actionsOnCase.length && !LIVE_CASE_STATUSES.includes(next.status)) throw invalid('actions', 'actions are added to an open case only');
    const updated = to || input.nextReviewDate || input.outcome === 'accept' || answersProposal ? await tx.update('cases', next) : c;

    const quorum = await quorumNow(tx, meeting);
    const { record: decision } = await tx.append('decisions', {
      id: ctx.newId(),
      idempotencyKey: `${ctx.correlationId}:decision:${c.id}`,
      caseId: c.id,
      meetingId: meeting.id,
      agendaItemId: item.id,
      outcome: input.outcome,
      rationale: input.rationale,
      alternativesConsidered: input.alternativesConsidered,
      dissent: input.dissent,
      infoSharing: input.infoSharing,
      decidedById: ctx.actor.member.id,
      decidedAt: at,
      ...(quorum.quorate ? {} : { inquorate: true }),
    });
    const entry = await appendChronology(ctx, tx, { caseId: c.id, type: 'panel_decision', summary: SUMMARY[input.outcome], significance: 'high' }, 'decision');

    for (const [i, a] of actionsOnCase.entries()) {
      const owner = await requireActiveMember(tx, a.ownerId, `actions.${i}.ownerId`);
      requireNotPast(a.dueDate, now, `actions.${i}.dueDate`);
      const action = await tx.insert('actions', {
        id: ctx.newId(), parentKind: 'case', parentId: c.id, description: a.description, successMeasure: a.successMeasure,
        ownerId: owner.id, agencyId: owner.agencyId, dueDate: a.dueDate, status: 'not_started', createdAt: at,
        createdById: ctx.actor.member.id, progress: [], dueDateChanges: [],
      });
      await recordAudit(ctx, tx, { action: 'create', recordType: 'action', recordId: action.id, change: { parentKind: 'case', parentId: c.id, ownerId: owner.id, dueDate: a.dueDate, meetingId: meeting.id } });
      await queueNotification(ctx, tx, 'actionAssigned', action.id, { actionId: action.id, caseId: c.id, ref: c.ref, ownerId: owner.id });
    }
    await recordAudit(ctx, tx, {
      action: 'update',
      recordType: 'case',
      recordId: c.id,
      change: {
        ...(to ? { status: { from: c.status, to } } : {}), decisionId: decision.id, outcome: input.outcome, meetingId: meeting.id,
        agendaItemId: item.id, chronologyEntryId: entry.id, inquorate: !quorum.quorate,
        ...(input.outcome === 'accept' ? { leadAgencyId: updated.leadAgencyId, leadProfessionalId: updated.leadProfessionalId } : {}),
      },
      reason: input.rationale,
    });
    // The referrer is told in a personal card (the rationale only if they may still read the case); the channel
    // gets reference and outcome (never for a restricted case): src/notify/render/decision.ts.
    await queueNotification(ctx, tx, 'decision', decision.id, {
      caseId: c.id, ref: c.ref, decisionId: decision.id, outcome: input.outcome, referrerMemberId: c.referrerMemberId,
    });
    return saveMeeting(ctx, tx, meeting, { decisionId: decision.id, agendaItemId: item.id, outcome: input.outcome, inquorate: !quorum.quorate });
  },
});
