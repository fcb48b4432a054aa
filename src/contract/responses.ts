import type { z } from 'zod';
import { actionListSchema, savedActionSchema } from './actions';
import { caseAuditSchema, caseViewSchema, registerPageSchema, savedCaseSchema, screeningQueueSchema } from './cases';
import { agencyListSchema, meSchema, memberListSchema, personaListSchema } from './directory';
import { homeSchema, meetingListSchema, meetingViewSchema, stageViewSchema } from './meetings';
import { dataQualityListSchema, overdueScanReportSchema } from './operations';
import { disposalSchema, disposalsViewSchema } from './retention';
import { chronologyEntrySchema, riskAssessmentSchema } from './records';
import { indicatorsSchema, reportExportSchema } from './reports';
import { importPreviewSchema, importResultSchema } from './imports';
import { accessReviewSchema, adminDirectorySchema, auditExportSchema, auditSearchSchema, breakGlassResultSchema, sharingDecisionSchema, sharingDecisionsSchema } from './governance';
import { agencyItemSchema, memberItemSchema } from './directory';
import { boardPlanViewSchema, learningReviewListSchema, learningReviewRecordSchema, learningReviewViewSchema, planObjectiveRecordSchema } from './boardWork';

/**
 * The success answer of every API operation, by operationId: the OpenAPI document declares these and
 * tests/contract-api parses each route's real answer with them.
 */
export const responseSchemas = {
  submitReferral: savedCaseSchema,
  listRegister: registerPageSchema,
  getCaseByRef: caseViewSchema,
  getCase: caseViewSchema,
  recordInvolvement: savedCaseSchema,
  requestInformation: savedCaseSchema,
  provideInformation: savedCaseSchema,
  placeReferralOnAgenda: savedCaseSchema,
  withdrawReferral: savedCaseSchema,
  recordScreeningDecision: savedCaseSchema,
  addChronologyEntry: chronologyEntrySchema,
  createAction: savedActionSchema,
  closeCase: savedCaseSchema,
  getCaseAudit: caseAuditSchema,
  saveReferralDraft: savedCaseSchema,
  updateReferralDraft: savedCaseSchema,
  submitDraft: savedCaseSchema,
  recordRiskAssessment: riskAssessmentSchema,
  updateCasePlan: savedCaseSchema,
  proposeClosure: savedCaseSchema,
  listScreeningQueue: screeningQueueSchema,
  getHome: homeSchema,
  listActions: actionListSchema,
  addActionProgress: savedActionSchema,
  completeAction: savedActionSchema,
  changeActionDueDate: savedActionSchema,
  runOverdueScan: overdueScanReportSchema,
  listMeetings: meetingListSchema,
  scheduleMeeting: meetingViewSchema,
  getMeeting: meetingViewSchema,
  buildAgenda: meetingViewSchema,
  editAgenda: meetingViewSchema,
  publishAgenda: meetingViewSchema,
  startMeeting: meetingViewSchema,
  moveToItem: meetingViewSchema,
  recordDecision: meetingViewSchema,
  recordAttendance: meetingViewSchema,
  endMeeting: meetingViewSchema,
  editMinutes: meetingViewSchema,
  joinMeeting: meetingViewSchema,
  approveMinutes: meetingViewSchema,
  issueMinutes: meetingViewSchema,
  getMeetingStage: stageViewSchema,
  getMe: meSchema,
  listAgencies: agencyListSchema,
  listMembers: memberListSchema,
  listPersonas: personaListSchema,
  listDataQualityIssues: dataQualityListSchema,
  listDisposals: disposalsViewSchema,
  proposeDisposal: disposalSchema,
  approveDisposal: disposalSchema,
  getIndicators: indicatorsSchema,
  exportIndicators: reportExportSchema,
  previewImport: importPreviewSchema,
  importLog: importResultSchema,
  getAdminDirectory: adminDirectorySchema,
  addMember: memberItemSchema,
  changeMember: memberItemSchema,
  addAgency: agencyItemSchema,
  changeAgency: agencyItemSchema,
  getAccessReview: accessReviewSchema,
  confirmAccessReview: agencyItemSchema,
  searchAudit: auditSearchSchema,
  exportAudit: auditExportSchema,
  breakGlass: breakGlassResultSchema,
  restrictCase: savedCaseSchema,
  listSharingDecisions: sharingDecisionsSchema,
  recordSharingDecision: sharingDecisionSchema,
  listLearningReviews: learningReviewListSchema,
  createLearningReview: learningReviewRecordSchema,
  getLearningReview: learningReviewViewSchema,
  addRecommendation: learningReviewRecordSchema,
  createReviewAction: savedActionSchema,
  getBoardPlan: boardPlanViewSchema,
  addPlanObjective: planObjectiveRecordSchema,
  createPlanAction: savedActionSchema,
  setActionRag: savedActionSchema,
} as const satisfies Record<string, z.ZodType>;
export type OperationId = keyof typeof responseSchemas;
