// Importing this module registers every rule.
import './casePolicy';
import './actionPolicy';
import './meetingPolicy';

export { allow, can, authorize } from './policy';
export type { Actor } from './actor';
export { hasRole } from './actor';
export { canReadCase, canReadCaseSummary } from './casePolicy';
export { canReadAction, type ActionSubject } from './actionPolicy';
