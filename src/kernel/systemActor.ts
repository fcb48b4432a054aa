import type { Actor } from '../policies/actor';
import { SYSTEM_ACTOR_ID } from './overdueScan';

/** Only this module holds the mark; data from a request (JSON, a store row) can never carry a symbol key. */
const SYSTEM_MARK = Symbol('riskpanel.system');

const system: Actor & { [SYSTEM_MARK]: true } = {
  [SYSTEM_MARK]: true,
  member: {
    id: SYSTEM_ACTOR_ID, version: 0, aadObjectId: '', name: 'RiskPanel', email: '', agencyId: SYSTEM_ACTOR_ID,
    roles: [], agencyLead: false, active: true,
  },
  // The council runs the panel and the app; the kind only fills the record (no policy ever sees this actor allowed).
  agency: { id: SYSTEM_ACTOR_ID, version: 0, name: 'RiskPanel', shortName: 'RiskPanel', kind: 'council', active: true },
};
Object.freeze(system.member.roles);
Object.freeze(system.member);
Object.freeze(system.agency);

/**
 * RiskPanel itself, acting on what Teams reports (a Teams meeting started or ended), audited as 'system'. It has no
 * roles, so every policy refuses it; the few steps that accept it check for its mark (`isSystemActor`), a symbol no
 * request can produce: a member record with the id 'system' is still not the system. (The mark survives the copy
 * makeContext makes of the actor: spreading an object keeps its symbol keys.)
 */
export const SYSTEM_ACTOR: Actor = Object.freeze(system);

export const isSystemActor = (actor: Actor): boolean => (actor as Partial<Record<typeof SYSTEM_MARK, unknown>>)[SYSTEM_MARK] === true;
