import { z } from 'zod';
import { ConflictError, ValidationError } from '../domain/errors';
import { authorize } from '../policies';
import { recordAudit } from '../kernel/audit';
import { loadCaseFor } from '../kernel/caseAccess';
import { disposalBlocker } from '../kernel/caseDisposal';
import { defineCommand } from '../kernel/command';
import { checkVersion } from '../kernel/loaders';
import { expectedVersion, id, text } from '../kernel/validation';
import { disposalSchema } from '../contract/retention';

/**
 * The first of two coordinators: proposes disposing of a closed case whose retention has run out. Nothing is deleted
 * until a different coordinator approves (approveDisposal); a legal hold refuses the proposal and, if set later, the
 * approval.
 */
export const proposeDisposal = defineCommand({
  name: 'proposeDisposal',
  summary: 'Propose disposing of a case whose retention has run out (a second coordinator approves)',
  output: disposalSchema,
  input: z.object({ caseId: id, reason: text(2000), expectedVersion }).strict(),
  async run(ctx, tx, input) {
    authorize(ctx.actor, 'coordinate', 'partnership', null, 'Only coordinators can propose disposing of a case.');
    const c = await loadCaseFor(ctx, tx, input.caseId, 'full');
    checkVersion(c, input.expectedVersion);
    const blocker = disposalBlocker(c, ctx.now());
    if (blocker) throw new ValidationError([{ field: 'caseId', message: blocker }]);
    const open = await tx.find('disposals', { where: [{ field: 'caseId', op: 'eq', value: c.id }, { field: 'status', op: 'eq', value: 'proposed' }] });
    if (open.length) throw new ConflictError('Disposing of this case is already proposed and waiting for a second coordinator.');
    const disposal = await tx.insert('disposals', {
      id: ctx.newId(),
      caseId: c.id,
      ref: c.ref,
      status: 'proposed',
      ...(c.closedAt ? { closedAt: c.closedAt } : {}),
      retentionDate: c.retentionDate!,
      proposedAt: ctx.now().toISOString(),
      proposedById: ctx.actor.member.id,
      reason: input.reason,
    });
    await recordAudit(ctx, tx, {
      action: 'create',
      recordType: 'disposal',
      recordId: disposal.id,
      change: { caseId: c.id, ref: c.ref, status: 'proposed', retentionDate: disposal.retentionDate },
      reason: input.reason,
    });
    return disposal;
  },
});
