import { z } from 'zod';
import { LIVE_CASE_STATUSES, RAG_RATINGS, RISK_DOMAINS, RISK_LEVELS } from '../domain/enums';
import { authorize } from '../policies';
import { recordAudit } from '../kernel/audit';
import { defineCommand } from '../kernel/command';
import { requireActiveAgency, requireCaseStatus } from '../kernel/guards';
import { checkVersion } from '../kernel/loaders';
import { expectedVersion, id, text } from '../kernel/validation';
import { loadCaseFor } from '../kernel/caseAccess';
import { riskAssessmentSchema } from '../contract/records';

const domainRating = z
  .object({ domain: z.enum(RISK_DOMAINS), rating: z.enum(RAG_RATINGS), evidence: text(4000), sourceAgencyId: id.optional() })
  .strict();

export const recordRiskAssessment = defineCommand({
  name: 'recordRiskAssessment',
  summary: 'Record a new version of the case\'s multi-agency risk assessment over the framework\'s domains; sets the case\'s risk level',
  output: riskAssessmentSchema,
  input: z
    .object({
      caseId: id,
      domains: z.array(domainRating).min(1, 'rate at least one domain').max(RISK_DOMAINS.length),
      protectiveFactors: text(4000),
      overallLevel: z.enum(RISK_LEVELS),
      adultView: text(4000),
      expectedVersion,
    })
    .strict()
    .superRefine((v, issues) => {
      const seen = new Set<string>();
      v.domains.forEach((d, i) => {
        if (seen.has(d.domain)) issues.addIssue({ code: 'custom', path: ['domains', i, 'domain'], message: 'is rated more than once' });
        seen.add(d.domain);
      });
    }),
  async run(ctx, tx, input) {
    const c = await loadCaseFor(ctx, tx, input.caseId);
    authorize(ctx.actor, 'updatePlan', 'case', c, 'Only coordinators, the chair and the lead agency can assess the risk of this case.');
    requireCaseStatus(c, LIVE_CASE_STATUSES, 'A risk assessment can be recorded');
    checkVersion(c, input.expectedVersion);
    for (const [i, d] of input.domains.entries()) {
      if (d.sourceAgencyId) await requireActiveAgency(tx, d.sourceAgencyId, `domains.${i}.sourceAgencyId`);
    }

    const previous = await tx.find('riskAssessments', { where: [{ field: 'caseId', op: 'eq', value: c.id }] });
    const assessmentNumber = Math.max(0, ...previous.map((a) => a.assessmentNumber)) + 1;
    const now = ctx.now().toISOString();
    // The case is written first and every time, even when the level stays the same: its version is what makes two
    // people assessing at once a conflict (on SharePoint, without transactions) rather than two assessments with one number.
    await tx.update('cases', { ...c, riskLevel: input.overallLevel, updatedAt: now });
    const assessment = await tx.insert('riskAssessments', {
      id: ctx.newId(),
      caseId: c.id,
      assessmentNumber,
      assessedAt: now,
      assessedById: ctx.actor.member.id,
      domains: input.domains.map((d) => ({ domain: d.domain, rating: d.rating, evidence: d.evidence, ...(d.sourceAgencyId ? { sourceAgencyId: d.sourceAgencyId } : {}) })),
      protectiveFactors: input.protectiveFactors,
      overallLevel: input.overallLevel,
      adultView: input.adultView,
    });
    await recordAudit(ctx, tx, {
      action: 'update',
      recordType: 'case',
      recordId: c.id,
      change: {
        riskAssessment: { id: assessment.id, assessmentNumber },
        riskLevel: { from: c.riskLevel ?? null, to: input.overallLevel },
      },
    });
    return assessment;
  },
});
