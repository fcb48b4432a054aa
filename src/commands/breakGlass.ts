import { z } from 'zod';
import { BREAK_GLASS_MIN_REASON, breakGlassUntil } from '../domain/breakGlass';
import { ConflictError, NotFoundError } from '../domain/errors';
import { authorize, can } from '../policies';
import { recordAudit } from '../kernel/audit';
import { CASE_NOT_FOUND, findCase } from '../kernel/caseAccess';
import { defineCommand } from '../kernel/command';
import { queueNotification } from '../kernel/notifications';
import { plainText } from '../kernel/validation';
import { breakGlassResultSchema } from '../contract/governance';

/**
 * A member outside the rules opens a case by its reference, stating why: they may read it for BREAK_GLASS_HOURS.
 * The opening is kept on the case (shown on its page), flagged in the audit trail with the reason, and the
 * coordinators get a card at once (the reference and who; nothing about the adult). A reference that does not exist
 * answers as any missing case does; a case the member can already read needs no break-glass.
 */
export const breakGlass = defineCommand({
  name: 'breakGlass',
  summary: 'Break-glass: open a case you may not otherwise see, for a limited time, with the reason (coordinators are told)',
  output: breakGlassResultSchema,
  input: z.object({
    ref: z.string().trim().min(1, 'is required').max(60),
    reason: plainText().min(BREAK_GLASS_MIN_REASON, `say why you need this case (at least ${BREAK_GLASS_MIN_REASON} characters)`).max(2000, 'must be at most 2000 characters'),
  }).strict(),
  async run(ctx, tx, input) {
    authorize(ctx.actor, 'breakGlass', 'partnership', null, 'Only partners and chairs can break the glass on a case.');
    const c = await findCase(tx, { ref: input.ref });
    // A draft is its writer's alone: it answers as a missing case.
    if (!c || c.status === 'draft') throw new NotFoundError(CASE_NOT_FOUND);
    if (can(ctx.actor, 'read', 'case', c)) throw new ConflictError('You can already open this case: no break-glass is needed.');
    authorize(ctx.actor, 'breakGlass', 'case', c, 'This case cannot be opened by break-glass.');
    const at = ctx.now();
    const until = breakGlassUntil(at).toISOString();
    const grant = { memberId: ctx.actor.member.id, agencyId: ctx.actor.member.agencyId, at: at.toISOString(), until, reason: input.reason };
    await tx.update('cases', { ...c, breakGlass: [...(c.breakGlass ?? []), grant] });
    // Flagged: a read outside the rules, with the reason the member gave and when it ends.
    await recordAudit(ctx, tx, { action: 'view', recordType: 'case', recordId: c.id, change: { breakGlass: true, until }, reason: input.reason });
    await queueNotification(ctx, tx, 'breakGlass', `${c.id}:${grant.memberId}:${grant.at}`, {
      caseId: c.id, ref: c.ref, memberId: grant.memberId, agencyId: grant.agencyId, at: grant.at, until,
    });
    return { caseId: c.id, ref: c.ref, until };
  },
});
