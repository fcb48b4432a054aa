import { z } from 'zod';
import { queries } from '../../queries';
import { type RouteSpec, query } from '../routeTable';

/** Who the caller is, as the server established it: the tab shows it and hides what the roles do not allow. */
export interface MeView {
  member: { id: string; name: string; email: string; roles: string[]; agencyLead: boolean };
  agency: { id: string; name: string; shortName: string };
}

export const directoryRoutes: RouteSpec[] = [
  { method: 'get', path: '/api/me', operationId: 'getMe', tag: 'directory',
    summary: 'Who is signed in: the member, their roles and their agency',
    operation: {
      kind: 'handler',
      input: z.object({}),
      async run({ ctx }): Promise<MeView> {
        const { member, agency } = ctx!.actor;
        return {
          member: { id: member.id, name: member.name, email: member.email, roles: [...member.roles], agencyLead: member.agencyLead },
          agency: { id: agency.id, name: agency.name, shortName: agency.shortName },
        };
      },
    } },
  { method: 'get', path: '/api/agencies', operationId: 'listAgencies', tag: 'directory',
    summary: queries.listAgencies.summary, operation: query(queries.listAgencies) },
  { method: 'get', path: '/api/members', operationId: 'listMembers', tag: 'directory',
    summary: queries.listMembers.summary, operation: query(queries.listMembers) },
];
