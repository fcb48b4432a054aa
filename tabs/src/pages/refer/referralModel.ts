import type { CapacityState, ConsentState, OtherProcess, RiskCategory } from '../../../../src/domain/enums';
import { consentProblems } from '../../../../src/domain/rules';
import type { CaseRecordView } from '../../../../src/contract';
import { type YesNo, yesNoOf } from '../../forms/FormParts';
import type { FieldErrors } from '../../forms/fieldErrors';
import { todayIso } from '../../format';
import { NHS_NUMBER_PATTERN, isNhsNumber, isPostcode, normalizePostcode } from '../../../../src/domain/formats';

/** The referral as the form holds it: text as typed, unanswered questions as ''. */
export interface ReferralForm {
  adult: { name: string; dateOfBirth: string; address: string; postcode: string; nhsNumber: string };
  managerSignOff: string;
  riskCategories: RiskCategory[];
  reasons: string;
  childrenAtRisk: YesNo;
  otherAdultsAtRisk: YesNo;
  othersAtRiskDetails: string;
  currentSupport: string;
  capacity: CapacityState | '';
  adultAware: YesNo;
  consent: ConsentState | '';
  noConsentReason: string;
  lawfulBasis: string;
  otherProcessesConsidered: OtherProcess[];
  adultViews: string;
  advocacyNeeded: YesNo;
  restricted: boolean;
}

export const emptyReferral = (): ReferralForm => ({
  adult: { name: '', dateOfBirth: '', address: '', postcode: '', nhsNumber: '' },
  managerSignOff: '',
  riskCategories: [],
  reasons: '',
  childrenAtRisk: '',
  otherAdultsAtRisk: '',
  othersAtRiskDetails: '',
  currentSupport: '',
  capacity: '',
  adultAware: '',
  consent: '',
  noConsentReason: '',
  lawfulBasis: '',
  otherProcessesConsidered: [],
  adultViews: '',
  advocacyNeeded: '',
  restricted: false,
});

/** The lawful basis most safeguarding referrals without consent rely on (docs/domain.md, "The process", 1. Referral). */
export const SAFEGUARDING_BASIS = 'UK GDPR Article 9(2)(g) with DPA 2018 Schedule 1 paragraph 18 (safeguarding of individuals at risk)';

/** Field names are the API's (dotted for the adult), so server errors land on the field they name. */
export const FIELD_LABELS = {
  'adult.name': "Adult's full name",
  'adult.dateOfBirth': 'Date of birth',
  'adult.address': 'Address',
  'adult.postcode': 'Postcode',
  'adult.nhsNumber': 'NHS number',
  managerSignOff: 'Manager who signed off the referral',
  riskCategories: 'Risk categories',
  reasons: 'Reasons for the referral',
  childrenAtRisk: 'Are children at risk?',
  otherAdultsAtRisk: 'Are other adults at risk?',
  othersAtRiskDetails: 'Who else is at risk, and how',
  currentSupport: 'Care and support in place now',
  capacity: 'Mental capacity',
  adultAware: 'Does the adult know about this referral?',
  consent: "The adult's consent to the referral",
  noConsentReason: 'Why the referral is made without consent',
  lawfulBasis: 'Lawful basis for sharing without consent',
  otherProcessesConsidered: 'Other processes considered',
  adultViews: "The adult's own views",
  advocacyNeeded: 'Does the adult need an advocate?',
  restricted: 'Restrict access',
} as const;
export type ReferralField = keyof typeof FIELD_LABELS;
export const REFERRAL_FIELDS = Object.keys(FIELD_LABELS) as ReferralField[];

export interface Step { key: string; title: string; fields: readonly ReferralField[] }

export const STEPS: readonly Step[] = [
  { key: 'adult', title: 'The adult', fields: ['adult.name', 'adult.dateOfBirth', 'adult.address', 'adult.postcode', 'adult.nhsNumber', 'managerSignOff'] },
  { key: 'risks', title: 'Reasons and risks', fields: ['riskCategories', 'reasons', 'childrenAtRisk', 'otherAdultsAtRisk', 'othersAtRiskDetails'] },
  { key: 'support', title: 'Care and support', fields: ['currentSupport'] },
  { key: 'consent', title: 'Capacity and consent', fields: ['capacity', 'adultAware', 'consent', 'noConsentReason', 'lawfulBasis'] },
  { key: 'views', title: "Other processes and the adult's views", fields: ['otherProcessesConsidered', 'adultViews', 'advocacyNeeded'] },
  { key: 'review', title: 'Review and submit', fields: ['restricted'] },
];

/** Which step holds a field (server errors may name a field the user is not looking at). */
export function stepOf(field: string): number {
  const index = STEPS.findIndex((s) => s.fields.some((f) => field === f || field.startsWith(`${f}.`)));
  return index < 0 ? STEPS.length - 1 : index;
}

