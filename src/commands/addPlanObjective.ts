import { z } from 'zod';
import { planYearOf } from '../domain/boardWork';
import { ValidationError } from '../domain/errors';
import { londonDate } from '../domain/time';
import { recordAudit } from '../kernel/audit';
import { requireBoardWorkManager } from '../kernel/boardWork';
import { defineCommand } from '../kernel/command';
import { plainText, text } from '../kernel/validation';
import { planObjectiveRecordSchema } from '../contract/boardWork';

export const addPlanObjective = defineCommand({
  name: 'addPlanObjective',
  summary: "Add an objective under a priority of the board's business plan (a new priority code starts a priority)",
  output: planObjectiveRecordSchema,
  input: z
    .object({
      planYear: z.string().regex(/^\d{4}-\d{2}$/, 'must be a plan year such as 2026-27').optional(),
      priorityCode: plainText().min(1, 'is required').max(12).regex(/^[A-Za-z0-9][A-Za-z0-9 -]*$/, 'must be letters and digits, such as SAB1'),
      priorityTitle: text(200),
      objective: text(1000),
      successMeasure: text(1000),
    })
    .strict(),
  async run(ctx, tx, input) {
    requireBoardWorkManager(ctx, "change the board's plan");
    const planYear = input.planYear ?? planYearOf(londonDate(ctx.now()));
    const [start, end] = planYear.split('-').map(Number) as [number, number];
    if ((start + 1) % 100 !== end) throw new ValidationError([{ field: 'planYear', message: 'must be two consecutive years, such as 2026-27' }]);
    const siblings = (await tx.find('planObjectives', { where: [{ field: 'planYear', op: 'eq', value: planYear }] }))
      .filter((o) => o.priorityCode === input.priorityCode);
    // One priority has one title: a second objective under SAB1 keeps the title SAB1 already has.
    const priorityTitle = siblings[0]?.priorityTitle ?? input.priorityTitle;
    const objectiveNumber = siblings.reduce((n, o) => Math.max(n, o.objectiveNumber), 0) + 1;
    const objective = await tx.insert('planObjectives', {
      id: ctx.newId(),
      planYear,
      priorityCode: input.priorityCode,
      priorityTitle,
      objectiveNumber,
      objective: input.objective,
      successMeasure: input.successMeasure,
      createdAt: ctx.now().toISOString(),
      createdById: ctx.actor.member.id,
    });
    await recordAudit(ctx, tx, {
      action: 'create', recordType: 'planObjective', recordId: objective.id, change: { planYear, priorityCode: input.priorityCode, objectiveNumber },
    });
    return objective;
  },
});
