import { z } from 'zod';
import { RISK_LEVELS, SCREENING_OUTCOMES, type CaseStatus, type ScreeningOutcome } from '../domain/enums';
import { ValidationError } from '../domain/errors';
import { assertCaseTransition } from '../domain/lifecycle';
import type { CaseRecord } from '../domain/records';
import { authorize } from '../policies';
import type { Tx } from '../store/port';
import { recordAudit } from '../kernel/audit';
import { appendChronology, appendDecision } from '../kernel/caseAppends';
import { defineCommand } from '../kernel/command';
import { requireActiveAgency, requireActiveMember, requireNotPast } from '../kernel/guards';
import { checkVersion } from '../kernel/loaders';
import { queueNotification } from '../kernel/notifications';
import { expectedVersion, id, isoDate, optionalText, text } from '../kernel/validation';
import { loadCaseFor } from '../kernel/caseAccess';
import { savedCaseSchema } from '../contract/cases';

const TARGET: Record<ScreeningOutcome, CaseStatus> = { accept: 'open', decline: 'declined', defer: 'deferred' };
/** What accepting sets up; meaningless for a decline or deferral, so refused there rather than silently dropped. */
const ACCEPT_ONLY = ['leadAgencyId', 'leadProfessionalId', 'leadCoordinatorId', 'riskLevel', 'nextReviewDate'] as const;

const input = z
  .object({
    caseId: id,
    outcome: z.enum(SCREENING_OUTCOMES),
    rationale: text(4000),
    alternativesConsidered: optionalText(),
    dissent: optionalText(),
    meetingId: id.optional(),
    agendaItemId: id.optional(),
    leadAgencyId: id.optional(),
    leadProfessionalId: id.optional(),
    leadCoordinatorId: id.optional(),
    riskLevel: z.enum(RISK_LEVELS).optional(),
    nextReviewDate: isoDate.optional(),
    expectedVersion,
  })
  .strict()
  .superRefine((v, issues) => {
    if (v.outcome === 'accept') {
      // An accepted case always has a lead (docs/domain.md, "The process", 3. Screening).
      if (!v.leadAgencyId) issues.addIssue({ code: 'custom', path: ['leadAgencyId'], message: 'an accepted case needs a lead agency' });
      if (!v.leadProfessionalId) issues.addIssue({ code: 'custom', path: ['leadProfessionalId'], message: 'an accepted case needs a lead professional' });
    } else {
      for (const field of ACCEPT_ONLY) {
        if (v[field] !== undefined) issues.addIssue({ code: 'custom', path: [field], message: 'applies only when the referral is accepted' });
      }
    }
  });

/** The meeting and agenda item, when given, must exist and be about this case. */
async function resolveMeeting(tx: Tx, c: CaseRecord, meetingId?: string, agendaItemId?: string) {
  if (agendaItemId) {
    const item = await tx.get('agendaItems', agendaItemId);
    if (!item || item.caseId !== c.id) throw new ValidationError([{ field: 'agendaItemId', message: 'is not an agenda item of this case' }]);
    if (meetingId && item.meetingId !== meetingId) {
      throw new ValidationError([{ field: 'agendaItemId', message: 'is not on the meeting given in meetingId' }]);
    }
    return { meetingId: item.meetingId, agendaItemId };
  }
  if (meetingId && !(await tx.get('meetings', meetingId))) {
    throw new ValidationError([{ field: 'meetingId', message: 'no meeting with this id' }]);
  }
  return { meetingId, agendaItemId: undefined };
}

export const recordScreeningDecision = defineCommand({
  name: 'recordScreeningDecision',
  summary: 'Accept, decline or defer a referral, with the rationale',
  output: savedCaseSchema,
  input,
  async run(ctx, tx, input) {
    const c = await loadCaseFor(ctx, tx, input.caseId);
    authorize(ctx.actor, 'screen', 'case', c, 'Only coordinators and the chair can record a screening decision.');
    checkVersion(c, input.expectedVersion);
    const to = TARGET[input.outcome];
    assertCaseTransition(c.status, to);
    const where = await resolveMeeting(tx, c, input.meetingId, input.agendaItemId);

    const now = ctx.now();
    let next: CaseRecord = { ...c, status: to, updatedAt: now.toISOString() };
    let leadAgencyName = '';
    if (input.outcome === 'accept') {
      const agency = await requireActiveAgency(tx, input.leadAgencyId!, 'leadAgencyId');
      const lead = await requireActiveMember(tx, input.leadProfessionalId!, 'leadProfessionalId');
      if (lead.agencyId !== agency.id) {
        throw new ValidationError([{ field: 'leadProfessionalId', message: 'must be an active member of the lead agency' }]);
      }
      if (input.leadCoordinatorId) await requireActiveMember(tx, input.leadCoordinatorId, 'leadCoordinatorId');
      if (input.nextReviewDate) requireNotPast(input.nextReviewDate, now, 'nextReviewDate');
      leadAgencyName = agency.name;
      // The lead coordinating professional may sit in another agency: naming them lets them read the case.
      const named = input.leadCoordinatorId && !c.namedMemberIds.includes(input.leadCoordinatorId) ? [input.leadCoordinatorId] : [];
      next = {
        ...next,
        acceptedAt: now.toISOString(),
        leadAgencyId: agency.id,
        leadProfessionalId: lead.id,
        leadCoordinatorId: input.leadCoordinatorId,
        riskLevel: input.riskLevel,
        riskLevelAtAcceptance: input.riskLevel,
        nextReviewDate: input.nextReviewDate,
        namedMemberIds: [...c.namedMemberIds, ...named],
      };
    }
    const updated = await tx.update('cases', next);

    const decision = await appendDecision(ctx, tx, {
      caseId: c.id,
      outcome: input.outcome,
      rationale: input.rationale,
      alternativesConsidered: input.alternativesConsidered || undefined,
      dissent: input.dissent || undefined,
      ...where,
    });
    // The chronology is read by many partners: the outcome and lead, never the rationale's details.
    const summary = {
      accept: `Panel accepted the referral; lead agency ${leadAgencyName}${input.riskLevel ? `, risk level ${input.riskLevel.replace('_', ' ')}` : ''}.`,
      decline: 'Panel declined the referral.',
      defer: 'Panel deferred the referral for more information.',
    }[input.outcome];
    const entry = await appendChronology(ctx, tx, { caseId: c.id, type: 'panel_decision', summary, significance: 'high' }, 'decision');
    await recordAudit(ctx, tx, {
      action: 'update',
      recordType: 'case',
      recordId: c.id,
      change: {
        status: { from: c.status, to },
        decisionId: decision.id,
        outcome: input.outcome,
        chronologyEntryId: entry.id,
        ...(input.outcome === 'accept'
          ? { leadAgencyId: updated.leadAgencyId, leadProfessionalId: updated.leadProfessionalId, leadCoordinatorId: updated.leadCoordinatorId, riskLevel: updated.riskLevel, nextReviewDate: updated.nextReviewDate }
          : {}),
      },
      reason: input.rationale,
    });
    await queueNotification(ctx, tx, 'decision', decision.id, {
      caseId: c.id,
      ref: c.ref,
      decisionId: decision.id,
      outcome: input.outcome,
      referrerMemberId: c.referrerMemberId,
    });
    return updated;
  },
});
