import { NotFoundError, ValidationError } from '../../src/domain/errors';
import type { AuditEvent } from '../../src/domain/records';
import { CASE_NOT_FOUND, runQuery } from '../../src/queries';
import { type FullCaseView, getCase, type SummaryCaseView } from '../../src/queries/getCase';
import {
  insert, makeAction, makeCase, makeChronology, makeDecision, makeOpenCase, makeRiskAssessment,
} from '../support/records';
import { createWorld, type Persona, type World } from '../support/world';

let world: World;
beforeEach(async () => (world = await createWorld()));
afterEach(() => world.close());

const audit = (): Promise<AuditEvent[]> => world.store.transaction((tx) => tx.find('audit'));
const read = (persona: Persona, input: Record<string, unknown>, now?: Date) => runQuery(getCase, world.ctx(persona, now), input);
const failure = (p: Promise<unknown>) => p.then(() => undefined, (e: unknown) => e);

// FIXED_NOW is 2026-06-15T09:00Z.
describe('getCase: the full view', () => {
  it('gives a reader the case with chronology in time order, actions with derived overdue, decisions, assessments and involvements', async () => {
    const c = makeOpenCase({
      involvements: [{ agencyId: 'ag-health', known: true, note: 'Known to the invented ward.', byMemberId: 'health', at: '2026-05-05T10:00:00.000Z' }],
    });
    await insert(world.store, 'cases', c);
    await insert(
      world.store,
      'chronology',
      makeChronology({ caseId: c.id, id: 'ch-late', occurredAt: '2026-05-10T08:00:00.000Z', recordedAt: '2026-05-01T00:00:00.000Z' }),
      makeChronology({ caseId: c.id, id: 'ch-early', occurredAt: '2026-04-01T08:00:00.000Z', recordedAt: '2026-05-11T00:00:00.000Z' }),
      makeChronology({ caseId: 'other-case', id: 'ch-other' }),
    );
    await insert(
      world.store,
      'actions',
      makeAction({ id: 'a-yesterday', parentId: c.id, dueDate: '2026-06-14' }),
      makeAction({ id: 'a-today', parentId: c.id, dueDate: '2026-06-15', status: 'in_progress' }),
      makeAction({ id: 'a-done-late', parentId: c.id, dueDate: '2026-06-01', status: 'completed' }),
      makeAction({ id: 'a-long-ago', parentId: c.id, dueDate: '2026-05-16' }),
      makeAction({ id: 'a-board', parentKind: 'board_plan', parentId: c.id }),
    );
    await insert(world.store, 'decisions', makeDecision({ caseId: c.id }));
    await insert(
      world.store,
      'riskAssessments',
      makeRiskAssessment({ caseId: c.id, id: 'ra-2', assessmentNumber: 2 }),
      makeRiskAssessment({ caseId: c.id, id: 'ra-1', assessmentNumber: 1 }),
    );

    const view = (await read('health', { caseId: c.id })) as FullCaseView;
    expect(view.access).toBe('full');
    expect(view.case.adult.name).toBe('Sam Invented Person');
    expect(view.chronology.map((e) => e.id)).toEqual(['ch-early', 'ch-late']);
    const overdue = Object.fromEntries(view.actions.map((a) => [a.id, [a.overdue, a.daysOverdue]]));
    expect(overdue).toEqual({
      'a-long-ago': [true, 30],
      'a-done-late': [false, 0],
      'a-yesterday': [true, 1],
      'a-today': [false, 0],
    });
    expect(view.decisions).toHaveLength(1);
    expect(view.riskAssessments.map((r) => r.id)).toEqual(['ra-1', 'ra-2']);
    expect(view.involvements).toEqual([expect.objectContaining({ agencyId: 'ag-health', known: true, agencyName: 'Test Health Trust' })]);
    expect(view.missing).toEqual({ items: [], daysSinceAcceptance: 26, dueBy: '2026-06-17', pastDeadline: false });
    expect(view.can).toMatchObject({ addChronology: true, createAction: false, readAudit: false, recordInvolvement: true });
  });

  it('writes a view audit event on every full read, by id or by a reference typed loosely', async () => {
    const c = makeOpenCase({ ref: 'CASPA-2026-0014' });
    await insert(world.store, 'cases', c);
    await read('police', { caseId: c.id });
    const byRef = (await read('police', { ref: 'caspa-2026-14' })) as FullCaseView;
    expect(byRef.case.id).toBe(c.id);
    await read('coordinator', { ref: 'CASPA-2026-0014' });
    const views = (await audit()).filter((e) => e.action === 'view');
    expect(views.map((e) => [e.actorId, e.actorAgencyId, e.recordType, e.recordId, e.reason])).toEqual([
      ['police', 'ag-police', 'case', c.id, undefined],
      ['police', 'ag-police', 'case', c.id, undefined],
      ['coordinator', 'ag-council', 'case', c.id, undefined],
    ]);
  });

  it('lists what an accepted case still lacks, and whether the 28 days have passed', async () => {
    const bare = makeCase({ id: 'bare', status: 'open', acceptedAt: '2026-05-15T16:00:00.000Z' });
    await insert(world.store, 'cases', bare);
    await insert(world.store, 'actions', makeAction({ parentId: 'bare', status: 'cancelled' }));
    const view = (await read('police', { caseId: 'bare' })) as FullCaseView;
    expect(view.missing).toEqual({
      items: [
        { key: 'lead', label: 'Lead agency and lead professional' },
        { key: 'riskAssessment', label: 'Multi-agency risk assessment' },
        { key: 'smartPlan', label: 'SMART action plan (at least one action)' },
        { key: 'contingencyPlan', label: 'Contingency plan' },
        { key: 'reviewDate', label: 'Review date' },
      ],
      daysSinceAcceptance: 31,
      dueBy: '2026-06-12',
      pastDeadline: true,
    });

    const partly = makeOpenCase({ id: 'partly', acceptedAt: '2026-06-10T10:00:00.000Z', contingencyPlan: '  ', nextReviewDate: undefined });
    await insert(world.store, 'cases', partly);
    await insert(world.store, 'actions', makeAction({ parentId: 'partly' }));
    const second = (await read('police', { caseId: 'partly' })) as FullCaseView;
    expect(second.missing?.items.map((i) => i.key)).toEqual(['riskAssessment', 'contingencyPlan', 'reviewDate']);
    expect(second.missing).toMatchObject({ daysSinceAcceptance: 5, pastDeadline: false });

    const referral = makeCase({ id: 'referral' });
    await insert(world.store, 'cases', referral);
    expect(((await read('police', { caseId: 'referral' })) as FullCaseView).missing).toBeNull();
  });
});

