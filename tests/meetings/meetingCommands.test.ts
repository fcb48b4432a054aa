import { execute } from '../../src/kernel/command';
import { runQuery } from '../../src/kernel/query';
import { commands } from '../../src/commands';
import { queries } from '../../src/queries';
import { ConflictError, ForbiddenError, IllegalTransitionError, ValidationError } from '../../src/domain/errors';
import { meetingViewSchema, stageViewSchema } from '../../src/contract/meetings';
import { allRecords, createListedReferral, createOpenCase, getRecord } from '../support/cases';
import { expectRefused, fieldsOf } from '../support/refusals';
import { createWorld, type Persona, type World } from '../support/world';

let world: World;
beforeEach(async () => (world = await createWorld()));
afterEach(() => world.close());

const run = (persona: Persona, name: keyof typeof commands, input: Record<string, unknown>) =>
  execute(commands[name] as never, world.ctx(persona), input) as Promise<{ id: string; version: number; status: string }>;
const view = (persona: Persona, meetingId: string) => runQuery(queries.getMeeting, world.ctx(persona), { meetingId });

const schedule = (extra: Record<string, unknown> = {}) =>
  run('coordinator', 'scheduleMeeting', {
    title: 'Invented July panel',
    startsAt: '2026-07-01T09:30:00Z',
    lengthMinutes: 120,
    chairId: 'chair',
    quorum: { coreAgencyIds: ['ag-council', 'ag-police', 'ag-health'], minCoreShare: 0.5, chairRequired: true },
    ...extra,
  });

const decision = (agendaItemId: string, extra: Record<string, unknown> = {}) => ({
  agendaItemId,
  outcome: 'accept',
  rationale: 'Invented: three agencies hold risk none can manage alone.',
  alternativesConsidered: 'A single-agency plan.',
  dissent: 'None',
  infoSharing: { what: 'Chronology', withWhom: 'Panel members', why: 'To manage the risk', basis: 'UK GDPR 6(1)(e)' },
  leadAgencyId: 'ag-police',
  leadProfessionalId: 'policelead',
  ...extra,
});

/** A meeting with a built, published agenda (a listed referral and an escalated-free open case under review). */
async function publishedMeeting() {
  const referral = await createListedReferral(world, 'police');
  await createOpenCase(world, { nextReviewDate: '2026-06-20' });
  let m = await schedule();
  m = await run('coordinator', 'buildAgenda', { meetingId: m.id, expectedVersion: m.version });
  m = await run('coordinator', 'publishAgenda', { meetingId: m.id, expectedVersion: m.version });
  return { m, referral };
}

