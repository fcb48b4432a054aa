import { z } from 'zod';
import { planYearOf } from '../domain/boardWork';
import { ForbiddenError } from '../domain/errors';
import { londonDate } from '../domain/time';
import { can } from '../policies';
import { recordAudit } from '../kernel/audit';
import { defineQuery } from '../kernel/query';
import { type BoardPlanView, boardPlanViewSchema } from '../contract/boardWork';
import { actionsOfParents, boardActionItems } from './boardActionItems';
import { optionalParam } from './queryString';

/**
 * The board's business plan for a plan year (this one unless named): priorities in code order, their objectives in
 * number order, each with the actions the caller may read and their RAG status.
 */
export const getBoardPlan = defineQuery({
  name: 'getBoardPlan',
  summary: "The board's business plan: priorities, objectives and their actions with RAG status",
  output: boardPlanViewSchema,
  input: z.object({ planYear: optionalParam(z.string().regex(/^\d{4}-\d{2}$/, 'must be a plan year such as 2026-27')) }),
  async run(ctx, tx, input): Promise<BoardPlanView> {
    if (!can(ctx.actor, 'read', 'boardWork', null)) throw new ForbiddenError("You are not permitted to read the board's plan.");
    const all = await tx.find('planObjectives');
    const planYears = [...new Set(all.map((o) => o.planYear))].sort().reverse();
    const current = planYearOf(londonDate(ctx.now()));
    const planYear = input.planYear ?? (planYears.includes(current) ? current : (planYears[0] ?? current));
    const objectives = all.filter((o) => o.planYear === planYear)
      .sort((a, b) => a.priorityCode.localeCompare(b.priorityCode, 'en', { numeric: true }) || a.objectiveNumber - b.objectiveNumber);
    const actions = (await actionsOfParents(tx, objectives.map((o) => o.id))).filter((a) => a.parentKind === 'board_plan');
    const items = await boardActionItems(tx, ctx.actor, actions, ctx.now());
    const codes = [...new Set(objectives.map((o) => o.priorityCode))];
    const manage = can(ctx.actor, 'manage', 'boardWork', null);
    await recordAudit(ctx, tx, { action: 'view', recordType: 'boardPlan', recordId: planYear, reason: 'getBoardPlan' });
    return {
      planYear,
      planYears,
      priorities: codes.map((code) => {
        const under = objectives.filter((o) => o.priorityCode === code);
        return {
          code,
          title: under[0]!.priorityTitle,
          objectives: under.map((o) => ({
            id: o.id, objectiveNumber: o.objectiveNumber, objective: o.objective, successMeasure: o.successMeasure,
            actions: items.filter((a) => a.parentId === o.id),
          })),
        };
      }),
      can: { addObjective: manage, createAction: manage && objectives.length > 0 },
    };
  },
});
