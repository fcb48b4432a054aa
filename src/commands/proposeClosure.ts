import { z } from 'zod';
import { LIVE_CASE_STATUSES } from '../domain/enums';
import { ConflictError } from '../domain/errors';
import { authorize } from '../policies';
import { recordAudit } from '../kernel/audit';
import { loadCaseFor } from '../kernel/caseAccess';
import { defineCommand } from '../kernel/command';
import { requireCaseStatus } from '../kernel/guards';
import { checkVersion } from '../kernel/loaders';
import { id, text } from '../kernel/validation';
import { savedCaseSchema } from '../contract/cases';

/**
 * The lead proposes that the panel close a live case. Closing is the panel's decision (DOMAIN.md, "Review and
 * closure"), so this only puts the case on the next agenda as a closure proposal; the decision taken on that item
 * closes the case or keeps the plan going, and either way ends the proposal.
 */
export const proposeClosure = defineCommand({
  name: 'proposeClosure',
  summary: 'Propose that the panel close a live case: it goes on the next agenda as a closure proposal',
  output: savedCaseSchema,
  input: z.object({ caseId: id, rationale: text(4000), expectedVersion: z.number().int().positive() }).strict(),
  async run(ctx, tx, input) {
    const c = await loadCaseFor(ctx, tx, input.caseId);
    authorize(ctx.actor, 'updatePlan', 'case', c, 'Only coordinators, the chair and the lead agency can propose closing this case.');
    requireCaseStatus(c, LIVE_CASE_STATUSES, 'Closure can be proposed');
    checkVersion(c, input.expectedVersion);
    if (c.closureProposal) throw new ConflictError('Closing this case is already proposed; the panel decides at its next meeting.');

    const at = ctx.now().toISOString();
    const saved = await tx.update('cases', {
      ...c, updatedAt: at, closureProposal: { proposedAt: at, proposedById: ctx.actor.member.id, rationale: input.rationale },
    });
    // The rationale is narrative about the adult: the audit names the change and never copies the text.
    await recordAudit(ctx, tx, { action: 'update', recordType: 'case', recordId: c.id, change: { closureProposal: { from: null, to: 'proposed' } } });
    return saved;
  },
});
