import { z } from 'zod';
import { assertCaseTransition } from '../domain/lifecycle';
import { authorize } from '../policies';
import { recordAudit } from '../kernel/audit';
import { defineCommand } from '../kernel/command';
import { checkVersion } from '../kernel/loaders';
import { queueNotification } from '../kernel/notifications';
import { expectedVersion, id, text } from '../kernel/validation';
import { loadCaseFor } from '../kernel/caseAccess';
import { savedCaseSchema } from '../contract/cases';

export const requestInformation = defineCommand({
  name: 'requestInformation',
  summary: 'Ask the referrer for more information before the referral is screened',
  output: savedCaseSchema,
  input: z.object({ caseId: id, question: text(2000), expectedVersion }).strict(),
  async run(ctx, tx, input) {
    const c = await loadCaseFor(ctx, tx, input.caseId);
    authorize(ctx.actor, 'requestInfo', 'case', c, 'Only coordinators can ask the referrer for more information.');
    checkVersion(c, input.expectedVersion);
    assertCaseTransition(c.status, 'info_requested');

    const now = ctx.now().toISOString();
    const updated = await tx.update('cases', {
      ...c,
      status: 'info_requested',
      infoRequest: { question: input.question, byMemberId: ctx.actor.member.id, at: now },
      updatedAt: now,
    });
    await recordAudit(ctx, tx, {
      action: 'update',
      recordType: 'case',
      recordId: c.id,
      change: { status: { from: c.status, to: 'info_requested' }, infoRequest: { byMemberId: ctx.actor.member.id, at: now } },
    });
    // Keyed by the version written: each request is its own card, a retry of the same one is not.
    await queueNotification(ctx, tx, 'infoRequested', `${c.id}:v${updated.version}`, {
      caseId: c.id,
      ref: c.ref,
      referrerMemberId: c.referrerMemberId,
      requestedById: ctx.actor.member.id,
    });
    return updated;
  },
});
