import { z } from 'zod';
import { IllegalTransitionError } from '../domain/errors';
import { CASE_TRANSITIONS, assertCaseTransition } from '../domain/lifecycle';
import { authorize } from '../policies';
import { recordAudit } from '../kernel/audit';
import { appendChronology } from '../kernel/caseAppends';
import { defineCommand } from '../kernel/command';
import { checkVersion } from '../kernel/loaders';
import { expectedVersion, id, text } from '../kernel/validation';
import { loadCaseFor } from '../kernel/caseAccess';
import { savedCaseSchema } from '../contract/cases';

export const provideInformation = defineCommand({
  name: 'provideInformation',
  summary: 'Answer the coordinator\'s request for information, returning the referral for screening',
  output: savedCaseSchema,
  input: z.object({ caseId: id, answer: text(), expectedVersion }).strict(),
  async run(ctx, tx, input) {
    const c = await loadCaseFor(ctx, tx, input.caseId);
    // Who may answer is who may withdraw: the referrer or a coordinator.
    authorize(ctx.actor, 'withdraw', 'case', c, 'Only the referrer or a coordinator can answer a request for information.');
    checkVersion(c, input.expectedVersion);
    // Answering is the only way back from info_requested; a draft becomes submitted by submitting it, not by answering.
    if (c.status !== 'info_requested') {
      throw new IllegalTransitionError('referral or case', c.status, 'submitted', CASE_TRANSITIONS[c.status].filter((s) => s !== 'submitted'));
    }
    assertCaseTransition(c.status, 'submitted');

    const now = ctx.now().toISOString();
    const { infoRequest, ...rest } = c;
    const updated = await tx.update('cases', { ...rest, status: 'submitted', updatedAt: now });
    const entry = await appendChronology(
      ctx,
      tx,
      { caseId: c.id, type: 'agency_information', summary: input.answer, significance: 'medium' },
      'information',
    );
    await recordAudit(ctx, tx, {
      action: 'update',
      recordType: 'case',
      recordId: c.id,
      change: { status: { from: c.status, to: 'submitted' }, answered: { requestedAt: infoRequest?.at }, chronologyEntryId: entry.id },
    });
    return updated;
  },
});
