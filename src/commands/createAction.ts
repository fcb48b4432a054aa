import { z } from 'zod';
import { LIVE_CASE_STATUSES } from '../domain/enums';
import { authorize } from '../policies';
import { defineCommand } from '../kernel/command';
import { requireCaseStatus } from '../kernel/guards';
import { insertAction } from '../kernel/newAction';
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

    const { caseId: _caseId, ...action } = input;
    return insertAction(ctx, tx, { ...action, parentKind: 'case', parentId: c.id }, c);
  },
});
