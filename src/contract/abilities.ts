import { z } from 'zod';

/*
 * What the signed-in member may do next, as the server's policies judged it for each record it sends (policy and
 * state together: src/policies/present.ts). The tab shows a button only when its ability is true, so it holds no
 * copy of the policies or of the lifecycle.
 */

const abilitiesOf = <K extends string>(keys: readonly [K, ...K[]]) =>
  z.object(Object.fromEntries(keys.map((k) => [k, z.boolean()])) as Record<K, z.ZodBoolean>);

/** The buttons of a case page. */
export const CASE_ABILITIES = [
  'recordInvolvement', 'requestInfo', 'provideInformation', 'list', 'withdraw', 'screen', 'close', 'escalate', 'deescalate',
  'addChronology', 'createAction', 'updatePlan', 'proposeClosure', 'readAudit', 'submit', 'exportSubjectAccess',
] as const;
export type CaseAbility = (typeof CASE_ABILITIES)[number];
export const caseAbilitiesSchema = abilitiesOf(CASE_ABILITIES);
export type CaseAbilities = z.infer<typeof caseAbilitiesSchema>;

/** A referral's line in the screening queue: the screening buttons only. */
export const SCREENING_ABILITIES = ['requestInfo', 'list', 'withdraw', 'screen'] as const satisfies readonly CaseAbility[];
export const screeningAbilitiesSchema = abilitiesOf(SCREENING_ABILITIES);
export type ScreeningAbilities = z.infer<typeof screeningAbilitiesSchema>;

/** What the member may do to an action (the owner's updates); all false once it is finished. */
export const ACTION_ABILITIES = ['addProgress', 'complete', 'changeDueDate'] as const;
export const actionAbilitiesSchema = abilitiesOf(ACTION_ABILITIES);
export type ActionAbilities = z.infer<typeof actionAbilitiesSchema>;

/** A panel meeting: whether the member may run it (agenda, papers, minutes). */
export const MEETING_ABILITIES = ['manage'] as const;
export const meetingAbilitiesSchema = abilitiesOf(MEETING_ABILITIES);
export type MeetingAbilities = z.infer<typeof meetingAbilitiesSchema>;

/** What the member may do across the app (GET /api/me): which pages and buttons the tab offers. */
export const APP_ABILITIES = [
  'refer', 'screen', 'coordinate', 'readScreeningQueue', 'readAgencyActions', 'readDataQuality', 'runOverdueScan', 'readAuditTrail',
  'readMemberEmails', 'readMeetings', 'manageMeetings', 'readReports', 'manageMembers', 'reviewAccess', 'breakGlass',
] as const;
export const appAbilitiesSchema = abilitiesOf(APP_ABILITIES);
export type AppAbilities = z.infer<typeof appAbilitiesSchema>;
