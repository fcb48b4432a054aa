import { execute } from '../../src/kernel/command';
import { placeReferralOnAgenda } from '../../src/commands/placeReferralOnAgenda';
import { recordScreeningDecision } from '../../src/commands/recordScreeningDecision';
import { ConflictError, ForbiddenError, IllegalTransitionError, ValidationError } from '../../src/domain/errors';
import { allRecords, auditOf, createListedReferral, createOpenCase, createSubmittedReferral, getRecord, insertMeeting } from '../support/cases';
import { expectRefused, fieldsOf } from '../support/refusals';
import { createWorld, FIXED_NOW, MEMBERS, type World } from '../support/world';
import { expectHidden } from './expectHidden';

let world: World;
beforeEach(async () => (world = await createWorld()));
afterEach(() => world.close());

const accept = (caseId: string, extra: Record<string, unknown> = {}) => ({
  caseId,
  outcome: 'accept',
  rationale: 'Invented: three agencies hold risk none can manage alone.',
  leadAgencyId: 'ag-police',
  leadProfessionalId: 'policelead',
  ...extra,
});

describe('recordScreeningDecision', () => {
  it('accepts a listed referral: opens the case with its lead, logs the decision, adds a chronology entry, audits and notifies', async () => {
    const meeting = await insertMeeting(world);
    const referral = await createListedReferral(world, 'police', { meetingId: meeting.id });
    const [item] = await world.store.transaction((tx) => tx.find('agendaItems', { where: [{ field: 'caseId', op: 'eq', value: referral.id }] }));
    const ctx = world.ctx('coordinator');
    const opened = await execute(
      recordScreeningDecision,
      ctx,
      accept(referral.id, {
        agendaItemId: item!.id,
        leadCoordinatorId: 'health',
        riskLevel: 'very_high',
        nextReviewDate: '2026-09-01',
        alternativesConsidered: 'Single-agency plan considered.',
        dissent: 'Fire would have preferred a deferral.',
      }),
    );

    const stored = await getRecord(world, 'cases', referral.id);
    expect(stored).toEqual(opened);
    expect(stored).toMatchObject({
      status: 'open',
      acceptedAt: FIXED_NOW.toISOString(),
      leadAgencyId: 'ag-police',
      leadProfessionalId: 'policelead',
      leadCoordinatorId: 'health',
      riskLevel: 'very_high',
      riskLevelAtAcceptance: 'very_high',
      nextReviewDate: '2026-09-01',
      version: referral.version + 1,
    });
    // The lead coordinator is in another agency: named, so they can read the case.
    expect(stored!.namedMemberIds).toEqual(['health']);

    const [decision] = await allRecords(world, 'decisions');
    expect(decision).toMatchObject({
      caseId: referral.id,
      outcome: 'accept',
      rationale: 'Invented: three agencies hold risk none can manage alone.',
      alternativesConsidered: 'Single-agency plan considered.',
      dissent: 'Fire would have preferred a deferral.',
      meetingId: meeting.id,
      agendaItemId: item!.id,
      decidedById: 'coordinator',
      decidedAt: FIXED_NOW.toISOString(),
    });
    expect(decision!.idempotencyKey).toContain(ctx.correlationId);

    const [entry] = await allRecords(world, 'chronology');
    expect(entry).toMatchObject({ caseId: referral.id, type: 'panel_decision', sourceAgencyId: 'ag-council', recordedById: 'coordinator' });
    expect(entry!.summary).toBe('Panel accepted the referral; lead agency Test Police, risk level very high.');
    expect(entry!.summary).not.toMatch(/Alex|three agencies/);

    const audit = (await auditOf(world, referral.id)).at(-1)!;
    expect(audit).toMatchObject({
      action: 'update',
      actorId: 'coordinator',
      reason: 'Invented: three agencies hold risk none can manage alone.',
      change: expect.objectContaining({ status: { from: 'listed', to: 'open' }, decisionId: decision!.id, leadAgencyId: 'ag-police' }),
    });

    const outbox = (await allRecords(world, 'outbox')).filter((o) => o.kind === 'decision');
    expect(outbox).toHaveLength(1);
    expect(outbox[0]!.payload).toEqual({ caseId: referral.id, ref: referral.ref, decisionId: decision!.id, outcome: 'accept', referrerMemberId: 'police' });
    expect(JSON.stringify(outbox[0])).not.toMatch(/Alex|rationale|three agencies/);
  });

  it.each([
    ['decline', 'declined', 'Panel declined the referral.'],
    ['defer', 'deferred', 'Panel deferred the referral for more information.'],
  ])('%s moves a submitted referral to %s and logs the decision', async (outcome, status, summary) => {
    const referral = await createSubmittedReferral(world);
    const result = await execute(recordScreeningDecision, world.ctx('chair'), { caseId: referral.id, outcome, rationale: 'Invented reason.' });
    expect(result.status).toBe(status);
    expect(result.leadAgencyId).toBeUndefined();
    expect(result.acceptedAt).toBeUndefined();
    expect((await allRecords(world, 'decisions')).map((d) => [d.outcome, d.decidedById])).toEqual([[outcome, 'chair']]);
    expect((await allRecords(world, 'chronology')).map((e) => e.summary)).toEqual([summary]);
    expect((await allRecords(world, 'outbox')).map((o) => o.kind)).toEqual(['newReferral', 'decision']);
  });

  it('lets a deferred referral be listed again and then accepted', async () => {
    const referral = await createSubmittedReferral(world);
    await execute(recordScreeningDecision, world.ctx('coordinator'), { caseId: referral.id, outcome: 'defer', rationale: 'Need GP view.' });
    await execute(placeReferralOnAgenda, world.ctx('coordinator'), { caseId: referral.id });
    const opened = await execute(recordScreeningDecision, world.ctx('coordinator'), accept(referral.id));
    expect(opened.status).toBe('open');
    expect((await allRecords(world, 'decisions')).map((d) => d.outcome).sort()).toEqual(['accept', 'defer']);
  });

  describe('refuses invalid input, naming the field and changing nothing', () => {
    it.each<[string, Record<string, unknown>, string[]]>([
      ['an accept without a lead', { leadAgencyId: undefined, leadProfessionalId: undefined }, ['leadAgencyId', 'leadProfessionalId']],
      ['a blank rationale', { rationale: '   ' }, ['rationale']],
      ['a missing rationale', { rationale: undefined }, ['rationale']],
      ['an unknown outcome', { outcome: 'maybe' }, ['outcome']],
      ['an unknown field', { colour: 'red' }, ['colour']],
      ['a bad risk level', { riskLevel: 'extreme' }, ['riskLevel']],
      ['a lead agency that does not exist', { leadAgencyId: 'ag-nowhere' }, ['leadAgencyId']],
      ['a lead professional of another agency', { leadProfessionalId: 'health' }, ['leadProfessionalId']],
      ['an inactive lead professional', { leadProfessionalId: 'inactive' }, ['leadProfessionalId']],
      ['an unknown lead coordinator', { leadCoordinatorId: 'nobody' }, ['leadCoordinatorId']],
      ['a review date in the past', { nextReviewDate: '2026-06-14' }, ['nextReviewDate']],
      ['a meeting that does not exist', { meetingId: 'meeting-none' }, ['meetingId']],
      ['an agenda item of another case', { agendaItemId: 'item-none' }, ['agendaItemId']],
    ])('%s', async (_label, overrides, fields) => {
      const referral = await createSubmittedReferral(world);
      const err = await expectRefused(
        world,
        () => execute(recordScreeningDecision, world.ctx('coordinator'), { ...accept(referral.id), ...overrides }),
        ValidationError,
      );
      expect(fieldsOf(err)).toEqual(fields);
    });

    it('a decline that names a lead (accept-only fields are refused, not dropped)', async () => {
      const referral = await createSubmittedReferral(world);
      const err = await expectRefused(
        world,
        () => execute(recordScreeningDecision, world.ctx('coordinator'), { caseId: referral.id, outcome: 'decline', rationale: 'x', leadAgencyId: 'ag-police' }),
        ValidationError,
      );
      expect(err.problems).toEqual([{ field: 'leadAgencyId', message: 'applies only when the referral is accepted' }]);
    });
  });

  it.each(['police'] as const)('refuses %s and audits the refusal', async (persona) => {
    const referral = await createSubmittedReferral(world);
    await expectRefused(world, () => execute(recordScreeningDecision, world.ctx(persona), accept(referral.id)), ForbiddenError);
    const denied = (await auditOf(world, referral.id)).filter((a) => a.action === 'denied');
    expect(denied).toEqual([expect.objectContaining({ actorId: MEMBERS[persona].id, recordType: 'recordScreeningDecision' })]);
  });

  it('answers a viewer, who cannot see the referral, as for a missing case', async () => {
    const referral = await createSubmittedReferral(world);
    await expectHidden(world, () => execute(recordScreeningDecision, world.ctx('viewer'), accept(referral.id)), { type: 'case', id: referral.id });
  });

  it('answers the chair on a restricted referral the chair cannot read as for a missing case', async () => {
    const referral = await createSubmittedReferral(world, 'police', { restricted: true });
    await expectHidden(world, () => execute(recordScreeningDecision, world.ctx('chair'), accept(referral.id)), { type: 'case', id: referral.id });
  });

  it('refuses to screen an open case, naming the state and the allowed next steps', async () => {
    const open = await createOpenCase(world);
    const err = await expectRefused(world, () => execute(recordScreeningDecision, world.ctx('coordinator'), accept(open.id)), IllegalTransitionError);
    expect(err.message).toBe('A referral or case that is open cannot become open. Allowed next: escalated, closed.');
  });

  it('refuses to decline a withdrawn referral: no further change', async () => {
    const referral = await createSubmittedReferral(world);
    await world.store.transaction(async (tx) => tx.update('cases', { ...(await tx.get('cases', referral.id))!, status: 'withdrawn' }));
    const err = await expectRefused(
      world,
      () => execute(recordScreeningDecision, world.ctx('coordinator'), { caseId: referral.id, outcome: 'decline', rationale: 'x' }),
      IllegalTransitionError,
    );
    expect(err.message).toMatch(/is withdrawn cannot become declined\. It allows no further change\./);
  });

  it('refuses a decision made on a stale read', async () => {
    const referral = await createListedReferral(world);
    const err = await expectRefused(
      world,
      () => execute(recordScreeningDecision, world.ctx('coordinator'), accept(referral.id, { expectedVersion: referral.version - 1 })),
      ConflictError,
    );
    expect(err.message).toMatch(/Reload/);
    const ok = await execute(recordScreeningDecision, world.ctx('coordinator'), accept(referral.id, { expectedVersion: referral.version }));
    expect(ok.status).toBe('open');
  });
});
