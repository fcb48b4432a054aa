import type {
  ActionStatus, AgendaItemKind, CapacityState, CaseStatus, ChronologyType, ClosureReason, ConsentState, DecisionOutcome, MeetingStatus,
  OtherProcess, RagRating, RiskCategory, RiskDomain, RiskLevel, Role, Significance,
} from './enums';

// Words people use for the domain's vocabularies, shared by the tab and the bot's cards. Typed as complete records, so a new enum value fails the build
// until it has a label.

export const STATUS_LABELS: Record<CaseStatus, string> = {
  draft: 'Draft',
  submitted: 'Submitted',
  info_requested: 'Information requested',
  listed: 'Listed for panel',
  deferred: 'Deferred',
  declined: 'Declined',
  withdrawn: 'Withdrawn',
  open: 'Open',
  escalated: 'Escalated',
  closed: 'Closed',
};

export const RISK_LEVEL_LABELS: Record<RiskLevel, string> = { low: 'Low', medium: 'Medium', high: 'High', very_high: 'Very high' };

export const RISK_CATEGORY_LABELS: Record<RiskCategory, string> = {
  self_neglect: 'Self-neglect',
  hoarding: 'Hoarding',
  fire_risk: 'Fire risk',
  refusal_of_care: 'Refusal of care',
  unmet_needs_between_agencies: 'Needs between agencies',
  domestic_abuse: 'Domestic abuse',
  mental_health: 'Mental health',
  substance_misuse: 'Substance misuse',
  exploitation: 'Exploitation',
  cuckooing: 'Cuckooing',
  harm_to_others: 'Harm to others',
  risk_after_s42: 'Risk remaining after s42',
};

export const CAPACITY_LABELS: Record<CapacityState, string> = {
  presumed: 'Capacity presumed',
  assessed_has_capacity: 'Assessed: has capacity',
  lacks_capacity_best_interests: 'Lacks capacity: best interests',
};

export const CONSENT_LABELS: Record<ConsentState, string> = {
  given: 'Consent given',
  refused: 'Consent refused',
  not_sought_unsafe: 'Not sought: unsafe to ask',
  lacks_capacity: 'Lacks capacity to consent',
};

export const CHRONOLOGY_TYPE_LABELS: Record<ChronologyType, string> = {
  incident: 'Incident',
  contact: 'Contact',
  police_call_out: 'Police call-out',
  fire_visit: 'Fire service visit',
  hospital_admission: 'Hospital admission',
  safeguarding_concern: 'Safeguarding concern',
  missed_appointment: 'Missed appointment',
  capacity_assessment: 'Capacity assessment',
  panel_decision: 'Panel decision',
  agency_information: 'Agency information',
};

export const SIGNIFICANCE_LABELS: Record<Significance, string> = { low: 'Low significance', medium: 'Medium significance', high: 'High significance' };

export const ACTION_STATUS_LABELS: Record<ActionStatus, string> = {
  not_started: 'Not started',
  in_progress: 'In progress',
  completed: 'Completed',
  not_done_circumstance: 'Not done: circumstances changed',
  not_done_agency: 'Not done by the agency',
  cancelled: 'Cancelled',
};

export const ROLE_LABELS: Record<Role, string> = { coordinator: 'Coordinator', chair: 'Chair', partner: 'Partner', viewer: 'Viewer', auditor: 'Auditor' };

export const OTHER_PROCESS_LABELS: Record<OtherProcess, string> = {
  s42: 'Section 42 safeguarding enquiry',
  marac: 'MARAC (domestic abuse)',
  mappa: 'MAPPA (offender management)',
  cpa: 'Care Programme Approach (mental health)',
  channel: 'Channel (radicalisation)',
  childrens_safeguarding: "Children's safeguarding",
};

/** The Hampshire framework's domains (docs/domain.md, "The process", 4. Planning), in its order. */
export const RISK_DOMAIN_LABELS: Record<RiskDomain, string> = {
  home_environment: 'Home and environment',
  daily_living: 'Daily living',
  functional_cognitive: 'Functional and cognitive abilities',
  medical_conditions: 'Medical conditions',
  mental_health_substance_misuse: 'Mental health and substance misuse',
  factors_hindering_decisions: 'Factors hindering decisions',
  services_offered: 'Services offered and in place',
  engagement_with_care_plans: 'Engagement with care plans',
  family_social_networks: 'Family and social networks',
  environmental_health: 'Environmental health',
  neighbourhood_voluntary_visiting: 'Neighbourhood and voluntary visiting',
  money_management: 'Money management',
  impact_on_individual: 'Impact on the individual',
  public_safety: 'Public safety and risk to others',
};

export const RAG_LABELS: Record<RagRating, string> = { red: 'Red (high)', amber: 'Amber (medium)', green: 'Green (low)' };

export const DECISION_OUTCOME_LABELS: Record<DecisionOutcome, string> = {
  accept: 'Accepted for the panel',
  decline: 'Declined',
  defer: 'Deferred for more information',
  continue: 'Continue under the panel',
  close: 'Closed',
  escalate_s42: 'Escalated to a section 42 enquiry',
  refer_marac: 'Referred to MARAC',
  refer_mappa: 'Referred to MAPPA',
  refer_learning_review: 'Referred for a learning review',
};

export const MEETING_STATUS_LABELS: Record<MeetingStatus, string> = {
  planned: 'Planned',
  agenda_published: 'Agenda published',
  in_progress: 'In progress',
  held: 'Held',
  minutes_issued: 'Minutes issued',
};

export const AGENDA_KIND_LABELS: Record<AgendaItemKind, string> = {
  new_referral: 'New referral',
  review: 'Review',
  overdue_actions: 'Overdue actions',
  escalation: 'Escalation',
  closure_proposal: 'Closure proposal',
  any_other_business: 'Any other business',
};

export const CLOSURE_REASON_LABELS: Record<ClosureReason, string> = {
  risk_reduced: 'Risk reduced',
  managed_by_single_agency: 'Managed by a single agency',
  moved_to_s42: 'Moved to a section 42 enquiry',
  moved_to_marac: 'Moved to MARAC',
  moved_to_mappa: 'Moved to MAPPA',
  moved_area: 'Moved out of the area',
  died: 'Died',
};

/** The label of a value that arrived from outside (a hand-edited item may hold anything): unknown values show as they are. */
export const labelOf = <K extends string>(labels: Record<K, string>, value: string): string =>
  Object.prototype.hasOwnProperty.call(labels, value) ? labels[value as K] : value;
