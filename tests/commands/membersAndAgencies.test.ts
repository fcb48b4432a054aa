import { addAgency } from '../../src/commands/addAgency';
import { addMember } from '../../src/commands/addMember';
import { changeAgency } from '../../src/commands/changeAgency';
import { changeMember } from '../../src/commands/changeMember';
import { addChronologyEntry } from '../../src/commands/addChronologyEntry';
import { resolveActor } from '../../src/auth/resolveActor';
import { ConflictError, ForbiddenError, NotFoundError, UnauthenticatedError, ValidationError } from '../../src/domain/errors';
import { execute } from '../../src/kernel/command';
import { makeContext } from '../../src/kernel/context';
import { allRecords, auditOf, createOpenCase, getRecord } from '../support/cases';
import { expectRefused, fieldsOf } from '../support/refusals';
import { createWorld, type World } from '../support/world';

let world: World;
beforeEach(async () => (world = await createWorld()));
afterEach(() => world.close());

const NEW_MEMBER = {
  name: 'Invented Newcomer',
  email: 'Invented.Newcomer@Example.test',
  aadObjectId: '11111111-2222-4333-8444-555555555555',
  agencyId: 'ag-fire',
  roles: ['partner'],
};

describe('members', () => {
  it('a coordinator adds a member, who can then sign in; the audit names no name or email', async () => {
    const m = await execute(addMember, world.ctx('coordinator'), NEW_MEMBER);
    expect(m).toMatchObject({ email: 'invented.newcomer@example.test', agencyId: 'ag-fire', roles: ['partner'], agencyLead: false, active: true });
    expect((await resolveActor(world.store, { aadObjectId: NEW_MEMBER.aadObjectId })).member.id).toBe(m.id);
    const [event] = await auditOf(world, m.id);
    expect(event).toMatchObject({ action: 'create', recordType: 'member', actorId: 'coordinator', change: { agencyId: 'ag-fire', roles: ['partner'], agencyLead: false } });
    expect(JSON.stringify(event)).not.toMatch(/Newcomer|newcomer/);
  });

  it('refuses non-coordinators, a taken email or object id, and an unknown or inactive agency', async () => {
    await expectRefused(world, () => execute(addMember, world.ctx('chair'), NEW_MEMBER), ForbiddenError);
    await expectRefused(world, () => execute(addMember, world.ctx('coordinator'), { ...NEW_MEMBER, email: 'police@example.test' }), ConflictError);
    await execute(addMember, world.ctx('coordinator'), NEW_MEMBER);
    await expectRefused(world, () => execute(addMember, world.ctx('coordinator'), { ...NEW_MEMBER, email: 'other@example.test' }), ConflictError);
    const unknown = await expectRefused(world, () => execute(addMember, world.ctx('coordinator'), { ...NEW_MEMBER, agencyId: 'ag-nowhere' }), ValidationError);
    expect(fieldsOf(unknown)).toEqual(['agencyId']);
    const bad = await expectRefused(world, () => execute(addMember, world.ctx('coordinator'), { ...NEW_MEMBER, email: 'not-an-email', aadObjectId: 'x', roles: [] }), ValidationError);
    expect(fieldsOf(bad).sort()).toEqual(['aadObjectId', 'email', 'roles']);
  });

  it('a deactivated member is refused at once: at sign-in, and in any command already holding their old identity', async () => {
    const open = await createOpenCase(world, { referrer: 'police' });
    const police = await resolveActor(world.store, { email: 'police@example.test' });
    const chronologyBefore = (await allRecords(world, 'chronology')).length;
    await execute(changeMember, world.ctx('coordinator'), { memberId: 'police', active: false, reason: 'Invented: left the force.' });

    await expect(resolveActor(world.store, { email: 'police@example.test' })).rejects.toBeInstanceOf(UnauthenticatedError);
    await expect(resolveActor(world.store, { aadObjectId: police.member.aadObjectId })).rejects.toBeInstanceOf(UnauthenticatedError);
    // A request already past sign-in when the change landed: every policy check refuses an inactive member.
    const stale = makeContext({ store: world.store, actor: { ...police, member: { ...police.member, active: false } } });
    await expect(execute(addChronologyEntry, stale, { caseId: open.id, occurredAt: '2026-06-14T10:00:00Z', type: 'contact', summary: 'Invented.', significance: 'low' })).rejects.toBeInstanceOf(NotFoundError);
    expect(await allRecords(world, 'chronology')).toHaveLength(chronologyBefore);

    // History stays attributed: the case still names its referrer; the audit says who deactivated them and why.
    expect((await getRecord(world, 'cases', open.id))!.referrerMemberId).toBe('police');
    expect((await auditOf(world, 'police')).at(-1)).toMatchObject({ actorId: 'coordinator', change: { active: { from: true, to: false } }, reason: 'Invented: left the force.' });
  });

  it('changes record which fields changed, with values only for agency, roles, lead and active', async () => {
    await execute(changeMember, world.ctx('coordinator'), { memberId: 'health', name: 'Invented Renamed', roles: ['partner', 'chair'] });
    expect((await auditOf(world, 'health')).at(-1)!.change).toEqual({ name: 'changed', roles: { from: ['partner'], to: ['partner', 'chair'] } });
    const none = await expectRefused(world, () => execute(changeMember, world.ctx('coordinator'), { memberId: 'health', roles: ['partner', 'chair'] }), ValidationError);
    expect(none.message).toMatch(/Nothing to change/);
    const self = await expectRefused(world, () => execute(changeMember, world.ctx('coordinator'), { memberId: 'coordinator', active: false }), ValidationError);
    expect(fieldsOf(self)).toEqual(['active']);
  });
});

describe('agencies', () => {
  it('a coordinator adds and changes agencies; short names stay unique; an inactive agency takes no members', async () => {
    const a = await execute(addAgency, world.ctx('coordinator'), { name: 'Invented Housing Trust', shortName: 'Housing', kind: 'voluntary' });
    expect(a).toMatchObject({ shortName: 'Housing', active: true });
    await expectRefused(world, () => execute(addAgency, world.ctx('coordinator'), { name: 'Other', shortName: 'police', kind: 'police' }), ConflictError);
    await expectRefused(world, () => execute(addAgency, world.ctx('police'), { name: 'Other', shortName: 'Other', kind: 'police' }), ForbiddenError);

    await execute(changeAgency, world.ctx('coordinator'), { agencyId: a.id, active: false });
    expect((await auditOf(world, a.id)).map((e) => e.change)).toEqual([
      { name: 'Invented Housing Trust', shortName: 'Housing', kind: 'voluntary', core: false },
      { active: { from: true, to: false } },
    ]);
    const refused = await expectRefused(world, () => execute(addMember, world.ctx('coordinator'), { ...NEW_MEMBER, agencyId: a.id }), ValidationError);
    expect(fieldsOf(refused)).toEqual(['agencyId']);
    const own = await expectRefused(world, () => execute(changeAgency, world.ctx('coordinator'), { agencyId: 'ag-council', active: false }), ValidationError);
    expect(fieldsOf(own)).toEqual(['active']);
  });
});