describe('getCase: the new-referral summary', () => {
  it('shows a partner of another agency only the minimal summary, audited as a summary view', async () => {
    const c = makeCase({
      involvements: [{ agencyId: 'ag-health', known: false, note: 'Invented note that must not leak.', byMemberId: 'health', at: '2026-05-02T10:00:00.000Z' }],
    });
    await insert(world.store, 'cases', c);
    const view = (await read('fire', { caseId: c.id })) as SummaryCaseView;
    expect(view).toEqual({
      access: 'summary',
      // Surface rule 1: no status, no received date, and not which other agencies know the adult.
      case: {
        id: c.id,
        ref: c.ref,
        initials: 'S.I.P.',
        riskCategories: ['self_neglect'],
        referrerAgencyId: 'ag-police',
        referrerAgencyShortName: 'Police',
      },
      can: expect.objectContaining({ recordInvolvement: true, addChronology: false, withdraw: false }),
    });
    expect(JSON.stringify(view)).not.toMatch(/Sam|Invented|LU2|ag-health|submitted/);
    expect((await audit()).map((e) => [e.action, e.actorId, e.recordId, e.reason])).toEqual([['view', 'fire', c.id, 'summary']]);
  });

  it("shows a partner their own agency's answer in the summary, and no other agency's", async () => {
    const c = makeCase({
      involvements: [
        { agencyId: 'ag-health', known: true, byMemberId: 'health', at: '2026-05-02T10:00:00.000Z' },
        { agencyId: 'ag-fire', known: false, byMemberId: 'fire', at: '2026-05-02T11:00:00.000Z' },
      ],
    });
    await insert(world.store, 'cases', c);
    const view = (await read('fire', { caseId: c.id })) as SummaryCaseView;
    expect(view.access).toBe('summary');
    expect(view.case.myAgencyInvolvement).toEqual({ known: false });
    expect(JSON.stringify(view)).not.toContain('ag-health');
  });

  it('gives the referring agency and the chair the full view of the same referral', async () => {
    const c = makeCase();
    await insert(world.store, 'cases', c);
    for (const persona of ['police', 'policeLead', 'chair', 'coordinator'] as const) {
      expect((await read(persona, { caseId: c.id })).access).toBe('full');
    }
    for (const persona of ['health', 'fire'] as const) {
      expect((await read(persona, { caseId: c.id })).access).toBe('summary');
    }
  });
});

