import { z } from 'zod';
import { LIVE_CASE_STATUSES } from '../domain/enums';
import { ValidationError } from '../domain/errors';
import type { CaseRecord } from '../domain/records';
import { authorize } from '../policies';
import { recordAudit } from '../kernel/audit';
import { defineCommand } from '../kernel/command';
import { requireActiveMember, requireCaseStatus, requireNotPast } from '../kernel/guards';
import { checkVersion } from '../kernel/loaders';
import { id, isoDate, text } from '../kernel/validation';
import { loadCaseFor } from '../kernel/caseAccess';
import { savedCaseSchema } from '../contract/cases';

/** Narrative: free text about the adult. The audit names these when they change and never copies them. */
const NARRATIVE = ['contingencyPlan', 'escalationPlan', 'infoSharingArrangements', 'adultViews'] as const;
/** Dates, ids and flags: the audit records them from → to. */
const VALUES = ['nextReviewDate', 'leadProfessionalId', 'leadCoordinatorId', 'advocacyNeeded'] as const;
type PlanField = (typeof NARRATIVE)[number] | (typeof VALUES)[number];
const PLAN_FIELDS: readonly PlanField[] = [...NARRATIVE, ...VALUES];

export const updateCasePlan = defineCommand({
  name: 'updateCasePlan',
  summary: 'Change the plan of an open case: contingency, escalation, information sharing, review date, leads, advocacy, the adult\'s views',
  output: savedCaseSchema,
  input: z
    .object({
      caseId: id,
      contingencyPlan: text(4000).optional(),
      escalationPlan: text(4000).optional(),
      infoSharingArrangements: text(4000).optional(),
      adultViews: text(4000).optional(),
      nextReviewDate: isoDate.optional(),
      leadProfessionalId: id.optional(),
      leadCoordinatorId: id.optional(),
      advocacyNeeded: z.boolean().optional(),
      expectedVersion: z.number().int().positive(),
    })
    .strict()
    .refine((v) => PLAN_FIELDS.some((f) => v[f] !== undefined), { message: 'give at least one part of the plan to change' }),
  async run(ctx, tx, input) {
    const c = await loadCaseFor(ctx, tx, input.caseId);
    authorize(ctx.actor, 'updatePlan', 'case', c, 'Only coordinators, the chair and the lead agency can change this case\'s plan.');
    requireCaseStatus(c, LIVE_CASE_STATUSES, 'The plan can be changed');
    checkVersion(c, input.expectedVersion);

    const now = ctx.now();
    if (input.nextReviewDate !== undefined && input.nextReviewDate !== c.nextReviewDate) requireNotPast(input.nextReviewDate, now, 'nextReviewDate');
    if (input.leadProfessionalId !== undefined && input.leadProfessionalId !== c.leadProfessionalId) {
      const lead = await requireActiveMember(tx, input.leadProfessionalId, 'leadProfessionalId');
      // The lead agency keeps case responsibility (docs/domain.md, "The process", 3. Screening): its lead professional is one of its own.
      if (c.leadAgencyId && lead.agencyId !== c.leadAgencyId) {
        throw new ValidationError([{ field: 'leadProfessionalId', message: 'must be an active member of the lead agency' }]);
      }
    }
    if (input.leadCoordinatorId !== undefined && input.leadCoordinatorId !== c.leadCoordinatorId) {
      await requireActiveMember(tx, input.leadCoordinatorId, 'leadCoordinatorId');
    }

    const changed = PLAN_FIELDS.filter((f) => input[f] !== undefined && input[f] !== c[f]);
    // Nothing differs from what is stored: no write, so nobody else's copy goes stale for nothing.
    if (!changed.length) return c;

    const next: CaseRecord = { ...c, updatedAt: now.toISOString() };
    for (const f of changed) Object.assign(next, { [f]: input[f] });
    // The lead coordinating professional may sit in another agency: naming them lets them read the case.
    if (changed.includes('leadCoordinatorId') && !c.namedMemberIds.includes(input.leadCoordinatorId!)) {
      next.namedMemberIds = [...c.namedMemberIds, input.leadCoordinatorId!];
    }
    const updated = await tx.update('cases', next);

    const change: Record<string, unknown> = {};
    for (const f of changed) {
      if ((VALUES as readonly string[]).includes(f)) change[f] = { from: c[f] ?? null, to: input[f] };
    }
    const narrative = changed.filter((f) => (NARRATIVE as readonly string[]).includes(f));
    if (narrative.length) change.narrativeChanged = narrative;
    await recordAudit(ctx, tx, { action: 'update', recordType: 'case', recordId: c.id, change });
    return updated;
  },
});
