import { CLOSURE_REASONS, RAG_RATINGS, RISK_DOMAINS, RISK_LEVELS } from '../../src/domain/enums';

/*
 * What the access matrix covers, by operationId, card verb and card kind. The completeness tests compare these with
 * the route table and the card schemas, so a route, verb or card added without a place here fails the suite.
 */

/** GET routes that open one case: the input field the path fills. */
export const CASE_READ_ROUTES: Record<string, { by: 'id' | 'ref'; path: (c: { id: string; ref: string }) => string }> = {
  getCase: { by: 'id', path: (c) => `/api/cases/${encodeURIComponent(c.id)}` },
  getCaseByRef: { by: 'ref', path: (c) => `/api/cases/by-ref/${encodeURIComponent(c.ref)}` },
  getCaseAudit: { by: 'id', path: (c) => `/api/cases/${encodeURIComponent(c.id)}/audit` },
  listSharingDecisions: { by: 'id', path: (c) => `/api/cases/${encodeURIComponent(c.id)}/sharing-decisions` },
};

/** GET routes listing cases or naming them (rule 1 lists, rule 5 agenda): no case the persona may not see. */
export const LIST_ROUTES: Record<string, string[]> = {
  listRegister: ['/api/cases'],
  listScreeningQueue: ['/api/screening-queue'],
  getHome: ['/api/home'],
  listActions: ['/api/actions', '/api/actions?scope=mine', '/api/actions?scope=agency', '/api/actions?scope=overdue'],
  listMeetings: ['/api/meetings'],
};

const text = 'Invented security-test text.';

/** GET routes on one panel meeting: the personal view and the shared stage (rule 5 for the agenda, rule 2 for the stage). */
export const MEETING_READ_ROUTES: Record<string, (meetingId: string) => string> = {
  getMeeting: (id) => `/api/meetings/${encodeURIComponent(id)}`,
  getMeetingStage: (id) => `/api/meetings/${encodeURIComponent(id)}/stage`,
  downloadMinutes: (id) => `/api/meetings/${encodeURIComponent(id)}/minutes.docx`,
};

/** Write routes on one meeting, with a body valid enough to reach the meeting: only its coordinators and its chair (or
 * named deputy) may use them. */
export const MEETING_WRITE_ROUTES: Record<string, { method: 'POST' | 'PUT'; tail: string; body: (version: number) => Record<string, unknown> }> = {
  buildAgenda: { method: 'POST', tail: 'agenda', body: (v) => ({ expectedVersion: v }) },
  editAgenda: { method: 'POST', tail: 'agenda/edits', body: (v) => ({ expectedVersion: v, edit: { op: 'retime', order: 1, minutesAllotted: 20 } }) },
  publishAgenda: { method: 'POST', tail: 'publication', body: (v) => ({ expectedVersion: v }) },
  startMeeting: { method: 'POST', tail: 'start', body: (v) => ({ expectedVersion: v }) },
  moveToItem: { method: 'POST', tail: 'current-item', body: (v) => ({ expectedVersion: v, agendaItemId: 'item-in-no-meeting' }) },
  recordDecision: {
    method: 'POST', tail: 'decisions', body: (v) => ({
      expectedVersion: v, agendaItemId: 'item-in-no-meeting', outcome: 'defer', rationale: text, alternativesConsidered: text, dissent: 'None',
      infoSharing: { what: text, withWhom: text, why: text, basis: text },
    }),
  },
  recordAttendance: { method: 'POST', tail: 'attendance', body: (v) => ({ expectedVersion: v, memberId: 'mem-police', status: 'present', confidentialityAgreed: true }) },
  endMeeting: { method: 'POST', tail: 'end', body: (v) => ({ expectedVersion: v }) },
  editMinutes: { method: 'PUT', tail: 'minutes', body: (v) => ({ expectedVersion: v, generalNotes: text }) },
  approveMinutes: { method: 'POST', tail: 'minutes/approval', body: (v) => ({ expectedVersion: v }) },
  issueMinutes: { method: 'POST', tail: 'minutes/issue', body: (v) => ({ expectedVersion: v }) },
};

/** Meeting writes every member may make about themselves: opening the side panel records their own arrival. */
export const MEETING_ARRIVAL_ROUTES: Record<string, { method: 'POST'; tail: string }> = {
  joinMeeting: { method: 'POST', tail: 'arrival' },
};

