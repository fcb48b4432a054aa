import { z } from 'zod';
import { id } from '../kernel/validation';
import { ForbiddenError } from '../domain/errors';
import { isActionFinished } from '../domain/rules';
import { can } from '../policies';
import { type ActionItem, byUrgency, readableActionItems } from './actionItems';
import { defineQuery } from '../kernel/query';
import { booleanParam, optionalParam } from './queryString';
import { actionListSchema } from '../contract/actions';

/**
 * One agency's actions (for its agency lead and the panel). Partners and viewers list their own agency only;
 * coordinators and chairs any. Each action is still filtered by actionPolicy 'read'.
 */
export const listAgencyActions = defineQuery({
  name: 'listAgencyActions',
  summary: "An agency's actions (your own agency unless you coordinate or chair), overdue first",
  output: actionListSchema,
  input: z.object({ agencyId: optionalParam(id), includeFinished: booleanParam }),
  async run(ctx, tx, input): Promise<ActionItem[]> {
    const agencyId = input.agencyId ?? ctx.actor.member.agencyId;
    if (!can(ctx.actor, 'readActions', 'agency', { agencyId })) {
      throw new ForbiddenError("You can list only your own agency's actions.");
    }
    const actions = await tx.find('actions', { where: [{ field: 'agencyId', op: 'eq', value: agencyId }] });
    const wanted = input.includeFinished ? actions : actions.filter((a) => !isActionFinished(a));
    return (await readableActionItems(tx, ctx.actor, wanted, ctx.now())).sort(byUrgency);
  },
});
