import type { ChronologyType, DecisionOutcome, RiskCategory, RiskDomain } from '../domain/enums';

/*
 * The words of the synthetic partnership. Every adult is invented and named so nobody could mistake the name
 * for a real person's; addresses use LU0, a Luton postcode district that does not exist; NHS numbers use the
 * 999 range the NHS reserves for testing.
 */

export const DEMO_ADULT_NAMES = [
  'Arthur Sampleton', 'Beryl Exampleby', 'Cyril Mockingford', 'Dolores Fictionby', 'Edgar Placeholder',
  'Florence Notreal', 'Gordon Madeupson', 'Hilda Testwhistle', 'Ivan Imaginaire', 'Joan Pretendle',
  'Keith Inventon', 'Lorraine Dummyshire', 'Maurice Fakeley', 'Norma Synthwell', 'Oswald Demoville',
  'Patricia Specimen', 'Quentin Hypothetic', 'Rosalind Fablewood', 'Stanley Makebelieve', 'Theresa Storyfield',
  'Ursula Untrue', 'Victor Nobodyson', 'Winifred Neverwas', 'Xavier Figmentine', 'Yvonne Whatifson',
  'Zachary Sampleworth', 'Agnes Pseudonym', 'Bernard Counterfeit', 'Cynthia Dreamcastle', 'Desmond Fauxley',
] as const;

export const DEMO_STREETS = [
  'Example Terrace', 'Sample Row', 'Placeholder Close', 'Imaginary Way', 'Fiction Court', 'Pretend Lane',
  'Notional Road', 'Madeup Mews', 'Storybook Avenue', 'Figment Gardens',
] as const;

export const REASON_TEXT: Record<RiskCategory, string> = {
  self_neglect: 'Home conditions have deteriorated; the adult is not eating regularly and refuses personal care.',
  hoarding: 'Hoarding (clutter image rating 7) blocks the hallway and the back door.',
  fire_risk: 'Smokes in bed; scorch marks found on the bedding and the gas hob left on twice this month.',
  refusal_of_care: 'Has declined the care package three times and cancelled district nurse visits.',
  unmet_needs_between_agencies: 'Needs fall between services: no single agency has engaged for more than a few weeks.',
  domestic_abuse: 'Repeated domestic abuse reported by neighbours; the DASH risk assessment scored high.',
  mental_health: 'Deteriorating mental health with periods of crisis; disengaged from the community team.',
  substance_misuse: 'Heavy alcohol use; two recent falls while intoxicated.',
  exploitation: 'Believed to be financially exploited by people visiting the flat.',
  cuckooing: 'The flat appears to have been taken over by people dealing drugs (suspected cuckooing).',
  harm_to_others: 'Threats made to neighbours and care staff: a risk to others as well as to self.',
  risk_after_s42: 'A section 42 enquiry has concluded but significant risk remains.',
};

export const CURRENT_SUPPORT = [
  'Twice-weekly home care visits, often refused; GP review every three months.',
  'Allocated social worker; district nurse weekly for wound care.',
  'Care coordinator from the community mental health team; no package of care.',
  'No formal support in place; a neighbour checks in occasionally.',
  'Tenancy support worker fortnightly; registered with the GP but rarely attends.',
] as const;

export const ADULT_VIEWS = [
  'Wants to stay in their own home and does not want "people taking over".',
  'Says they are fine and that the neighbours exaggerate.',
  'Would accept help with the garden and shopping, but not with personal care.',
  'Wants the visitors to stop coming but is frightened of what they would do.',
  'Agrees that things have got out of hand and would like a fresh start.',
  'Did not want to talk about it at the last visit.',
] as const;

export const LAWFUL_BASIS = 'UK GDPR Art 6(1)(e) and Art 9(2)(g), DPA 2018 Sch 1 para 18 (safeguarding of individuals at risk)';

