import { z } from 'zod';
import { DEMO_PERSONAS } from '../../demo/personas';
import type { Role } from '../../domain/enums';
import type { Store } from '../../store/port';
import { RouteNotFoundError } from '../httpErrors';
import type { RouteSpec } from '../routeTable';

export interface PersonaItem {
  email: string;
  name: string;
  /** The agency's short name. */
  agency: string;
  roles: Role[];
  /** What the demo persona is for, when it is one of the seeded personas. */
  description?: string;
}

/**
 * The local sign-in picker's list: every active member. It is read straight from the store because no one is
 * signed in yet (there is no actor for a query), and it exists only in local mode, where every member is invented.
 */
export async function listPersonas(store: Store): Promise<PersonaItem[]> {
  const { members, agencies } = await store.transaction(async (tx) => ({
    members: await tx.find('members', { where: [{ field: 'active', op: 'eq', value: true }] }),
    agencies: await tx.find('agencies'),
  }));
  const shortName = new Map(agencies.map((a) => [a.id, a.shortName]));
  const demo = new Map(DEMO_PERSONAS.map((p, i) => [p.email, { order: i, description: p.description }]));
  const rank = (email: string) => demo.get(email)?.order ?? DEMO_PERSONAS.length;
  return members
    .filter((m) => m.active)
    .sort((a, b) => rank(a.email) - rank(b.email) || a.name.localeCompare(b.name))
    .map((m) => {
      const description = demo.get(m.email)?.description;
      return { email: m.email, name: m.name, agency: shortName.get(m.agencyId) ?? '', roles: [...m.roles], ...(description ? { description } : {}) };
    });
}

export const personaRoutes: RouteSpec[] = [
  { method: 'get', path: '/api/personas', operationId: 'listPersonas', tag: 'local', public: true,
    summary: 'Local mode only: the demo personas for the sign-in picker (404 in production)',
    operation: {
      kind: 'handler',
      input: z.object({}),
      async run({ deps }): Promise<PersonaItem[]> {
        // Answer exactly like an unknown route, so production does not even reveal that demo sign-in exists.
        if (deps.config.mode !== 'local') throw new RouteNotFoundError(`No API route GET /api/personas.`);
        return listPersonas(deps.store);
      },
    } },
];
