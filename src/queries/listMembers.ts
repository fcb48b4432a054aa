import { z } from 'zod';
import type { Role } from '../domain/enums';
import { ForbiddenError } from '../domain/errors';
import { can } from '../policies';
import { defineQuery } from '../kernel/query';
import { memberListSchema } from '../contract/directory';

export interface MemberItem {
  id: string;
  name: string;
  agencyId: string;
  roles: Role[];
  agencyLead: boolean;
  active: boolean;
  /** Coordinators only: they keep the membership list. */
  email?: string;
}

/** Members, by name, for pick lists (owners, lead professionals). Email addresses go to coordinators only. */
export const listMembers = defineQuery({
  name: 'listMembers',
  summary: 'Partnership members (emails for coordinators only)',
  output: memberListSchema,
  input: z.object({}),
  async run(ctx, tx): Promise<MemberItem[]> {
    if (!ctx.actor.member.active) throw new ForbiddenError('Your membership is not active.');
    const withEmail = can(ctx.actor, 'readMemberEmails', 'partnership', null);
    const members = await tx.find('members');
    return members
      .map((m) => ({
        id: m.id,
        name: m.name,
        agencyId: m.agencyId,
        roles: m.roles,
        agencyLead: m.agencyLead,
        active: m.active,
        ...(withEmail ? { email: m.email } : {}),
      }))
      .sort((a, b) => a.name.localeCompare(b.name));
  },
});
