import { createLearningReview } from '../../src/commands/createLearningReview';
import { recordSharingDecision } from '../../src/commands/recordSharingDecision';
import { restrictCase } from '../../src/commands/restrictCase';
import { ForbiddenError, NotFoundError, ValidationError } from '../../src/domain/errors';
import type { Member } from '../../src/domain/records';
import { execute } from '../../src/kernel/command';
import { makeContext } from '../../src/kernel/context';
import { runQuery } from '../../src/kernel/query';
import { presentApp } from '../../src/policies';
import { exportAudit } from '../../src/queries/exportAudit';
import { getAccessReview } from '../../src/queries/getAccessReview';
import { getCase } from '../../src/queries/getCase';
import { listSharingDecisions } from '../../src/queries/listSharingDecisions';
import { listLearningReviews } from '../../src/queries/listLearningReviews';
import { searchAudit } from '../../src/queries/searchAudit';
import { createOpenCase } from '../support/cases';
import { expectRefused } from '../support/refusals';
import { AGENCIES, createWorld, FIXED_NOW, type World } from '../support/world';

// Issue 13 items 1-4: the auditor role (the audit trail and the access review, nothing else), information-sharing
// decisions recorded on a case and listed with it and in the trail, and board-work refusals decided by the policies
// and audited.

let world: World;
beforeEach(async () => (world = await createWorld()));
afterEach(() => world.close());

const AUDITOR: Member = {
  id: 'auditor', version: 1, aadObjectId: '00000000-0000-4000-8000-0000000a0d17', name: 'Test auditor', email: 'auditor@example.test',
  agencyId: 'ag-council', roles: ['auditor'], agencyLead: false, active: true,
};
const auditorCtx = () =>
  makeContext({ store: world.store, actor: { member: AUDITOR, agency: AGENCIES[0]! }, now: () => FIXED_NOW, newId: () => `aud-${Math.random()}`, correlationId: `corr-aud-${Math.random()}` });
const deniedFor = async (actorId: string) =>
  (await world.store.transaction((tx) => tx.find('audit'))).filter((e) => e.action === 'denied' && e.actorId === actorId);
const SHARING = { what: 'Invented: the risk summary and the plan.', withWhom: 'Invented GP practice', why: 'Invented: a joint home visit next week.', basis: 'Invented: UK GDPR 6(1)(e), 9(2)(h)' };

describe('the auditor role', () => {
  beforeEach(async () => {
    await world.store.transaction((tx) => tx.insert('members', AUDITOR));
  });

  it('searches and exports the audit trail and reads every agency\'s access review', async () => {
    const c = await createOpenCase(world);
    const found = await runQuery(searchAudit, auditorCtx(), { ref: c.ref });
    expect(found.events.length).toBeGreaterThan(0);
    const exported = await runQuery(exportAudit, auditorCtx(), { ref: c.ref, reason: 'Invented: quarterly audit sample.' });
    expect(exported.events.length).toBe(found.events.length);
    const review = await runQuery(getAccessReview, auditorCtx(), {});
    expect(review.agencies.map((a) => a.agency.id).sort()).toEqual(AGENCIES.map((a) => a.id).sort());
    // Reads, never confirms.
    expect(review.agencies.every((a) => !a.canConfirm)).toBe(true);
    expect(presentApp({ member: AUDITOR, agency: AGENCIES[0]! })).toEqual(expect.objectContaining({
      readAuditTrail: true, reviewAccess: true, refer: false, screen: false, readMeetings: false, readReports: false, manageMembers: false,
      breakGlass: false, readAgencyActions: false, coordinate: false,
    }));
  });

  it('opens no case, no learning review and writes nothing; each refusal is audited', async () => {
    const c = await createOpenCase(world);
    await expect(runQuery(getCase, auditorCtx(), { caseId: c.id })).rejects.toBeInstanceOf(NotFoundError);
    await expect(runQuery(listSharingDecisions, auditorCtx(), { caseId: c.id })).rejects.toBeInstanceOf(NotFoundError);
    await expect(runQuery(listLearningReviews, auditorCtx(), {})).rejects.toBeInstanceOf(ForbiddenError);
    await expect(execute(recordSharingDecision, auditorCtx(), { caseId: c.id, ...SHARING })).rejects.toBeInstanceOf(NotFoundError);
    expect((await deniedFor('auditor')).length).toBeGreaterThanOrEqual(3);
  });

  it('cannot be named on a restricted case (naming would quietly give them the case)', async () => {
    const c = await createOpenCase(world);
    const err = await expectRefused(world, () =>
      execute(restrictCase, world.ctx('coordinator'), { caseId: c.id, restricted: true, namedMemberIds: ['auditor'], reason: 'Invented: domestic abuse.' }), ValidationError);
    expect(err.message + JSON.stringify(err)).toMatch(/auditor/);
  });
});

describe('information-sharing decisions on a case', () => {
  it('are recorded by whoever works the case, listed with it and found in the audit trail as a share', async () => {
    const c = await createOpenCase(world, { referrer: 'police' });
    const before = await runQuery(listSharingDecisions, world.ctx('police'), { caseId: c.id });
    expect(before.canRecord).toBe(true);
    const line = await execute(recordSharingDecision, world.ctx('police'), { caseId: c.id, ...SHARING });
    expect(line).toMatchObject({ byMemberId: 'police', source: 'share', sharing: SHARING });

    const listed = await runQuery(listSharingDecisions, world.ctx('coordinator'), { caseId: c.id });
    expect(listed.decisions).toEqual([expect.objectContaining({ byMemberId: 'police', byName: 'Test police', source: 'share', sharing: SHARING })]);
    const trail = await runQuery(searchAudit, world.ctx('coordinator'), { ref: c.ref, action: 'share' });
    expect(trail.events).toEqual([expect.objectContaining({ actorId: 'police', action: 'share', reason: SHARING.why })]);
  });

  it('refuses a missing field with a 4xx and writes nothing; a summary-only reader is answered as for a missing case', async () => {
    const c = await createOpenCase(world, { referrer: 'police' });
    await expectRefused(world, () => execute(recordSharingDecision, world.ctx('police'), { caseId: c.id, ...SHARING, basis: '  ' }), ValidationError);
    // A hidden case: the refusal is audited as denied, and nothing is shared.
    await expect(execute(recordSharingDecision, world.ctx('fire'), { caseId: c.id, ...SHARING })).rejects.toBeInstanceOf(NotFoundError);
    await expect(execute(recordSharingDecision, world.ctx('viewer'), { caseId: c.id, ...SHARING })).rejects.toBeInstanceOf(NotFoundError);
    expect((await world.store.transaction((tx) => tx.find('audit'))).filter((e) => e.action === 'share')).toEqual([]);
    expect((await deniedFor('fire')).length).toBe(1);
  });
});

describe('board work refusals', () => {
  it('are decided by the policies and audited as denied', async () => {
    await expectRefused(world, () => execute(createLearningReview, world.ctx('police'), { title: 'Invented review', kind: 'sar', startedOn: '2026-05-01' }), ForbiddenError);
    expect(await deniedFor('police')).toEqual([expect.objectContaining({ recordType: 'createLearningReview', reason: 'Only coordinators can record learning reviews.' })]);
  });
});
