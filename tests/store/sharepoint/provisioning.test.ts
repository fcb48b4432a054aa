import { CASE_KEYS_LIST } from '../../../src/store/sharepoint/caseKeys';
import { LISTS } from '../../../src/store/sharepoint/listSchema';
import { provision } from '../../../src/store/sharepoint/provisioning';
import { KINDS } from '../../../src/store/schema';
import { GraphFake } from '../../fakes/graphFake';
import { fakeClients } from '../../fakes/sharePointHarness';

/** Everything provisioning controls, as plain data, to compare before and after a run. */
function snapshot(fake: GraphFake) {
  return [...fake.site.lists.values()].map((l) => ({
    displayName: l.displayName,
    columns: l.columns.map(({ id: _id, ...c }) => c),
    views: l.views.map(({ Id: _id, ...v }) => v),
  }));
}

const writes = (fake: GraphFake) => fake.stats.log.filter((l) => l.method !== 'GET' && !l.url.endsWith('/$batch')).length;

describe('provisioning', () => {
  it('creates every list with its columns, indexes, unique keys and views', async () => {
    const fake = new GraphFake();
    const { graph, rest } = fakeClients(fake);
    const result = await provision({ graph, sharePointRest: rest }, fake.site.id, { dryRun: false });
    expect(result.applied).toBe(true);
    expect([...fake.site.lists.values()].map((l) => l.displayName).sort()).toEqual([...KINDS.map((k) => LISTS[k].displayName), CASE_KEYS_LIST].sort());
    // The cases' derived keys: a hidden companion list whose lookups and orders are all indexed, one item per case and key.
    const keys = fake.list(CASE_KEYS_LIST);
    expect(keys.columns.filter((c) => c.indexed).map((c) => c.name).sort()).toEqual(['CaseId', 'Key', 'KeyId', 'ReceivedAt', 'RefOrder']);
    expect(keys.columns.find((c) => c.name === 'KeyId')).toMatchObject({ enforceUniqueValues: true, hidden: true });

    const actions = fake.list('Actions');
    const col = (name: string) => actions.columns.find((c) => c.name === name)!;
    expect(col('DueDate')).toMatchObject({ indexed: true, kind: 'dateTime', facet: { dateTime: { format: 'dateOnly' } }, displayName: 'Due date' });
    expect(col('ActionStatus').facet).toEqual({ choice: { allowTextEntry: false, choices: ['Not started', 'In progress', 'Completed', 'Not done circumstance', 'Not done agency', 'Cancelled'], displayAs: 'dropDownMenu' } });
    expect(col('RecordId')).toMatchObject({ indexed: true, enforceUniqueValues: true });
    expect(col('RecordJson')).toMatchObject({ multiline: true, hidden: true, indexed: false });
    expect(col('Title').displayName).toBe('Action');
    expect(fake.list('Audit trail').columns.find((c) => c.name === 'IdempotencyKey')).toMatchObject({ indexed: true, enforceUniqueValues: true });

    const views = Object.fromEntries([...fake.site.lists.values()].map((l) => [l.displayName, l.views.map((v) => v.Title).filter((t) => t !== 'All Items')]));
    expect(views).toMatchObject({
      Cases: ['Awaiting screening', 'Open cases by risk', 'Reviews due'],
      Actions: ['Overdue actions', 'Actions by agency'],
      Decisions: ['Decision log'],
    });
    const overdue = fake.list('Actions').views.find((v) => v.Title === 'Overdue actions')!;
    expect(overdue.ViewQuery).toContain('<Lt><FieldRef Name="DueDate"/><Value Type="DateTime"><Today/></Value></Lt>');
    expect(overdue.ViewFields).toEqual(['LinkTitle', 'DueDate', 'ActionStatus', 'AgencyId', 'OwnerId', 'ParentId']);
    // SharePoint REST was called with a token for the SharePoint host, Graph with a Graph token.
    expect([...fake.stats.bearerTokens].sort()).toEqual(['fake-token:https://contoso.sharepoint.com/.default', 'fake-token:https://graph.microsoft.com/.default']);
  });

  it('changes nothing when run a second time', async () => {
    const fake = new GraphFake();
    const { graph, rest } = fakeClients(fake);
    await provision({ graph, sharePointRest: rest }, fake.siteUrl, { dryRun: false });
    const before = snapshot(fake);
    fake.resetStats();
    const lines: string[] = [];
    const second = await provision({ graph, sharePointRest: rest, log: (l) => lines.push(l) }, fake.siteUrl, { dryRun: false });
    expect(second.steps).toEqual([]);
    expect(lines).toEqual(['Nothing to change: the site matches the schema.']);
    expect(writes(fake)).toBe(0);
    expect(snapshot(fake)).toEqual(before);
  });

  it('a dry run prints the plan and changes nothing', async () => {
    const fake = new GraphFake();
    const { graph, rest } = fakeClients(fake);
    const lines: string[] = [];
    const plan = await provision({ graph, sharePointRest: rest, log: (l) => lines.push(l) }, fake.site.id, { dryRun: true });
    expect(plan.applied).toBe(false);
    expect(fake.site.lists.size).toBe(0);
    expect(writes(fake)).toBe(0);
    expect(lines).toContain('would create list: Cases: 28 columns, 11 indexed');
    expect(lines).toContain('would create view: Actions: Overdue actions');
    expect(lines.filter((l) => l.startsWith('would create list'))).toHaveLength(KINDS.length + 1);
    expect(lines).toContain(`would create list: ${CASE_KEYS_LIST}: 9 columns, 5 indexed`);
  });

  it('upgrades an older site: missing columns, indexes, labels, choices and views, then nothing more', async () => {
    const fake = new GraphFake();
    const { graph, rest } = fakeClients(fake);
    await provision({ graph, sharePointRest: rest }, fake.site.id, { dryRun: false });
    const actions = fake.list('Actions');
    // An older schema: no CompletedAt column, DueDate not indexed, a different label, a choice missing, no views.
    actions.columns = actions.columns.filter((c) => c.name !== 'CompletedAt');
    actions.columns.find((c) => c.name === 'DueDate')!.indexed = false;
    actions.columns.find((c) => c.name === 'OwnerId')!.displayName = 'Owner';
    const status = actions.columns.find((c) => c.name === 'ActionStatus')!;
    status.facet = { choice: { ...(status.facet.choice as object), choices: ['Not started', 'In progress', 'Completed'] } };
    actions.views = actions.views.filter((v) => v.Title === 'All Items');
    const cases = fake.list('Cases');
    cases.views.find((v) => v.Title === 'Reviews due')!.ViewQuery = '<Where></Where>';

    const lines: string[] = [];
    const upgrade = await provision({ graph, sharePointRest: rest, log: (l) => lines.push(l) }, fake.site.id, { dryRun: false });
    expect(upgrade.steps.map((s) => `${s.action}: ${s.list}: ${s.detail}`).sort()).toEqual(
      [
        'add column: Actions: CompletedAt (dateTime)',
        'update column: Actions: DueDate: indexed',
        'update column: Actions: OwnerId: displayName',
        'update column: Actions: ActionStatus: choice',
        'create view: Actions: Overdue actions',
        'create view: Actions: Actions by agency',
        'update view: Cases: Reviews due: query',
      ].sort(),
    );
    expect(actions.columns.find((c) => c.name === 'DueDate')!.indexed).toBe(true);
    expect((await provision({ graph, sharePointRest: rest }, fake.site.id, { dryRun: false })).steps).toEqual([]);
  });

  it('without a certificate (no SharePoint REST) creates the lists and says the views and the audit list\'s permissions need one', async () => {
    const fake = new GraphFake();
    const { graph } = fakeClients(fake);
    const result = await provision({ graph }, fake.site.id, { dryRun: false });
    expect(fake.site.lists.size).toBe(KINDS.length + 1);
    expect(result.steps.filter((s) => s.action === 'manual').map((s) => s.list)).toEqual(['Cases', 'Actions', 'Decisions', 'Audit trail']);
    expect(result.steps.find((s) => s.action === 'manual')!.detail).toMatch(/certificate/);
  });
});
