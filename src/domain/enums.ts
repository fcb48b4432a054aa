// The domain's closed vocabularies (docs/domain.md). Each list is the single source for
// validation, SharePoint choice columns and the tab's pick lists.
export const AGENCY_KINDS = ['council', 'health', 'police', 'fire', 'probation', 'voluntary'] as const;
export type AgencyKind = (typeof AGENCY_KINDS)[number];

/** `auditor`: reads the audit trail and the access review, and nothing else (no case content, no lists). */
export const ROLES = ['coordinator', 'chair', 'partner', 'viewer', 'auditor'] as const;
export type Role = (typeof ROLES)[number];

/** One record moves from referral to case, so one status covers both lifecycles. */
export const CASE_STATUSES = [
  'draft', 'submitted', 'info_requested', 'listed', 'deferred', 'declined', 'withdrawn',
  'open', 'escalated', 'closed',
] as const;
export type CaseStatus = (typeof CASE_STATUSES)[number];
/** Statuses in which the record is still a referral awaiting screening. */
export const REFERRAL_STATUSES: readonly CaseStatus[] = ['draft', 'submitted', 'info_requested', 'listed', 'deferred'];
/** Statuses in which the record is an accepted, live case. */
export const LIVE_CASE_STATUSES: readonly CaseStatus[] = ['open', 'escalated'];

export const RISK_CATEGORIES = [
  'self_neglect', 'hoarding', 'fire_risk', 'refusal_of_care', 'unmet_needs_between_agencies',
  'domestic_abuse', 'mental_health', 'substance_misuse', 'exploitation', 'cuckooing',
  'harm_to_others', 'risk_after_s42',
] as const;
export type RiskCategory = (typeof RISK_CATEGORIES)[number];

export const RISK_LEVELS = ['low', 'medium', 'high', 'very_high'] as const;
export type RiskLevel = (typeof RISK_LEVELS)[number];

export const CAPACITY_STATES = ['presumed', 'assessed_has_capacity', 'lacks_capacity_best_interests'] as const;
export type CapacityState = (typeof CAPACITY_STATES)[number];

export const CONSENT_STATES = ['given', 'refused', 'not_sought_unsafe', 'lacks_capacity'] as const;
export type ConsentState = (typeof CONSENT_STATES)[number];

export const OTHER_PROCESSES = ['s42', 'marac', 'mappa', 'cpa', 'channel', 'childrens_safeguarding'] as const;
export type OtherProcess = (typeof OTHER_PROCESSES)[number];

export const ACTION_STATUSES = [
  'not_started', 'in_progress', 'completed', 'not_done_circumstance', 'not_done_agency', 'cancelled',
] as const;
export type ActionStatus = (typeof ACTION_STATUSES)[number];
export const FINISHED_ACTION_STATUSES: readonly ActionStatus[] = ['completed', 'not_done_circumstance', 'not_done_agency', 'cancelled'];

export const ACTION_PARENT_KINDS = ['case', 'learning_review', 'board_plan'] as const;
export type ActionParentKind = (typeof ACTION_PARENT_KINDS)[number];

export const CHRONOLOGY_TYPES = [
  'incident', 'contact', 'police_call_out', 'fire_visit', 'hospital_admission', 'safeguarding_concern',
  'missed_appointment', 'capacity_assessment', 'panel_decision', 'agency_information',
] as const;
export type ChronologyType = (typeof CHRONOLOGY_TYPES)[number];

export const SIGNIFICANCE_LEVELS = ['low', 'medium', 'high'] as const;
export type Significance = (typeof SIGNIFICANCE_LEVELS)[number];

export const MEETING_STATUSES = ['planned', 'agenda_published', 'in_progress', 'held', 'minutes_issued'] as const;
export type MeetingStatus = (typeof MEETING_STATUSES)[number];

export const AGENDA_ITEM_KINDS = ['new_referral', 'review', 'overdue_actions', 'escalation', 'closure_proposal', 'any_other_business'] as const;
export type AgendaItemKind = (typeof AGENDA_ITEM_KINDS)[number];

export const DECISION_OUTCOMES = [
  'accept', 'decline', 'defer', 'continue', 'close', 'escalate_s42', 'refer_marac', 'refer_mappa', 'refer_learning_review',
] as const;
export type DecisionOutcome = (typeof DECISION_OUTCOMES)[number];
export const SCREENING_OUTCOMES = ['accept', 'decline', 'defer'] as const;
export type ScreeningOutcome = (typeof SCREENING_OUTCOMES)[number];

export const ATTENDANCE_STATUSES = ['present', 'apologies_info_sent', 'apologies_no_info', 'absent', 'observer'] as const;
export type AttendanceStatus = (typeof ATTENDANCE_STATUSES)[number];

export const AUDIT_ACTIONS = ['view', 'create', 'update', 'export', 'share', 'sign_in', 'denied'] as const;
export type AuditAction = (typeof AUDIT_ACTIONS)[number];

export const CLOSURE_REASONS = [
  'risk_reduced', 'managed_by_single_agency', 'moved_to_s42', 'moved_to_marac', 'moved_to_mappa', 'moved_area', 'died',
] as const;
export type ClosureReason = (typeof CLOSURE_REASONS)[number];

export const RISK_DOMAINS = [
  'home_environment', 'daily_living', 'functional_cognitive', 'medical_conditions', 'mental_health_substance_misuse',
  'factors_hindering_decisions', 'services_offered', 'engagement_with_care_plans', 'family_social_networks',
  'environmental_health', 'neighbourhood_voluntary_visiting', 'money_management', 'impact_on_individual', 'public_safety',
] as const;
export type RiskDomain = (typeof RISK_DOMAINS)[number];
export const RAG_RATINGS = ['red', 'amber', 'green'] as const;
export type RagRating = (typeof RAG_RATINGS)[number];
