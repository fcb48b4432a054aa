import type { MemberItem } from '../../../../src/contract';

/** People who may own an action: active members who are more than board viewers. */
export const actionOwners = (members: readonly MemberItem[]): MemberItem[] =>
  members.filter((m) => m.active !== false && (m.roles?.length ? !m.roles.every((r) => r === 'viewer' || r === 'auditor') : true));
