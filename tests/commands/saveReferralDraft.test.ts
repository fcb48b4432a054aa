import { execute } from '../../src/kernel/command';
import { saveReferralDraft } from '../../src/commands/saveReferralDraft';
import { ForbiddenError, ValidationError } from '../../src/domain/errors';
import { allRecords, auditOf, getRecord } from '../support/cases';
import { expectRefused, fieldsOf } from '../support/refusals';
import { createWorld, FIXED_NOW, type World } from '../support/world';

let world: World;
beforeEach(async () => (world = await createWorld()));
afterEach(() => world.close());

describe('saveReferralDraft', () => {
  it('saves a draft with only the adult\'s name: a reference, initials, blanks for the rest, audited and announced to nobody', async () => {
    const draft = await execute(saveReferralDraft, world.ctx('police'), { adult: { name: 'Robin Invented-Draft' } });
    expect(draft).toMatchObject({
      ref: 'CASPA-2026-0001',
      status: 'draft',
      initials: 'R.I.D.',
      referrerMemberId: 'police',
      referrerAgencyId: 'ag-police',
      riskCategories: [],
      reasons: '',
      otherProcessesConsidered: [],
      restricted: false,
      createdAt: FIXED_NOW.toISOString(),
      version: 1,
    });
    // Unanswered questions stay unanswered: a draft never pretends the author said "no".
    for (const field of ['consent', 'capacity', 'childrenAtRisk', 'adultAware', 'advocacyNeeded', 'receivedAt']) expect(draft).not.toHaveProperty(field);
    expect(await getRecord(world, 'cases', draft.id)).toEqual(draft);
    expect(await allRecords(world, 'outbox')).toEqual([]);
    expect(await auditOf(world, draft.id)).toEqual([
      expect.objectContaining({ action: 'create', actorId: 'police', change: { status: 'draft', ref: draft.ref } }),
    ]);
  });

  it('keeps the answers given and drops blank optional fields', async () => {
    const draft = await execute(saveReferralDraft, world.ctx('health'), {
      adult: { name: 'Kit Example', address: '', postcode: 'lu2 2bb' },
      consent: 'refused',
      managerSignOff: '',
      riskCategories: ['hoarding'],
      restricted: true,
    });
    expect(draft).toMatchObject({ consent: 'refused', riskCategories: ['hoarding'], restricted: true, adult: { name: 'Kit Example', postcode: 'LU2 2BB' } });
    expect(draft.adult).not.toHaveProperty('address');
    expect(draft).not.toHaveProperty('managerSignOff');
  });

  it.each<[string, Record<string, unknown>, string[]]>([
    ['no adult', {}, ['adult']],
    ['a blank name', { adult: { name: '  ' } }, ['adult.name']],
    ['an unknown risk category', { adult: { name: 'A B' }, riskCategories: ['boredom'] }, ['riskCategories.0']],
    ['a bad postcode', { adult: { name: 'A B', postcode: 'nowhere' } }, ['adult.postcode']],
    ['a status from the caller', { adult: { name: 'A B' }, status: 'submitted' }, ['status']],
  ])('refuses %s, naming the field and changing nothing', async (_label, input, fields) => {
    const err = await expectRefused(world, () => execute(saveReferralDraft, world.ctx('police'), input), ValidationError);
    expect(fieldsOf(err)).toEqual(fields);
  });

  it('refuses a viewer and audits the refusal', async () => {
    await expectRefused(world, () => execute(saveReferralDraft, world.ctx('viewer'), { adult: { name: 'A B' } }), ForbiddenError);
  });
});
