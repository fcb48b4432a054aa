import { z } from 'zod';
import { assertActionTransition } from '../domain/lifecycle';
import { isActionFinished } from '../domain/rules';
import { authorize } from '../policies';
import { loadActionFor } from '../kernel/actionSubject';
import { recordAudit } from '../kernel/audit';
import { defineCommand } from '../kernel/command';
import { checkVersion } from '../kernel/loaders';
import { expectedVersion, id, text } from '../kernel/validation';
import { savedActionSchema } from '../contract/actions';

export const addActionProgress = defineCommand({
  name: 'addActionProgress',
  summary: 'Add a progress note to an action; a first note starts it',
  output: savedActionSchema,
  input: z.object({ actionId: id, note: text(2000), status: z.literal('in_progress').optional(), expectedVersion }).strict(),
  async run(ctx, tx, input) {
    const subject = await loadActionFor(ctx, tx, input.actionId);
    const { action } = subject;
    authorize(ctx.actor, 'addProgress', 'action', subject, 'Only the owner, their agency lead, a coordinator or the chair can update this action.');
    checkVersion(action, input.expectedVersion);
    // Progress on a finished action is refused by the lifecycle (its message names the state); any note starts it.
    if (action.status === 'not_started' || isActionFinished(action)) assertActionTransition(action.status, 'in_progress');

    const now = ctx.now().toISOString();
    const updated = await tx.update('actions', {
      ...action,
      status: 'in_progress',
      progress: [...action.progress, { at: now, byMemberId: ctx.actor.member.id, note: input.note }],
    });
    await recordAudit(ctx, tx, {
      action: 'update',
      recordType: 'action',
      recordId: action.id,
      change: {
        progressAdded: { at: now },
        ...(action.status !== 'in_progress' ? { status: { from: action.status, to: 'in_progress' } } : {}),
      },
    });
    return updated;
  },
});
