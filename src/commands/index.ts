import { addActionProgress } from './addActionProgress';
import { addAgency } from './addAgency';
import { addMember } from './addMember';
import { addChronologyEntry } from './addChronologyEntry';
import { changeActionDueDate } from './changeActionDueDate';
import { changeAgency } from './changeAgency';
import { changeMember } from './changeMember';
import { closeCase } from './closeCase';
import { completeAction } from './completeAction';
import { createAction } from './createAction';
import { addPlanObjective } from './addPlanObjective';
import { addRecommendation } from './addRecommendation';
import { createLearningReview } from './createLearningReview';
import { createPlanAction } from './createPlanAction';
import { createReviewAction } from './createReviewAction';
import { setActionRag } from './setActionRag';
import { deescalateCase } from './deescalateCase';
import { escalateCase } from './escalateCase';
import { placeReferralOnAgenda } from './placeReferralOnAgenda';
import { provideInformation } from './provideInformation';
import { recordInvolvement } from './recordInvolvement';
import { recordRiskAssessment } from './recordRiskAssessment';
import { recordScreeningDecision } from './recordScreeningDecision';
import { requestInformation } from './requestInformation';
import { restrictCase } from './restrictCase';
import { runOverdueScan } from './runOverdueScan';
import { applySharePointEdit } from './applySharePointEdit';
import { saveReferralDraft } from './saveReferralDraft';
import { setLegalHold } from './setLegalHold';
import { proposeDisposal } from './proposeDisposal';
import { approveDisposal } from './approveDisposal';
import { submitDraft } from './submitDraft';
import { submitReferral } from './submitReferral';
import { updateCasePlan } from './updateCasePlan';
import { proposeClosure } from './proposeClosure';
import { updateReferralDraft } from './updateReferralDraft';
import { withdrawReferral } from './withdrawReferral';
import { approveMinutes } from './approveMinutes';
import { buildAgenda } from './buildAgenda';
import { editAgenda } from './editAgenda';
import { editMinutes } from './editMinutes';
import { endMeeting } from './endMeeting';
import { issueMinutes } from './issueMinutes';
import { importLog } from './importLog';
import { moveToItem } from './moveToItem';
import { publishAgenda } from './publishAgenda';
import { recordAttendance } from './recordAttendance';
import { joinMeeting } from './joinMeeting';
import { recordDecision } from './recordDecision';
import { scheduleMeeting } from './scheduleMeeting';
import { startMeeting } from './startMeeting';
import { breakGlass } from './breakGlass';
import { confirmAccessReview } from './confirmAccessReview';
import { recordSharingDecision } from './recordSharingDecision';

/** Every command, by name: the one list hosts (API, bot, scheduler) and the OpenAPI document draw on. */
export const commands = {
  submitReferral,
  recordInvolvement,
  requestInformation,
  provideInformation,
  placeReferralOnAgenda,
  withdrawReferral,
  recordScreeningDecision,
  addChronologyEntry,
  createAction,
  createLearningReview,
  addRecommendation,
  createReviewAction,
  addPlanObjective,
  createPlanAction,
  setActionRag,
  addActionProgress,
  completeAction,
  changeActionDueDate,
  closeCase,
  escalateCase,
  deescalateCase,
  saveReferralDraft,
  updateReferralDraft,
  submitDraft,
  recordRiskAssessment,
  updateCasePlan,
  proposeClosure,
  runOverdueScan,
  applySharePointEdit,
  restrictCase,
  setLegalHold,
  proposeDisposal,
  approveDisposal,
  addMember,
  changeMember,
  addAgency,
  changeAgency,
  approveMinutes,
  buildAgenda,
  editAgenda,
  editMinutes,
  endMeeting,
  issueMinutes,
  importLog,
  moveToItem,
  publishAgenda,
  recordAttendance,
  joinMeeting,
  recordDecision,
  scheduleMeeting,
  startMeeting,
  breakGlass,
  confirmAccessReview,
  recordSharingDecision,
};
export type CommandName = keyof typeof commands;

export { execute, defineCommand, type Command } from '../kernel/command';
export { makeContext, type Context } from '../kernel/context';
