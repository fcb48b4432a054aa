import type { Role } from '../domain/enums';
import type { Agency, Member } from '../domain/records';

/** Who is acting, as established by src/auth from an authenticated identity, never from client data. */
export interface Actor {
  member: Member;
  agency: Agency;
  /**
   * The clock time-limited access (break-glass) is judged by: the request's clock, set by makeContext, so tests that
   * move the clock move the expiry too. Without it the policies read the system clock.
   */
  now?: () => Date;
}

export const nowOf = (actor: Actor): Date => actor.now?.() ?? new Date();

export const hasRole = (actor: Actor, ...roles: Role[]): boolean =>
  actor.member.active && roles.some((r) => actor.member.roles.includes(r));

/** Roles that work with the panel's records; `auditor` is not one (it reads the audit trail and access review only). */
export const PANEL_ROLES = ['coordinator', 'chair', 'partner', 'viewer'] as const satisfies readonly Role[];
export const isPanelMember = (actor: Actor): boolean => hasRole(actor, ...PANEL_ROLES);
