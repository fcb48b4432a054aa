// Importing this module registers every rule.
import './casePolicy';
import './actionPolicy';
import './meetingPolicy';
import './partnershipPolicy';

export { allow, can, authorize, type Abilities, type Ability, type Entity, type Subjects } from './policy';
export type { Actor } from './actor';
export { canReadCase, canReadCaseSummary } from './casePolicy';
export { canReadAction, type ActionSubject } from './actionPolicy';
