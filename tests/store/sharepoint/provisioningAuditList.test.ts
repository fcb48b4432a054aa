import { provision } from '../../../src/store/sharepoint/provisioning';
import { COORDINATORS_GROUP } from '../../../src/store/sharepoint/provisioningPermissions';
import { GraphFake } from '../../fakes/graphFake';
import { fakeClients } from '../../fakes/sharePointHarness';
import { listPermissions, ROLE_DEFINITIONS, siteGroups } from '../../fakes/sharePointRest';

// Issue 13 item 2: on SharePoint the audit list is written only by the app. Provisioning breaks its permission
// inheritance and leaves one role assignment: the coordinators' group, Read. The app writes through its site grant.

const READ = ROLE_DEFINITIONS.find((d) => d.Name === 'Read')!.Id;
const auditSteps = (steps: { list: string; action: string; detail: string }[]) =>
  steps.filter((s) => s.list === 'Audit trail' && !['create list', 'rename title'].includes(s.action)).map((s) => s.action);

describe('provisioning the audit list\'s permissions', () => {
  it('plans and applies: the coordinators\' group created, inheritance broken, the group given Read and nothing else', async () => {
    const fake = new GraphFake();
    const { graph, rest } = fakeClients(fake);
    const lines: string[] = [];
    const plan = await provision({ graph, sharePointRest: rest, log: (l) => lines.push(l) }, fake.site.id, { dryRun: true });
    expect(auditSteps(plan.steps)).toEqual(['create group', 'break inheritance', 'grant read']);
    expect(lines).toContain(`would grant read: Audit trail: "${COORDINATORS_GROUP}" may read the audit trail, and nothing more`);
    expect(siteGroups(fake).map((g) => g.Title)).not.toContain(COORDINATORS_GROUP);

    await provision({ graph, sharePointRest: rest }, fake.site.id, { dryRun: false });
    const group = siteGroups(fake).find((g) => g.Title === COORDINATORS_GROUP)!;
    expect(group).toBeDefined();
    const audit = listPermissions(fake.list('Audit trail'));
    expect(audit).toEqual({ unique: true, assignments: [{ principalId: group.Id, roleDefIds: [READ] }] });
    // No other list is touched: they keep the site's permissions (coordinators edit them; the delta sync audits it).
    expect(listPermissions(fake.list('Actions')).unique).toBe(false);
    expect(listPermissions(fake.list('Actions')).assignments.map((a) => a.principalId).sort()).toEqual([3, 4, 5]);
    // The app still writes the list: its access is the site's app grant, not a role assignment on the list.
    expect((await provision({ graph, sharePointRest: rest }, fake.site.id, { dryRun: false })).steps).toEqual([]);
  });

  it('an audit list someone gave edit rights again is put back: the extra access is removed, and only that', async () => {
    const fake = new GraphFake();
    const { graph, rest } = fakeClients(fake);
    await provision({ graph, sharePointRest: rest }, fake.site.id, { dryRun: false });
    const group = siteGroups(fake).find((g) => g.Title === COORDINATORS_GROUP)!;
    const audit = listPermissions(fake.list('Audit trail'));
    // A site owner gave the Members group Edit, and the coordinators Contribute on top of Read.
    audit.assignments.push({ principalId: 5, roleDefIds: [ROLE_DEFINITIONS.find((d) => d.Name === 'Edit')!.Id] });
    audit.assignments[0]!.roleDefIds.push(ROLE_DEFINITIONS.find((d) => d.Name === 'Contribute')!.Id);

    const upgrade = await provision({ graph, sharePointRest: rest }, fake.site.id, { dryRun: false });
    expect(upgrade.steps.map((s) => `${s.action}: ${s.detail}`)).toEqual([
      `remove access: principal ${group.Id}: Contribute (only "${COORDINATORS_GROUP}" reads this list)`,
      `remove access: principal 5: Edit (only "${COORDINATORS_GROUP}" reads this list)`,
    ]);
    expect(audit.assignments).toEqual([{ principalId: group.Id, roleDefIds: [READ] }]);
  });

  it('an older site whose audit list still inherits is secured by the next run', async () => {
    const fake = new GraphFake();
    const { graph, rest } = fakeClients(fake);
    // Provisioned before this change: lists and views only (no REST calls for permissions were made).
    await provision({ graph }, fake.site.id, { dryRun: false });
    expect(listPermissions(fake.list('Audit trail')).unique).toBe(false);
    const upgrade = await provision({ graph, sharePointRest: rest }, fake.site.id, { dryRun: false });
    expect(auditSteps(upgrade.steps)).toEqual(['create group', 'break inheritance', 'grant read']);
    expect(listPermissions(fake.list('Audit trail')).assignments).toHaveLength(1);
  });
});
