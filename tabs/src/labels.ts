import type {
  ActionStatus, CapacityState, CaseStatus, ChronologyType, ConsentState, RiskCategory, RiskLevel, Role, Significance,
} from '../../src/domain/enums';

// Words people use for the domain's vocabularies. Typed as complete records, so a new enum value fails the build
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

export const ROLE_LABELS: Record<Role, string> = { coordinator: 'Coordinator', chair: 'Chair', partner: 'Partner', viewer: 'Viewer' };
