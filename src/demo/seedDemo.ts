import { isOverdue } from '../domain/rules';
import { appendAuditEvent } from '../audit/chain';
import type { NewRecord, Store } from '../store/port';
import { CASE_SPECS } from './caseSpecs';
import { agencyRecord, DEMO_AGENCIES, DEMO_PERSONAS, type DemoPersona, personaMember } from './personas';
import { createPrng } from './prng';
import { seedActions } from './seedActions';
import { seedCaseHistory } from './seedCaseHistory';
import { seedCases } from './seedCases';
import { type AuditInput, type CaseBuild, Clock, CORRELATION, type DemoData, pad, SEED, type Seed, type SeedCounts, type SeedOptions } from './seedContext';
import { seedMeetings } from './seedMeetings';

export type { DemoData, SeedCounts, SeedOptions } from './seedContext';

/**
 * Builds the synthetic partnership: deterministic for a given `now` and prefix (a seeded PRNG, every date relative
 * to `now`), and every record shaped by the types in src/domain/records.ts. The data sets are built in a fixed
 * order, each drawing from the one random sequence: cases, meetings, each case's history, then actions.
 */
export function buildDemoData(opts: SeedOptions): DemoData {
  const clock = new Clock(opts.now);
  const data: DemoData = {
    agencies: DEMO_AGENCIES.map(agencyRecord),
    members: DEMO_PERSONAS.map(personaMember),
    cases: [], riskAssessments: [], actions: [], chronology: [], meetings: [], agendaItems: [], decisions: [],
    attendance: [], audit: [], counters: [],
  };
  let auditSeq = 0;
  const builds: CaseBuild[] = [];
  const seed: Seed = {
    opts,
    rng: createPrng(SEED),
    clock,
    data,
    panelDay: { m1: clock.weekday(-49), m2: clock.weekday(-21), m3: clock.weekday(7) },
    builds,
    audit: (entry: AuditInput & { actor: DemoPersona }) => {
      const id = `aud-${pad(++auditSeq, 4)}`;
      const { actor, ...rest } = entry;
      data.audit.push({ ...rest, id, idempotencyKey: `seed:${id}`, correlationId: CORRELATION, actorId: actor.id, actorAgencyId: actor.agencyId });
    },
  };

  const cases = seedCases(seed);
  for (const [index, spec] of CASE_SPECS.entries()) builds.push(cases.buildCase(spec, index));
  cases.assignReferences(builds, opts.refPrefix, data);
  for (const b of builds) data.cases.push(b.record);

  const panel = seedMeetings(seed);
  const meetings = panel.buildMeetings();
  const history = seedCaseHistory(seed, meetings, panel.decision);
  for (const b of builds) {
    history.buildChronology(b);
    history.buildRiskAssessments(b);
    history.buildCaseAudit(b);
  }
  seedActions(seed).buildActions(builds);
  panel.publishNextMonth();
  return data;
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
      // Audit events go through the chain writer, so the seeded trail verifies like any other.
      for (const record of data[kind]) await (kind === 'audit' ? appendAuditEvent(tx, record as NewRecord<'audit'>) : tx.insert(kind, record as never));
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

