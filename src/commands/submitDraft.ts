import { z } from 'zod';
import { ValidationError, type FieldProblem } from '../domain/errors';
import { assertCaseTransition } from '../domain/lifecycle';
import type { CaseRecord } from '../domain/records';
import { consentProblems } from '../domain/rules';
import { recordAudit } from '../kernel/audit';
import { defineCommand } from '../kernel/command';
import { requireCaseStatus } from '../kernel/guards';
import { checkVersion } from '../kernel/loaders';
import { authorizeDraftAuthor, referralAnswersOf } from '../kernel/referralDraft';
import { announceNewReferral } from '../kernel/referralIntake';
import { referralFields } from '../kernel/referralFields';
import { expectedVersion, id, toValidationError } from '../kernel/validation';
import { loadCaseFor } from '../kernel/caseAccess';
import { savedCaseSchema } from '../contract/cases';

/**
 * Everything that stops a draft being submitted, all at once: submitReferral's own schema (a missing answer is
 * "is required") and the consent rule.
 */
function submissionProblems(answers: Record<string, unknown>): { problems: FieldProblem[]; parsed?: z.output<typeof referralFields> } {
  const parsed = referralFields.strict().safeParse(answers);
  const problems = parsed.success
    ? []
    : toValidationError(parsed.error).problems.map((p) =>
        answers[p.field.split('.')[0]!] === undefined ? { field: p.field, message: 'is required' } : p,
      );
  // The consent rule only makes sense once consent itself has been answered.
  if (answers.consent !== undefined) {
    const consent = consentProblems(answers as Pick<CaseRecord, 'consent' | 'noConsentReason' | 'lawfulBasis'>);
    problems.push(...consent.filter((c) => !problems.some((p) => p.field === c.field)));
  }
  return { problems, parsed: parsed.success ? parsed.data : undefined };
}

export const submitDraft = defineCommand({
  name: 'submitDraft',
  summary: 'Submit a draft referral to the panel once every required answer is given',
  output: savedCaseSchema,
  input: z.object({ caseId: id, expectedVersion }).strict(),
  async run(ctx, tx, input) {
    const c = await loadCaseFor(ctx, tx, input.caseId);
    authorizeDraftAuthor(ctx.actor, c, 'submit');
    requireCaseStatus(c, ['draft'], 'A referral can be submitted from a draft');
    checkVersion(c, input.expectedVersion);
    assertCaseTransition(c.status, 'submitted');

    const { problems, parsed } = submissionProblems(referralAnswersOf(c));
    if (problems.length || !parsed) throw new ValidationError(problems);

    const now = ctx.now().toISOString();
    const updated = await tx.update('cases', { ...c, ...parsed, status: 'submitted', receivedAt: now, updatedAt: now });
    await recordAudit(ctx, tx, { action: 'update', recordType: 'case', recordId: c.id, change: { status: { from: 'draft', to: 'submitted' }, ref: c.ref } });
    await announceNewReferral(ctx, tx, updated);
    return updated;
  },
});
