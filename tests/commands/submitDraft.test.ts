import { execute } from '../../src/kernel/command';
import { saveReferralDraft } from '../../src/commands/saveReferralDraft';
import { submitDraft } from '../../src/commands/submitDraft';
import { submitReferral } from '../../src/commands/submitReferral';
import { updateReferralDraft } from '../../src/commands/updateReferralDraft';
import { ConflictError, ValidationError } from '../../src/domain/errors';
import type { CaseRecord } from '../../src/domain/records';
import { allRecords, auditOf, getRecord } from '../support/cases';
import { expectRefused, fieldsOf } from '../support/refusals';
import { createWorld, FIXED_NOW, referralInput, type World } from '../support/world';
import { expectHidden } from './expectHidden';

let world: World;
beforeEach(async () => (world = await createWorld()));
afterEach(() => world.close());

const saveDraft = (fields: Record<string, unknown> = {}): Promise<CaseRecord> =>
  execute(saveReferralDraft, world.ctx('police'), { adult: { name: 'Robin Invented' }, ...fields });

describe('submitDraft', () => {
  it('submits a complete draft: received now, audited, and announced with the same card as a direct referral', async () => {
    const draft = await saveDraft(referralInput({ adult: { name: 'Robin Invented', postcode: 'lu1 1aa' } }));
    const later = new Date(FIXED_NOW.getTime() + 3_600_000);
    const submitted = await execute(submitDraft, world.ctx('police', later), { caseId: draft.id, expectedVersion: draft.version });
    expect(submitted).toMatchObject({
      status: 'submitted',
      ref: draft.ref,
      receivedAt: later.toISOString(),
      createdAt: FIXED_NOW.toISOString(),
      version: draft.version + 1,
      adult: { postcode: 'LU1 1AA' },
    });
    expect(await getRecord(world, 'cases', draft.id)).toEqual(submitted);
    expect((await auditOf(world, draft.id)).at(-1)).toMatchObject({ action: 'update', change: { status: { from: 'draft', to: 'submitted' } } });

    const direct = await execute(submitReferral, world.ctx('health'), referralInput());
    const cards = await allRecords(world, 'outbox');
    expect(cards).toHaveLength(2);
    expect(cards.map((o) => [o.kind, o.idempotencyKey, o.payload])).toEqual(expect.arrayContaining([
      ['newReferral', `newReferral:${draft.id}`, { caseId: draft.id, ref: draft.ref }],
      ['newReferral', `newReferral:${direct.id}`, { caseId: direct.id, ref: direct.ref }],
    ]));
  });

  it('refuses an unfinished draft, naming every missing answer, and changes nothing', async () => {
    const draft = await saveDraft({ riskCategories: [], reasons: '  ' });
    const err = await expectRefused(world, () => execute(submitDraft, world.ctx('police'), { caseId: draft.id }), ValidationError);
    expect(fieldsOf(err).sort()).toEqual(
      ['adultAware', 'adultViews', 'advocacyNeeded', 'capacity', 'childrenAtRisk', 'consent', 'currentSupport', 'otherAdultsAtRisk', 'reasons', 'riskCategories'].sort(),
    );
    const byField = Object.fromEntries(err.problems.map((p) => [p.field, p.message]));
    expect(byField).toMatchObject({ consent: 'is required', capacity: 'is required', reasons: 'is required', riskCategories: 'choose at least one risk category' });
  });

  it('refuses a draft without consent unless the reason and lawful basis are recorded', async () => {
    const draft = await saveDraft(referralInput({ adult: { name: 'Robin Invented' }, consent: 'not_sought_unsafe' }));
    const err = await expectRefused(world, () => execute(submitDraft, world.ctx('police'), { caseId: draft.id }), ValidationError);
    expect(fieldsOf(err)).toEqual(['noConsentReason', 'lawfulBasis']);
    const fixed = await execute(updateReferralDraft, world.ctx('police'), {
      caseId: draft.id, expectedVersion: draft.version, noConsentReason: 'Invented: asking would alert the abuser.', lawfulBasis: 'UK GDPR Art 9, DPA 2018 Sch 1 para 18',
    });
    expect((await execute(submitDraft, world.ctx('police'), { caseId: draft.id, expectedVersion: fixed.version })).status).toBe('submitted');
  });

  it.each(['health', 'policeLead', 'viewer'] as const)('answers %s (not the author: a draft is hidden) as for a missing case and audits the refusal', async (persona) => {
    const draft = await saveDraft(referralInput({ adult: { name: 'Robin Invented' } }));
    await expectHidden(world, () => execute(submitDraft, world.ctx(persona), { caseId: draft.id }), { type: 'case', id: draft.id });
  });

  it('refuses to submit twice', async () => {
    const draft = await saveDraft(referralInput({ adult: { name: 'Robin Invented' } }));
    await execute(submitDraft, world.ctx('police'), { caseId: draft.id });
    const err = await expectRefused(world, () => execute(submitDraft, world.ctx('police'), { caseId: draft.id }), ConflictError);
    expect(err.message).toMatch(/is submitted/);
  });

  it('refuses a submission from a stale read', async () => {
    const draft = await saveDraft(referralInput({ adult: { name: 'Robin Invented' } }));
    await execute(updateReferralDraft, world.ctx('coordinator'), { caseId: draft.id, expectedVersion: 1, reasons: 'Invented: coordinator tidied this.' });
    await expectRefused(world, () => execute(submitDraft, world.ctx('police'), { caseId: draft.id, expectedVersion: 1 }), ConflictError);
  });

  it('names an unknown field', async () => {
    const draft = await saveDraft();
    const err = await expectRefused(world, () => execute(submitDraft, world.ctx('police'), { caseId: draft.id, status: 'open' }), ValidationError);
    expect(fieldsOf(err)).toEqual(['status']);
  });
});
