import type { ActionSubject } from './actionSubject';
import { type Actor, hasRole, isPanelMember } from './actor';
import { canReadCase } from './casePolicy';
import { allow } from './policy';

export type { ActionSubject };

const isOwner = (a: Actor, s: ActionSubject) => s.action.ownerId === a.member.id;
const isOwnersAgencyLead = (a: Actor, s: ActionSubject) =>
  a.member.agencyLead && hasRole(a, 'partner') && a.member.agencyId === s.action.agencyId;

export function canReadAction(a: Actor, s: ActionSubject): boolean {
  if (isOwner(a, s) || hasRole(a, 'coordinator')) return true;
  if (s.parentCase) return canReadCase(a, s.parentCase) || (a.member.agencyId === s.action.agencyId && !s.parentCase.restricted && hasRole(a, 'partner'));
  // Learning-review and board-plan actions hold no adult's data: the board and the owning agency see them (an
  // auditor reads the audit trail only).
  return hasRole(a, 'chair', 'viewer') || (a.member.agencyId === s.action.agencyId && isPanelMember(a));
}

allow('action', ['read'], canReadAction);
/**
 * Only the owner, their agency's lead, a coordinator or the chair may act on an action; viewers change nothing,
 * and nobody acts on what they may not see (a chair outside a restricted case's circle included).
 */
allow('action', ['addProgress', 'complete', 'changeDueDate'], (a, s) =>
  canReadAction(a, s) &&
  ((isOwner(a, s) && hasRole(a, 'partner', 'coordinator', 'chair')) || isOwnersAgencyLead(a, s) || hasRole(a, 'coordinator', 'chair')),
);
