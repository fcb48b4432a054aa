import { execute } from '../../src/kernel/command';
import { placeReferralOnAgenda, NEW_REFERRAL_MINUTES } from '../../src/commands/placeReferralOnAgenda';
import { recordScreeningDecision } from '../../src/commands/recordScreeningDecision';
import { ConflictError, ForbiddenError, IllegalTransitionError, ValidationError } from '../../src/domain/errors';
import { allRecords, auditOf, createSubmittedReferral, getRecord, insertMeeting } from '../support/cases';
import { expectRefused, fieldsOf } from '../support/refusals';
import { createWorld, type World } from '../support/world';
import { expectHidden } from './expectHidden';

let world: World;
beforeEach(async () => (world = await createWorld()));
afterEach(() => world.close());

describe('placeReferralOnAgenda', () => {
  it('lists a submitted referral for screening and audits it', async () => {
    const referral = await createSubmittedReferral(world, 'police');
    const listed = await execute(placeReferralOnAgenda, world.ctx('coordinator'), { caseId: referral.id });
    expect(await getRecord(world, 'cases', referral.id)).toEqual(listed);
    expect(listed).toMatchObject({ status: 'listed', version: referral.version + 1 });
    expect(await allRecords(world, 'agendaItems')).toEqual([]);
    expect((await auditOf(world, referral.id)).at(-1)).toMatchObject({
      action: 'update',
      actorId: 'coordinator',
      change: { status: { from: 'submitted', to: 'listed' } },
    });
  });

  it('puts it on a planned meeting\'s agenda as the next new-referral item, with its own audit event', async () => {
    const meeting = await insertMeeting(world, { status: 'agenda_published' });
    const first = await createSubmittedReferral(world, 'police');
    const second = await createSubmittedReferral(world, 'health');
    await execute(placeReferralOnAgenda, world.ctx('coordinator'), { caseId: first.id, meetingId: meeting.id });
    await execute(placeReferralOnAgenda, world.ctx('coordinator'), { caseId: second.id, meetingId: meeting.id });

    const items = (await allRecords(world, 'agendaItems')).sort((a, b) => a.order - b.order);
    expect(items.map((i) => [i.order, i.caseId, i.kind, i.presentingAgencyId, i.meetingId, i.minutesAllotted])).toEqual([
      [1, first.id, 'new_referral', 'ag-police', meeting.id, NEW_REFERRAL_MINUTES],
      [2, second.id, 'new_referral', 'ag-health', meeting.id, NEW_REFERRAL_MINUTES],
    ]);
    expect(await auditOf(world, items[0]!.id)).toEqual([
      expect.objectContaining({ action: 'create', recordType: 'agendaItem', change: { meetingId: meeting.id, caseId: first.id, order: 1, kind: 'new_referral' } }),
    ]);
    expect((await auditOf(world, first.id)).at(-1)!.change).toEqual({
      status: { from: 'submitted', to: 'listed' },
      meetingId: meeting.id,
      agendaItemId: items[0]!.id,
    });
  });

  it('keeps one agenda item when a deferred referral is listed again on the same meeting', async () => {
    const meeting = await insertMeeting(world);
    const referral = await createSubmittedReferral(world);
    await execute(placeReferralOnAgenda, world.ctx('coordinator'), { caseId: referral.id, meetingId: meeting.id });
    await execute(recordScreeningDecision, world.ctx('coordinator'), { caseId: referral.id, outcome: 'defer', rationale: 'More information.' });
    const again = await execute(placeReferralOnAgenda, world.ctx('coordinator'), { caseId: referral.id, meetingId: meeting.id });
    expect(again.status).toBe('listed');
    expect(await allRecords(world, 'agendaItems')).toHaveLength(1);
  });

  it.each<[string, () => Promise<Record<string, unknown>>, string[]]>([
    ['an unknown meeting', async () => ({ meetingId: 'meeting-nowhere' }), ['meetingId']],
    ['a meeting already held', async () => ({ meetingId: (await insertMeeting(world, { status: 'held' })).id }), ['meetingId']],
    ['a blank meeting id', async () => ({ meetingId: ' ' }), ['meetingId']],
    ['an unknown field', async () => ({ order: 3 }), ['order']],
  ])('refuses %s, naming the field and changing nothing', async (_label, body, fields) => {
    const referral = await createSubmittedReferral(world);
    const extra = await body();
    const err = await expectRefused(world, () => execute(placeReferralOnAgenda, world.ctx('coordinator'), { caseId: referral.id, ...extra }), ValidationError);
    expect(fieldsOf(err)).toEqual(fields);
  });

  it('answers a viewer, who cannot see the referral, as for a missing case', async () => {
    const referral = await createSubmittedReferral(world);
    await expectHidden(world, () => execute(placeReferralOnAgenda, world.ctx('viewer'), { caseId: referral.id }), { type: 'case', id: referral.id });
  });

  it.each(['chair', 'police'] as const)('refuses %s (coordinators only) and audits the refusal', async (persona) => {
    const referral = await createSubmittedReferral(world);
    await expectRefused(world, () => execute(placeReferralOnAgenda, world.ctx(persona), { caseId: referral.id }), ForbiddenError);
  });

  it('refuses to list a listed referral, naming the state and the allowed next steps', async () => {
    const referral = await createSubmittedReferral(world);
    await execute(placeReferralOnAgenda, world.ctx('coordinator'), { caseId: referral.id });
    const err = await expectRefused(world, () => execute(placeReferralOnAgenda, world.ctx('coordinator'), { caseId: referral.id }), IllegalTransitionError);
    expect(err.message).toBe('A referral or case that is listed cannot become listed. Allowed next: open, declined, deferred, info requested, withdrawn.');
  });

  it('refuses a listing made on a stale read', async () => {
    const referral = await createSubmittedReferral(world);
    await expectRefused(world, () => execute(placeReferralOnAgenda, world.ctx('coordinator'), { caseId: referral.id, expectedVersion: 7 }), ConflictError);
  });
});
