import type { Role } from '../domain/enums';
import type { Agency, Member } from '../domain/records';

/** Who is acting, as established by src/auth from an authenticated identity, never from client data. */
export interface Actor {
  member: Member;
  agency: Agency;
}

export const hasRole = (actor: Actor, ...roles: Role[]): boolean =>
  actor.member.active && roles.some((r) => actor.member.roles.includes(r));
