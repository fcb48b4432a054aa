import type {
  ActionRecord, AgendaItem, CaseRecord, ChronologyEntry, Decision, Meeting, RiskAssessment,
} from '../../src/domain/records';
import type { Kind, NewRecord, RecordMap, Store } from '../../src/store/port';

// Full, valid records with invented data, for tests that need a state no command has reached yet (or many of them).
// Each maker takes overrides for what the test is about. Tests that exercise the commands use tests/support/cases.ts.

let n = 0;
const next = (prefix: string) => `${prefix}-${++n}`;

/** An in-memory record at version 1 (what the store returns after insert). */
export function makeCase(overrides: Partial<CaseRecord> = {}): CaseRecord {
  const seq = ++n;
  return {
    id: `case-${seq}`,
    version: 1,
    ref: `CASPA-2026-${String(seq).padStart(4, '0')}`,
    status: 'submitted',
    createdAt: '2026-05-01T10:00:00.000Z',
    updatedAt: '2026-05-01T10:00:00.000Z',
    receivedAt: '2026-05-01T10:00:00.000Z',
    referrerMemberId: 'police',
    referrerAgencyId: 'ag-police',
    adult: { name: 'Sam Invented Person', dateOfBirth: '1948-04-05', postcode: 'LU2 2BB' },
    initials: 'S.I.P.',
    riskCategories: ['self_neglect'],
    reasons: 'Invented: the adult has stopped letting carers in.',
    currentSupport: 'Invented: a weekly welfare call.',
    childrenAtRisk: false,
    otherAdultsAtRisk: false,
    capacity: 'presumed',
    adultAware: true,
    consent: 'given',
    otherProcessesConsidered: [],
    adultViews: 'Invented: wants to be left alone.',
    advocacyNeeded: false,
    involvements: [],
    restricted: false,
    namedMemberIds: [],
    legalHold: false,
    ...overrides,
  };
}

/** An accepted, live case led by `leadAgencyId` with a complete plan (override fields to make it incomplete). */
export function makeOpenCase(overrides: Partial<CaseRecord> = {}): CaseRecord {
  return makeCase({
    status: 'open',
    acceptedAt: '2026-05-20T14:00:00.000Z',
    leadAgencyId: 'ag-police',
    leadProfessionalId: 'police',
    riskLevel: 'high',
    riskLevelAtAcceptance: 'high',
    nextReviewDate: '2026-08-20',
    contingencyPlan: 'Invented: call the duty team if the door is not answered.',
    ...overrides,
  });
}

export function makeAction(overrides: Partial<ActionRecord> = {}): ActionRecord {
  return {
    id: overrides.id ?? next('action'),
    version: 1,
    parentKind: 'case',
    parentId: 'case-missing',
    description: 'Invented: arrange a joint visit.',
    successMeasure: 'Visit made and recorded.',
    ownerId: 'police',
    agencyId: 'ag-police',
    dueDate: '2026-07-01',
    status: 'not_started',
    createdAt: '2026-05-20T14:00:00.000Z',
    createdById: 'coordinator',
    progress: [],
    dueDateChanges: [],
    ...overrides,
  };
}

export function makeChronology(overrides: Partial<ChronologyEntry> & { caseId: string }): ChronologyEntry {
  const id = overrides.id ?? next('chron');
  return {
    id,
    version: 1,
    idempotencyKey: `test:${id}`,
    occurredAt: '2026-05-02T08:00:00.000Z',
    recordedAt: '2026-05-03T08:00:00.000Z',
    recordedById: 'police',
    sourceAgencyId: 'ag-police',
    type: 'police_call_out',
    summary: 'Invented: neighbour reported smoke.',
    significance: 'medium',
    ...overrides,
  };
}

export function makeDecision(overrides: Partial<Decision> & { caseId: string }): Decision {
  const id = overrides.id ?? next('decision');
  return {
    id,
    version: 1,
    idempotencyKey: `test:${id}`,
    outcome: 'accept',
    rationale: 'Invented: risk is beyond one agency.',
    decidedById: 'chair',
    decidedAt: '2026-05-20T14:00:00.000Z',
    ...overrides,
  };
}

export function makeRiskAssessment(overrides: Partial<RiskAssessment> & { caseId: string }): RiskAssessment {
  return {
    id: overrides.id ?? next('ra'),
    version: 1,
    assessmentNumber: 1,
    assessedAt: '2026-05-25T10:00:00.000Z',
    assessedById: 'police',
    domains: [{ domain: 'home_environment', rating: 'red', evidence: 'Invented: exits blocked.' }],
    protectiveFactors: 'Invented: a supportive neighbour.',
    overallLevel: 'high',
    adultView: 'Invented: does not see a risk.',
    ...overrides,
  };
}

export function makeMeeting(overrides: Partial<Meeting> = {}): Meeting {
  return {
    id: overrides.id ?? next('meeting'),
    version: 1,
    title: 'Invented panel',
    startsAt: '2026-07-01T09:30:00.000Z',
    chairId: 'chair',
    status: 'planned',
    quorum: { coreAgencyIds: ['ag-council', 'ag-police', 'ag-health'], minCoreShare: 0.5, chairRequired: true },
    ...overrides,
  };
}

export function makeAgendaItem(overrides: Partial<AgendaItem> & { meetingId: string }): AgendaItem {
  return { id: overrides.id ?? next('agenda'), version: 1, order: 1, kind: 'new_referral', minutesAllotted: 10, ...overrides };
}

/** Inserts records of one kind directly (one transaction) and returns them as stored. */
export async function insert<K extends Kind>(store: Store, kind: K, ...records: RecordMap[K][]): Promise<RecordMap[K][]> {
  return store.transaction(async (tx) => {
    const stored: RecordMap[K][] = [];
    for (const record of records) {
      const { version: _version, ...rest } = record as RecordMap[K] & { version: number };
      stored.push(await tx.insert(kind, rest as unknown as NewRecord<K>));
    }
    return stored;
  });
}
