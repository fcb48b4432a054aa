import type { Role } from '../../src/domain/enums';
import type { ActionItem, Me } from './api/schemas';

// What the tab offers by role. The server decides every request (src/policies); these only keep buttons that would
// be refused off the page. A case's own `can` from getCase is preferred wherever the tab has it.

export const hasRole = (me: Me, ...roles: Role[]): boolean => roles.some((r) => me.member.roles.includes(r));

/** Referral 'create' in casePolicy. */
export const mayRefer = (me: Me): boolean => hasRole(me, 'partner', 'coordinator', 'chair');

/** The screening queue is the coordinators' and the chair's. */
export const mayScreen = (me: Me): boolean => hasRole(me, 'coordinator', 'chair');

/** requestInfo, list and withdraw on any referral are the coordinators'. */
export const mayCoordinate = (me: Me): boolean => hasRole(me, 'coordinator');

/** addProgress, complete and changeDueDate in actionPolicy: the owner, their agency's lead, a coordinator or the chair. */
export function mayUpdateAction(me: Me, action: Pick<ActionItem, 'ownerId' | 'agencyId'>): boolean {
  if (hasRole(me, 'coordinator', 'chair')) return true;
  if (action.ownerId === me.member.id && hasRole(me, 'partner')) return true;
  return Boolean(me.member.agencyLead) && hasRole(me, 'partner') && action.agencyId === me.agency.id;
}
