import { z } from 'zod';
import { CLOSURE_REASONS } from '../domain/enums';
import { assertCaseTransition } from '../domain/lifecycle';
import { retentionDateFor } from '../domain/retention';
import { authorize } from '../policies';
import { recordAudit } from '../kernel/audit';
import { appendChronology, appendDecision } from '../kernel/caseAppends';
import { defineCommand } from '../kernel/command';
import { checkVersion } from '../kernel/loaders';
import { queueNotification } from '../kernel/notifications';
import { expectedVersion, id, text } from '../kernel/validation';
import { loadCaseFor } from '../kernel/caseAccess';
import { savedCaseSchema } from '../contract/cases';

export const closeCase = defineCommand({
  name: 'closeCase',
  summary: 'Close a case with the reason and the rationale (logged as a decision)',
  output: savedCaseSchema,
  input: z.object({ caseId: id, reason: z.enum(CLOSURE_REASONS), rationale: text(4000), expectedVersion }).strict(),
  async run(ctx, tx, input) {
    const c = await loadCaseFor(ctx, tx, input.caseId);
    authorize(ctx.actor, 'close', 'case', c, 'Only coordinators and the chair can close a case.');
    checkVersion(c, input.expectedVersion);
    assertCaseTransition(c.status, 'closed');

    const now = ctx.now().toISOString();
    // The retention period starts at closure (src/domain/retention.ts); disposal is due from this date, unless held.
    const retentionDate = retentionDateFor('case', now, ctx.retention);
    const updated = await tx.update('cases', { ...c, status: 'closed', closedAt: now, closureReason: input.reason, retentionDate, updatedAt: now });
    const decision = await appendDecision(ctx, tx, { caseId: c.id, outcome: 'close', rationale: input.rationale });
    const entry = await appendChronology(
      ctx,
      tx,
      { caseId: c.id, type: 'panel_decision', summary: `Case closed: ${input.reason.replace(/_/g, ' ')}.`, significance: 'high' },
      'closure',
    );
    await recordAudit(ctx, tx, {
      action: 'update',
      recordType: 'case',
      recordId: c.id,
      change: { status: { from: c.status, to: 'closed' }, closureReason: input.reason, retentionDate, decisionId: decision.id, chronologyEntryId: entry.id },
      reason: input.rationale,
    });
    await queueNotification(ctx, tx, 'caseClosed', c.id, { caseId: c.id, ref: c.ref, closureReason: input.reason, decisionId: decision.id });
    return updated;
  },
});
