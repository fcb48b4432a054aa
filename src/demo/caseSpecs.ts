import type {
  CapacityState, CaseStatus, ClosureReason, ConsentState, DecisionOutcome, RiskCategory, RiskLevel,
} from '../domain/enums';

/** Which panel a record went through: an earlier one (not seeded), or the two held meetings in the demo. */
export type Panel = 'old' | 'm1' | 'm2';

/**
 * One synthetic referral or case. Persona keys (see personas.ts) name the referrer, the lead professional and the
 * agencies that said "known to us". The table is hand-made so every status and every shape the product must show
 * (police-led, health-led with police involved, restricted, a repeat referral, a fire partner not involved) is there.
 */
export interface CaseSpec {
  status: CaseStatus;
  referrer: string;
  lead?: string;
  categories: RiskCategory[];
  /** Current risk level (accepted cases). */
  risk?: RiskLevel;
  /** Risk level when accepted, if it has changed since. */
  riskAtAcceptance?: RiskLevel;
  accepted?: Panel;
  /** For declined and deferred referrals: the held meeting that screened them. */
  screened?: 'm1' | 'm2';
  known: string[];
  notKnown?: string[];
  restricted?: boolean;
  named?: string[];
  consent?: ConsentState;
  capacity?: CapacityState;
  childrenAtRisk?: boolean;
  otherAdultsAtRisk?: boolean;
  advocacyNeeded?: boolean;
  /** Next review: days from today, or the date of the next (planned) panel. */
  review?: number | 'next-panel';
  /** Reviewed at a held meeting, with this outcome (default continue). */
  reviewedAt?: 'm1' | 'm2';
  reviewOutcome?: DecisionOutcome;
  /** Escalated: days from today, or at the second meeting (by its decision). */
  escalated?: number | 'm2';
  closure?: { reason: ClosureReason; at: 'm1' | 'm2' };
  /** Accepted but the plan is not complete yet (no risk assessment, no contingency plan): the tab shows what is missing. */
  incomplete?: boolean;
  /** Index (in CASE_SPECS) of an earlier case about the same adult: a repeat referral. */
  repeatOf?: number;
}