describe('meeting lifecycle', () => {
  it('runs from planned to minutes issued: agenda built, published, started, moved, decided, ended, approved, issued', async () => {
    const { m: published, referral } = await publishedMeeting();
    expect(published.status).toBe('agenda_published');
    let v = await view('chair', published.id);
    expect(meetingViewSchema.parse(v)).toBeTruthy();
    expect(v.agenda.map((l) => l.kind)).toEqual(['new_referral', 'review']);
    expect(v.myRole).toBe('chair');
    expect(v.can.start).toBe(true);

    let m = await run('chair', 'startMeeting', { meetingId: published.id, expectedVersion: published.version });
    m = await run('chair', 'recordAttendance', { meetingId: m.id, memberId: 'chair', status: 'present', confidentialityAgreed: true });
    m = await run('chair', 'recordAttendance', { meetingId: m.id, memberId: 'police', status: 'present', confidentialityAgreed: true });
    m = await run('chair', 'recordAttendance', { meetingId: m.id, memberId: 'health', status: 'present', confidentialityAgreed: true });
    v = await view('chair', m.id);
    expect(v.quorum.quorate).toBe(true);
    const [first, second] = v.agenda;
    expect(v.current?.agendaItemId).toBe(first!.id);

    m = await run('chair', 'recordDecision', { meetingId: m.id, expectedVersion: m.version, ...decision(first!.id) });
    expect(await getRecord(world, 'cases', referral.id)).toMatchObject({ status: 'open', leadAgencyId: 'ag-police', leadProfessionalId: 'policelead' });
    const decisions = await allRecords(world, 'decisions');
    expect(decisions.find((d) => d.meetingId === m.id)).toMatchObject({ outcome: 'accept', dissent: 'None', agendaItemId: first!.id });
    expect(decisions.find((d) => d.meetingId === m.id)?.inquorate).toBeUndefined();
    const outbox = await allRecords(world, 'outbox');
    expect(outbox.some((o) => o.kind === 'decision' && (o.payload as { caseId: string }).caseId === referral.id)).toBe(true);

    m = await run('chair', 'moveToItem', { meetingId: m.id, expectedVersion: m.version, agendaItemId: second!.id });
    const stage = await runQuery(queries.getMeetingStage, world.ctx('fire'), { meetingId: m.id });
    expect(stageViewSchema.parse(stage).current?.order).toBe(2);
    expect(stage.runningOrder[0]!.state).toBe('done');

    m = await run('chair', 'endMeeting', { meetingId: m.id, expectedVersion: m.version });
    expect(m.status).toBe('held');
    v = await view('coordinator', m.id);
    expect(v.minutes?.itemNotes).toHaveLength(2);
    m = await run('coordinator', 'editMinutes', { meetingId: m.id, expectedVersion: m.version, nextMeeting: 'Wednesday 5 August 2026, 09:30, Teams' });
    m = await run('chair', 'approveMinutes', { meetingId: m.id, expectedVersion: m.version });
    m = await run('coordinator', 'issueMinutes', { meetingId: m.id, expectedVersion: m.version });
    expect(m.status).toBe('minutes_issued');
    const list = await runQuery(queries.listMeetings, world.ctx('viewer'), {});
    expect(list.find((x) => x.id === m.id)?.minutesTimeliness).toMatchObject({ issued: true, standardWorkingDays: 3 });
  });

  it('flags a decision taken while inquorate', async () => {
    const { m: published } = await publishedMeeting();
    const m = await run('chair', 'startMeeting', { meetingId: published.id });
    const v = await view('chair', m.id);
    expect(v.quorum.quorate).toBe(false);
    await run('chair', 'recordDecision', { meetingId: m.id, ...decision(v.agenda[0]!.id) });
    const d = (await allRecords(world, 'decisions')).find((x) => x.meetingId === m.id);
    expect(d?.inquorate).toBe(true);
    expect((await view('chair', m.id)).decisions[0]!.inquorate).toBe(true);
  });
});

