import { execute } from '../../src/kernel/command';
import { provideInformation } from '../../src/commands/provideInformation';
import { requestInformation } from '../../src/commands/requestInformation';
import { ConflictError, ForbiddenError, IllegalTransitionError, ValidationError } from '../../src/domain/errors';
import type { CaseRecord } from '../../src/domain/records';
import { allRecords, auditOf, createSubmittedReferral, getRecord } from '../support/cases';
import { expectRefused, fieldsOf } from '../support/refusals';
import { createWorld, FIXED_NOW, type World } from '../support/world';
import { expectHidden } from './expectHidden';

let world: World;
beforeEach(async () => (world = await createWorld()));
afterEach(() => world.close());

const ANSWER = 'Invented: GP assessed capacity on 2 June; has capacity about the home.';

async function referralAwaitingInfo(): Promise<CaseRecord> {
  const referral = await createSubmittedReferral(world, 'police');
  return execute(requestInformation, world.ctx('coordinator'), { caseId: referral.id, question: 'Capacity assessed?' });
}

describe('provideInformation', () => {
  it('returns the referral to submitted, clears the request, adds the answer to the chronology and audits it', async () => {
    const onHold = await referralAwaitingInfo();
    const ctx = world.ctx('police');
    const updated = await execute(provideInformation, ctx, { caseId: onHold.id, answer: ANSWER });

    const stored = await getRecord(world, 'cases', onHold.id);
    expect(stored).toEqual(updated);
    expect(stored!.status).toBe('submitted');
    expect(stored!.infoRequest).toBeUndefined();
    expect(stored!.version).toBe(onHold.version + 1);

    const [entry] = await allRecords(world, 'chronology');
    expect(entry).toMatchObject({ caseId: onHold.id, type: 'agency_information', summary: ANSWER, sourceAgencyId: 'ag-police', recordedById: 'police' });
    expect(entry!.idempotencyKey).toContain(ctx.correlationId);
    expect((await auditOf(world, onHold.id)).at(-1)).toMatchObject({
      action: 'update',
      actorId: 'police',
      change: { status: { from: 'info_requested', to: 'submitted' }, answered: { requestedAt: FIXED_NOW.toISOString() }, chronologyEntryId: entry!.id },
    });
  });

  it('lets a coordinator answer, and a later request queues a second card', async () => {
    const onHold = await referralAwaitingInfo();
    await execute(provideInformation, world.ctx('coordinator'), { caseId: onHold.id, answer: ANSWER });
    await execute(requestInformation, world.ctx('coordinator'), { caseId: onHold.id, question: 'And the tenancy?' });
    expect((await allRecords(world, 'outbox')).filter((o) => o.kind === 'infoRequested')).toHaveLength(2);
  });

  it.each<[string, Record<string, unknown>, string[]]>([
    ['a blank answer', { answer: ' ' }, ['answer']],
    ['a missing answer', {}, ['answer']],
    ['a missing case id', { caseId: undefined, answer: ANSWER }, ['caseId']],
  ])('refuses %s, naming the field and changing nothing', async (_label, body, fields) => {
    const onHold = await referralAwaitingInfo();
    const err = await expectRefused(world, () => execute(provideInformation, world.ctx('police'), { caseId: onHold.id, ...body }), ValidationError);
    expect(fieldsOf(err)).toEqual(fields);
  });

  it('answers a viewer, who cannot see the referral, as for a missing case', async () => {
    const onHold = await referralAwaitingInfo();
    await expectHidden(world, () => execute(provideInformation, world.ctx('viewer'), { caseId: onHold.id, answer: ANSWER }), { type: 'case', id: onHold.id });
  });

  it.each(['health', 'policeLead'] as const)('refuses %s (not the referrer) and audits the refusal', async (persona) => {
    const onHold = await referralAwaitingInfo();
    await expectRefused(world, () => execute(provideInformation, world.ctx(persona), { caseId: onHold.id, answer: ANSWER }), ForbiddenError);
  });

  it('refuses an answer when nothing was asked, naming the state and the allowed next steps', async () => {
    const referral = await createSubmittedReferral(world, 'police');
    const err = await expectRefused(world, () => execute(provideInformation, world.ctx('police'), { caseId: referral.id, answer: ANSWER }), IllegalTransitionError);
    expect(err.message).toBe(
      'A referral or case that is submitted cannot become submitted. Allowed next: info requested, listed, open, declined, deferred, withdrawn.',
    );
  });

  it('refuses an answer made on a stale read', async () => {
    const onHold = await referralAwaitingInfo();
    await expectRefused(
      world,
      () => execute(provideInformation, world.ctx('police'), { caseId: onHold.id, answer: ANSWER, expectedVersion: onHold.version - 1 }),
      ConflictError,
    );
  });
});
