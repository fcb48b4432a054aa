import { z } from 'zod';
import { isActionFinished } from '../domain/rules';
import { type ActionItem, byUrgency, readableActionItems } from './actionItems';
import { defineQuery } from '../kernel/query';
import { booleanParam } from './queryString';
import { actionListSchema } from '../contract/actions';

/** The actor's own actions ("my actions" in the bot): unfinished ones unless asked, overdue first, then by due date. */
export const listMyActions = defineQuery({
  name: 'listMyActions',
  summary: 'The actions you own, overdue first',
  output: actionListSchema,
  input: z.object({ includeFinished: booleanParam }),
  async run(ctx, tx, input): Promise<ActionItem[]> {
    const owned = await tx.find('actions', { where: [{ field: 'ownerId', op: 'eq', value: ctx.actor.member.id }] });
    const wanted = input.includeFinished ? owned : owned.filter((a) => !isActionFinished(a));
    return (await readableActionItems(tx, ctx.actor, wanted, ctx.now())).sort(byUrgency);
  },
});