export const CASE_SPECS: readonly CaseSpec[] = [
  // Open cases.
  { status: 'open', referrer: 'police', lead: 'police', categories: ['cuckooing', 'exploitation', 'substance_misuse'], risk: 'high', accepted: 'm1', known: ['police', 'socialworker', 'noah', 'resolutions'], notKnown: ['ccs'], review: 'next-panel' },
  { status: 'open', referrer: 'policelead', lead: 'policelead', categories: ['domestic_abuse', 'mental_health'], risk: 'very_high', accepted: 'm2', known: ['policelead', 'elft', 'steppingstones'], review: 'next-panel', consent: 'refused', childrenAtRisk: true },
  { status: 'open', referrer: 'elft', lead: 'elft', categories: ['mental_health', 'self_neglect'], risk: 'high', accepted: 'm1', known: ['elft', 'police', 'socialworker'], review: -3, advocacyNeeded: true },
  { status: 'open', referrer: 'elft', lead: 'elft', categories: ['mental_health', 'substance_misuse', 'harm_to_others'], risk: 'high', accepted: 'old', known: ['elft', 'police', 'probation', 'resolutions'], review: 35, reviewedAt: 'm1' },
  { status: 'open', referrer: 'fire', lead: 'fire', categories: ['hoarding', 'fire_risk', 'self_neglect'], risk: 'very_high', accepted: 'm2', known: ['fire', 'socialworker', 'ccs'], review: 'next-panel', otherAdultsAtRisk: true },
  { status: 'open', referrer: 'socialworker', lead: 'socialworker', categories: ['self_neglect', 'refusal_of_care'], risk: 'medium', accepted: 'old', known: ['socialworker', 'ccs', 'fire'], review: 35, reviewedAt: 'm2', capacity: 'lacks_capacity_best_interests', consent: 'lacks_capacity', advocacyNeeded: true },
  { status: 'open', referrer: 'ccs', lead: 'ccs', categories: ['refusal_of_care', 'unmet_needs_between_agencies'], risk: 'medium', accepted: 'm2', known: ['ccs', 'socialworker', 'elft'], review: 35 },
  { status: 'open', referrer: 'probation', lead: 'probation', categories: ['harm_to_others', 'substance_misuse'], risk: 'high', accepted: 'm1', known: ['probation', 'police', 'resolutions'], review: 'next-panel' },
  { status: 'open', referrer: 'noah', lead: 'noah', categories: ['self_neglect', 'substance_misuse', 'unmet_needs_between_agencies'], risk: 'medium', accepted: 'old', known: ['noah', 'resolutions', 'ccs'], review: -1, reviewedAt: 'm1' },
  { status: 'open', referrer: 'socialworker', lead: 'socialworker', categories: ['risk_after_s42', 'exploitation'], risk: 'high', accepted: 'm2', known: ['socialworker', 'police', 'noah'], review: 35, incomplete: true },
  { status: 'open', referrer: 'steppingstones', lead: 'steppingstones', categories: ['domestic_abuse', 'exploitation'], risk: 'very_high', accepted: 'm1', known: ['steppingstones', 'police'], restricted: true, named: ['police'], consent: 'not_sought_unsafe', review: 'next-panel' },
  // Escalated cases.
  { status: 'escalated', referrer: 'police', lead: 'police', categories: ['exploitation', 'cuckooing'], risk: 'very_high', riskAtAcceptance: 'high', accepted: 'old', known: ['police', 'socialworker', 'noah'], review: 'next-panel', reviewedAt: 'm2', escalated: -10 },
  { status: 'escalated', referrer: 'elft', lead: 'elft', categories: ['mental_health', 'fire_risk', 'self_neglect'], risk: 'very_high', riskAtAcceptance: 'high', accepted: 'm1', known: ['elft', 'police', 'fire'], review: 'next-panel', escalated: -5 },
  { status: 'escalated', referrer: 'socialworker', lead: 'socialworker', categories: ['hoarding', 'fire_risk'], risk: 'very_high', riskAtAcceptance: 'high', accepted: 'old', known: ['socialworker', 'fire', 'ccs'], review: 'next-panel', reviewedAt: 'm2', reviewOutcome: 'escalate_s42', escalated: 'm2', otherAdultsAtRisk: true },
  // Closed cases.
  { status: 'closed', referrer: 'socialworker', lead: 'socialworker', categories: ['self_neglect'], risk: 'low', riskAtAcceptance: 'high', accepted: 'old', known: ['socialworker', 'ccs'], closure: { reason: 'risk_reduced', at: 'm1' } },
  { status: 'closed', referrer: 'police', lead: 'police', categories: ['domestic_abuse'], risk: 'medium', riskAtAcceptance: 'high', accepted: 'old', known: ['police', 'steppingstones'], closure: { reason: 'moved_to_marac', at: 'm2' } },
  { status: 'closed', referrer: 'elft', lead: 'elft', categories: ['mental_health', 'refusal_of_care'], risk: 'medium', riskAtAcceptance: 'high', accepted: 'old', known: ['elft', 'socialworker'], closure: { reason: 'moved_area', at: 'm1' } },
  // Screened and not accepted.
  { status: 'declined', referrer: 'ccs', categories: ['unmet_needs_between_agencies'], screened: 'm1', known: ['ccs'] },
  { status: 'declined', referrer: 'noah', categories: ['substance_misuse'], screened: 'm2', known: ['noah', 'resolutions'] },
  { status: 'deferred', referrer: 'fire', categories: ['fire_risk', 'hoarding'], screened: 'm2', known: ['fire'] },
  { status: 'deferred', referrer: 'probation', categories: ['harm_to_others'], screened: 'm2', known: ['probation', 'police'] },
  { status: 'withdrawn', referrer: 'socialworker', categories: ['self_neglect', 'refusal_of_care'], known: [] },
  // Waiting for the next panel.
  { status: 'listed', referrer: 'police', categories: ['exploitation', 'cuckooing'], known: ['police', 'noah'] },
  { status: 'listed', referrer: 'elft', categories: ['mental_health', 'self_neglect'], known: ['elft', 'police'] },
  { status: 'listed', referrer: 'steppingstones', categories: ['domestic_abuse', 'mental_health'], known: ['steppingstones'], consent: 'refused' },
  { status: 'info_requested', referrer: 'ccs', categories: ['refusal_of_care'], known: [] },
  { status: 'info_requested', referrer: 'resolutions', categories: ['substance_misuse', 'self_neglect'], known: ['resolutions'] },
  { status: 'submitted', referrer: 'police', categories: ['harm_to_others', 'mental_health'], known: [] },
  { status: 'submitted', referrer: 'fire', categories: ['fire_risk', 'hoarding'], known: ['fire'], otherAdultsAtRisk: true },
  { status: 'submitted', referrer: 'noah', categories: ['self_neglect'], known: [], repeatOf: 14 },
  { status: 'draft', referrer: 'elft', categories: ['self_neglect'], known: [] },
];
