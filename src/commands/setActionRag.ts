import { z } from 'zod';
import { RAG_RATINGS } from '../domain/enums';
import { ConflictError } from '../domain/errors';
import { isActionFinished } from '../domain/rules';
import { stateLabel } from '../kernel/guards';
import { authorize } from '../policies';
import { loadActionFor } from '../kernel/actionSubject';
import { recordAudit } from '../kernel/audit';
import { defineCommand } from '../kernel/command';
import { checkVersion } from '../kernel/loaders';
import { expectedVersion, id, text } from '../kernel/validation';
import { savedActionSchema } from '../contract/actions';

export const setActionRag = defineCommand({
  name: 'setActionRag',
  summary: 'Set a board-plan action\'s RAG status (red, amber, green) with the reason',
  output: savedActionSchema,
  input: z.object({ actionId: id, rating: z.enum(RAG_RATINGS), reason: text(1000), expectedVersion }).strict(),
  async run(ctx, tx, input) {
    const subject = await loadActionFor(ctx, tx, input.actionId);
    const { action } = subject;
    // Whoever may update the action may say how it is going: its owner, their agency lead, a coordinator or the chair.
    authorize(ctx.actor, 'addProgress', 'action', subject, 'Only the owner, their agency lead, a coordinator or the chair can set this action\'s RAG status.');
    if (action.parentKind !== 'board_plan') throw new ConflictError('A RAG status is kept for board-plan actions only; this action is not one.');
    if (isActionFinished(action)) throw new ConflictError(`This action is ${stateLabel(action.status)}: its RAG status can no longer change.`);
    checkVersion(action, input.expectedVersion);
    const rag = { rating: input.rating, reason: input.reason, at: ctx.now().toISOString(), byMemberId: ctx.actor.member.id };
    const updated = await tx.update('actions', { ...action, rag });
    await recordAudit(ctx, tx, {
      action: 'update',
      recordType: 'action',
      recordId: action.id,
      change: { rag: { from: action.rag?.rating ?? null, to: input.rating } },
      reason: input.reason,
    });
    return updated;
  },
});