const MAX: Partial<Record<ReferralField, number>> = {
  'adult.name': 200, 'adult.address': 500, managerSignOff: 200, lawfulBasis: 500,
};
const TEXT_MAX = 4000;

const isRealDate = (iso: string): boolean => /^\d{4}-\d{2}-\d{2}$/.test(iso) && !Number.isNaN(Date.parse(`${iso}T00:00:00Z`)) && new Date(`${iso}T00:00:00Z`).toISOString().startsWith(iso);

/**
 * What is wrong with the form, field by field, in the words shown next to each field. A draft needs only the
 * adult's name (and whatever is typed must still be well formed); a submission needs every answer, and the
 * consent rule: without consent, a reason and a lawful basis for sharing.
 */
export function validateReferral(form: ReferralForm, mode: 'submit' | 'draft'): FieldErrors {
  const errors: FieldErrors = {};
  const set = (field: ReferralField, message: string) => {
    errors[field] ??= message;
  };
  const required = mode === 'submit';

  if (!form.adult.name.trim()) set('adult.name', "Enter the adult's full name.");
  const dob = form.adult.dateOfBirth.trim();
  if (dob && !isRealDate(dob)) set('adult.dateOfBirth', 'Enter a real date of birth.');
  else if (dob && dob > todayIso()) set('adult.dateOfBirth', 'The date of birth cannot be in the future.');
  const postcode = form.adult.postcode.trim();
  if (postcode && !isPostcode(postcode)) set('adult.postcode', 'Enter a UK postcode, like LU1 2AB.');
  const nhs = form.adult.nhsNumber.trim();
  if (nhs && !NHS_NUMBER_PATTERN.test(nhs)) set('adult.nhsNumber', 'An NHS number is 10 digits, like 943 476 5919.');
  else if (nhs && !isNhsNumber(nhs)) set('adult.nhsNumber', 'Check the NHS number: its last digit does not match the others.');

  for (const [field, max] of Object.entries(MAX) as [ReferralField, number][]) {
    if (textOf(form, field).length > max) set(field, `Use at most ${max} characters.`);
  }
  for (const field of ['reasons', 'currentSupport', 'othersAtRiskDetails', 'noConsentReason', 'adultViews'] as const) {
    if (form[field].length > TEXT_MAX) set(field, `Use at most ${TEXT_MAX} characters.`);
  }

  if (required) {
    if (form.riskCategories.length === 0) set('riskCategories', 'Choose at least one risk category.');
    if (!form.reasons.trim()) set('reasons', 'Say why you are referring the adult.');
    if (!form.childrenAtRisk) set('childrenAtRisk', 'Say whether children are at risk.');
    if (!form.otherAdultsAtRisk) set('otherAdultsAtRisk', 'Say whether other adults are at risk.');
    if ((form.childrenAtRisk === 'yes' || form.otherAdultsAtRisk === 'yes') && !form.othersAtRiskDetails.trim()) {
      set('othersAtRiskDetails', 'Say who else is at risk, and how.');
    }
    if (!form.currentSupport.trim()) set('currentSupport', 'Describe the care and support in place now, or say there is none.');
    if (!form.capacity) set('capacity', "Choose what is known about the adult's mental capacity.");
    if (!form.adultAware) set('adultAware', 'Say whether the adult knows about this referral.');
    if (!form.consent) set('consent', "Choose whether the adult has consented.");
    if (!form.adultViews.trim()) set('adultViews', "Record the adult's own views, or why they could not be asked.");
    if (!form.advocacyNeeded) set('advocacyNeeded', 'Say whether the adult needs an advocate.');
  }
  // The consent rule, with the server's own words (src/domain/rules.ts), once consent is answered as not given.
  if (required && form.consent && form.consent !== 'given') {
    for (const problem of consentProblems({ consent: form.consent, noConsentReason: form.noConsentReason, lawfulBasis: form.lawfulBasis })) {
      set(problem.field as ReferralField, problem.message);
    }
  }
  return errors;
}

function textOf(form: ReferralForm, field: ReferralField): string {
  if (field.startsWith('adult.')) return form.adult[field.slice(6) as keyof ReferralForm['adult']];
  const value = form[field as keyof ReferralForm];
  return typeof value === 'string' ? value : '';
}

const yesNo = (v: YesNo): boolean | undefined => (v === 'yes' ? true : v === 'no' ? false : undefined);
const clean = (s: string): string | undefined => (s.trim() ? s.trim() : undefined);
const withoutUndefined = <T extends object>(o: T): Partial<T> =>
  Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined)) as Partial<T>;

