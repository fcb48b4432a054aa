// The indicators' own closed vocabularies, in a file that imports nothing, so the API contract (and so the tab) can
// use them without bundling the calculations, luxon or the bank-holiday rules.

export const PERIOD_KINDS = ['month', 'quarter', 'year', 'custom'] as const;
export type PeriodKind = (typeof PERIOD_KINDS)[number];

export const CASE_AGE_BANDS = ['under_3_months', '3_to_6_months', '6_to_12_months', 'over_12_months'] as const;
export type CaseAgeBand = (typeof CASE_AGE_BANDS)[number];

export const ESCALATION_ROUTES = ['s42', 'marac', 'mappa', 'learning_review'] as const;
export type EscalationRoute = (typeof ESCALATION_ROUTES)[number];

/** The indicator families, in the order the board reads them: one workbook sheet and one section of the page each. */
export const INDICATOR_FAMILY_NAMES = [
  'referrals', 'screening', 'repeats', 'openCases', 'actions', 'meetings', 'minutes', 'voice', 'capacity', 'closures', 'escalations',
] as const;
export type IndicatorFamilyName = (typeof INDICATOR_FAMILY_NAMES)[number];
