import { execute } from '../../src/kernel/command';
import { recordInvolvement } from '../../src/commands/recordInvolvement';
import { withdrawReferral } from '../../src/commands/withdrawReferral';
import { ConflictError, ForbiddenError, ValidationError } from '../../src/domain/errors';
import { canReadCase } from '../../src/policies';
import { allRecords, auditOf, createSubmittedReferral, getRecord } from '../support/cases';
import { expectRefused, fieldsOf } from '../support/refusals';
import { actorOf, createWorld, FIXED_NOW, type World } from '../support/world';
import { expectHidden } from './expectHidden';

let world: World;
beforeEach(async () => (world = await createWorld()));
afterEach(() => world.close());

describe('recordInvolvement', () => {
  it('records that the adult is known to the actor\'s agency, adds the note to the chronology and audits it', async () => {
    const referral = await createSubmittedReferral(world, 'police');
    expect(canReadCase(actorOf('health'), referral)).toBe(false);
    const ctx = world.ctx('health');
    const updated = await execute(recordInvolvement, ctx, { caseId: referral.id, known: true, note: 'Invented: two A&E attendances in May.' });

    const stored = await getRecord(world, 'cases', referral.id);
    expect(stored).toEqual(updated);
    expect(stored!.involvements).toEqual([
      { agencyId: 'ag-health', known: true, note: 'Invented: two A&E attendances in May.', byMemberId: 'health', at: FIXED_NOW.toISOString() },
    ]);
    expect(stored!.version).toBe(referral.version + 1);
    // Having said "known to us", the agency may now read the full referral.
    expect(canReadCase(actorOf('health'), stored!)).toBe(true);

    const [entry] = await allRecords(world, 'chronology');
    expect(entry).toMatchObject({
      caseId: referral.id,
      type: 'agency_information',
      sourceAgencyId: 'ag-health',
      recordedById: 'health',
      summary: 'Invented: two A&E attendances in May.',
      occurredAt: FIXED_NOW.toISOString(),
    });
    expect(entry!.idempotencyKey).toContain(ctx.correlationId);

    const audit = (await auditOf(world, referral.id)).at(-1)!;
    expect(audit).toMatchObject({
      action: 'update',
      actorId: 'health',
      actorAgencyId: 'ag-health',
      change: { involvement: { agencyId: 'ag-health', known: true, previouslyKnown: null, noteAdded: true }, chronologyEntryId: entry!.id },
    });
    // The posted new-referral card is refreshed in place to show the answer; no new card is posted.
    expect((await allRecords(world, 'outbox')).map((o) => o.kind)).toEqual(['newReferral', 'updateReferralCard']);
  });

  it('keeps one answer per agency, the latest winning, and adds no chronology entry without a note', async () => {
    const referral = await createSubmittedReferral(world, 'police');
    await execute(recordInvolvement, world.ctx('health'), { caseId: referral.id, known: false });
    await execute(recordInvolvement, world.ctx('fire'), { caseId: referral.id, known: true });
    const after = await execute(recordInvolvement, world.ctx('health'), { caseId: referral.id, known: true });
    expect(after.involvements.map((i) => [i.agencyId, i.known])).toEqual([['ag-health', true], ['ag-fire', true]]);
    expect(await allRecords(world, 'chronology')).toEqual([]);
    expect((await auditOf(world, referral.id)).at(-1)!.change).toMatchObject({ involvement: { previouslyKnown: false } });
  });

  it('keeps a "not known" note on the answer but not in the chronology', async () => {
    const referral = await createSubmittedReferral(world, 'police');
    const after = await execute(recordInvolvement, world.ctx('fire'), { caseId: referral.id, known: false, note: 'Checked our systems.' });
    expect(after.involvements[0]).toMatchObject({ known: false, note: 'Checked our systems.' });
    expect(await allRecords(world, 'chronology')).toEqual([]);
  });

  it.each<[string, Record<string, unknown>, string[]]>([
    ['a missing answer', {}, ['known']],
    ['an answer that is not yes or no', { known: 'yes' }, ['known']],
    ['an overlong note', { known: true, note: 'x'.repeat(4001) }, ['note']],
    ['an unknown field', { known: true, agencyId: 'ag-fire' }, ['agencyId']],
  ])('refuses %s, naming the field and changing nothing', async (_label, body, fields) => {
    const referral = await createSubmittedReferral(world, 'police');
    const err = await expectRefused(world, () => execute(recordInvolvement, world.ctx('health'), { caseId: referral.id, ...body }), ValidationError);
    expect(fieldsOf(err)).toEqual(fields);
  });

  it('answers a viewer, who cannot see the referral, as for a missing case and audits the refusal', async () => {
    const referral = await createSubmittedReferral(world, 'police');
    await expectHidden(world, () => execute(recordInvolvement, world.ctx('viewer'), { caseId: referral.id, known: true }), { type: 'case', id: referral.id });
    expect((await auditOf(world, referral.id)).map((a) => [a.action, a.recordType])).toEqual([
      ['create', 'case'],
      ['denied', 'case'],
    ]);
  });

  it('answers a partner on a restricted referral they cannot see as for a missing case', async () => {
    const referral = await createSubmittedReferral(world, 'police', { restricted: true });
    await expectHidden(world, () => execute(recordInvolvement, world.ctx('fire'), { caseId: referral.id, known: true }), { type: 'case', id: referral.id });
  });

  it('refuses once the referral is withdrawn, telling those who may see it why', async () => {
    const referral = await createSubmittedReferral(world, 'police');
    await execute(withdrawReferral, world.ctx('police'), { caseId: referral.id, reason: 'Adult moved away.' });
    const err = await expectRefused(world, () => execute(recordInvolvement, world.ctx('coordinator'), { caseId: referral.id, known: true }), ForbiddenError);
    expect(err.message).toBe(`Involvement can be recorded only on a referral awaiting screening or a live case; ${referral.ref} is withdrawn.`);
    // A withdrawn referral is no longer shown to partners outside it: for them it is as if it did not exist.
    await expectHidden(world, () => execute(recordInvolvement, world.ctx('fire'), { caseId: referral.id, known: true }), { type: 'case', id: referral.id });
  });

  it('refuses an answer made on a stale read', async () => {
    const referral = await createSubmittedReferral(world, 'police');
    await execute(recordInvolvement, world.ctx('fire'), { caseId: referral.id, known: false });
    await expectRefused(
      world,
      () => execute(recordInvolvement, world.ctx('health'), { caseId: referral.id, known: true, expectedVersion: referral.version }),
      ConflictError,
    );
  });
});
