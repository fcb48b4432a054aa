import type { CaseRecord } from '../../domain/records';
import { CASE_KEY_COLUMNS, CASE_KEYS_DESCRIPTION, CASE_KEYS_LIST, type CaseKeyItem, caseKeyItems, decodeKeyItem, diffKeyItems, KEY_ITEM_SELECT, keyItemFields } from './caseKeys';
import { failOn, type GraphCall, type GraphHttp, MAX_BATCH } from './graphHttp';
import { decodeItem } from './itemMapping';
import { LISTS, type ListSpec } from './listSchema';
import type { ProvisionStep } from './provisioning';
import { readAllItems } from './provisioningComputedColumns';

/**
 * The companion list of the cases' derived keys (caseKeys.ts) as provisioning sees it, and its data step: on an
 * upgrade (or after a write that failed midway, or a case edited by hand in SharePoint) every case is diffed against
 * its items and the differences written, so `npm run provision` leaves the index complete. A second run plans
 * nothing. Like the computed-column step, it reads both lists page by page without a filter (SharePoint allows
 * unfiltered paging past the list view threshold).
 */

export const CASE_KEYS_SPEC: ListSpec = {
  // Not a record kind: nothing but the SharePoint adapter reads it, and the delta sync never does.
  kind: 'cases',
  displayName: CASE_KEYS_LIST,
  description: CASE_KEYS_DESCRIPTION,
  titleDisplayName: 'Key',
  title: () => '',
  columns: CASE_KEY_COLUMNS,
  views: [],
  appendOnly: false,
  defaults: {},
  leads: [],
};

const PAGE = 999;

/** The writes that bring the items in line with the cases: per case its diff, and every item of a case now gone. */
export function planCaseKeys(cases: readonly CaseRecord[], items: readonly CaseKeyItem[]): { calls: (base: string) => GraphCall[]; cases: number; counts: [number, number, number] } {
  const byCase = new Map<string, CaseKeyItem[]>();
  for (const i of items) byCase.set(i.caseId, [...(byCase.get(i.caseId) ?? []), i]);
  const create: CaseKeyItem[] = [];
  const update: (CaseKeyItem & { itemId: string })[] = [];
  const remove: string[] = [];
  let outOfStep = 0;
  for (const c of cases) {
    const diff = diffKeyItems(caseKeyItems(c), byCase.get(c.id) ?? []);
    byCase.delete(c.id);
    if (diff.create.length + diff.update.length + diff.remove.length) outOfStep++;
    create.push(...diff.create);
    update.push(...diff.update);
    remove.push(...diff.remove);
  }
  // Items of cases that no longer exist (a removal whose items were not all deleted).
  for (const orphans of byCase.values()) remove.push(...orphans.map((i) => i.itemId!));
  return {
    cases: outOfStep,
    counts: [create.length, update.length, remove.length],
    calls: (base) => [
      ...create.map((i): GraphCall => ({ method: 'POST', url: base, body: { fields: keyItemFields(i) } })),
      ...update.map((i): GraphCall => {
        const { KeyId: _k, ...fields } = keyItemFields(i);
        return { method: 'PATCH', url: `${base}/${i.itemId}/fields`, body: fields };
      }),
      ...remove.map((itemId): GraphCall => ({ method: 'DELETE', url: `${base}/${itemId}` })),
    ],
  };
}

const ACCEPTED: Record<string, number[]> = { POST: [201, 409], PATCH: [200, 404], DELETE: [204, 200, 404] };

/**
 * The step that fills the keys list from the Cases list; none when they agree. `keysListId` is undefined when the
 * list is created by this same run (it is then empty), and known by the time the step runs.
 */
export async function caseKeysSteps(
  graph: GraphHttp,
  siteId: string,
  casesListId: string | undefined,
  keysListId: string | undefined,
  listId: () => string | undefined,
  log: (line: string) => void,
): Promise<ProvisionStep[]> {
  if (!casesListId) return [];
  const caseItems = await readAllItems(graph, `/sites/${siteId}/lists/${casesListId}/items?expand=fields&$top=${PAGE}`);
  const cases = caseItems.map((i) => decodeItem(LISTS.cases, i).record).filter((r): r is Record<string, unknown> => !!r) as unknown as CaseRecord[];
  const select = encodeURIComponent(`fields(select=${KEY_ITEM_SELECT.join(',')})`);
  const items = keysListId
    ? (await readAllItems(graph, `/sites/${siteId}/lists/${keysListId}/items?expand=${select}&$top=${PAGE}`)).map(decodeKeyItem).filter((i): i is CaseKeyItem => !!i)
    : [];
  const plan = planCaseKeys(cases, items);
  const [create, update, remove] = plan.counts;
  if (!create && !update && !remove) return [];
  return [{
    list: CASE_KEYS_LIST,
    action: 'fill index',
    detail: `${plan.cases} case(s) out of step: ${create} key item(s) to add, ${update} to change, ${remove} to delete`,
    run: async () => {
      const calls = plan.calls(`/sites/${siteId}/lists/${listId()}/items`);
      for (let i = 0; i < calls.length; i += MAX_BATCH) {
        const chunk = calls.slice(i, i + MAX_BATCH);
        const replies = await graph.batch(chunk);
        replies.forEach((r, j) => {
          const call = chunk[j]!;
          if (!ACCEPTED[call.method]!.includes(r.status)) failOn(r, call);
        });
      }
      log(`${CASE_KEYS_LIST}: ${create} added, ${update} changed, ${remove} deleted`);
    },
  }];
}