describe('getCase: no existence leak', () => {
  it('answers a missing case and a forbidden one with the same 404 and message, auditing only the refusal', async () => {
    await insert(
      world.store,
      'cases',
      makeOpenCase({ id: 'police-led' }),
      makeOpenCase({ id: 'restricted', restricted: true, leadAgencyId: 'ag-health', leadProfessionalId: 'health', namedMemberIds: ['fire'] }),
      makeCase({ id: 'draft', status: 'draft' }),
      makeCase({ id: 'restricted-referral', ref: 'CASPA-2026-0900', restricted: true, referrerMemberId: 'health', referrerAgencyId: 'ag-health' }),
    );
    const refusals = [
      failure(read('fire', { caseId: 'police-led' })),
      failure(read('police', { caseId: 'restricted' })),
      failure(read('chair', { caseId: 'restricted' })),
      failure(read('chair', { caseId: 'draft' })),
      failure(read('policeLead', { caseId: 'draft' })),
      failure(read('viewer', { caseId: 'police-led' })),
      failure(read('inactive', { caseId: 'police-led' })),
      failure(read('fire', { ref: 'CASPA-2026-0900' })),
    ];
    const missing = [failure(read('coordinator', { caseId: 'no-such-case' })), failure(read('police', { ref: 'CASPA-2026-9999' }))];
    for (const err of await Promise.all([...refusals, ...missing])) {
      expect(err).toBeInstanceOf(NotFoundError);
      expect(err).toMatchObject({ status: 404, message: CASE_NOT_FOUND, name: 'Error' });
    }
    expect(CASE_NOT_FOUND).toBe('No case with that reference was found, or you are not permitted to see it.');
    const events = await audit();
    expect(events.every((e) => e.action === 'denied')).toBe(true);
    expect(events.map((e) => e.recordId).sort()).toEqual(
      ['draft', 'draft', 'police-led', 'police-led', 'police-led', 'restricted', 'restricted', 'restricted-referral'].sort(),
    );
  });

  it('shows a restricted case only to coordinators, the lead agency and named members', async () => {
    await insert(
      world.store,
      'cases',
      makeOpenCase({
        id: 'restricted',
        restricted: true,
        leadAgencyId: 'ag-health',
        leadProfessionalId: 'health',
        namedMemberIds: ['fire'],
        involvements: [{ agencyId: 'ag-police', known: true, byMemberId: 'police', at: '2026-05-02T10:00:00.000Z' }],
      }),
    );
    const access = async (persona: Persona) => (await failure(read(persona, { caseId: 'restricted' }))) ?? 'error';
    for (const persona of ['coordinator', 'health', 'fire'] as const) {
      expect((await read(persona, { caseId: 'restricted' })).access).toBe('full');
    }
    for (const persona of ['chair', 'police', 'policeLead', 'viewer'] as const) {
      expect(await access(persona)).toBeInstanceOf(NotFoundError);
    }
  });

  it('names the missing field when neither an id nor a reference is given', async () => {
    const err = await failure(read('police', {}));
    expect(err).toBeInstanceOf(ValidationError);
    expect((err as ValidationError).problems).toEqual([{ field: 'caseId', message: 'give a case id or a reference' }]);
  });
});

describe('getCase by reference', () => {
  it('refuses a case id alongside the reference, so the reference alone decides which case opens', async () => {
    const { ValidationError } = await import('../../src/domain/errors');
    const mine = makeCase({ referrerAgencyId: 'ag-fire', referrerMemberId: 'fire' });
    await insert(world.store, 'cases', mine);
    await expect(read('fire', { ref: mine.ref, caseId: 'some-other-case' })).rejects.toThrow(ValidationError);
    expect((await read('fire', { ref: mine.ref })).case.id).toBe(mine.id);
  });
});

