import { z } from 'zod';
import { id } from '../kernel/validation';
import { type ActionItem, overdueOf, readableActionItems, todayOf } from './actionItems';
import { defineQuery } from '../kernel/query';
import { optionalParam } from './queryString';
import { actionListSchema } from '../contract/actions';

/**
 * Overdue actions the actor may read, longest overdue first. One indexed read (due before today); finished actions
 * and other agencies' are dropped here, since SharePoint uses one indexed column per query.
 */
export const listOverdueActions = defineQuery({
  name: 'listOverdueActions',
  summary: 'Overdue actions you may see, longest overdue first (optionally one agency)',
  output: actionListSchema,
  input: z.object({ agencyId: optionalParam(id) }),
  async run(ctx, tx, input): Promise<ActionItem[]> {
    const now = ctx.now();
    const pastDue = await tx.find('actions', { where: [{ field: 'dueDate', op: 'lt', value: todayOf(now) }], orderBy: { field: 'dueDate', direction: 'asc' } });
    const overdue = pastDue.filter((a) => overdueOf(a, now).overdue && (!input.agencyId || a.agencyId === input.agencyId));
    // Already in due-date order, which for overdue actions is longest overdue first.
    return readableActionItems(tx, ctx.actor, overdue, now);
  },
});
