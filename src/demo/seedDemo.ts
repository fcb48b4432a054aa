import type { ActionStatus, ChronologyType, DecisionOutcome, RagRating, RiskLevel, Significance } from '../domain/enums';
import type { Adult, Involvement } from '../domain/records';
import { formatRef, initialsOf, isOverdue, isoDate } from '../domain/rules';
import type { NewRecord, Store } from '../store/port';
import { CASE_SPECS, type CaseSpec } from './caseSpecs';
import {
  ACTION_TEMPLATES, ADULT_VIEWS, CHRONOLOGY_TEXT, COMPLETION_EVIDENCE, CURRENT_SUPPORT, DECISION_RATIONALE, DEMO_ADULT_NAMES,
  DEMO_STREETS, DOMAINS_FOR, INVOLVEMENT_NOTES, LAWFUL_BASIS, NOT_KNOWN_NOTE, PROGRESS_NOTES, REASON_TEXT,
} from './demoText';
import { agencyRecord, DEMO_AGENCIES, DEMO_PERSONAS, demoPersona, type DemoPersona, personaMember } from './personas';
import { createPrng } from './prng';

export interface SeedOptions { now: Date; refPrefix: string }

/** Everything the seed writes, as plain records: built without I/O so it can be inspected and compared. */
export interface DemoData {
  agencies: NewRecord<'agencies'>[];
  members: NewRecord<'members'>[];
  cases: NewRecord<'cases'>[];
  riskAssessments: NewRecord<'riskAssessments'>[];
  actions: NewRecord<'actions'>[];
  chronology: NewRecord<'chronology'>[];
  meetings: NewRecord<'meetings'>[];
  agendaItems: NewRecord<'agendaItems'>[];
  decisions: NewRecord<'decisions'>[];
  attendance: NewRecord<'attendance'>[];
  audit: NewRecord<'audit'>[];
  counters: NewRecord<'counters'>[];
}

export type SeedCounts = { [K in keyof DemoData]: number } & { overdueActions: number };

const DAY = 86_400_000;
const HOUR = 3_600_000;
const SEED = 0x5eed2026;
const CORRELATION = 'seed-demo';
const pad = (n: number, width = 2) => String(n).padStart(width, '0');

/** Days are counted from today (0), in UTC; every past event is kept strictly before `now`. */
class Clock {
  readonly midnight: number;
  constructor(readonly now: Date) {
    this.midnight = Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate());
  }
  at(day: number, hour = 10, minute = 0): Date {
    return new Date(this.midnight + day * DAY + hour * HOUR + minute * 60_000);
  }
  /** An instant in the past: never later than an hour before now. */
  past(day: number, hour = 10, minute = 0): string {
    return new Date(Math.min(this.at(day, hour, minute).getTime(), this.now.getTime() - HOUR)).toISOString();
  }
  date(day: number): string {
    return isoDate(this.at(day, 12));
  }
  /** Panels meet on weekdays. */
  weekday(day: number): number {
    const dow = this.at(day).getUTCDay();
    return dow === 6 ? day - 1 : dow === 0 ? day + 1 : day;
  }
}

interface CaseBuild {
  spec: CaseSpec;
  index: number;
  record: NewRecord<'cases'>;
  createdDay: number;
  receivedDay?: number;
  acceptedDay?: number;
  closedDay?: number;
  escalatedDay?: number;
}

const persona = (key: string): DemoPersona => demoPersona(key);
const SIGNIFICANCE: Record<ChronologyType, Significance> = {
  incident: 'high', contact: 'low', police_call_out: 'high', fire_visit: 'medium', hospital_admission: 'high',
  safeguarding_concern: 'high', missed_appointment: 'medium', capacity_assessment: 'medium', panel_decision: 'high',
  agency_information: 'low',
};
/** The status a panel decision moves the case to, for the audit trail. */
const STATUS_AFTER: Partial<Record<DecisionOutcome, string>> = {
  accept: 'open', decline: 'declined', defer: 'deferred', close: 'closed', refer_marac: 'closed', escalate_s42: 'escalated',
};
const agencyShort = (id: string) => DEMO_AGENCIES.find((a) => a.id === id)!.shortName;
const COORDINATOR = () => persona('coordinator');
const CHAIR = () => persona('chair');

