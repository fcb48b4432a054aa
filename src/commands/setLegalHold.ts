import { z } from 'zod';
import { ValidationError } from '../domain/errors';
import { authorize } from '../policies';
import { recordAudit } from '../kernel/audit';
import { defineCommand } from '../kernel/command';
import { loadCaseFor } from '../kernel/caseAccess';
import { checkVersion } from '../kernel/loaders';
import { expectedVersion, id, text } from '../kernel/validation';
import { savedCaseSchema } from '../contract/cases';

/**
 * A legal hold (litigation, an inquiry, a Safeguarding Adults Review) stops the case being disposed of when its
 * retention runs out. Set and lifted by coordinators, always with a reason, which the audit trail keeps.
 */
export const setLegalHold = defineCommand({
  name: 'setLegalHold',
  summary: 'Set or lift a legal hold on a case, with the reason (a held case is never disposed of)',
  output: savedCaseSchema,
  input: z.object({ caseId: id, hold: z.boolean(), reason: text(2000), expectedVersion }).strict(),
  async run(ctx, tx, input) {
    authorize(ctx.actor, 'coordinate', 'partnership', null, 'Only coordinators can set or lift a legal hold.');
    const c = await loadCaseFor(ctx, tx, input.caseId, 'full');
    checkVersion(c, input.expectedVersion);
    if (c.legalHold === input.hold) {
      throw new ValidationError([{ field: 'hold', message: input.hold ? 'The case is already under a legal hold.' : 'The case is not under a legal hold.' }]);
    }
    const updated = await tx.update('cases', { ...c, legalHold: input.hold, updatedAt: ctx.now().toISOString() });
    await recordAudit(ctx, tx, { action: 'update', recordType: 'case', recordId: c.id, change: { legalHold: { from: c.legalHold, to: input.hold } }, reason: input.reason });
    return updated;
  },
});