export const INVOLVEMENT_NOTES: Record<string, string> = {
  police: 'Known: several call-outs to the address in the last year; intelligence held on visitors.',
  policelead: 'Known: several call-outs to the address in the last year; intelligence held on visitors.',
  fire: 'Known: home fire safety visit last year; crews attended a kitchen fire.',
  elft: 'Known: open to the community mental health team; last seen six weeks ago.',
  ccs: 'Known: district nursing for leg ulcers; several visits missed.',
  socialworker: 'Known: Care Act assessment completed; care package repeatedly declined.',
  probation: 'Known: on licence; reporting as required, address history shared on request.',
  steppingstones: 'Known: contact with the outreach worker; safety plan discussed.',
  noah: 'Known: uses the day centre; support with benefits offered.',
  resolutions: 'Known: previously engaged with alcohol treatment; discharged after non-attendance.',
};

export const NOT_KNOWN_NOTE = 'Not known to this agency; no records found.';

export const CHRONOLOGY_TEXT: Record<ChronologyType, readonly string[]> = {
  incident: [
    'Neighbour reported shouting and a smashed window at the address.',
    'Adult reported their bank card taken by a visitor.',
  ],
  contact: [
    'Home visit by the lead professional; the adult engaged for twenty minutes and accepted a food parcel.',
    'Telephone contact with the adult, who agreed to a joint visit next week.',
  ],
  police_call_out: [
    'Police called by a neighbour to a disturbance; adult intoxicated, no arrests.',
    'Welfare check after a concern from family; adult found alone, the flat cold and without food.',
    'Report of unknown people entering the flat at night; intelligence submitted.',
  ],
  fire_visit: [
    'Home fire safety visit: smoke alarms fitted; combustible clutter next to the cooker.',
    'Crew attended a small kitchen fire, out before arrival; adult declined to go to hospital.',
  ],
  hospital_admission: [
    'Admitted after a fall at home; discharged after two nights with a pressure sore.',
    'Attended A&E intoxicated with a head injury; self-discharged.',
  ],
  safeguarding_concern: ['Safeguarding concern raised by the referring agency, leading to the referral to the panel.'],
  missed_appointment: [
    'Did not attend the outpatient appointment; the second missed this quarter.',
    'Not at home for the planned district nurse visit.',
  ],
  capacity_assessment: [
    'Capacity assessment on managing the tenancy: has capacity for this decision.',
    'Capacity assessment on care and support: lacks capacity for this decision; best-interests meeting planned.',
  ],
  panel_decision: ['Panel accepted the case; lead agency, lead professional and review date agreed.'],
  agency_information: ['Agency summary of contact over the last year shared for the panel.'],
};

