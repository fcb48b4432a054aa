import { z } from 'zod';
import { CAPACITY_STATES, CONSENT_STATES, OTHER_PROCESSES, RISK_CATEGORIES } from '../domain/enums';
import { ValidationError } from '../domain/errors';
import type { CaseRecord } from '../domain/records';
import { consentProblems, initialsOf } from '../domain/rules';
import { authorize } from '../policies';
import { recordAudit } from '../kernel/audit';
import { defineCommand } from '../kernel/command';
import { announceNewReferral, intakeBase } from '../kernel/referralIntake';
import { isoDate, nhsNumber, optionalText, postcode, text } from '../kernel/validation';

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

export const submitReferral = defineCommand({
  name: 'submitReferral',
  summary: 'Submit a new referral of an adult to the panel',
  input: referralFields.strict(),
  async run(ctx, tx, input) {
    authorize(ctx.actor, 'create', 'referral', null, 'Only partners, coordinators and chairs can refer an adult.');
    const problems = consentProblems(input);
    if (problems.length) throw new ValidationError(problems);

    const now = ctx.now();
    const record: Omit<CaseRecord, 'version'> = {
      ...input,
      ...(await intakeBase(ctx, tx, now)),
      status: 'submitted',
      receivedAt: now.toISOString(),
      initials: initialsOf(input.adult.name),
    };
    const created = await tx.insert('cases', record);
    await recordAudit(ctx, tx, { action: 'create', recordType: 'case', recordId: created.id, change: { status: 'submitted', ref: created.ref } });
    await announceNewReferral(ctx, tx, created);
    return created;
  },
});
