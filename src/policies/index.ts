// Importing this module registers every rule.
import './casePolicy';
import './actionPolicy';
import './meetingPolicy';
import './partnershipPolicy';
import './boardWorkPolicy';

export { allow, can, authorize, type Abilities, type Ability, type Entity, type Subjects } from './policy';
export type { Actor } from './actor';
export { canReadCase, canReadCaseSummary, hasLiveBreakGlass } from './casePolicy';
export { canReadAction, type ActionSubject } from './actionPolicy';
export {
  CASE_ABILITIES, presentCase, presentScreening, presentAction, presentMeeting, presentApp,
  type CaseAbility, type CaseAbilities, type ScreeningAbilities, type ActionAbilities, type MeetingAbilities, type AppAbilities,
} from './present';
export { isMeetingChair, meetingRoleOf, presentMeetingRun, type MeetingRole, type MeetingRunAbilities } from './meetingPolicy';
