import { ValidationError } from '../domain/errors';
import type { CaseRecord } from '../domain/records';
import { consentProblems, initialsOf } from '../domain/rules';
import { authorize } from '../policies';
import { recordAudit } from '../kernel/audit';
import { defineCommand } from '../kernel/command';
import { announceNewReferral, intakeBase } from '../kernel/referralIntake';
import { referralFields } from '../kernel/referralFields';
import { savedCaseSchema } from '../contract/cases';

export const submitReferral = defineCommand({
  name: 'submitReferral',
  summary: 'Submit a new referral of an adult to the panel',
  output: savedCaseSchema,
  input: referralFields.strict(),
  async run(ctx, tx, input) {
    authorize(ctx.actor, 'create', 'referral', null, 'Only partners, coordinators and chairs can refer an adult.');
    const problems = consentProblems(input);
    if (problems.length) throw new ValidationError(problems);

    const now = ctx.now();
    const record: Omit<CaseRecord, 'version'> = {
      ...input,
      ...(await intakeBase(ctx, tx, now)),
      status: 'submitted',
      receivedAt: now.toISOString(),
      initials: initialsOf(input.adult.name),
    };
    const created = await tx.insert('cases', record);
    await recordAudit(ctx, tx, { action: 'create', recordType: 'case', recordId: created.id, change: { status: 'submitted', ref: created.ref } });
    await announceNewReferral(ctx, tx, created);
    return created;
  },
});
