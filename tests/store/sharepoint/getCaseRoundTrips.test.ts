import { makeContext } from '../../../src/kernel/context';
import { NotFoundError } from '../../../src/domain/errors';
import type { AuditEvent } from '../../../src/domain/records';
import { CASE_NOT_FOUND, runQuery } from '../../../src/queries';
import { type FullCaseView, getCase, type SummaryCaseView } from '../../../src/queries/getCase';
import type { SharePointStore } from '../../../src/store/sharepoint/sharePointStore';
import type { FaultPlan } from '../../fakes/faults';
import type { GraphFake } from '../../fakes/graphFake';
import { fakeSharePoint } from '../../fakes/sharePointHarness';
import { insert, makeAction, makeCase, makeChronology, makeDecision, makeOpenCase, makeRiskAssessment } from '../../support/records';
import { actorOf, AGENCIES, FIXED_NOW, MEMBERS, type Persona } from '../../support/world';

// getCase as GET /api/cases/:id runs it, on the production SharePoint store over the Graph fake: how many round trips
// a case page costs, and that reading a case's records early never lets them out (or audits a view) before the case
// is authorised.

interface Site {
  fake: GraphFake;
  store: SharePointStore;
}

async function site(faults?: FaultPlan): Promise<Site> {
  const { fake, store } = await fakeSharePoint(faults ? { faults } : {});
  await insert(store, 'agencies', ...AGENCIES);
  await insert(store, 'members', ...Object.values(MEMBERS));
  return { fake, store };
}

/** An open police-led case with its records, and a restricted one led by health. */
async function seed(store: SharePointStore): Promise<void> {
  await insert(
    store,
    'cases',
    makeOpenCase({
      id: 'open-1',
      ref: 'CASPA-2026-0101',
      involvements: [{ agencyId: 'ag-health', known: true, byMemberId: 'health', at: '2026-05-05T10:00:00.000Z' }],
    }),
    makeOpenCase({ id: 'restricted-1', ref: 'CASPA-2026-0102', restricted: true, leadAgencyId: 'ag-health', leadProfessionalId: 'health' }),
    makeCase({ id: 'referral-1', ref: 'CASPA-2026-0103' }),
  );
  for (const caseId of ['open-1', 'restricted-1', 'referral-1']) {
    await insert(store, 'chronology', makeChronology({ caseId, id: `${caseId}-ch`, summary: `Invented secret chronology of ${caseId}` }));
    await insert(store, 'actions', makeAction({ id: `${caseId}-a1`, parentId: caseId, dueDate: '2026-06-10' }), makeAction({ id: `${caseId}-a2`, parentId: caseId }));
    await insert(store, 'decisions', makeDecision({ caseId, id: `${caseId}-d` }));
    await insert(store, 'riskAssessments', makeRiskAssessment({ caseId, id: `${caseId}-ra` }));
  }
}

let seq = 0;
const ctxFor = (store: SharePointStore, persona: Persona) =>
  makeContext({ store, actor: actorOf(persona), now: () => FIXED_NOW, correlationId: `corr-${++seq}`, newId: () => `audit-${++seq}` });
const failure = (p: Promise<unknown>) => p.then(() => undefined, (e: unknown) => e);
const auditOf = (store: SharePointStore): Promise<AuditEvent[]> => store.transaction((tx) => tx.find('audit'));

/** Measures one query from a clean slate (list ids already known, as in a running server). */
async function measured<T>(fake: GraphFake, work: () => Promise<T>): Promise<{ result: T; roundTrips: number; requests: number; writes: string[] }> {
  fake.resetStats();
  const result = await work();
  const writes = fake.stats.log.filter((e) => e.method !== 'GET' && !e.url.endsWith('/$batch')).map((e) => new URL(e.url).pathname);
  return { result, roundTrips: fake.stats.simulatedMs / 100, requests: fake.stats.requests, writes };
}

