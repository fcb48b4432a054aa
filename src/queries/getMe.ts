import { z } from 'zod';
import type { Role } from '../domain/enums';
import { defineQuery } from '../kernel/query';
import { type AppAbilities, presentApp } from '../policies';
import { meSchema } from '../contract/directory';

/** Who the caller is, as the server established it, and what the app lets them do (the tab's pages and buttons). */
export interface MeView {
  member: { id: string; name: string; email: string; roles: Role[]; agencyLead: boolean };
  agency: { id: string; name: string; shortName: string };
  can: AppAbilities;
}

/** Not audited: the caller's own membership, nothing about anyone else. */
export const getMe = defineQuery({
  name: 'getMe',
  summary: 'Who is signed in: the member, their roles, their agency and what they may do',
  output: meSchema,
  input: z.object({}),
  async run(ctx): Promise<MeView> {
    const { member, agency } = ctx.actor;
    return {
      member: { id: member.id, name: member.name, email: member.email, roles: [...member.roles], agencyLead: member.agencyLead },
      agency: { id: agency.id, name: agency.name, shortName: agency.shortName },
      can: presentApp(ctx.actor),
    };
  },
});
