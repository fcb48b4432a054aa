import { z } from 'zod';
import type { CaseRecord } from '../domain/records';
import { initialsOf } from '../domain/rules';
import { recordAudit } from '../kernel/audit';
import { defineCommand } from '../kernel/command';
import { requireCaseStatus } from '../kernel/guards';
import { checkVersion } from '../kernel/loaders';
import { authorizeDraftAuthor, draftFields, draftPatch } from '../kernel/referralDraft';
import { id } from '../kernel/validation';
import { loadCaseFor } from '../kernel/caseAccess';
import { savedCaseSchema } from '../contract/cases';

export const updateReferralDraft = defineCommand({
  name: 'updateReferralDraft',
  summary: 'Save changes to a draft referral: each field given replaces the stored one (a blank optional field clears it)',
  output: savedCaseSchema,
  input: draftFields
    .partial()
    .extend({ caseId: id, expectedVersion: z.number({ message: 'is required' }).int().positive() })
    .strict()
    .refine((v) => Object.keys(v).some((k) => k !== 'caseId' && k !== 'expectedVersion'), {
      message: 'give at least one field of the draft to change',
    }),
  async run(ctx, tx, input) {
    const c = await loadCaseFor(ctx, tx, input.caseId);
    authorizeDraftAuthor(ctx.actor, c, 'change');
    requireCaseStatus(c, ['draft'], 'A referral can be edited as a draft');
    checkVersion(c, input.expectedVersion);

    const { caseId: _caseId, expectedVersion: _version, ...fields } = input;
    const { set, cleared } = draftPatch(fields);
    const next: Record<string, unknown> = { ...c, ...set, updatedAt: ctx.now().toISOString() };
    for (const key of cleared) delete next[key];
    if (set.adult) next.initials = initialsOf(set.adult.name);
    // A draft may lack answers the record type demands of a referral (see saveReferralDraft).
    const updated = await tx.update('cases', next as unknown as CaseRecord);
    // Which fields changed, never what they now say: a draft is personal data and the trail is read by coordinators.
    await recordAudit(ctx, tx, {
      action: 'update',
      recordType: 'case',
      recordId: c.id,
      change: { draftFields: [...Object.keys(set), ...cleared].sort() },
    });
    return updated;
  },
});
