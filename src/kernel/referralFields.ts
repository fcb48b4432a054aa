import { z } from 'zod';
import { CAPACITY_STATES, CONSENT_STATES, OTHER_PROCESSES, RISK_CATEGORIES } from '../domain/enums';
import { isoDate, nhsNumber, optionalText, postcode, text } from './validation';

/**
 * What a referral holds, as submitReferral's request carries it. Shared by the referral's use cases: submitReferral
 * takes it as its input, a draft (referralDraft.ts) is the same fields all optional, submitDraft checks a draft
 * against it.
 */
export const referralFields = z.object({
  adult: z.object({
    name: text(200),
    dateOfBirth: isoDate.optional(),
    address: optionalText(500),
    postcode: postcode.optional(),
    nhsNumber: nhsNumber.optional(),
  }),
  managerSignOff: optionalText(200),
  riskCategories: z.array(z.enum(RISK_CATEGORIES)).min(1, 'choose at least one risk category'),
  reasons: text(),
  currentSupport: text(),
  childrenAtRisk: z.boolean(),
  otherAdultsAtRisk: z.boolean(),
  othersAtRiskDetails: optionalText(),
  capacity: z.enum(CAPACITY_STATES),
  adultAware: z.boolean(),
  consent: z.enum(CONSENT_STATES),
  noConsentReason: optionalText(),
  lawfulBasis: optionalText(500),
  otherProcessesConsidered: z.array(z.enum(OTHER_PROCESSES)).default([]),
  adultViews: text(),
  advocacyNeeded: z.boolean(),
  restricted: z.boolean().default(false),
});