describe('meeting refusals', () => {
  it('only coordinators schedule, build and publish', async () => {
    await expectRefused(world, () => run('chair', 'scheduleMeeting', {
      title: 'x', startsAt: '2026-07-01T09:30:00Z', lengthMinutes: 60, chairId: 'chair', quorum: { coreAgencyIds: [], minCoreShare: 0, chairRequired: true },
    }), ForbiddenError);
    const m = await schedule();
    await expectRefused(world, () => run('chair', 'buildAgenda', { meetingId: m.id }), ForbiddenError);
    await expectRefused(world, () => run('police', 'publishAgenda', { meetingId: m.id }), ForbiddenError);
  });

  it('only the stored chair (or named deputy) drives the meeting; another chair or a coordinator cannot', async () => {
    const { m } = await publishedMeeting();
    await expectRefused(world, () => run('coordinator', 'startMeeting', { meetingId: m.id }), ForbiddenError);
    await expectRefused(world, () => run('police', 'startMeeting', { meetingId: m.id }), ForbiddenError);
    const started = await run('chair', 'startMeeting', { meetingId: m.id });
    expect(started.status).toBe('in_progress');
  });

  it('a named deputy drives like the chair', async () => {
    await createListedReferral(world, 'police');
    let m = await schedule({ deputyChairId: 'health' });
    m = await run('coordinator', 'buildAgenda', { meetingId: m.id });
    m = await run('coordinator', 'publishAgenda', { meetingId: m.id });
    m = await run('health', 'startMeeting', { meetingId: m.id });
    expect(m.status).toBe('in_progress');
    expect((await view('health', m.id)).myRole).toBe('deputy');
  });

  it('refuses the wrong state', async () => {
    const m = await schedule();
    await expectRefused(world, () => run('chair', 'startMeeting', { meetingId: m.id }), IllegalTransitionError);
    await expectRefused(world, () => run('coordinator', 'publishAgenda', { meetingId: m.id }), ConflictError);
    await expectRefused(world, () => run('chair', 'endMeeting', { meetingId: m.id }), IllegalTransitionError);
  });

  it('refuses a decision without rationale, alternatives, dissent or information sharing, and an outcome the item kind does not take', async () => {
    const { m: published } = await publishedMeeting();
    const m = await run('chair', 'startMeeting', { meetingId: published.id });
    const item = (await view('chair', m.id)).agenda[0]!.id;
    const missing = await expectRefused(world, () => run('chair', 'recordDecision', {
      meetingId: m.id, agendaItemId: item, outcome: 'accept', leadAgencyId: 'ag-police', leadProfessionalId: 'policelead',
    }), ValidationError);
    expect(fieldsOf(missing)).toEqual(expect.arrayContaining(['rationale', 'alternativesConsidered', 'dissent', 'infoSharing']));
    const wrongKind = await expectRefused(world, () => run('chair', 'recordDecision', { meetingId: m.id, ...decision(item, { outcome: 'continue', leadAgencyId: undefined, leadProfessionalId: undefined }) }), ValidationError);
    expect(fieldsOf(wrongKind)).toEqual(['outcome']);
    const noLead = await expectRefused(world, () => run('chair', 'recordDecision', { meetingId: m.id, ...decision(item, { leadProfessionalId: undefined }) }), ValidationError);
    expect(fieldsOf(noLead)).toEqual(['leadProfessionalId']);
  });

  it('refuses a stale version', async () => {
    const { m: published } = await publishedMeeting();
    const m = await run('chair', 'startMeeting', { meetingId: published.id, expectedVersion: published.version });
    const [, second] = (await view('chair', m.id)).agenda;
    await expectRefused(world, () => run('chair', 'moveToItem', { meetingId: m.id, expectedVersion: published.version, agendaItemId: second!.id }), ConflictError);
  });

  it('edits the agenda by the domain edits, keeping ids, and refuses an order that does not exist', async () => {
    await createListedReferral(world, 'police');
    await createOpenCase(world, { nextReviewDate: '2026-06-20' });
    let m = await schedule();
    m = await run('coordinator', 'buildAgenda', { meetingId: m.id });
    const before = (await view('coordinator', m.id)).agenda;
    m = await run('coordinator', 'editAgenda', { meetingId: m.id, expectedVersion: m.version, edit: { op: 'move', from: 2, to: 1 } });
    m = await run('coordinator', 'editAgenda', { meetingId: m.id, expectedVersion: m.version, edit: { op: 'addAnyOtherBusiness', title: 'Training dates', minutesAllotted: 5 } });
    m = await run('coordinator', 'editAgenda', { meetingId: m.id, expectedVersion: m.version, edit: { op: 'retime', order: 1, minutesAllotted: 20 } });
    const after = (await view('coordinator', m.id)).agenda;
    expect(after.map((l) => l.id).slice(0, 2)).toEqual([before[1]!.id, before[0]!.id]);
    expect(after[0]!.minutesAllotted).toBe(20);
    expect(after[2]).toMatchObject({ kind: 'any_other_business', title: 'Training dates' });
    m = await run('coordinator', 'editAgenda', { meetingId: m.id, expectedVersion: m.version, edit: { op: 'remove', order: 3 } });
    expect((await view('coordinator', m.id)).agenda).toHaveLength(2);
    await expectRefused(world, () => run('coordinator', 'editAgenda', { meetingId: m.id, edit: { op: 'remove', order: 9 } }), ValidationError);
  });
});

describe('what each person sees', () => {
  it('the stage shows references and initials only, and "Restricted case" for a restricted one', async () => {
    const { m } = await publishedMeeting();
    const stage = await runQuery(queries.getMeetingStage, world.ctx('fire'), { meetingId: m.id });
    const text = JSON.stringify(stage);
    expect(text).not.toContain('Alex Imaginary Example');
    expect(text).not.toContain('hoarding');
    expect(stage.runningOrder.every((l) => /^[A-Z]+-\d{4}-\d{4} · /.test(l.label) || l.label === 'Restricted case')).toBe(true);
  });
});