/**
 * Governance routes (members and agencies, the access review, the audit trail): judged by their own matrix
 * (accessMatrix.governance.test.ts): whom the policy named here allows gets an answer; everyone else a 403 problem, and
 * a refused write changes nothing. `path` and `body` are built for the persona calling.
 */
export const GOVERNANCE_ROUTES: Record<string, {
  method: 'GET' | 'POST' | 'PATCH';
  path: (p: { id: string; agencyId: string; caseId: string }) => string;
  body?: (p: { id: string; agencyId: string; key: string }) => Record<string, unknown>;
  allowed: 'manageMembers' | 'readAuditTrail' | 'readAccessReview' | 'confirmAccessReview';
}> = {
  // Coordinators only, refused before the case is read (so a hidden and a missing case answer alike: 403).
  restrictCase: {
    method: 'POST', path: (p) => `/api/cases/${encodeURIComponent(p.caseId)}/restriction`, allowed: 'manageMembers',
    body: () => ({ restricted: true, reason: 'Invented: matrix test.' }),
  },
  getAdminDirectory: { method: 'GET', path: () => '/api/admin/directory', allowed: 'manageMembers' },
  addMember: {
    method: 'POST', path: () => '/api/admin/members', allowed: 'manageMembers',
    body: (p) => ({ name: 'Invented Newcomer', email: `invented.${p.key}@riskpanel.example`, aadObjectId: '11111111-2222-4333-8444-555555555555', agencyId: p.agencyId, roles: ['partner'] }),
  },
  changeMember: { method: 'PATCH', path: (p) => `/api/admin/members/${encodeURIComponent(p.id)}`, allowed: 'manageMembers', body: () => ({ name: 'Invented Renamed Person' }) },
  addAgency: { method: 'POST', path: () => '/api/admin/agencies', allowed: 'manageMembers', body: (p) => ({ name: 'Invented Trust', shortName: `Inv ${p.key.slice(0, 20)}`, kind: 'voluntary' }) },
  changeAgency: { method: 'PATCH', path: (p) => `/api/admin/agencies/${encodeURIComponent(p.agencyId)}`, allowed: 'manageMembers', body: () => ({ core: true }) },
  getAccessReview: { method: 'GET', path: (p) => `/api/admin/access-review?agencyId=${encodeURIComponent(p.agencyId)}`, allowed: 'readAccessReview' },
  confirmAccessReview: { method: 'POST', path: () => '/api/admin/access-review/confirmations', allowed: 'confirmAccessReview', body: (p) => ({ agencyId: p.agencyId }) },
  searchAudit: { method: 'GET', path: () => '/api/audit?from=2026-06-01', allowed: 'readAuditTrail' },
  exportAudit: { method: 'POST', path: () => '/api/audit/exports', allowed: 'readAuditTrail', body: () => ({ from: '2026-06-14', reason: 'Invented: matrix test' }) },
  listDisposals: { method: 'GET', path: () => '/api/disposals', allowed: 'manageMembers' },
};

/** GET routes about the partnership, not about adults: they must name no case at all. */
export const DIRECTORY_ROUTES: Record<string, string> = {
  getIndicators: '/api/reports?period=2026',
  getMe: '/api/me',
  listAgencies: '/api/agencies',
  listMembers: '/api/members',
  listPersonas: '/api/personas',
  listDataQualityIssues: '/api/data-quality',
  listLearningReviews: '/api/learning-reviews',
  getBoardPlan: '/api/board-plan',
};

