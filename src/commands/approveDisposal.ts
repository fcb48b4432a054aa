import { z } from 'zod';
import { ConflictError, ForbiddenError, NotFoundError, ValidationError } from '../domain/errors';
import { authorize } from '../policies';
import { recordAudit } from '../kernel/audit';
import { disposalBlocker, disposeOfCase } from '../kernel/caseDisposal';
import { defineCommand } from '../kernel/command';
import { checkVersion } from '../kernel/loaders';
import { expectedVersion, id } from '../kernel/validation';
import { disposalSchema } from '../contract/retention';

/**
 * The second coordinator (never the one who proposed it) approves a proposed disposal: the case and its children are
 * deleted in one unit of work (see disposeOfCase for what is kept), the disposal record keeps the reference, dates,
 * both coordinators and the counts, and the audit trail records it. A legal hold set since the proposal refuses it.
 */
export const approveDisposal = defineCommand({
  name: 'approveDisposal',
  summary: 'Approve a proposed disposal: deletes the case and its records (a coordinator other than the proposer)',
  output: disposalSchema,
  input: z.object({ disposalId: id, expectedVersion }).strict(),
  async run(ctx, tx, input) {
    authorize(ctx.actor, 'coordinate', 'partnership', null, 'Only coordinators can approve a disposal.');
    const proposal = await tx.get('disposals', input.disposalId);
    if (!proposal) throw new NotFoundError('No disposal with that id was found.');
    checkVersion(proposal, input.expectedVersion);
    if (proposal.status !== 'proposed') throw new ConflictError(`This disposal is already ${proposal.status}.`);
    if (proposal.proposedById === ctx.actor.member.id) {
      throw new ForbiddenError('A disposal needs two coordinators: someone other than the coordinator who proposed it must approve it.');
    }
    const c = await tx.get('cases', proposal.caseId);
    if (!c) throw new ConflictError('The case of this proposal no longer exists.');
    const blocker = disposalBlocker(c, ctx.now());
    if (blocker) throw new ValidationError([{ field: 'disposalId', message: blocker }]);

    const outcome = await disposeOfCase(tx, c, ctx.now(), ctx.retention);
    const approved = await tx.update('disposals', {
      ...proposal,
      status: 'approved',
      approvedAt: ctx.now().toISOString(),
      approvedById: ctx.actor.member.id,
      removed: outcome.removed,
      kept: outcome.kept,
    });
    await recordAudit(ctx, tx, {
      action: 'update',
      recordType: 'disposal',
      recordId: approved.id,
      change: { caseId: c.id, ref: c.ref, status: { from: 'proposed', to: 'approved' }, proposedById: proposal.proposedById, removed: outcome.removed, kept: outcome.kept },
      reason: proposal.reason,
    });
    return approved;
  },
});