describe('getCase on SharePoint: round trips', () => {
  it('opens a case page by id in four round trips: the case and its records in one $batch, then the view audit event on the chain', async () => {
    const { fake, store } = await site();
    await seed(store);
    await store.transaction((tx) => tx.get('cases', 'warm-up'));
    const ctx = ctxFor(store, 'coordinator');

    const { result, roundTrips, requests, writes } = await measured(fake, () => runQuery(getCase, ctx, { caseId: 'open-1' }));
    const view = result as FullCaseView;
    expect(view.access).toBe('full');
    expect(view.chronology.map((e) => e.id)).toEqual(['open-1-ch']);
    expect(view.actions.map((a) => [a.id, a.overdue])).toEqual([['open-1-a1', true], ['open-1-a2', false]]);
    expect(view.decisions.map((d) => d.id)).toEqual(['open-1-d']);
    expect(view.riskAssessments.map((r) => r.id)).toEqual(['open-1-ra']);
    expect(view.involvements).toEqual([expect.objectContaining({ agencyId: 'ag-health', agencyName: 'Test Health Trust' })]);

    // The reads in one $batch; then the audit event joins the hash chain: read the chain head, claim it with If-Match
    // (so two servers never fork the chain), write the event. Tamper evidence costs two round trips per audited read.
    expect({ roundTrips, requests, batches: fake.stats.batches, inBatch: fake.stats.innerRequests }).toEqual({ roundTrips: 4, requests: 4, batches: 1, inBatch: 6 });
    // The writes are the chain head and the audit event, after the reads.
    expect(writes).toHaveLength(2);
    expect(writes[1]).toMatch(/\/items$/);
    expect(fake.stats.log.at(-1)!.method).toBe('POST');
    const views = (await auditOf(store)).filter((e) => e.correlationId === ctx.correlationId);
    expect(views.map((e) => [e.action, e.actorId, e.recordId, e.reason])).toEqual([['view', 'coordinator', 'open-1', undefined]]);
  });

  it('still opens a case by reference (the records are read once the reference has found the case)', async () => {
    const { fake, store } = await site();
    await seed(store);
    await store.transaction((tx) => tx.get('cases', 'warm-up'));
    const { result, roundTrips } = await measured(fake, () => runQuery(getCase, ctxFor(store, 'police'), { ref: 'caspa-2026-101' }));
    expect((result as FullCaseView).chronology.map((e) => e.id)).toEqual(['open-1-ch']);
    expect(roundTrips).toBe(5);
  });
});

describe('getCase on SharePoint: records read early never leave before authorisation', () => {
  it('refuses a forbidden case exactly like a missing one, with no view audited and nothing of the case returned', async () => {
    const { fake, store } = await site();
    await seed(store);
    const forbidden = ctxFor(store, 'police');
    const missing = ctxFor(store, 'police');
    fake.resetStats();
    const [refused, absent] = await Promise.all([
      failure(runQuery(getCase, forbidden, { caseId: 'restricted-1' })),
      failure(runQuery(getCase, missing, { caseId: 'no-such-case' })),
    ]);
    for (const err of [refused, absent]) {
      expect(err).toBeInstanceOf(NotFoundError);
      expect(err).toMatchObject({ status: 404, message: CASE_NOT_FOUND });
      expect(JSON.stringify(err)).not.toMatch(/secret|restricted-1-/);
    }
    const events = await auditOf(store);
    expect(events.filter((e) => e.correlationId === forbidden.correlationId).map((e) => [e.action, e.recordId])).toEqual([['denied', 'restricted-1']]);
    expect(events.filter((e) => e.correlationId === missing.correlationId)).toEqual([]);
    expect(events.some((e) => e.action === 'view')).toBe(false);
  });

  it('gives a partner of another agency only the summary of a referral, though its records were read alongside', async () => {
    const { store } = await site();
    await seed(store);
    const view = (await runQuery(getCase, ctxFor(store, 'fire'), { caseId: 'referral-1' })) as SummaryCaseView;
    expect(view.access).toBe('summary');
    expect(Object.keys(view).sort()).toEqual(['access', 'can', 'case']);
    expect(JSON.stringify(view)).not.toMatch(/secret|Invented|referral-1-/);
    expect((await auditOf(store)).map((e) => [e.action, e.actorId, e.recordId, e.reason])).toEqual([['view', 'fire', 'referral-1', 'summary']]);
  });

  it('gives the same page, and audits each view once, when one request in five is throttled or dropped', async () => {
    const calm = await site();
    await seed(calm.store);
    const expected = await runQuery(getCase, ctxFor(calm.store, 'health'), { caseId: 'restricted-1' });

    const faulty = await site();
    await seed(faulty.store);
    faulty.fake.setFaults({ every: 5, kinds: ['429', '503', 'drop', 'drop-after'], retryAfterSeconds: 1 });
    const ctxs = [1, 2, 3].map(() => ctxFor(faulty.store, 'health'));
    const pages = await Promise.all(ctxs.map((ctx) => runQuery(getCase, ctx, { caseId: 'restricted-1' })));
    faulty.fake.setFaults(undefined);
    for (const page of pages) expect(page).toEqual(expected);
    expect(faulty.fake.stats.faults['429'] + faulty.fake.stats.faults['503'] + faulty.fake.stats.faults.drop + faulty.fake.stats.faults['drop-after']).toBeGreaterThan(0);
    const events = await auditOf(faulty.store);
    for (const ctx of ctxs) expect(events.filter((e) => e.correlationId === ctx.correlationId).map((e) => e.action)).toEqual(['view']);
  });
});
