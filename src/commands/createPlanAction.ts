import { z } from 'zod';
import { loadPlanObjective, requireBoardWorkManager } from '../kernel/boardWork';
import { insertAction } from '../kernel/newAction';
import { defineCommand } from '../kernel/command';
import { id, isoDate, text } from '../kernel/validation';
import { savedActionSchema } from '../contract/actions';

export const createPlanAction = defineCommand({
  name: 'createPlanAction',
  summary: "Add an action to an objective of the board's business plan: what, who, by when, how we know it is done",
  output: savedActionSchema,
  input: z
    .object({ objectiveId: id, description: text(1000), successMeasure: text(1000), ownerId: id, dueDate: isoDate, agencyId: id.optional() })
    .strict(),
  async run(ctx, tx, input) {
    requireBoardWorkManager(ctx, "add actions to the board's plan");
    const objective = await loadPlanObjective(tx, input.objectiveId);
    const { objectiveId: _objectiveId, ...action } = input;
    return insertAction(ctx, tx, { ...action, parentKind: 'board_plan', parentId: objective.id });
  },
});