function adultOf(form: ReferralForm) {
  return withoutUndefined({
    name: form.adult.name.trim(),
    dateOfBirth: clean(form.adult.dateOfBirth),
    address: clean(form.adult.address),
    postcode: clean(form.adult.postcode) === undefined ? undefined : normalizePostcode(form.adult.postcode),
    nhsNumber: clean(form.adult.nhsNumber),
  });
}

/** POST /api/referrals (submitReferral) and POST /api/referrals/drafts: what is answered, blanks left out. */
export function referralBody(form: ReferralForm): Record<string, unknown> {
  const notGiven = form.consent !== '' && form.consent !== 'given';
  return withoutUndefined({
    adult: adultOf(form),
    managerSignOff: clean(form.managerSignOff),
    riskCategories: form.riskCategories,
    reasons: clean(form.reasons),
    childrenAtRisk: yesNo(form.childrenAtRisk),
    otherAdultsAtRisk: yesNo(form.otherAdultsAtRisk),
    othersAtRiskDetails: clean(form.othersAtRiskDetails),
    currentSupport: clean(form.currentSupport),
    capacity: form.capacity || undefined,
    adultAware: yesNo(form.adultAware),
    consent: form.consent || undefined,
    // A reason and basis typed before consent turned to "given" are not sent: they would be stored for nothing.
    noConsentReason: notGiven ? clean(form.noConsentReason) : undefined,
    lawfulBasis: notGiven ? clean(form.lawfulBasis) : undefined,
    otherProcessesConsidered: form.otherProcessesConsidered,
    adultViews: clean(form.adultViews),
    advocacyNeeded: yesNo(form.advocacyNeeded),
    restricted: form.restricted,
  });
}

/** PUT /api/cases/:id/draft: as referralBody, but an emptied optional text is sent as '' so the draft forgets it. */
export function draftUpdateBody(form: ReferralForm): Record<string, unknown> {
  const body = referralBody(form);
  for (const field of ['managerSignOff', 'othersAtRiskDetails', 'noConsentReason', 'lawfulBasis', 'reasons', 'currentSupport', 'adultViews'] as const) {
    if (body[field] === undefined) body[field] = '';
  }
  return body;
}

/** A stored draft back into the form. */
export function referralFromCase(c: CaseRecordView): ReferralForm {
  const empty = emptyReferral();
  return {
    adult: {
      name: c.adult?.name ?? '',
      dateOfBirth: c.adult?.dateOfBirth ?? '',
      address: c.adult?.address ?? '',
      postcode: c.adult?.postcode ?? '',
      nhsNumber: c.adult?.nhsNumber ?? '',
    },
    managerSignOff: c.managerSignOff ?? '',
    riskCategories: c.riskCategories ?? [],
    reasons: c.reasons ?? '',
    childrenAtRisk: yesNoOf(c.childrenAtRisk),
    otherAdultsAtRisk: yesNoOf(c.otherAdultsAtRisk),
    othersAtRiskDetails: c.othersAtRiskDetails ?? '',
    currentSupport: c.currentSupport ?? '',
    capacity: c.capacity ?? '',
    adultAware: yesNoOf(c.adultAware),
    consent: c.consent ?? '',
    noConsentReason: c.noConsentReason ?? '',
    lawfulBasis: c.lawfulBasis ?? '',
    otherProcessesConsidered: c.otherProcessesConsidered ?? empty.otherProcessesConsidered,
    adultViews: c.adultViews ?? '',
    advocacyNeeded: yesNoOf(c.advocacyNeeded),
    restricted: c.restricted ?? false,
  };
}

/** Checks a value read back from sessionStorage is (still) a form of this shape; anything else is dropped. */
export function isReferralForm(value: unknown): value is ReferralForm {
  if (!value || typeof value !== 'object') return false;
  const v = value as Record<string, unknown>;
  const adult = v.adult as Record<string, unknown> | undefined;
  return (
    typeof adult === 'object' && adult !== null && typeof adult.name === 'string' &&
    Array.isArray(v.riskCategories) && Array.isArray(v.otherProcessesConsidered) && typeof v.reasons === 'string' && typeof v.restricted === 'boolean'
  );
}

/** Each field as a short string, for showing what someone else changed in a draft (a 409 on save). */
export function referralDiffFields(): { label: string; value: (form: ReferralForm) => string }[] {
  return REFERRAL_FIELDS.map((field) => ({
    label: FIELD_LABELS[field],
    value: (form: ReferralForm) => {
      if (field.startsWith('adult.')) return form.adult[field.slice(6) as keyof ReferralForm['adult']];
      const value = form[field as keyof ReferralForm];
      return Array.isArray(value) ? value.join(', ') : typeof value === 'boolean' ? (value ? 'yes' : 'no') : String(value);
    },
  }));
}
