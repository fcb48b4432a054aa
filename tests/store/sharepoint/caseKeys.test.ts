import type { CaseRecord } from '../../../src/domain/records';
import { memberAudience } from '../../../src/store/caseAudience';
import type { Query } from '../../../src/store/port';
import { CASE_KEYS_LIST, caseKeyItems, storedKey } from '../../../src/store/sharepoint/caseKeys';
import { SYNCED_KINDS } from '../../../src/store/sharepoint/deltaSync';
import { toFields } from '../../../src/store/sharepoint/itemMapping';
import { LISTS } from '../../../src/store/sharepoint/listSchema';
import { provision } from '../../../src/store/sharepoint/provisioning';
import type { GraphFake } from '../../fakes/graphFake';
import { fakeClients, fakeSharePoint } from '../../fakes/sharePointHarness';
import { makeOpenCase } from '../../support/records';

/*
 * The companion keys list of the cases' derived fields: filled by provisioning for cases written before it existed
 * (or out of step after a failed write), kept in step by every case write, repaired by the case's next update, and
 * never read by the delta sync.
 */

const invented = (i: number, over: Partial<CaseRecord> = {}) =>
  makeOpenCase({ id: `kc-${i}`, ref: `KEYS-2026-${String(i).padStart(4, '0')}`, receivedAt: new Date(Date.UTC(2026, 0, 1 + i)).toISOString(), referrerAgencyId: i % 2 ? 'ag-fire' : 'ag-police', leadAgencyId: 'ag-health', ...over });

const keyItems = (fake: GraphFake) => [...fake.list(CASE_KEYS_LIST).items.values()];
const police = memberAudience({ id: 'police', agencyId: 'ag-police', roles: ['partner'], active: true })!.filter((k) => k !== 'pc:screenable');
const visibleTo = (keys: string[]): Query => ({ where: [{ field: 'audience', op: 'in', value: keys }], orderBy: { field: 'receivedAt', direction: 'desc', emptyLast: true, then: 'ref' } });

