import { z } from 'zod';
import type { AgencyKind } from '../domain/enums';
import { ForbiddenError } from '../domain/errors';
import { defineQuery } from '../kernel/query';
import { agencyListSchema } from '../contract/directory';

export interface AgencyItem {
  id: string;
  name: string;
  shortName: string;
  kind: AgencyKind;
  active: boolean;
}

/** The partnership's agencies, by name. Not personal data: any active member may list them. */
export const listAgencies = defineQuery({
  name: 'listAgencies',
  summary: "The partnership's agencies",
  output: agencyListSchema,
  input: z.object({}),
  async run(ctx, tx): Promise<AgencyItem[]> {
    if (!ctx.actor.member.active) throw new ForbiddenError('Your membership is not active.');
    const agencies = await tx.find('agencies');
    return agencies
      .map(({ id, name, shortName, kind, active }) => ({ id, name, shortName, kind, active }))
      .sort((a, b) => a.name.localeCompare(b.name));
  },
});
