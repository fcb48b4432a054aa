import type { ActionStatus, AgendaItemKind, CaseStatus, DecisionOutcome, MeetingStatus, RiskCategory, RiskLevel } from '../src/domain/enums';

// Words people use for the vocabularies the bot shows. Complete records, so a new enum value fails the build until it
// has a label. (The tab keeps its own copy in tabs/src/labels.ts: the bot must not import browser code.)

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

export const ACTION_STATUS_LABELS: Record<ActionStatus, string> = {
  not_started: 'Not started',
  in_progress: 'In progress',
  completed: 'Completed',
  not_done_circumstance: 'Not done: circumstances changed',
  not_done_agency: 'Not done by the agency',
  cancelled: 'Cancelled',
};

export const DECISION_OUTCOME_LABELS: Record<DecisionOutcome, string> = {
  accept: 'Accepted for the panel',
  decline: 'Declined',
  defer: 'Deferred',
  continue: 'Continue under the panel',
  close: 'Closed',
  escalate_s42: 'Escalated to a section 42 enquiry',
  refer_marac: 'Referred to MARAC',
  refer_mappa: 'Referred to MAPPA',
  refer_learning_review: 'Referred for a learning review',
};

/** A label for a value that may come from outside the vocabulary (an older record): the label, else the value as it is. */
export const labelOf = <K extends string>(labels: Record<K, string>, value: string): string =>
  Object.prototype.hasOwnProperty.call(labels, value) ? labels[value as K] : value;

export const AGENDA_ITEM_LABELS: Record<AgendaItemKind, string> = {
  new_referral: 'New referral',
  review: 'Review',
  overdue_actions: 'Overdue actions',
  escalation: 'Escalation',
  closure_proposal: 'Closure proposal',
  any_other_business: 'Any other business',
};

export const MEETING_STATUS_LABELS: Record<MeetingStatus, string> = {
  planned: 'Planned',
  agenda_published: 'Agenda published',
  in_progress: 'In progress',
  held: 'Held',
  minutes_issued: 'Minutes issued',
};