describe('the cases\' keys list', () => {
  it('provisioning fills it for cases written before it existed, and a second run changes nothing', async () => {
    const { fake, store } = await fakeSharePoint();
    const cases = Array.from({ length: 30 }, (_, i) => invented(i));
    // As on a site upgraded from a version without the list: the cases are there, their keys are not.
    fake.seedItems(LISTS.cases.displayName, cases.map((c) => toFields(LISTS.cases, c as unknown as Record<string, unknown>)));
    expect(await store.transaction((tx) => tx.find('cases', visibleTo(police)))).toEqual([]);
    const { graph, rest } = fakeClients(fake);
    const lines: string[] = [];
    const upgrade = await provision({ graph, sharePointRest: rest, log: (l) => lines.push(l) }, fake.site.id, { dryRun: false });
    const wanted = cases.flatMap((c) => caseKeyItems(c)).length;
    expect(upgrade.steps.map((s) => `${s.action}: ${s.list}: ${s.detail}`)).toEqual([`fill index: ${CASE_KEYS_LIST}: 30 case(s) out of step: ${wanted} key item(s) to add, 0 to change, 0 to delete`]);
    expect(keyItems(fake)).toHaveLength(wanted);
    const seen = await store.transaction((tx) => tx.find('cases', visibleTo(police)));
    expect(seen.map((c) => c.id)).toEqual(cases.filter((c) => c.referrerAgencyId === 'ag-police').map((c) => c.id).reverse());
    expect((await provision({ graph, sharePointRest: rest }, fake.site.id, { dryRun: false })).steps).toEqual([]);
    await store.close();
  });

  it('provisioning repairs an item lost, one out of date and one left behind by a removed case', async () => {
    const { fake, store } = await fakeSharePoint();
    await store.transaction(async (tx) => {
      for (let i = 0; i < 3; i++) await tx.insert('cases', invented(i));
    });
    const policeItem = keyItems(fake).find((i) => i.fields.CaseId === 'kc-0' && i.fields.Key === storedKey('audience', 'p:a:ag-police'))!;
    fake.deleteItem(CASE_KEYS_LIST, policeItem.id);
    const statusItem = keyItems(fake).find((i) => i.fields.CaseId === 'kc-1')!;
    fake.editItem(CASE_KEYS_LIST, statusItem.id, { Status: 'closed' });
    fake.deleteItem(LISTS.cases.displayName, fake.itemByRecordId(LISTS.cases.displayName, 'kc-2').id);
    const leftBehind = keyItems(fake).filter((i) => i.fields.CaseId === 'kc-2').length;
    const { graph, rest } = fakeClients(fake);
    const repair = await provision({ graph, sharePointRest: rest }, fake.site.id, { dryRun: false });
    expect(repair.steps.map((s) => s.detail)).toEqual([`2 case(s) out of step: 1 key item(s) to add, 1 to change, ${leftBehind} to delete`]);
    expect(keyItems(fake).filter((i) => i.fields.CaseId === 'kc-2')).toEqual([]);
    expect((await store.transaction((tx) => tx.find('cases', visibleTo(police)))).map((c) => c.id)).toEqual(['kc-0']);
    expect((await provision({ graph, sharePointRest: rest }, fake.site.id, { dryRun: false })).steps).toEqual([]);
    await store.close();
  });

  it("a case's next update brings its items back in step after a write that failed midway", async () => {
    const { fake, store } = await fakeSharePoint();
    await store.transaction((tx) => tx.insert('cases', invented(0)));
    // The case was saved but none of its items were (the connection went down after the case's write).
    for (const item of keyItems(fake)) fake.deleteItem(CASE_KEYS_LIST, item.id);
    expect(await store.transaction((tx) => tx.find('cases', visibleTo(police)))).toEqual([]);
    await store.transaction(async (tx) => {
      const c = (await tx.get('cases', 'kc-0'))!;
      await tx.update('cases', { ...c, riskLevel: 'medium' });
    });
    expect((await store.transaction((tx) => tx.find('cases', visibleTo(police)))).map((c) => c.id)).toEqual(['kc-0']);
    const c = (await store.transaction((tx) => tx.get('cases', 'kc-0')))!;
    expect(keyItems(fake).map((i) => i.fields.Key).sort()).toEqual(caseKeyItems(c).map((i) => i.key).sort());
    expect(new Set(keyItems(fake).map((i) => i.fields.RiskLevel))).toEqual(new Set(['medium']));
    await store.close();
  });

  it("writes a case's items together ($batch) with the case, and an update changes only the items that differ", async () => {
    const { fake, store } = await fakeSharePoint();
    await store.transaction((tx) => tx.get('cases', 'warm-up'));
    fake.resetStats();
    await store.transaction((tx) => tx.insert('cases', invented(0)));
    const created = keyItems(fake).length;
    expect(created).toBeGreaterThan(15);
    // The case, then its items in batches of 20.
    expect(fake.stats.requests).toBe(1 + Math.ceil(created / 20));
    fake.resetStats();
    await store.transaction(async (tx) => {
      const c = (await tx.get('cases', 'kc-0'))!;
      await tx.update('cases', { ...c, leadAgencyId: 'ag-council' });
    });
    // Read; write and read the case's items (one $batch); delete the health key, add the council one (one $batch).
    expect(fake.stats.requests).toBe(3);
    expect(fake.stats.log.filter((l) => l.inner && l.method === 'DELETE')).toHaveLength(1);
    expect(fake.stats.log.filter((l) => l.inner && l.method === 'POST')).toHaveLength(1);
    // Only the case itself is patched: its other items already say the same.
    expect(fake.stats.log.filter((l) => l.method === 'PATCH')).toHaveLength(1);
    await store.close();
  });

  it('is never read by the delta sync, which syncs record lists only', () => {
    expect(SYNCED_KINDS.map((k) => LISTS[k].displayName)).not.toContain(CASE_KEYS_LIST);
  });
});
