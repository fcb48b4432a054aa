import { execute } from '../../src/kernel/command';
import { runQuery } from '../../src/kernel/query';
import { commands } from '../../src/commands';
import { queries } from '../../src/queries';
import { ConflictError, ForbiddenError, ValidationError } from '../../src/domain/errors';
import { allRecords, createOpenCase, createSubmittedReferral, getRecord } from '../support/cases';
import { expectRefused } from '../support/refusals';
import { expectHidden } from './expectHidden';
import { createWorld, type Persona, type World } from '../support/world';

let world: World;
beforeEach(async () => (world = await createWorld()));
afterEach(() => world.close());

const RATIONALE = 'Invented: the adult is settled with support and no incidents for six months.';
const run = (persona: Persona, name: keyof typeof commands, input: Record<string, unknown>) =>
  execute(commands[name] as never, world.ctx(persona), input) as Promise<{ id: string; version: number; status: string }>;
const propose = (persona: Persona, c: { id: string; version: number }) =>
  run(persona, 'proposeClosure', { caseId: c.id, rationale: RATIONALE, expectedVersion: c.version });

async function plannedMeeting() {
  return run('coordinator', 'scheduleMeeting', {
    title: 'Invented July panel', startsAt: '2026-07-01T09:30:00Z', lengthMinutes: 120, chairId: 'chair',
    quorum: { coreAgencyIds: ['ag-council', 'ag-police'], minCoreShare: 0.5, chairRequired: true },
  });
}

describe('proposing that the panel close a case', () => {
  it('is the lead agency\'s to propose once; the case shows it and the audit names it without copying the rationale', async () => {
    const open = await createOpenCase(world, { referrer: 'police' });
    const before = await runQuery(queries.getCase, world.ctx('police'), { caseId: open.id });
    expect(before.access === 'full' && before.can.proposeClosure).toBe(true);

    await propose('police', open);
    const stored = (await getRecord(world, 'cases', open.id))!;
    expect(stored.status).toBe('open');
    expect(stored.closureProposal).toMatchObject({ proposedById: 'police', rationale: RATIONALE });
    const after = await runQuery(queries.getCase, world.ctx('police'), { caseId: open.id });
    expect(after.access === 'full' && after.can.proposeClosure).toBe(false);
    const audit = (await allRecords(world, 'audit')).filter((e) => e.recordId === open.id && e.action === 'update');
    expect(audit.some((e) => JSON.stringify(e.change).includes('proposed'))).toBe(true);
    expect(JSON.stringify(audit)).not.toContain('settled with support');

    await expectRefused(world, () => propose('police', stored), ConflictError);
  });

  it('is refused to the referrer whose agency does not lead, hidden from one that cannot see the case, and refused on a referral', async () => {
    const c = await createOpenCase(world, { referrer: 'police', leadAgencyId: 'ag-health', leadProfessionalId: 'health' });
    await expectRefused(world, () => propose('police', c), ForbiddenError);
    await expectHidden(world, () => propose('fire', c), { type: 'case', id: c.id });
    await expectRefused(world, () => run('health', 'proposeClosure', { caseId: c.id, rationale: '', expectedVersion: c.version }), ValidationError);
    await propose('health', c);

    const referral = await createSubmittedReferral(world, 'police');
    await expectRefused(world, () => propose('coordinator', referral), ConflictError);
  });

  it('puts the case on the next agenda as a closure proposal until the panel answers it', async () => {
    const open = await createOpenCase(world, { referrer: 'police' });
    await propose('police', open);

    let m = await plannedMeeting();
    m = await run('coordinator', 'buildAgenda', { meetingId: m.id, expectedVersion: m.version });
    let view = await runQuery(queries.getMeeting, world.ctx('chair'), { meetingId: m.id });
    const item = view.agenda.find((l) => l.kind === 'closure_proposal');
    expect(item).toBeDefined();
    expect(item && 'caseId' in item ? item.caseId : undefined).toBe(open.id);

    m = await run('coordinator', 'publishAgenda', { meetingId: m.id, expectedVersion: m.version });
    m = await run('chair', 'startMeeting', { meetingId: m.id, expectedVersion: m.version });
    m = await run('chair', 'moveToItem', { meetingId: m.id, expectedVersion: m.version, agendaItemId: item!.id });
    await run('chair', 'recordDecision', {
      meetingId: m.id, expectedVersion: m.version, agendaItemId: item!.id, outcome: 'continue',
      rationale: 'Invented: one more review first.', alternativesConsidered: 'Invented: close now.', dissent: 'None',
      infoSharing: { what: 'Invented: the plan', withWhom: 'Panel members', why: 'Invented: to review', basis: 'Invented: public task' },
    });
    const answered = (await getRecord(world, 'cases', open.id))!;
    expect(answered.status).toBe('open');
    expect(answered.closureProposal).toBeUndefined();

    let next = await plannedMeeting();
    next = await run('coordinator', 'buildAgenda', { meetingId: next.id, expectedVersion: next.version });
    view = await runQuery(queries.getMeeting, world.ctx('chair'), { meetingId: next.id });
    expect(view.agenda.some((l) => l.kind === 'closure_proposal')).toBe(false);
  });
});