/**
 * Builds the synthetic partnership: deterministic for a given `now` and prefix (a seeded PRNG, every date relative
 * to `now`), and every record shaped by the types in src/domain/records.ts.
 */
export function buildDemoData(opts: SeedOptions): DemoData {
  const rng = createPrng(SEED);
  const clock = new Clock(opts.now);
  const data: DemoData = {
    agencies: DEMO_AGENCIES.map(agencyRecord),
    members: DEMO_PERSONAS.map(personaMember),
    cases: [], riskAssessments: [], actions: [], chronology: [], meetings: [], agendaItems: [], decisions: [],
    attendance: [], audit: [], counters: [],
  };
  const panelDay = { m1: clock.weekday(-49), m2: clock.weekday(-21), m3: clock.weekday(7) };
  let auditSeq = 0;
  let adultCount = 0;
  type AuditInput = Omit<NewRecord<'audit'>, 'id' | 'idempotencyKey' | 'correlationId' | 'actorId' | 'actorAgencyId'>;
  const audit = (entry: AuditInput & { actor: DemoPersona }) => {
    const id = `aud-${pad(++auditSeq, 4)}`;
    const { actor, ...rest } = entry;
    data.audit.push({ ...rest, id, idempotencyKey: `seed:${id}`, correlationId: CORRELATION, actorId: actor.id, actorAgencyId: actor.agencyId });
  };

  const builds: CaseBuild[] = [];
  for (const [index, spec] of CASE_SPECS.entries()) builds.push(buildCase(spec, index));
  assignReferences(builds, opts.refPrefix, data);
  for (const b of builds) data.cases.push(b.record);

  const meetings = buildMeetings();
  for (const b of builds) {
    buildChronology(b);
    buildRiskAssessments(b);
    buildCaseAudit(b);
  }
  buildActions(builds);
  return data;

  // ---- cases ----------------------------------------------------------------------------------------------------

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
    if (healthInvolved) adult.nhsNumber = `999 ${rng.int(100, 999)} ${rng.int(1000, 9999)}`;
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

  // ---- meetings, agendas, decisions, attendance -----------------------------------------------------------------

  function buildMeetings(): { m1: string; m2: string; m3: string } {
    const quorum = { coreAgencyIds: ['ag-asc', 'ag-icb', 'ag-elft', 'ag-police', 'ag-fire', 'ag-probation'], minCoreShare: 0.5, chairRequired: true };
    const title = (day: number) =>
      `${opts.refPrefix} panel, ${clock.at(day).toLocaleString('en-GB', { month: 'long', year: 'numeric', timeZone: 'UTC' })}`;
    const ids = { m1: 'mtg-01', m2: 'mtg-02', m3: 'mtg-03' };
    data.meetings.push(
      {
        id: ids.m1, title: title(panelDay.m1), startsAt: clock.at(panelDay.m1, 10).toISOString(), chairId: CHAIR().id,
        status: 'minutes_issued', quorum, papersIssuedAt: clock.past(panelDay.m1 - 5, 16),
        minutesIssuedAt: clock.past(panelDay.m1 + 2, 15),
      },
      // Held, minutes not issued yet: the product shows that they are due.
      {
        id: ids.m2, title: title(panelDay.m2), startsAt: clock.at(panelDay.m2, 10).toISOString(), chairId: CHAIR().id,
        status: 'held', quorum, papersIssuedAt: clock.past(panelDay.m2 - 5, 16),
      },
      { id: ids.m3, title: title(panelDay.m3), startsAt: clock.at(panelDay.m3, 10).toISOString(), chairId: CHAIR().id, status: 'planned', quorum },
    );

    for (const which of ['m1', 'm2'] as const) heldAgenda(which, ids[which]);
    plannedAgenda(ids.m3);
    attendance(ids.m1, 'm1');
    attendance(ids.m2, 'm2');
    return ids;
  }

  function heldAgenda(which: 'm1' | 'm2', meetingId: string): void {
    let order = 0;
    const item = (kind: NewRecord<'agendaItems'>['kind'], b?: CaseBuild, outcome?: DecisionOutcome) => {
      order += 1;
      const id = `agi-${meetingId.slice(4)}-${pad(order)}`;
      data.agendaItems.push({
        id, meetingId, order, kind, caseId: b?.record.id, presentingAgencyId: b?.record.referrerAgencyId,
        minutesAllotted: kind === 'new_referral' ? 15 : kind === 'overdue_actions' ? 10 : kind === 'closure_proposal' ? 5 : 10,
      });
      if (b && outcome) decision(b, outcome, which, meetingId, id, order);
    };
    const screenedHere = builds.filter((b) => b.spec.accepted === which || b.spec.screened === which);
    for (const b of screenedHere) {
      const outcome: DecisionOutcome = b.spec.accepted ? 'accept' : b.spec.status === 'declined' ? 'decline' : 'defer';
      item('new_referral', b, outcome);
    }
    for (const b of builds.filter((x) => x.spec.reviewedAt === which)) {
      const outcome = b.spec.reviewOutcome ?? 'continue';
      item(outcome === 'escalate_s42' ? 'escalation' : 'review', b, outcome);
    }
    if (which === 'm2') item('overdue_actions');
    for (const b of builds.filter((x) => x.spec.closure?.at === which)) {
      item('closure_proposal', b, b.spec.closure!.reason === 'moved_to_marac' ? 'refer_marac' : 'close');
    }
    item('any_other_business');
  }

  function plannedAgenda(meetingId: string): void {
    let order = 0;
    const item = (kind: NewRecord<'agendaItems'>['kind'], b?: CaseBuild) => {
      order += 1;
      data.agendaItems.push({
        id: `agi-${meetingId.slice(4)}-${pad(order)}`, meetingId, order, kind, caseId: b?.record.id,
        presentingAgencyId: b ? (b.record.leadAgencyId ?? b.record.referrerAgencyId) : undefined,
        minutesAllotted: kind === 'new_referral' ? 15 : 10,
      });
    };
    for (const b of builds.filter((x) => x.spec.status === 'listed')) item('new_referral', b);
    for (const b of builds.filter((x) => x.spec.status === 'escalated')) item('escalation', b);
    const m3Date = clock.date(panelDay.m3);
    for (const b of builds.filter((x) => x.spec.status === 'open' && x.record.nextReviewDate! <= m3Date)) item('review', b);
    item('overdue_actions');
    item('any_other_business');
  }

  function decision(b: CaseBuild, outcome: DecisionOutcome, which: 'm1' | 'm2' | 'old', meetingId?: string, agendaItemId?: string, order = 1): void {
    const day = which === 'old' ? b.acceptedDay! : panelDay[which];
    const decidedAt = clock.past(day, 10, Math.min(59, order * 7));
    const id = `dec-${pad(data.decisions.length + 1, 3)}`;
    const notified = clock.at(day + 1, 9);
    const consentGiven = b.record.consent === 'given';
    data.decisions.push({
      id, idempotencyKey: `seed:${id}`, caseId: b.record.id, meetingId, agendaItemId, outcome,
      rationale: DECISION_RATIONALE[outcome] ?? 'Decision recorded by the panel.',
      alternativesConsidered: outcome === 'decline' ? 'A single-agency plan with advice; a section 42 enquiry was considered and the criteria are not met.' : undefined,
      dissent: outcome === 'decline' && which === 'm1' ? 'The police partner would have accepted: further call-outs are expected.' : undefined,
      infoSharing: outcome === 'accept' ? {
        what: 'Chronology, risk assessment and the action plan', withWhom: 'The agencies named in the plan',
        why: 'To manage the risk jointly', basis: consentGiven ? "The adult's consent" : LAWFUL_BASIS,
      } : undefined,
      decidedById: CHAIR().id,
      decidedAt,
      referrerNotifiedAt: notified < opts.now ? notified.toISOString() : undefined,
    });
    const status = STATUS_AFTER[outcome];
    audit({
      at: decidedAt, actor: CHAIR(), action: 'update', recordType: 'case', recordId: b.record.id,
      change: status ? { decision: outcome, status } : { decision: outcome },
    });
  }

  function attendance(meetingId: string, which: 'm1' | 'm2'): void {
    const statuses: Record<string, NewRecord<'attendance'>['status']> = which === 'm1'
      ? { fire: 'present', ccs: 'present', probation: 'apologies_info_sent', noah: 'absent', police: 'present', policelead: 'apologies_info_sent' }
      : { fire: 'apologies_info_sent', ccs: 'apologies_no_info', probation: 'present', noah: 'present', police: 'apologies_info_sent', policelead: 'present' };
    let n = 0;
    const row = (name: string, agencyId: string, status: NewRecord<'attendance'>['status'], memberId?: string) => {
      n += 1;
      data.attendance.push({
        id: `att-${meetingId.slice(4)}-${pad(n)}`, meetingId, memberId, name, agencyId, status,
        confidentialityAgreed: status === 'present' || status === 'observer',
      });
    };
    for (const p of DEMO_PERSONAS) {
      const status = p.key === 'viewer' ? 'observer' : statuses[p.key] ?? 'present';
      row(p.name, p.agencyId, status, p.id);
    }
    // Azalea has no member in the demo: its representative is recorded by name only.
    row('Frankie Harbourne (Azalea)', 'ag-azalea', which === 'm1' ? 'apologies_no_info' : 'present');
  }

  // ---- chronology, risk assessments, audit ----------------------------------------------------------------------

  function chronologyTypeFor(key: string): ChronologyType {
    switch (key) {
      case 'police': case 'policelead': return 'police_call_out';
      case 'fire': return 'fire_visit';
      case 'elft': return rng.pick(['hospital_admission', 'missed_appointment', 'capacity_assessment'] as const);
      case 'ccs': return rng.pick(['missed_appointment', 'hospital_admission'] as const);
      case 'socialworker': return rng.pick(['contact', 'capacity_assessment'] as const);
      case 'steppingstones': return rng.pick(['incident', 'contact'] as const);
      case 'resolutions': return 'missed_appointment';
      default: return rng.pick(['contact', 'agency_information'] as const);
    }
  }

  function buildChronology(b: CaseBuild): void {
    const { spec, record } = b;
    if (spec.status === 'draft') return;
    let n = 0;
    const add = (day: number, key: string, type: ChronologyType, summary?: string, extra: Partial<NewRecord<'chronology'>> = {}) => {
      const p = persona(key);
      const id = `chr-${record.id.slice(5)}-${pad(++n)}`;
      const occurredAt = clock.past(day, rng.int(8, 20), rng.int(0, 59));
      const recordedAt = clock.past(day + rng.int(0, 2), 17, 30);
      data.chronology.push({
        id, idempotencyKey: `seed:${id}`, caseId: record.id, occurredAt,
        recordedAt: recordedAt < occurredAt ? occurredAt : recordedAt,
        recordedById: p.id, sourceAgencyId: p.agencyId, type, summary: summary ?? rng.pick(CHRONOLOGY_TEXT[type]),
        significance: SIGNIFICANCE[type], ...extra,
      });
      return id;
    };
    const sources = spec.known.length ? spec.known : [spec.referrer];
    const received = b.receivedDay!;
    if (b.acceptedDay === undefined) {
      // A referral: what led to it.
      if (rng.chance(0.6)) add(received - rng.int(5, 40), rng.pick(sources), chronologyTypeFor(rng.pick(sources)));
      add(received - 1, spec.referrer, 'safeguarding_concern');
      return;
    }
    // A case: 3 to 8 entries, from before the referral to now (or to closure).
    const total = b.index === 0 ? 6 : rng.int(3, 8);
    const end = b.closedDay ?? -1;
    const post = total - 2 - (b.escalatedDay !== undefined ? 1 : 0);
    const pre = Math.max(0, Math.min(post, rng.int(1, 3)));
    const firstPre = pre > 0 ? add(received - rng.int(10, 60), sources[0]!, chronologyTypeFor(sources[0]!)) : undefined;
    for (let i = 1; i < pre; i++) add(received - rng.int(3, 60), sources[i % sources.length]!, chronologyTypeFor(sources[i % sources.length]!));
    add(received - 1, spec.referrer, 'safeguarding_concern');
    add(b.acceptedDay, 'coordinator', 'panel_decision');
    for (let i = 0; i < post - pre; i++) {
      const key = sources[(i + 1) % sources.length]!;
      const day = rng.int(Math.min(b.acceptedDay + 2, end), end);
      if (b.index === 0 && i === post - pre - 1 && firstPre) {
        // A mistake is corrected by a new entry that points at the old one.
        add(day, sources[0]!, 'police_call_out', 'Correction: the earlier call-out was to the neighbouring flat, not to the adult.', { correctsEntryId: firstPre, significance: 'low' });
      } else add(day, key, rng.pick(['contact', 'contact', chronologyTypeFor(key)] as const));
    }
    if (b.escalatedDay !== undefined) {
      add(b.escalatedDay, sources[1 % sources.length]!, 'incident', 'Serious incident: the adult was assaulted at the address; risk escalated to very high.');
    }
  }

  function buildRiskAssessments(b: CaseBuild): void {
    const { spec, record } = b;
    if (b.acceptedDay === undefined || spec.incomplete) return;
    const domains = [...new Set([...spec.categories.flatMap((c) => DOMAINS_FOR[c]), 'medical_conditions' as const])].slice(0, 7);
    const sources = spec.known.map((k) => persona(k).agencyId);
    const ratingFor = (level: RiskLevel): RagRating =>
      level === 'very_high' ? rng.pick(['red', 'red', 'amber'] as const)
        : level === 'high' ? rng.pick(['red', 'amber', 'amber'] as const)
          : level === 'medium' ? rng.pick(['amber', 'green'] as const) : 'green';
    const assess = (n: number, day: number, level: RiskLevel) => {
      data.riskAssessments.push({
        id: `ra-${record.id.slice(5)}-${n}`, caseId: record.id, assessmentNumber: n, assessedAt: clock.past(day, 14),
        assessedById: record.leadProfessionalId!,
        domains: domains.map((domain, i) => ({
          domain, rating: ratingFor(level), evidence: `Seen at the joint visit and in ${agencyShort(sources[i % sources.length]!)} records.`,
          sourceAgencyId: sources[i % sources.length],
        })),
        protectiveFactors: rng.pick([
          'A sister visits weekly and the adult trusts her.',
          'Engages well with the day centre staff.',
          'Keeps GP appointments when reminded by text.',
        ]),
        overallLevel: level,
        adultView: record.adultViews,
      });
    };
    const first = Math.min(b.acceptedDay + rng.int(2, 6), (b.closedDay ?? 0) - 1, -1);
    assess(1, first, record.riskLevelAtAcceptance!);
    if (b.escalatedDay !== undefined) assess(2, b.escalatedDay, record.riskLevel!);
  }

  function buildCaseAudit(b: CaseBuild): void {
    const { record, spec } = b;
    const referrer = persona(spec.referrer);
    audit({ at: record.createdAt, actor: referrer, action: 'create', recordType: 'case', recordId: record.id, change: { status: spec.status === 'draft' ? 'draft' : 'submitted', ref: record.ref } });
    for (const inv of record.involvements) {
      const by = DEMO_PERSONAS.find((p) => p.id === inv.byMemberId)!;
      audit({ at: inv.at, actor: by, action: 'update', recordType: 'case', recordId: record.id, change: { involvement: inv.known ? 'known' : 'not known', agencyId: inv.agencyId } });
    }
    if (record.infoRequest) audit({ at: record.infoRequest.at, actor: COORDINATOR(), action: 'update', recordType: 'case', recordId: record.id, change: { status: 'info_requested' } });
    if (spec.status === 'listed') audit({ at: record.updatedAt, actor: COORDINATOR(), action: 'update', recordType: 'case', recordId: record.id, change: { status: 'listed', meetingId: meetings.m3 } });
    if (spec.status === 'withdrawn') {
      audit({ at: record.updatedAt, actor: referrer, action: 'update', recordType: 'case', recordId: record.id, change: { status: 'withdrawn' }, reason: 'A section 42 enquiry has started; the referrer will bring it back if risk remains.' });
    }
    if (spec.accepted === 'old') decision(b, 'accept', 'old');
    if (typeof spec.escalated === 'number') {
      audit({ at: record.updatedAt, actor: persona(spec.lead!), action: 'update', recordType: 'case', recordId: record.id, change: { status: 'escalated', riskLevel: record.riskLevel } });
    }
  }

  // ---- actions --------------------------------------------------------------------------------------------------

  function buildActions(all: CaseBuild[]): void {
    const live = all.filter((b) => b.spec.status === 'open' || b.spec.status === 'escalated');
    const closed = all.filter((b) => b.spec.status === 'closed');
    const perLiveCase = (b: CaseBuild) => (b.spec.incomplete || b.spec.restricted ? 4 : 5);
    type Slot = 'overdue' | ActionStatus;
    const pool: Slot[] = [
      ...Array<Slot>(12).fill('overdue'), ...Array<Slot>(14).fill('completed'), ...Array<Slot>(2).fill('not_done_agency'),
      ...Array<Slot>(2).fill('not_done_circumstance'), 'cancelled', ...Array<Slot>(17).fill('in_progress'),
      ...Array<Slot>(20).fill('not_started'),
    ];
    const needed = live.reduce((sum, b) => sum + perLiveCase(b), 0);
    if (needed !== pool.length) throw new Error(`demo action plan mismatch: ${needed} slots needed, ${pool.length} planned`);
    const slots = rng.shuffle(pool);
    for (const b of live) {
      for (const [j, owner] of ownersFor(b, perLiveCase(b)).entries()) addAction(b, owner, j, slots.shift()!);
    }
    for (const b of closed) {
      const finals: Slot[] = ['completed', 'completed', 'completed', rng.pick(['not_done_circumstance', 'cancelled'] as const)];
      for (const [j, owner] of ownersFor(b, 4).entries()) addAction(b, owner, j, finals[j]!);
    }
  }

  function ownersFor(b: CaseBuild, count: number): { key: string; template: readonly [string, string] }[] {
    const keys = [b.spec.lead!, ...b.spec.known.filter((k) => k !== b.spec.lead)];
    const used = new Map<string, number>();
    return Array.from({ length: count }, (_, j) => {
      const key = b.spec.status === 'escalated' && j === count - 1 ? 'coordinator' : keys[j % keys.length]!;
      const templates = ACTION_TEMPLATES[key]!;
      const n = used.get(key) ?? 0;
      used.set(key, n + 1);
      return { key, template: templates[n % templates.length]! };
    });
  }

  function addAction(b: CaseBuild, owner: { key: string; template: readonly [string, string] }, j: number, slot: 'overdue' | ActionStatus): void {
    const p = persona(owner.key);
    const createdDay = b.acceptedDay! + 1;
    const last = b.closedDay !== undefined ? b.closedDay - 1 : -1;
    const note = (day: number, text: string) => ({ at: clock.past(day, 15, 10), byMemberId: p.id, note: text });
    const action: NewRecord<'actions'> = {
      id: `act-${pad(data.actions.length + 1, 3)}`, parentKind: 'case', parentId: b.record.id,
      description: owner.template[0], successMeasure: owner.template[1], ownerId: p.id, agencyId: p.agencyId,
      dueDate: '', status: 'not_started', createdAt: clock.past(createdDay, 14, j * 3), createdById: COORDINATOR().id,
      progress: [], dueDateChanges: [],
    };
    switch (slot) {
      case 'overdue': {
        action.dueDate = clock.date(-rng.int(1, Math.min(35, -createdDay - 8)));
        if (rng.chance(0.5)) {
          action.status = 'in_progress';
          action.progress.push(note(rng.int(createdDay + 1, -2), rng.pick(PROGRESS_NOTES)));
        }
        break;
      }
      case 'completed': {
        const doneDay = rng.int(createdDay + 3, Math.min(last, createdDay + 40));
        action.dueDate = clock.date(Math.max(createdDay + 3, doneDay + rng.int(-3, 10)));
        action.status = 'completed';
        if (rng.chance(0.5)) action.progress.push(note(rng.int(createdDay + 1, doneDay), rng.pick(PROGRESS_NOTES)));
        action.completedAt = clock.past(doneDay, 16);
        action.completedById = p.id;
        action.evidence = rng.pick(COMPLETION_EVIDENCE);
        break;
      }
      case 'not_done_agency':
      case 'not_done_circumstance':
      case 'cancelled': {
        const day = rng.int(createdDay + 7, last);
        action.dueDate = clock.date(day);
        action.status = slot;
        action.progress.push(note(day, {
          not_done_agency: 'Not done: no worker was available in the team this month.',
          not_done_circumstance: 'Not done: the adult moved to supported housing, so this is no longer needed.',
          cancelled: 'Cancelled: replaced by the MARAC safety plan.',
        }[slot]));
        break;
      }
      case 'in_progress': {
        const dueDay = rng.int(3, 45);
        action.dueDate = clock.date(dueDay);
        action.status = 'in_progress';
        action.progress.push(note(rng.int(createdDay + 1, -1), rng.pick(PROGRESS_NOTES)));
        if (rng.chance(0.3)) {
          const fromDay = rng.int(createdDay + 7, -1);
          action.dueDateChanges.push({
            at: clock.past(fromDay - 1, 11), byMemberId: p.id, from: clock.date(fromDay), to: action.dueDate,
            reason: 'Waiting for the adult to agree a date for the visit.',
          });
        }
        break;
      }
      default:
        action.dueDate = clock.date(rng.int(5, 60));
    }
    data.actions.push(action);
  }
}

export function countDemoData(data: DemoData, now: Date): SeedCounts {
  const counts = Object.fromEntries(Object.entries(data).map(([k, v]) => [k, (v as unknown[]).length])) as { [K in keyof DemoData]: number };
  return { ...counts, overdueActions: data.actions.filter((a) => isOverdue(a, now)).length };
}

/**
 * Loads the synthetic partnership into an empty store in one transaction. It is a fixture loader, not a user
 * action: it writes records directly and queues no notifications.
 */
export async function seedDemo(store: Store, opts: SeedOptions): Promise<SeedCounts> {
  const data = buildDemoData(opts);
  await store.transaction(async (tx) => {
    for (const kind of Object.keys(data) as (keyof DemoData)[]) {
      for (const record of data[kind]) await tx.insert(kind, record as never);
    }
  });
  return countDemoData(data, opts.now);
}

/** Seeds only a store with no agencies yet, so restarting the server never duplicates or overwrites data. */
export async function seedDemoIfEmpty(store: Store, opts: SeedOptions): Promise<SeedCounts | undefined> {
  const existing = await store.transaction((tx) => tx.find('agencies', { limit: 1 }));
  if (existing.length) return undefined;
  return seedDemo(store, opts);
}
