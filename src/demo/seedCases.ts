import type { Adult, Involvement } from '../domain/records';
import { nhsCheckDigit } from '../domain/formats';
import { formatRef, initialsOf } from '../domain/rules';
import type { NewRecord } from '../store/port';
import type { CaseSpec } from './caseSpecs';
import { CURRENT_SUPPORT, ADULT_VIEWS, DEMO_ADULT_NAMES, DEMO_STREETS, INVOLVEMENT_NOTES, LAWFUL_BASIS, NOT_KNOWN_NOTE, REASON_TEXT } from './demoText';
import { agencyShort, type CaseBuild, COORDINATOR, type DemoData, pad, persona, type Seed } from './seedContext';

/** The referrals and cases: each case from its spec, its adult, timeline, involvements and reference. */
export function seedCases(seed: Seed) {
  const { opts, rng, clock, panelDay, builds } = seed;
  let adultCount = 0;
  return { buildCase, assignReferences };


  function buildCase(spec: CaseSpec, index: number): CaseBuild {
    const referrer = persona(spec.referrer);
    const id = `case-${pad(index + 1)}`;
    const adult = spec.repeatOf !== undefined ? builds[spec.repeatOf]!.record.adult : makeAdult(spec);
    const b: CaseBuild = { spec, index, createdDay: 0, record: undefined as unknown as NewRecord<'cases'> };
    planTimeline(b, spec);

    const consent = spec.consent ?? 'given';
    const receivedAt = b.receivedDay !== undefined ? clock.past(b.receivedDay, rng.int(8, 16), rng.int(0, 59)) : undefined;
    const createdAt = receivedAt ?? clock.past(b.createdDay, 15, 20);
    const record: NewRecord<'cases'> = {
      id,
      ref: '',
      status: spec.status,
      createdAt,
      updatedAt: createdAt,
      receivedAt,
      referrerMemberId: referrer.id,
      referrerAgencyId: referrer.agencyId,
      managerSignOff: `Team manager, ${agencyShort(referrer.agencyId)}`,
      adult: { ...adult },
      initials: initialsOf(adult.name),
      riskCategories: [...spec.categories],
      reasons: spec.categories.map((c) => REASON_TEXT[c]).join(' '),
      currentSupport: rng.pick(CURRENT_SUPPORT),
      childrenAtRisk: spec.childrenAtRisk ?? false,
      otherAdultsAtRisk: spec.otherAdultsAtRisk ?? false,
      othersAtRiskDetails: spec.childrenAtRisk
        ? 'Two children under ten stay at the address at weekends.'
        : spec.otherAdultsAtRisk ? 'Neighbours in the adjoining flats are at risk if a fire starts.' : undefined,
      capacity: spec.capacity ?? rng.pick(['presumed', 'presumed', 'assessed_has_capacity'] as const),
      adultAware: consent !== 'not_sought_unsafe',
      consent,
      noConsentReason: consent === 'given' ? undefined : {
        refused: 'The adult refused, but the risk to life and to others is high enough to share without consent.',
        not_sought_unsafe: 'Seeking consent would put the adult at greater risk from the alleged abuser.',
        lacks_capacity: 'The adult lacks capacity to consent to sharing; sharing is in their best interests.',
      }[consent],
      lawfulBasis: consent === 'given' ? undefined : LAWFUL_BASIS,
      otherProcessesConsidered: otherProcesses(spec),
      adultViews: rng.pick(ADULT_VIEWS),
      advocacyNeeded: spec.advocacyNeeded ?? false,
      involvements: involvements(spec, b),
      restricted: spec.restricted ?? false,
      namedMemberIds: (spec.named ?? []).map((k) => persona(k).id),
      legalHold: false,
      repeatOfCaseId: spec.repeatOf !== undefined ? `case-${pad(spec.repeatOf + 1)}` : undefined,
    };
    if (spec.status === 'info_requested') {
      record.infoRequest = {
        question: 'Please send the GP summary and say whether the adult has been offered an advocate.',
        byMemberId: COORDINATOR().id,
        at: clock.past(b.receivedDay! + 2, 11),
      };
      record.updatedAt = record.infoRequest.at;
    }
    if (spec.status === 'listed') record.updatedAt = clock.past(b.receivedDay! + 2, 9, 30);
    if (spec.status === 'withdrawn') record.updatedAt = clock.past(b.receivedDay! + 4, 12);
    if (spec.screened) record.updatedAt = clock.past(panelDay[spec.screened], 11);
    if (b.acceptedDay !== undefined) acceptCase(record, spec, b);
    b.record = record;
    return b;
  }

  function planTimeline(b: CaseBuild, spec: CaseSpec): void {
    const when = spec.accepted ?? spec.screened;
    if (when === 'old') b.receivedDay = -rng.int(110, 220);
    else if (when === 'm1' || when === 'm2') b.receivedDay = panelDay[when] - rng.int(8, 20);
    else if (spec.status === 'withdrawn') b.receivedDay = -rng.int(26, 34);
    else if (spec.status === 'listed') b.receivedDay = -rng.int(9, 16);
    else if (spec.status === 'info_requested') b.receivedDay = -rng.int(6, 12);
    else if (spec.status === 'submitted') b.receivedDay = -rng.int(1, 5);
    b.createdDay = b.receivedDay ?? -2;
    if (spec.accepted) b.acceptedDay = spec.accepted === 'old' ? b.receivedDay! + rng.int(18, 30) : panelDay[spec.accepted];
    if (spec.closure) b.closedDay = panelDay[spec.closure.at];
    if (spec.escalated !== undefined) b.escalatedDay = spec.escalated === 'm2' ? panelDay.m2 : spec.escalated;
  }

  function acceptCase(record: NewRecord<'cases'>, spec: CaseSpec, b: CaseBuild): void {
    const lead = persona(spec.lead!);
    record.acceptedAt = clock.past(b.acceptedDay!, 11);
    record.updatedAt = record.acceptedAt;
    record.leadAgencyId = lead.agencyId;
    record.leadProfessionalId = lead.id;
    record.leadCoordinatorId = COORDINATOR().id;
    record.riskLevel = spec.risk;
    record.riskLevelAtAcceptance = spec.riskAtAcceptance ?? spec.risk;
    record.infoSharingArrangements = 'Partners tell the lead professional about any new incident within one working day, through RiskPanel or secure email.';
    if (!spec.incomplete) {
      record.contingencyPlan = 'If the adult cannot be reached for 48 hours: police welfare check, and out-of-hours social care told.';
      record.escalationPlan = 'Any new serious incident goes to the lead professional the same day; the coordinator calls an urgent meeting if the risk becomes very high.';
    }
    if (spec.review !== undefined && !spec.closure) record.nextReviewDate = clock.date(spec.review === 'next-panel' ? panelDay.m3 : spec.review);
    if (b.escalatedDay !== undefined) record.updatedAt = clock.past(b.escalatedDay, 16);
    if (spec.closure) {
      record.closureReason = spec.closure.reason;
      record.closedAt = clock.past(b.closedDay!, 12);
      record.updatedAt = record.closedAt;
      const closed = new Date(record.closedAt);
      record.retentionDate = `${closed.getUTCFullYear() + 6}${record.closedAt.slice(4, 10)}`;
    }
  }

  function makeAdult(spec: CaseSpec): Adult {
    const name = DEMO_ADULT_NAMES[adultCount++ % DEMO_ADULT_NAMES.length]!;
    const year = opts.now.getUTCFullYear() - rng.int(24, 89);
    const letters = 'ABDEFGHJLNPQRSTUWXYZ';
    const adult: Adult = {
      name,
      dateOfBirth: `${year}-${pad(rng.int(1, 12))}-${pad(rng.int(1, 28))}`,
      address: `${rng.int(1, 120)} ${rng.pick(DEMO_STREETS)}, Luton`,
      postcode: `LU0 ${rng.int(1, 9)}${rng.pick([...letters])}${rng.pick([...letters])}`,
    };
    const healthInvolved = [spec.referrer, ...spec.known].some((k) => ['elft', 'ccs'].includes(k));
    if (healthInvolved) adult.nhsNumber = inventedNhsNumber(rng.int(100, 999), rng.int(100, 999));
    return adult;
  }

  function otherProcesses(spec: CaseSpec): NewRecord<'cases'>['otherProcessesConsidered'] {
    const out = new Set<NewRecord<'cases'>['otherProcessesConsidered'][number]>(['s42']);
    if (spec.categories.includes('domestic_abuse')) out.add('marac');
    if (spec.categories.includes('harm_to_others')) out.add('mappa');
    if (spec.categories.includes('mental_health')) out.add('cpa');
    if (spec.childrenAtRisk) out.add('childrens_safeguarding');
    return [...out];
  }

  function involvements(spec: CaseSpec, b: CaseBuild): Involvement[] {
    if (spec.status === 'draft') return [];
    const seen = new Set<string>();
    const out: Involvement[] = [];
    const add = (key: string, known: boolean) => {
      const p = persona(key);
      if (seen.has(p.agencyId)) return;
      seen.add(p.agencyId);
      out.push({
        agencyId: p.agencyId, known, note: known ? INVOLVEMENT_NOTES[key] : NOT_KNOWN_NOTE, byMemberId: p.id,
        at: clock.past(b.receivedDay! + rng.int(1, 3), rng.int(9, 17)),
      });
    };
    for (const k of spec.known) add(k, true);
    for (const k of spec.notKnown ?? []) add(k, false);
    return out;
  }

  /** References follow the order referrals arrived, numbered per year; the counters continue from the last one. */
  function assignReferences(all: CaseBuild[], prefix: string, out: DemoData): void {
    const ordered = [...all].sort((x, y) => x.record.createdAt.localeCompare(y.record.createdAt) || x.index - y.index);
    const perYear = new Map<number, number>();
    for (const b of ordered) {
      const year = new Date(b.record.createdAt).getUTCFullYear();
      const n = (perYear.get(year) ?? 0) + 1;
      perYear.set(year, n);
      b.record.ref = formatRef(prefix, year, n);
    }
    for (const [year, n] of [...perYear].sort(([a], [z]) => a - z)) out.counters.push({ id: `ref-${prefix}-${year}`, value: n });
  }
}

/**
 * An NHS number in the 999 range, which the NHS never issues to patients, with a valid check digit, so demo
 * referrals pass the same validation as typed ones. Nine digits that allow no check digit move to the next number.
 */
function inventedNhsNumber(middle: number, last: number): string {
  for (let n = 999_000_000 + middle * 1000 + last; ; n++) {
    const nine = String(n);
    const check = nhsCheckDigit(nine);
    if (check !== undefined) return `${nine.slice(0, 3)} ${nine.slice(3, 6)} ${nine.slice(6)}${check}`;
  }
}
