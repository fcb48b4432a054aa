import { z } from 'zod';
import { ConflictError } from '../domain/errors';
import { assertActionTransition } from '../domain/lifecycle';
import { authorize } from '../policies';
import { loadActionFor } from '../kernel/actionSubject';
import { recordAudit } from '../kernel/audit';
import { defineCommand } from '../kernel/command';
import { checkVersion } from '../kernel/loaders';
import { londonDateTime } from '../domain/time';
import { queueNotification } from '../kernel/notifications';
import { expectedVersion, id, optionalText } from '../kernel/validation';
import { savedActionSchema } from '../contract/actions';

/** How an action ends (docs/domain.md "Lifecycle"): done, not done because circumstances changed, not done by the agency, or cancelled. */
export const ACTION_OUTCOMES = ['completed', 'not_done_circumstance', 'not_done_agency', 'cancelled'] as const;

export const completeAction = defineCommand({
  name: 'completeAction',
  summary: 'Mark an action as done (with evidence), or as not done and why',
  output: savedActionSchema,
  input: z
    .object({ actionId: id, evidence: optionalText(), outcome: z.enum(ACTION_OUTCOMES).default('completed'), expectedVersion })
    .strict(),
  async run(ctx, tx, input) {
    const subject = await loadActionFor(ctx, tx, input.actionId);
    const { action } = subject;
    authorize(ctx.actor, 'complete', 'action', subject, 'Only the owner, their agency lead, a coordinator or the chair can complete this action.');
    // Before the version check: the second of two people pressing "Done" at once learns who got there first.
    if (action.status === 'completed') {
      const by = action.completedById ? await tx.get('members', action.completedById) : undefined;
      throw new ConflictError(
        `This action was already completed by ${by?.name ?? 'someone else'}${action.completedAt ? ` on ${londonDateTime(action.completedAt)}` : ''}.`,
      );
    }
    checkVersion(action, input.expectedVersion);
    assertActionTransition(action.status, input.outcome);

    const now = ctx.now().toISOString();
    const evidence = input.evidence || undefined;
    const updated = await tx.update('actions', {
      ...action,
      status: input.outcome,
      completedAt: now,
      completedById: ctx.actor.member.id,
      ...(evidence ? { evidence } : {}),
    });
    await recordAudit(ctx, tx, {
      action: 'update',
      recordType: 'action',
      recordId: action.id,
      change: { status: { from: action.status, to: input.outcome }, evidenceAdded: Boolean(evidence) },
    });
    await queueNotification(ctx, tx, 'actionCompleted', action.id, {
      actionId: action.id,
      caseId: subject.parentCase?.id,
      ref: subject.parentCase?.ref,
      outcome: input.outcome,
      completedById: ctx.actor.member.id,
    });
    return updated;
  },
});
