import { execute } from '../../src/kernel/command';
import { saveReferralDraft } from '../../src/commands/saveReferralDraft';
import { submitDraft } from '../../src/commands/submitDraft';
import { updateReferralDraft } from '../../src/commands/updateReferralDraft';
import { ConflictError, ValidationError } from '../../src/domain/errors';
import type { CaseRecord } from '../../src/domain/records';
import { auditOf, getRecord } from '../support/cases';
import { expectRefused, fieldsOf } from '../support/refusals';
import { createWorld, type Persona, referralInput, type World } from '../support/world';
import { expectHidden } from './expectHidden';

let world: World;
beforeEach(async () => (world = await createWorld()));
afterEach(() => world.close());

const saveDraft = (fields: Record<string, unknown> = {}, persona: Persona = 'police'): Promise<CaseRecord> =>
  execute(saveReferralDraft, world.ctx(persona), { adult: { name: 'Robin Invented', postcode: 'LU1 1AA' }, managerSignOff: 'Invented manager', restricted: true, ...fields });

describe('updateReferralDraft', () => {
  it('replaces the fields given, keeps the rest, clears a blanked optional field and audits only the field names', async () => {
    const draft = await saveDraft();
    const updated = await execute(updateReferralDraft, world.ctx('police'), {
      caseId: draft.id,
      expectedVersion: draft.version,
      reasons: 'Invented reasons: a secret detail.',
      consent: 'given',
      managerSignOff: '',
      adult: { name: 'Robin Changed Name' },
    });
    expect(updated).toMatchObject({
      version: draft.version + 1,
      status: 'draft',
      reasons: 'Invented reasons: a secret detail.',
      consent: 'given',
      restricted: true,
      initials: 'R.C.N.',
      adult: { name: 'Robin Changed Name' },
    });
    expect(updated).not.toHaveProperty('managerSignOff');
    expect(updated.adult).not.toHaveProperty('postcode');
    expect(await getRecord(world, 'cases', draft.id)).toEqual(updated);
    const last = (await auditOf(world, draft.id)).at(-1)!;
    expect(last).toMatchObject({ action: 'update', change: { draftFields: ['adult', 'consent', 'managerSignOff', 'reasons'] } });
    expect(JSON.stringify(last)).not.toMatch(/secret|Changed Name/);
  });

  it('lets a coordinator tidy a partner\'s draft', async () => {
    const draft = await saveDraft();
    const updated = await execute(updateReferralDraft, world.ctx('coordinator'), { caseId: draft.id, expectedVersion: 1, riskCategories: ['hoarding'] });
    expect(updated.riskCategories).toEqual(['hoarding']);
  });

  it.each<[string, Record<string, unknown>, string[]]>([
    ['no field to change', {}, ['']],
    ['an unknown capacity', { capacity: 'maybe' }, ['capacity']],
    ['an adult without a name', { adult: { postcode: 'LU1 1AA' } }, ['adult.name']],
    ['no expected version', { expectedVersion: undefined, reasons: 'x' }, ['expectedVersion']],
    ['a reference from the caller', { ref: 'CASPA-2026-9999', reasons: 'x' }, ['ref']],
  ])('refuses %s, naming the field and changing nothing', async (_label, overrides, fields) => {
    const draft = await saveDraft();
    const err = await expectRefused(
      world,
      () => execute(updateReferralDraft, world.ctx('police'), { caseId: draft.id, expectedVersion: draft.version, ...overrides }),
      ValidationError,
    );
    expect(fieldsOf(err)).toEqual(fields);
  });

  it.each(['policeLead', 'health', 'chair', 'viewer'] as const)('answers %s (not the author: a draft is hidden) as for a missing case and audits the refusal', async (persona) => {
    const draft = await saveDraft();
    await expectHidden(
      world,
      () => execute(updateReferralDraft, world.ctx(persona), { caseId: draft.id, expectedVersion: draft.version, reasons: 'Not mine.' }),
      { type: 'case', id: draft.id },
    );
  });

  it('refuses to edit a referral once it is submitted, saying why', async () => {
    const draft = await saveDraft(referralInput({ adult: { name: 'Robin Invented' } }));
    const submitted = await execute(submitDraft, world.ctx('police'), { caseId: draft.id });
    const err = await expectRefused(
      world,
      () => execute(updateReferralDraft, world.ctx('police'), { caseId: draft.id, expectedVersion: submitted.version, reasons: 'Late change.' }),
      ConflictError,
    );
    expect(err.message).toMatch(/only when the case is draft; CASPA-2026-0001 is submitted/);
  });

  it('refuses a change made from a stale read', async () => {
    const draft = await saveDraft();
    await execute(updateReferralDraft, world.ctx('police'), { caseId: draft.id, expectedVersion: 1, reasons: 'First save.' });
    const err = await expectRefused(
      world,
      () => execute(updateReferralDraft, world.ctx('police'), { caseId: draft.id, expectedVersion: 1, reasons: 'Second tab.' }),
      ConflictError,
    );
    expect(err.message).toMatch(/you had version 1, it is now 2/);
  });
});
