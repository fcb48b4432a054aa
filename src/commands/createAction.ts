import { z } from 'zod';
import { LIVE_CASE_STATUSES } from '../domain/enums';
import { ValidationError } from '../domain/errors';
import { authorize } from '../policies';
import { recordAudit } from '../kernel/audit';
import { defineCommand } from '../kernel/command';
import { requireActiveAgency, requireActiveMember, requireCaseStatus, requireNotPast } from '../kernel/guards';
import { queueNotification } from '../kernel/notifications';
import { id, isoDate, text } from '../kernel/validation';
import { loadCaseFor } from '../kernel/caseAccess';
import { savedActionSchema } from '../contract/actions';

export const createAction = defineCommand({
  name: 'createAction',
  summary: 'Add a SMART action to an open case\'s plan: what, who, by when, how we know it is done',
  output: savedActionSchema,
  input: z
    .object({
      caseId: id,
      description: text(1000),
      successMeasure: text(1000),
      ownerId: id,
      dueDate: isoDate,
      agencyId: id.optional(),
    })
    .strict(),
  async run(ctx, tx, input) {
    const c = await loadCaseFor(ctx, tx, input.caseId);
    authorize(ctx.actor, 'createAction', 'case', c, 'Only coordinators, the chair and the lead agency can add actions to this case.');
    requireCaseStatus(c, LIVE_CASE_STATUSES, 'Actions can be added');

    const owner = await requireActiveMember(tx, input.ownerId, 'ownerId');
    const agencyId = input.agencyId ?? owner.agencyId;
    await requireActiveAgency(tx, agencyId, 'agencyId');
    // The agency answers for the action through its lead, so it must be the owner's own.
    if (agencyId !== owner.agencyId) throw new ValidationError([{ field: 'agencyId', message: 'must be the owner\'s agency' }]);
    const now = ctx.now();
    requireNotPast(input.dueDate, now, 'dueDate');

    const action = await tx.insert('actions', {
      id: ctx.newId(),
      parentKind: 'case',
      parentId: c.id,
      description: input.description,
      successMeasure: input.successMeasure,
      ownerId: owner.id,
      agencyId,
      dueDate: input.dueDate,
      status: 'not_started',
      createdAt: now.toISOString(),
      createdById: ctx.actor.member.id,
      progress: [],
      dueDateChanges: [],
    });
    await recordAudit(ctx, tx, {
      action: 'create',
      recordType: 'action',
      recordId: action.id,
      change: { parentKind: 'case', parentId: c.id, ownerId: owner.id, agencyId, dueDate: input.dueDate, status: 'not_started' },
    });
    await queueNotification(ctx, tx, 'actionAssigned', action.id, { actionId: action.id, caseId: c.id, ref: c.ref, ownerId: owner.id });
    return action;
  },
});