/** Actions each persona's agency typically takes: [what, how we know it is done]. */
export const ACTION_TEMPLATES: Record<string, readonly (readonly [string, string])[]> = {
  police: [
    ['Carry out a joint welfare visit with the lead professional', 'Visit recorded and shared with the panel'],
    ['Flag the address for a priority response', 'Marker in place on the police system'],
    ['Share intelligence about visitors to the address', 'Summary shared with the lead professional'],
  ],
  policelead: [
    ['Review all police contact at the address in the last year', 'Review shared with the panel'],
    ['Complete a DASH risk assessment with the adult', 'DASH completed and score shared'],
  ],
  fire: [
    ['Complete a home fire safety visit and fit linked smoke alarms', 'Alarms fitted and tested'],
    ['Provide fire-retardant bedding and a fire-safe ashtray', 'Items delivered and in use'],
    ['Review the fire risk after the clutter is reduced', 'Updated fire risk rating recorded'],
  ],
  elft: [
    ['Offer a mental health assessment and allocate a care coordinator', 'Care coordinator named'],
    ['Review medication with the consultant psychiatrist', 'Medication review recorded'],
    ['Agree a crisis plan with the adult', 'Crisis plan shared with partners'],
  ],
  ccs: [
    ['Offer district nurse visits for wound care', 'Visits booked and attended'],
    ['Arrange an occupational therapy assessment of the home', 'Assessment completed and equipment ordered'],
    ['Review continence and nutrition needs', 'Review recorded in the care plan'],
  ],
  socialworker: [
    ['Complete a Care Act needs assessment', 'Assessment signed off'],
    ['Carry out a capacity assessment on managing the tenancy', 'Assessment recorded'],
    ['Offer a referral to an independent advocate', 'Advocate allocated or offer declined in writing'],
    ["Arrange a deep clean with the adult's agreement", 'Clean completed; kitchen and exits clear'],
  ],
  probation: [
    ['Review licence conditions and share address history', 'Summary shared with the panel'],
    ['Complete a risk of serious harm review', 'Review recorded'],
    ['Refer to the accommodation pathway', 'Referral accepted'],
  ],
  steppingstones: [
    ['Offer an independent domestic violence advocate', 'IDVA allocated'],
    ['Agree a safety plan with the adult', 'Safety plan in place'],
    ['Refer to MARAC if the DASH score stays high', 'Referral made or decision recorded'],
  ],
  noah: [
    ['Offer a place at the day centre and a weekly welfare check', 'Attending at least weekly'],
    ['Support a housing benefit claim', 'Claim submitted'],
    ['Offer tenancy sustainment support', 'Support worker allocated'],
  ],
  resolutions: [
    ['Offer an assessment for alcohol treatment', 'Assessment attended'],
    ['Arrange a supported detox assessment', 'Assessment date agreed'],
    ['Offer naloxone and harm-reduction advice', 'Advice given and recorded'],
  ],
  coordinator: [['Bring the case back to panel with an updated chronology', 'Case listed for review']],
};

export const COMPLETION_EVIDENCE = [
  'Done: recorded on the agency system and summarised for the panel.',
  'Completed at the joint visit; the adult agreed.',
  'Confirmed in writing to the lead professional.',
] as const;

export const PROGRESS_NOTES = [
  'First visit made; the adult asked us to come back next week.',
  'Appointment booked; waiting for the adult to confirm.',
  'Spoke to the lead professional; joint visit planned.',
  'Partly done; the rest depends on the adult agreeing a date.',
] as const;

export const DECISION_RATIONALE: Partial<Record<DecisionOutcome, string>> = {
  accept: 'Risk is critical and cannot be managed by one agency alone. A multi-agency plan is needed; the referring agency remains the lead.',
  decline: 'Does not meet the threshold for the panel: the risk is managed through a single-agency plan. Advice given to the referrer.',
  defer: 'More information needed before a decision: GP and housing records requested for the next panel.',
  continue: 'Actions are progressing but the risk remains. Continue the plan and review at the next panel.',
  close: 'Risk reduced to an acceptable level, with single-agency support in place.',
  refer_marac: 'The domestic abuse risk is now managed through MARAC; the case closes to this panel.',
  escalate_s42: 'Evidence of neglect by others: referred for a section 42 enquiry. The panel keeps coordinating the plan.',
};

export const DOMAINS_FOR: Record<RiskCategory, readonly RiskDomain[]> = {
  self_neglect: ['home_environment', 'daily_living'],
  hoarding: ['home_environment', 'environmental_health'],
  fire_risk: ['public_safety', 'home_environment'],
  refusal_of_care: ['engagement_with_care_plans', 'services_offered'],
  unmet_needs_between_agencies: ['services_offered'],
  domestic_abuse: ['family_social_networks', 'impact_on_individual'],
  mental_health: ['mental_health_substance_misuse', 'factors_hindering_decisions'],
  substance_misuse: ['mental_health_substance_misuse'],
  exploitation: ['money_management', 'neighbourhood_voluntary_visiting'],
  cuckooing: ['neighbourhood_voluntary_visiting', 'public_safety'],
  harm_to_others: ['public_safety'],
  risk_after_s42: ['impact_on_individual'],
};
