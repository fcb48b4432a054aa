import { execute } from '../../src/kernel/command';
import { requestInformation } from '../../src/commands/requestInformation';
import { ConflictError, ForbiddenError, IllegalTransitionError, ValidationError } from '../../src/domain/errors';
import { allRecords, auditOf, createListedReferral, createOpenCase, createSubmittedReferral, getRecord } from '../support/cases';
import { expectRefused, fieldsOf } from '../support/refusals';
import { createWorld, FIXED_NOW, type World } from '../support/world';

let world: World;
beforeEach(async () => (world = await createWorld()));
afterEach(() => world.close());

const QUESTION = 'Invented: has the GP assessed capacity about the hoarding?';

describe('requestInformation', () => {
  it('puts a submitted referral on hold with the question, audits it and queues a card naming only ids and the reference', async () => {
    const referral = await createSubmittedReferral(world, 'police');
    const updated = await execute(requestInformation, world.ctx('coordinator'), { caseId: referral.id, question: QUESTION });

    const stored = await getRecord(world, 'cases', referral.id);
    expect(stored).toEqual(updated);
    expect(stored).toMatchObject({
      status: 'info_requested',
      infoRequest: { question: QUESTION, byMemberId: 'coordinator', at: FIXED_NOW.toISOString() },
      version: referral.version + 1,
    });
    expect((await auditOf(world, referral.id)).at(-1)).toMatchObject({
      action: 'update',
      actorId: 'coordinator',
      change: { status: { from: 'submitted', to: 'info_requested' } },
    });
    const card = (await allRecords(world, 'outbox')).find((o) => o.kind === 'infoRequested');
    expect(card?.payload).toEqual({ caseId: referral.id, ref: referral.ref, referrerMemberId: 'police', requestedById: 'coordinator' });
    expect(JSON.stringify(card)).not.toMatch(/GP|Alex/);
  });

  it('can ask about a listed referral too', async () => {
    const referral = await createListedReferral(world);
    expect((await execute(requestInformation, world.ctx('coordinator'), { caseId: referral.id, question: QUESTION })).status).toBe('info_requested');
  });

  it.each<[string, Record<string, unknown>, string[]]>([
    ['a blank question', { question: '  ' }, ['question']],
    ['a missing question', {}, ['question']],
    ['an overlong question', { question: 'q'.repeat(2001) }, ['question']],
  ])('refuses %s, naming the field and changing nothing', async (_label, body, fields) => {
    const referral = await createSubmittedReferral(world);
    const err = await expectRefused(world, () => execute(requestInformation, world.ctx('coordinator'), { caseId: referral.id, ...body }), ValidationError);
    expect(fieldsOf(err)).toEqual(fields);
  });

  it.each(['police', 'chair'] as const)('refuses %s (coordinators only) and audits the refusal', async (persona) => {
    const referral = await createSubmittedReferral(world);
    await expectRefused(world, () => execute(requestInformation, world.ctx(persona), { caseId: referral.id, question: QUESTION }), ForbiddenError);
  });

  it('refuses a second request while one is open, naming the state and the allowed next steps', async () => {
    const referral = await createSubmittedReferral(world);
    await execute(requestInformation, world.ctx('coordinator'), { caseId: referral.id, question: QUESTION });
    const err = await expectRefused(
      world,
      () => execute(requestInformation, world.ctx('coordinator'), { caseId: referral.id, question: 'Another?' }),
      IllegalTransitionError,
    );
    expect(err.message).toBe('A referral or case that is info requested cannot become info requested. Allowed next: submitted, withdrawn.');
  });

  it('refuses on an accepted case', async () => {
    const open = await createOpenCase(world);
    const err = await expectRefused(world, () => execute(requestInformation, world.ctx('coordinator'), { caseId: open.id, question: QUESTION }), IllegalTransitionError);
    expect(err.message).toContain('that is open cannot become info requested. Allowed next: escalated, closed.');
  });

  it('refuses a request made on a stale read', async () => {
    const referral = await createSubmittedReferral(world);
    await expectRefused(
      world,
      () => execute(requestInformation, world.ctx('coordinator'), { caseId: referral.id, question: QUESTION, expectedVersion: referral.version + 1 }),
      ConflictError,
    );
  });
});
