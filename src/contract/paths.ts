/**
 * Every API path, built in one place: the tab calls these instead of writing URLs, so a renamed route is one edit
 * here (and the server's route table is checked against this list by tests/contract-api).
 */

const seg = (value: string) => encodeURIComponent(value);
const withQuery = (path: string, query?: QueryValues | URLSearchParams): string => {
  if (!query) return path;
  // Duck-typed rather than instanceof: a test DOM may bring its own URLSearchParams.
  const given = typeof (query as URLSearchParams).getAll === 'function' ? (query as URLSearchParams) : undefined;
  const params = new URLSearchParams(given);
  if (!given) for (const [key, value] of Object.entries(query as QueryValues)) {
    if (value === undefined || value === '') continue;
    if (Array.isArray(value)) for (const v of value) params.append(key, v);
    else params.set(key, String(value));
  }
  const qs = params.toString();
  return qs ? `${path}?${qs}` : path;
};
const casePath = (id: string, tail?: string) => `/api/cases/${seg(id)}${tail ? `/${tail}` : ''}`;
const actionPath = (id: string, tail: string) => `/api/actions/${seg(id)}/${tail}`;
const meetingPath = (id: string, tail?: string) => `/api/meetings/${seg(id)}${tail ? `/${tail}` : ''}`;

export type QueryValues = Record<string, string | number | boolean | undefined | readonly string[]>;

export const paths = {
  me: () => '/api/me',
  personas: () => '/api/personas',
  agencies: () => '/api/agencies',
  members: () => '/api/members',
  home: () => '/api/home',
  meetings: () => '/api/meetings',
  /** One meeting: GET the caller's view. Below: the stage view, the live stream and the meeting's commands. */
  meeting: (id: string) => meetingPath(id),
  meetingStage: (id: string) => meetingPath(id, 'stage'),
  /** Server-Sent Events; view 'panel' (the caller's view, default) or 'stage'. */
  meetingEvents: (id: string, view?: 'panel' | 'stage') => withQuery(meetingPath(id, 'events'), { view }),
  meetingAgenda: (id: string) => meetingPath(id, 'agenda'),
  meetingAgendaEdits: (id: string) => meetingPath(id, 'agenda/edits'),
  meetingPublication: (id: string) => meetingPath(id, 'publication'),
  meetingStart: (id: string) => meetingPath(id, 'start'),
  meetingCurrentItem: (id: string) => meetingPath(id, 'current-item'),
  meetingDecisions: (id: string) => meetingPath(id, 'decisions'),
  meetingAttendance: (id: string) => meetingPath(id, 'attendance'),
  meetingArrival: (id: string) => meetingPath(id, 'arrival'),
  meetingEnd: (id: string) => meetingPath(id, 'end'),
  /** PUT: edit the draft minutes. */
  meetingMinutes: (id: string) => meetingPath(id, 'minutes'),
  meetingMinutesApproval: (id: string) => meetingPath(id, 'minutes/approval'),
  meetingMinutesIssue: (id: string) => meetingPath(id, 'minutes/issue'),
  /** GET: the minutes as a Word document. */
  meetingMinutesDocument: (id: string) => meetingPath(id, 'minutes.docx'),
  screeningQueue: () => '/api/screening-queue',
  dataQuality: () => '/api/data-quality',
  disposals: () => '/api/disposals',
  disposalApprovals: () => '/api/disposals/approvals',
  overdueScan: () => '/api/scans/overdue',
  /** The register: filters, sort and page as query-string values. */
  register: (query?: QueryValues | URLSearchParams) => withQuery('/api/cases', query),
  referrals: () => '/api/referrals',
  referralDrafts: () => '/api/referrals/drafts',
  case: (id: string) => casePath(id),
  caseByRef: (ref: string) => `/api/cases/by-ref/${seg(ref)}`,
  caseAudit: (id: string) => casePath(id, 'audit'),
  caseInvolvement: (id: string) => casePath(id, 'involvement'),
  caseInformationRequests: (id: string) => casePath(id, 'information-requests'),
  caseInformation: (id: string) => casePath(id, 'information'),
  caseListing: (id: string) => casePath(id, 'listing'),
  caseWithdrawal: (id: string) => casePath(id, 'withdrawal'),
  caseScreening: (id: string) => casePath(id, 'screening'),
  caseChronology: (id: string) => casePath(id, 'chronology'),
  caseActions: (id: string) => casePath(id, 'actions'),
  caseClosure: (id: string) => casePath(id, 'closure'),
  caseClosureProposal: (id: string) => casePath(id, 'closure-proposal'),
  caseDraft: (id: string) => casePath(id, 'draft'),
  caseSubmission: (id: string) => casePath(id, 'submission'),
  caseRiskAssessments: (id: string) => casePath(id, 'risk-assessments'),
  casePlan: (id: string) => casePath(id, 'plan'),
  /** Action lists: scope mine (default), agency (optionally agencyId) or overdue. */
  actions: (query?: QueryValues | URLSearchParams) => withQuery('/api/actions', query),
  actionProgress: (id: string) => actionPath(id, 'progress'),
  actionCompletion: (id: string) => actionPath(id, 'completion'),
  actionDueDate: (id: string) => actionPath(id, 'due-date'),
  /** The board's indicators: period (2026-03, 2026-Q1, 2026, or from..to) and optionally agencyId. */
  reports: (query?: QueryValues | URLSearchParams) => withQuery('/api/reports', query),
  reportExports: () => '/api/reports/exports',
  importPreview: () => '/api/imports/preview',
  imports: () => '/api/imports',
  learningReviews: () => '/api/learning-reviews',
  learningReview: (id: string) => `/api/learning-reviews/${seg(id)}`,
  learningReviewRecommendations: (id: string) => `/api/learning-reviews/${seg(id)}/recommendations`,
  learningReviewActions: (id: string) => `/api/learning-reviews/${seg(id)}/actions`,
  /** The board's business plan: planYear (2026-27) optional. */
  boardPlan: (query?: QueryValues) => withQuery('/api/board-plan', query),
  planObjectives: () => '/api/board-plan/objectives',
  planObjectiveActions: (id: string) => `/api/board-plan/objectives/${seg(id)}/actions`,
  actionRag: (id: string) => actionPath(id, 'rag'),
  /** Governance: members and agencies, the access review, the audit trail, break-glass, restriction, sharing. */
  adminDirectory: () => '/api/admin/directory',
  adminMembers: () => '/api/admin/members',
  adminMember: (id: string) => `/api/admin/members/${seg(id)}`,
  adminAgencies: () => '/api/admin/agencies',
  adminAgency: (id: string) => `/api/admin/agencies/${seg(id)}`,
  accessReview: (query?: QueryValues) => withQuery('/api/admin/access-review', query),
  accessReviewConfirmations: () => '/api/admin/access-review/confirmations',
  /** Audit search: ref, memberId, agencyId, action, from, to. */
  auditSearch: (query?: QueryValues | URLSearchParams) => withQuery('/api/audit', query),
  auditExports: () => '/api/audit/exports',
  breakGlass: () => '/api/break-glass',
  caseRestriction: (id: string) => casePath(id, 'restriction'),
  caseSharingDecisions: (id: string) => casePath(id, 'sharing-decisions'),
  /** Subject access: POST { reason, format: docx | json }; answers the file. */
  caseSubjectAccess: (id: string) => casePath(id, 'subject-access'),
} as const;
