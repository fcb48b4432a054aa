import { z } from 'zod';
import { authorize } from '../policies';
import { recordAudit } from '../kernel/audit';
import { defineCommand } from '../kernel/command';
import { load } from '../kernel/loaders';
import { id, optionalText } from '../kernel/validation';
import { agencyItemSchema } from '../contract/directory';

/**
 * An agency's lead confirms the quarterly access review of their agency: who is a member, with which roles, and what
 * they can see is right. Kept on the agency (when and by whom) and audited with the note.
 */
export const confirmAccessReview = defineCommand({
  name: 'confirmAccessReview',
  summary: "Confirm your agency's access review (agency leads)",
  output: agencyItemSchema,
  input: z.object({ agencyId: id, note: optionalText(2000) }).strict(),
  async run(ctx, tx, input) {
    const agency = await load(tx, 'agencies', input.agencyId);
    authorize(ctx.actor, 'confirmAccessReview', 'agency', { agencyId: agency.id }, "Only the agency's lead can confirm its access review.");
    const at = ctx.now().toISOString();
    const updated = await tx.update('agencies', { ...agency, accessReviewedAt: at, accessReviewedById: ctx.actor.member.id });
    await recordAudit(ctx, tx, {
      action: 'update', recordType: 'accessReview', recordId: agency.id, change: { confirmed: true, previous: agency.accessReviewedAt ?? null },
      ...(input.note ? { reason: input.note } : {}),
    });
    return updated;
  },
});
