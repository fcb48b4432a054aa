import { z } from 'zod';
import { assertCaseTransition } from '../domain/lifecycle';
import { authorize } from '../policies';
import { recordAudit } from './audit';
import { savedCaseSchema } from '../contract/cases';
import { defineCommand } from './command';
import { checkVersion } from './loaders';
import { expectedVersion, id, text } from './validation';
import { loadCaseFor } from './caseAccess';

const input = z.object({ caseId: id, rationale: text(2000), expectedVersion }).strict();

/**
 * Escalation brings a case back to the panel when risk rises; de-escalation returns it to normal review. Whoever
 * keeps the plan (coordinator, chair, lead agency) may do either: they are the first to see the risk change.
 */
export function escalationCommand(name: 'escalateCase' | 'deescalateCase', to: 'escalated' | 'open', summary: string) {
  return defineCommand({
    name,
    summary,
    output: savedCaseSchema,
    input,
    async run(ctx, tx, input) {
      const c = await loadCaseFor(ctx, tx, input.caseId);
      authorize(ctx.actor, 'updatePlan', 'case', c, 'Only coordinators, the chair and the lead agency can change whether this case is escalated.');
      checkVersion(c, input.expectedVersion);
      assertCaseTransition(c.status, to);

      const updated = await tx.update('cases', { ...c, status: to, updatedAt: ctx.now().toISOString() });
      await recordAudit(ctx, tx, {
        action: 'update',
        recordType: 'case',
        recordId: c.id,
        change: { status: { from: c.status, to } },
        reason: input.rationale,
      });
      return updated;
    },
  });
}
