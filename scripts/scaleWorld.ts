/**
 * The invented world the scale benchmarks grow: deterministic cases (HIST-<year>-<number>) with four actions each, 2%
 * of actions overdue. Invented data only (no real person).
 */
import { DEMO_AGENCIES } from '../src/demo/personas';
import type { ActionRecord } from '../src/domain/records';
import type { NewRecord, Store } from '../src/store/port';

/** A small deterministic generator (mulberry32): the same invented data on every run. */
function rng(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
const random = rng(11);
const pick = <T>(xs: readonly T[]): T => xs[Math.floor(random() * xs.length)]!;
const AGENCY_IDS = DEMO_AGENCIES.map((a) => a.id);
const LIVE_OR_CLOSED = ['open', 'open', 'escalated', 'closed', 'closed', 'closed', 'submitted', 'listed'] as const;

export function inventedCase(i: number): { c: NewRecord<'cases'>; actions: NewRecord<'actions'>[] } {
  const received = new Date(Date.UTC(2018, 0, 1) + Math.floor(random() * 8.4 * 365) * 86_400_000 + i).toISOString();
  const status = pick(LIVE_OR_CLOSED);
  const referrerAgencyId = pick(AGENCY_IDS);
  const leadAgencyId = status === 'submitted' || status === 'listed' ? undefined : pick(AGENCY_IDS);
  const id = `bench-case-${i}`;
  const c = {
    id,
    ref: `HIST-${received.slice(0, 4)}-${String(i).padStart(5, '0')}`,
    status,
    createdAt: received,
    updatedAt: received,
    receivedAt: received,
    referrerMemberId: 'bench-member',
    referrerAgencyId,
    ...(leadAgencyId ? { leadAgencyId, riskLevel: pick(['low', 'medium', 'high', 'very_high'] as const), nextReviewDate: '2026-07-01' } : {}),
    adult: { name: 'Invented Person', dateOfBirth: '1950-01-01', postcode: 'LU1 1AA' },
    initials: 'I.P.',
    riskCategories: ['self_neglect'],
    reasons: 'Invented.',
    currentSupport: 'Invented.',
    childrenAtRisk: false,
    otherAdultsAtRisk: false,
    capacity: 'presumed',
    adultAware: true,
    consent: 'given',
    otherProcessesConsidered: [],
    adultViews: 'Invented.',
    advocacyNeeded: false,
    involvements: random() < 0.3 ? [{ agencyId: pick(AGENCY_IDS), known: true, byMemberId: 'bench-member', at: received }] : [],
    restricted: random() < 0.03,
    namedMemberIds: [],
    legalHold: false,
  } as NewRecord<'cases'>;
  const actions = Array.from({ length: 4 }, (_, k): NewRecord<'actions'> => {
    // 2% of actions overdue: open and due before today; the rest finished or due later.
    const overdue = random() < 0.02;
    const finished = !overdue && status === 'closed';
    return {
      id: `${id}-a${k}`,
      parentKind: 'case',
      parentId: id,
      description: 'Invented action',
      successMeasure: 'Invented',
      ownerId: 'bench-member',
      agencyId: pick(AGENCY_IDS),
      dueDate: overdue ? '2026-05-01' : finished ? '2025-01-01' : '2026-09-01',
      status: finished ? 'completed' : 'in_progress',
      createdAt: received,
      createdById: 'bench-member',
      progress: [],
      dueDateChanges: [],
    } satisfies Omit<ActionRecord, 'version'>;
  });
  return { c, actions };
}

export async function grow(store: Store, from: number, to: number): Promise<void> {
  for (let start = from; start < to; start += 2_000) {
    await store.transaction(async (tx) => {
      for (let i = start; i < Math.min(to, start + 2_000); i++) {
        const { c, actions } = inventedCase(i);
        await tx.insert('cases', c);
        for (const a of actions) await tx.insert('actions', a);
      }
    });
  }
}

