import { getCase } from './getCase';
import { getActionEscalationCard } from './getActionEscalationCard';
import { getActionReminderCard } from './getActionReminderCard';
import { getCaseAudit } from './getCaseAudit';
import { getCaseStatus } from './getCaseStatus';
import { getHome } from './getHome';
import { getMe } from './getMe';
import { getMeeting } from './getMeeting';
import { getMeetingStage } from './getMeetingStage';
import { findTeamsMeeting } from './findTeamsMeeting';
import { downloadMinutes } from './downloadMinutes';
import { getNewReferralCard } from './getNewReferralCard';
import { getOverdueDigestCard } from './getOverdueDigestCard';
import { listAgencies } from './listAgencies';
import { listAgencyActions } from './listAgencyActions';
import { listDataQualityIssues } from './listDataQualityIssues';
import { listDisposals } from './listDisposals';
import { listMeetings } from './listMeetings';
import { listMembers } from './listMembers';
import { listMyActions } from './listMyActions';
import { listOverdueActions } from './listOverdueActions';
import { listRegister } from './listRegister';
import { listScreeningQueue } from './listScreeningQueue';
import { nextMeeting } from './nextMeeting';
import { getIndicators } from './getIndicators';
import { previewImport } from './previewImport';
import { getBoardPlan } from './getBoardPlan';
import { getLearningReview } from './getLearningReview';
import { listLearningReviews } from './listLearningReviews';
import { exportIndicators } from './exportIndicators';
import { getAdminDirectory } from './getAdminDirectory';
import { getAccessReview } from './getAccessReview';
import { searchAudit } from './searchAudit';
import { exportAudit } from './exportAudit';
import { listSharingDecisions } from './listSharingDecisions';
import { exportSubjectAccess } from './exportSubjectAccess';
import { auditedList } from '../kernel/auditedList';

/** Every read model, by name: the API, the bot and the tab helpers look queries up here. */
export const queries = {
  getMe,
  getCase,
  // The register and the working lists are audited on every read: one view event with the count (issue 13).
  listRegister: auditedList(listRegister, 'caseList', (page) => page.items.length),
  listMyActions: auditedList(listMyActions, 'actionList', (items) => items.length),
  listAgencyActions: auditedList(listAgencyActions, 'actionList', (items) => items.length),
  listOverdueActions: auditedList(listOverdueActions, 'actionList', (items) => items.length),
  getCaseAudit,
  listMeetings,
  nextMeeting,
  listAgencies,
  listMembers: auditedList(listMembers, 'memberList', (items) => items.length),
  listDataQualityIssues,
  listDisposals,
  getHome,
  listScreeningQueue: auditedList(listScreeningQueue, 'screeningQueue', (items) => items.length),
  getNewReferralCard,
  getOverdueDigestCard,
  getActionReminderCard,
  getActionEscalationCard,
  getCaseStatus,
  getMeeting,
  getMeetingStage,
  findTeamsMeeting,
  downloadMinutes,
  getIndicators,
  previewImport,
  listLearningReviews,
  getLearningReview,
  getBoardPlan,
  exportIndicators,
  getAdminDirectory,
  getAccessReview,
  searchAudit,
  exportAudit,
  listSharingDecisions,
  exportSubjectAccess,
};
export type QueryName = keyof typeof queries;

export { defineQuery, runQuery, HiddenRecordError, type ReadQuery } from '../kernel/query';
export { CASE_NOT_FOUND, normalizeRef } from '../kernel/caseAccess';
export type { ActionItem } from './actionItems';
export type { CaseView, FullCaseView, SummaryCaseView, CaseSummary, MissingPlan, CaseAbilities } from './getCase';
export type { RegisterItem, RegisterPage } from './listRegister';
export type { CaseAuditView, AuditLine } from './getCaseAudit';
export type { MeetingItem } from './listMeetings';
export type { IndicatorsView } from './indicators/indicatorsView';
export type { NextMeetingView, AgendaLine } from './nextMeeting';
export type { AgencyItem } from './listAgencies';
export type { MemberItem } from './listMembers';
export type { HomeView, AwaitingItem } from './getHome';
export type { MeView } from './getMe';
export type { ScreeningQueueItem } from './listScreeningQueue';
export type { RiskAssessmentChange } from './riskAssessmentChanges';
export type { NewReferralCardView } from './getNewReferralCard';
export type { CaseStatusView } from './getCaseStatus';
export type { ActionLineData, EscalationView, NewReferralView, OverdueDigestView, ReminderView } from './cardData';
export { RESTRICTED_CASE, type Surface } from './surface';
export { nearest } from './fuzzy';
