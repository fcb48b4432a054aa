import { z } from 'zod';
import { assertCaseTransition } from '../domain/lifecycle';
import { authorize } from '../policies';
import { recordAudit } from '../kernel/audit';
import { defineCommand } from '../kernel/command';
import { checkVersion } from '../kernel/loaders';
import { expectedVersion, id, text } from '../kernel/validation';
import { queueReferralCardRefresh } from '../kernel/notifications';
import { loadCaseFor } from '../kernel/caseAccess';
import { savedCaseSchema } from '../contract/cases';

export const withdrawReferral = defineCommand({
  name: 'withdrawReferral',
  summary: 'Withdraw a referral before it is screened, with the reason',
  output: savedCaseSchema,
  input: z.object({ caseId: id, reason: text(2000), expectedVersion }).strict(),
  async run(ctx, tx, input) {
    const c = await loadCaseFor(ctx, tx, input.caseId);
    authorize(ctx.actor, 'withdraw', 'case', c, 'Only the referrer or a coordinator can withdraw a referral.');
    checkVersion(c, input.expectedVersion);
    assertCaseTransition(c.status, 'withdrawn');

    const updated = await tx.update('cases', { ...c, status: 'withdrawn', updatedAt: ctx.now().toISOString() });
    // The posted new-referral card shows who has answered and the state: refresh it in place.
    await queueReferralCardRefresh(tx, updated, ctx.now());
    await recordAudit(ctx, tx, {
      action: 'update',
      recordType: 'case',
      recordId: c.id,
      change: { status: { from: c.status, to: 'withdrawn' } },
      reason: input.reason,
    });
    return updated;
  },
});
