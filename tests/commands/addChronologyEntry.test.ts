import { addChronologyEntry } from '../../src/commands/addChronologyEntry';
import { execute } from '../../src/kernel/command';
import { ValidationError } from '../../src/domain/errors';
import { allRecords, auditOf, createOpenCase, createSubmittedReferral } from '../support/cases';
import { expectRefused, fieldsOf } from '../support/refusals';
import { createWorld, FIXED_NOW, type World } from '../support/world';
import { expectHidden } from './expectHidden';

let world: World;
beforeEach(async () => (world = await createWorld()));
afterEach(() => world.close());

const entryInput = (caseId: string, extra: Record<string, unknown> = {}) => ({
  caseId,
  occurredAt: '2026-06-10T21:15:00+01:00',
  type: 'police_call_out',
  summary: 'Invented: call-out after a neighbour reported smoke.',
  significance: 'high',
  ...extra,
});

// A chronology is append-only: no status moves, so there is no transition or version to refuse.
describe('addChronologyEntry', () => {
  it('appends an entry from the actor\'s agency, in UTC, and audits it on the case', async () => {
    const open = await createOpenCase(world, { referrer: 'police' });
    const ctx = world.ctx('police');
    const entry = await execute(addChronologyEntry, ctx, entryInput(open.id));

    expect(await allRecords(world, 'chronology')).toContainEqual(entry);
    expect(entry).toMatchObject({
      caseId: open.id,
      occurredAt: '2026-06-10T20:15:00.000Z',
      recordedAt: FIXED_NOW.toISOString(),
      recordedById: 'police',
      sourceAgencyId: 'ag-police',
      type: 'police_call_out',
      significance: 'high',
      summary: 'Invented: call-out after a neighbour reported smoke.',
      version: 1,
    });
    expect(entry.idempotencyKey).toContain(ctx.correlationId);
    expect((await auditOf(world, open.id)).at(-1)).toMatchObject({
      action: 'update',
      actorId: 'police',
      change: {
        chronologyEntryId: entry.id,
        chronology: { type: 'police_call_out', significance: 'high', occurredAt: '2026-06-10T20:15:00.000Z', sourceAgencyId: 'ag-police' },
      },
    });
    // The case record itself is untouched.
    expect((await allRecords(world, 'cases'))[0]!.version).toBe(open.version);
  });

  it('corrects a mistake with a new entry that points at the old one, leaving the old one as it was', async () => {
    const open = await createOpenCase(world);
    const wrong = await execute(addChronologyEntry, world.ctx('coordinator'), entryInput(open.id, { sourceAgencyId: 'ag-fire', type: 'fire_visit' }));
    expect(wrong.sourceAgencyId).toBe('ag-fire');
    const fix = await execute(
      addChronologyEntry,
      world.ctx('coordinator'),
      entryInput(open.id, { correctsEntryId: wrong.id, summary: 'Correction: the visit was on 11 June.', occurredAt: '2026-06-11T10:00:00Z' }),
    );
    expect(fix.correctsEntryId).toBe(wrong.id);
    const stored = await allRecords(world, 'chronology');
    expect(stored.find((e) => e.id === wrong.id)).toEqual(wrong);
    expect((await auditOf(world, open.id)).at(-1)!.change).toMatchObject({ correctsEntryId: wrong.id });
  });

  it('accepts an entry about a referral not yet screened from the referrer', async () => {
    const referral = await createSubmittedReferral(world, 'health');
    const entry = await execute(addChronologyEntry, world.ctx('health'), entryInput(referral.id, { type: 'hospital_admission' }));
    expect(entry.sourceAgencyId).toBe('ag-health');
  });

  it.each<[string, (other: string) => Record<string, unknown>, string[]]>([
    ['an event in the future', () => ({ occurredAt: '2026-06-16T09:00:00Z' }), ['occurredAt']],
    ['a time that is not ISO 8601', () => ({ occurredAt: 'last Tuesday' }), ['occurredAt']],
    ['an unknown type', () => ({ type: 'rumour' }), ['type']],
    ['an unknown significance', () => ({ significance: 'huge' }), ['significance']],
    ['a blank summary', () => ({ summary: '' }), ['summary']],
    ['an unknown source agency', () => ({ sourceAgencyId: 'ag-nowhere' }), ['sourceAgencyId']],
    ['a correction of another case\'s entry', (other) => ({ correctsEntryId: other }), ['correctsEntryId']],
    ['a correction of an entry that does not exist', () => ({ correctsEntryId: 'entry-none' }), ['correctsEntryId']],
    ['a recorded-at time (set by the server)', () => ({ recordedAt: '2026-06-01T00:00:00Z' }), ['recordedAt']],
  ])('refuses %s, naming the field and changing nothing', async (_label, body, fields) => {
    const open = await createOpenCase(world);
    const other = await createOpenCase(world, { referrer: 'health' });
    const otherEntry = await execute(addChronologyEntry, world.ctx('coordinator'), entryInput(other.id));
    const err = await expectRefused(
      world,
      () => execute(addChronologyEntry, world.ctx('coordinator'), { ...entryInput(open.id), ...body(otherEntry.id) }),
      ValidationError,
    );
    expect(fieldsOf(err)).toEqual(fields);
  });

  it('allows a few minutes of clock difference for "just now"', async () => {
    const open = await createOpenCase(world);
    const entry = await execute(addChronologyEntry, world.ctx('coordinator'), entryInput(open.id, { occurredAt: '2026-06-15T09:03:00Z' }));
    expect(entry.occurredAt).toBe('2026-06-15T09:03:00.000Z');
  });

  it.each(['fire', 'viewer'] as const)('answers %s, who cannot read the case, as for a missing one and audits the refusal', async (persona) => {
    const open = await createOpenCase(world, { referrer: 'police' });
    await expectHidden(world, () => execute(addChronologyEntry, world.ctx(persona), entryInput(open.id)), { type: 'case', id: open.id });
    expect((await auditOf(world, open.id)).at(-1)).toMatchObject({ action: 'denied', recordType: 'case', actorId: persona });
  });
});