/** Write routes on one case: a body valid enough to reach the record (so the answer is about the record, not the body). */
export const CASE_WRITE_BODIES: Record<string, (version: number) => Record<string, unknown>> = {
  recordInvolvement: (v) => ({ known: true, note: text, expectedVersion: v }),
  requestInformation: (v) => ({ question: text, expectedVersion: v }),
  provideInformation: (v) => ({ answer: text, expectedVersion: v }),
  placeReferralOnAgenda: (v) => ({ expectedVersion: v }),
  withdrawReferral: (v) => ({ reason: text, expectedVersion: v }),
  recordScreeningDecision: (v) => ({ outcome: 'decline', rationale: text, expectedVersion: v }),
  addChronologyEntry: () => ({ occurredAt: '2026-06-01T10:00:00.000Z', type: 'contact', summary: text, significance: 'low' }),
  createAction: () => ({ description: text, successMeasure: text, ownerId: 'mem-police', dueDate: '2026-09-01' }),
  closeCase: (v) => ({ reason: CLOSURE_REASONS[0], rationale: text, expectedVersion: v }),
  proposeClosure: (v) => ({ rationale: text, expectedVersion: v }),
  updateReferralDraft: (v) => ({ reasons: text, expectedVersion: v }),
  submitDraft: (v) => ({ expectedVersion: v }),
  recordRiskAssessment: (v) => ({
    domains: [{ domain: RISK_DOMAINS[0], rating: RAG_RATINGS[0], evidence: text }],
    protectiveFactors: text, overallLevel: RISK_LEVELS[1], adultView: text, expectedVersion: v,
  }),
  updateCasePlan: (v) => ({ contingencyPlan: text, expectedVersion: v }),
  exportSubjectAccess: () => ({ reason: text, format: 'json' }),
  recordSharingDecision: () => ({ what: text, withWhom: text, why: text, basis: text }),
};

/** Write routes on one action. */
export const ACTION_WRITE_BODIES: Record<string, (version: number) => Record<string, unknown>> = {
  addActionProgress: (v) => ({ note: text, expectedVersion: v }),
  completeAction: (v) => ({ expectedVersion: v }),
  changeActionDueDate: (v) => ({ dueDate: '2026-12-01', reason: text, expectedVersion: v }),
  setActionRag: (v) => ({ rating: 'amber', reason: text, expectedVersion: v }),
};

/**
 * Learning reviews and the board plan (no adult's data; every member reads them, coordinators keep them): judged by
 * tests/security/accessMatrix.boardWork.test.ts, persona by persona, on a review and an objective the test creates.
 */
export const BOARD_WORK_ROUTES: Record<string, {
  method: 'GET' | 'POST';
  path: (ids: { reviewId: string; objectiveId: string }) => string;
  body?: Record<string, unknown>;
}> = {
  createLearningReview: { method: 'POST', path: () => '/api/learning-reviews', body: { title: text, kind: 'sar', startedOn: '2026-05-01' } },
  getLearningReview: { method: 'GET', path: (ids) => `/api/learning-reviews/${encodeURIComponent(ids.reviewId)}` },
  addRecommendation: { method: 'POST', path: (ids) => `/api/learning-reviews/${encodeURIComponent(ids.reviewId)}/recommendations`, body: { text } },
  createReviewAction: {
    method: 'POST', path: (ids) => `/api/learning-reviews/${encodeURIComponent(ids.reviewId)}/actions`,
    body: { recommendationNumber: 1, description: text, successMeasure: text, ownerId: 'police', dueDate: '2026-09-01' },
  },
  addPlanObjective: { method: 'POST', path: () => '/api/board-plan/objectives', body: { priorityCode: 'SAB9', priorityTitle: text, objective: text, successMeasure: text } },
  createPlanAction: {
    method: 'POST', path: (ids) => `/api/board-plan/objectives/${encodeURIComponent(ids.objectiveId)}/actions`,
    body: { description: text, successMeasure: text, ownerId: 'police', dueDate: '2026-09-01' },
  },
};

/** Writes that name no existing record (they create one, or scan): covered by the fuzz suite only. */
export const CREATE_ROUTES = ['submitReferral', 'saveReferralDraft', 'runOverdueScan', 'scheduleMeeting', 'exportIndicators', 'previewImport', 'importLog', 'breakGlass', 'proposeDisposal', 'approveDisposal'];

/** Card verbs: what each does, so the matrix knows which record it must be refused on. */
export const VERB_KINDS: Record<string, 'read' | 'caseWrite' | 'actionWrite'> = {
  refresh: 'read',
  knownToAgency: 'caseWrite',
  notKnown: 'caseWrite',
  completeAction: 'actionWrite',
  addActionUpdate: 'actionWrite',
  changeDueDate: 'actionWrite',
};

/** Card kinds: which record the card is rebuilt from and the conversation it lives in. */
export const CARD_KIND_SUBJECT: Record<string, { subject: 'case' | 'action' | 'digest'; conversation: 'channel' | 'personal' }> = {
  newReferral: { subject: 'case', conversation: 'channel' },
  overdueDigest: { subject: 'digest', conversation: 'channel' },
  reminder: { subject: 'action', conversation: 'personal' },
  escalation: { subject: 'action', conversation: 'personal' },
};
