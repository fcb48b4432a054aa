import { initialsOf } from '../domain/rules';
import type { NewRecord } from '../store/port';
import { authorize } from '../policies';
import { recordAudit } from '../kernel/audit';
import { defineCommand } from '../kernel/command';
import { type DraftCase, draftFields, draftPatch } from '../kernel/referralDraft';
import { intakeBase } from '../kernel/referralIntake';
import { savedCaseSchema } from '../contract/cases';

export const saveReferralDraft = defineCommand({
  name: 'saveReferralDraft',
  summary: 'Save an unfinished referral as a draft (only the adult\'s name is needed); nobody else is told',
  output: savedCaseSchema,
  input: draftFields.strict(),
  async run(ctx, tx, input) {
    authorize(ctx.actor, 'create', 'referral', null, 'Only partners, coordinators and chairs can refer an adult.');
    const now = ctx.now();
    const { set } = draftPatch(input);
    const draft: Omit<DraftCase, 'version'> = {
      riskCategories: [],
      reasons: '',
      currentSupport: '',
      adultViews: '',
      otherProcessesConsidered: [],
      restricted: false,
      ...set,
      adult: set.adult!,
      ...(await intakeBase(ctx, tx, now)),
      status: 'draft',
      initials: initialsOf(input.adult.name),
    };
    // A draft may lack answers (consent, capacity...) that the record type demands of a referral; submitDraft
    // refuses to submit it until every one is given.
    const created = await tx.insert('cases', draft as NewRecord<'cases'>);
    // The draft is the author's alone: audited, but no card (it is announced when submitted).
    await recordAudit(ctx, tx, { action: 'create', recordType: 'case', recordId: created.id, change: { status: 'draft', ref: created.ref } });
    return created;
  },
});
