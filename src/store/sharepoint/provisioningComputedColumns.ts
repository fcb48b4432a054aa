import { failOn, type GraphCall, type GraphHttp, type GraphReply, MAX_BATCH } from './graphHttp';
import { decodeItem, decodeValue, encodeValue, type GraphListItem } from './itemMapping';
import type { ColumnSpec, ListSpec } from './listSchema';
import type { ProvisionStep } from './provisioning';

/**
 * A computed column (listSchema's `computed`, e.g. Actions' OpenDueDate) is filled by the store on every write, so
 * items written before the column existed have no value in it, and a query led by it (the overdue scan) silently
 * misses them. This data step fills it on such items, and on any whose value no longer matches the record: an open
 * action missed by the overdue scan is an adult's safety plan not being chased.
 *
 * It reads every item of the list page by page with no filter (SharePoint allows unfiltered paging past the 5,000
 * list view threshold; any filter would have to lead with an index that may itself match more than 5,000), and
 * writes only the computed column, each item under its eTag so a record changed meanwhile is not overwritten with a
 * value worked out from its old state (it is read again and recomputed).
 */

/** Items per page: Graph's most for list items through $top is far higher, but pages this size keep replies small. */
const PAGE = 999;
/** Times an item changed under us is read again before the step gives up on it (and says so). */
const ATTEMPTS = 3;

interface Fill {
  itemId: string;
  eTag: string;
  fields: Record<string, unknown>;
}

const isEmpty = (v: unknown) => v === undefined || v === null || v === '';

/** The computed columns' values an item should hold and does not, or undefined when it is in step. */
function fillFor(spec: ListSpec, columns: ColumnSpec[], item: GraphListItem): Fill | undefined {
  const decoded = decodeItem(spec, item);
  // An item with no record id is not a RiskPanel record (the store ignores it too).
  if (!decoded.record) return undefined;
  const raw = item.fields ?? {};
  const fields: Record<string, unknown> = {};
  for (const col of columns) {
    const want = col.computed!(decoded.record);
    const wantEncoded = encodeValue(col, want);
    const have = raw[col.name];
    const haveDecoded = isEmpty(have) ? undefined : decodeValue(col, have);
    const wantDecoded = wantEncoded === null ? undefined : decodeValue(col, wantEncoded);
    const same = haveDecoded === undefined || wantDecoded === undefined
      ? haveDecoded === wantDecoded
      : haveDecoded.ok && wantDecoded.ok && haveDecoded.value === wantDecoded.value;
    if (!same) fields[col.name] = wantEncoded;
  }
  if (!Object.keys(fields).length) return undefined;
  return { itemId: String(item.id), eTag: String(item.eTag ?? item['@odata.etag'] ?? ''), fields };
}

/** Every item of a list, page by page from `firstUrl` (provisioning reads whole lists, once, to plan its fills). */
export async function readAllItems(graph: GraphHttp, firstUrl: string): Promise<GraphListItem[]> {
  const out: GraphListItem[] = [];
  let url: string | undefined = firstUrl;
  while (url) {
    const call: GraphCall = { method: 'GET', url };
    const reply: GraphReply = await graph.send(call);
    if (reply.status !== 200) failOn(reply, call);
    out.push(...(reply.body.value as GraphListItem[]));
    url = reply.body['@odata.nextLink'];
  }
  return out;
}

/**
 * The step that fills a list's computed columns where they are empty or stale; none when every item is in step (so
 * a second run plans nothing). Planned from the list as it is now, which works before the column exists too (the
 * column step of the same run comes first and adds it).
 */
export async function computedColumnSteps(
  graph: GraphHttp,
  siteId: string,
  spec: ListSpec,
  listId: string,
  log: (line: string) => void,
): Promise<ProvisionStep[]> {
  const columns = spec.columns.filter((c) => c.computed);
  if (!columns.length) return [];
  const itemsUrl = `/sites/${siteId}/lists/${listId}/items`;
  const fills = (await readAllItems(graph, `${itemsUrl}?expand=fields&$top=${PAGE}`)).map((item) => fillFor(spec, columns, item)).filter((f): f is Fill => !!f);
  if (!fills.length) return [];
  const names = columns.map((c) => c.name).join(', ');
  return [{
    list: spec.displayName,
    action: 'fill column',
    detail: `${names} on ${fills.length} item(s) written before the column existed or out of step`,
    run: async () => {
      const filled = await applyFills(graph, itemsUrl, spec, columns, fills);
      log(`filled ${names} on ${filled} item(s) of ${spec.displayName}`);
    },
  }];
}

const patchOf = (itemsUrl: string, f: Fill): GraphCall => ({
  method: 'PATCH',
  url: `${itemsUrl}/${f.itemId}/fields`,
  headers: { 'If-Match': f.eTag },
  body: f.fields,
});

/** Writes the fills in batches; an item changed since it was read is read again and, if still out of step, retried. */
async function applyFills(graph: GraphHttp, itemsUrl: string, spec: ListSpec, columns: ColumnSpec[], fills: Fill[]): Promise<number> {
  let filled = 0;
  let pending = fills;
  for (let attempt = 1; pending.length; attempt++) {
    const changed: Fill[] = [];
    for (let i = 0; i < pending.length; i += MAX_BATCH) {
      const chunk = pending.slice(i, i + MAX_BATCH);
      const replies = await graph.batch(chunk.map((f) => patchOf(itemsUrl, f)));
      replies.forEach((r, j) => {
        if (r.status === 200 || r.status === 204) filled++;
        else if (r.status === 412) changed.push(chunk[j]!);
        else failOn(r, patchOf(itemsUrl, chunk[j]!));
      });
    }
    if (changed.length && attempt >= ATTEMPTS) {
      throw new Error(`${changed.length} item(s) of ${spec.displayName} kept changing while their ${columns.map((c) => c.name).join(', ')} was filled: run provisioning again`);
    }
    pending = [];
    for (const f of changed) {
      const call: GraphCall = { method: 'GET', url: `${itemsUrl}/${f.itemId}?expand=fields` };
      const reply = await graph.send(call);
      if (reply.status === 404) continue;
      if (reply.status !== 200) failOn(reply, call);
      const again = fillFor(spec, columns, reply.body as GraphListItem);
      if (again) pending.push(again);
    }
  }
  return filled;
}
