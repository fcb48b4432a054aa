import { execute } from '../../src/kernel/command';
import { submitReferral } from '../../src/commands/submitReferral';
import { ForbiddenError, ValidationError } from '../../src/domain/errors';
import { createWorld, referralInput, type World } from '../support/world';

let world: World;
beforeEach(async () => (world = await createWorld()));
afterEach(() => world.close());

const count = (kind: 'cases' | 'audit' | 'outbox') => world.store.transaction((tx) => tx.find(kind)).then((r) => r.length);

describe('submitReferral', () => {
  it('creates a submitted referral with a human reference, initials, an audit event and a new-referral card', async () => {
    const created = await execute(submitReferral, world.ctx('police'), referralInput());
    expect(created.ref).toBe('CASPA-2026-0001');
    expect(created.status).toBe('submitted');
    expect(created.initials).toBe('A.I.E.');
    expect(created.referrerAgencyId).toBe('ag-police');
    const second = await execute(submitReferral, world.ctx('health'), referralInput());
    expect(second.ref).toBe('CASPA-2026-0002');
    const outbox = await world.store.transaction((tx) => tx.find('outbox'));
    expect(outbox.map((o) => o.kind)).toEqual(['newReferral', 'newReferral']);
    expect(JSON.stringify(outbox)).not.toContain('Alex');
    const audit = await world.store.transaction((tx) => tx.find('audit', { where: [{ field: 'recordId', op: 'eq', value: created.id }] }));
    expect(audit).toHaveLength(1);
    expect(audit[0]).toMatchObject({ action: 'create', actorId: 'police' });
  });

  it('refuses a referral without consent unless a reason and lawful basis are recorded, changing nothing', async () => {
    await expect(execute(submitReferral, world.ctx('police'), referralInput({ consent: 'refused' }))).rejects.toThrow(ValidationError);
    await expect(
      execute(submitReferral, world.ctx('police'), referralInput({ consent: 'refused', noConsentReason: 'Risk to life.' })),
    ).rejects.toThrow(/lawfulBasis/);
    expect(await count('cases')).toBe(0);
    expect(await count('outbox')).toBe(0);
    const ok = await execute(
      submitReferral,
      world.ctx('police'),
      referralInput({ consent: 'refused', noConsentReason: 'Risk to life.', lawfulBasis: 'UK GDPR Art 9, DPA 2018 Sch 1 para 18' }),
    );
    expect(ok.status).toBe('submitted');
  });

  it('names the invalid field and changes nothing', async () => {
    const err = await execute(submitReferral, world.ctx('police'), referralInput({ riskCategories: [], adult: { name: '' } })).catch((e) => e);
    expect(err).toBeInstanceOf(ValidationError);
    const fields = (err as ValidationError).problems.map((p) => p.field);
    expect(fields).toEqual(expect.arrayContaining(['riskCategories', 'adult.name']));
    expect(await count('cases')).toBe(0);
  });

  it('refuses viewers and audits the refusal', async () => {
    await expect(execute(submitReferral, world.ctx('viewer'), referralInput())).rejects.toThrow(ForbiddenError);
    expect(await count('cases')).toBe(0);
    const audit = await world.store.transaction((tx) => tx.find('audit'));
    expect(audit.map((a) => a.action)).toEqual(['denied']);
  });
});
