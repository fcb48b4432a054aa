import { z } from 'zod';
import { ConflictError, ValidationError } from '../domain/errors';
import { isActionFinished } from '../domain/rules';
import { authorize } from '../policies';
import { loadActionFor } from '../kernel/actionSubject';
import { recordAudit } from '../kernel/audit';
import { defineCommand } from '../kernel/command';
import { requireNotPast, stateLabel } from '../kernel/guards';
import { checkVersion } from '../kernel/loaders';
import { expectedVersion, id, isoDate, text } from '../kernel/validation';
import { savedActionSchema } from '../contract/actions';

export const changeActionDueDate = defineCommand({
  name: 'changeActionDueDate',
  summary: 'Move an action\'s due date, with the reason (kept in the action\'s history)',
  output: savedActionSchema,
  input: z.object({ actionId: id, dueDate: isoDate, reason: text(1000), expectedVersion }).strict(),
  async run(ctx, tx, input) {
    const subject = await loadActionFor(ctx, tx, input.actionId);
    const { action } = subject;
    authorize(ctx.actor, 'changeDueDate', 'action', subject, 'Only the owner, their agency lead, a coordinator or the chair can change this action\'s due date.');
    checkVersion(action, input.expectedVersion);
    if (isActionFinished(action)) {
      throw new ConflictError(`This action is ${stateLabel(action.status)}, so its due date can no longer change.`);
    }
    if (input.dueDate === action.dueDate) throw new ValidationError([{ field: 'dueDate', message: 'is already the due date' }]);
    const now = ctx.now();
    requireNotPast(input.dueDate, now, 'dueDate');

    const change = { at: now.toISOString(), byMemberId: ctx.actor.member.id, from: action.dueDate, to: input.dueDate, reason: input.reason };
    const updated = await tx.update('actions', { ...action, dueDate: input.dueDate, dueDateChanges: [...action.dueDateChanges, change] });
    await recordAudit(ctx, tx, {
      action: 'update',
      recordType: 'action',
      recordId: action.id,
      change: { dueDate: { from: action.dueDate, to: input.dueDate } },
      reason: input.reason,
    });
    return updated;
  },
});
