import type { CaseRecord } from '../../domain/records';
import type { Condition, Order, Query } from '../port';
import {
  type CaseKeyItem, caseKeyItems, conditionKeys, decodeKeyItem, diffKeyItems, ITEM_FIELDS, isCaseKeyField, itemAsRecord, KEY_ITEM_SELECT,
  keyItemFields, refOrder,
} from './caseKeys';
import { ResponseLostError } from './errors';
import { failOn, type GraphCall, type GraphReply } from './graphHttp';
import { compareRecords, matches } from './queryPlan';

/*
 * Answers the cases' derived fields (audience, search, adultKeys) from the companion list (caseKeys.ts), and keeps
 * that list in step with every case write.
 *
 * Reading: each key of the condition is one indexed equality (a search prefix one `startswith`), read in parallel,
 * so the requests go out together as one $batch. When the other conditions and the order are on fields the items
 * carry (received at, reference, status, risk level), the items alone say which cases a page holds: each key's items
 * are read in the query's order (ReceivedAt, or RefOrder, the reference as hex so SharePoint's case-blind text order
 * is the port's) only until they pass the page, and then only those cases are read, by record id. A key matching
 * more than the list view threshold (e.g. 'chair' on a large partnership) is refused by SharePoint: the adapter
 * remembers it and answers such queries from the Cases list as before (an unfiltered read in an indexed order stops
 * after about a page divided by the key's share of cases, which is large for a dense key).
 *
 * Writing: SharePoint has no transactions, so a case is written first and its items after: created, changed or
 * deleted to match what it should have (diffed against the items stored, never against what the caller thinks was
 * there). Each item's identity is the unique KeyId (SHA-256 of case id and key), so a retried create cannot
 * duplicate it, and a delete or update is safe to repeat. If the items' write fails midway (the case itself is
 * saved), the case's next update re-derives them from what is stored, and `npm run provision` diffs every case
 * against its items and repairs any difference (provisioningCaseKeys.ts). A case missing an item is missing from
 * that key's results until then; an item a case no longer has never shows the case to anyone else, because every
 * case read is re-checked against the query (and the register asks the case policy about every row).
 */

export interface CaseKeysDeps {
  call(c: GraphCall): Promise<GraphReply>;
  /** The companion list's items URL (`/sites/{site}/lists/{id}/items`). */
  itemsUrl(): Promise<string>;
  isThresholdError(err: unknown): boolean;
}

/** Thrown when a key matches more items than SharePoint will filter: the caller answers from the Cases list. */
export class DenseKeyError extends Error {}

/** Which cases a query names, from the items: `ids` in the query's order; `exact` when no case-only condition remains. */
export interface IndexSelection {
  ids: string[];
  exact: boolean;
  itemsRead: number;
}

const PAGE = 999;
const ATTEMPTS = 5;
const quote = (s: string) => `'${s.replace(/'/g, "''")}'`;
const isoSeconds = (ms: number) => new Date(ms).toISOString().replace(/\.\d{3}Z$/, 'Z');
const toSeconds = (r: Record<string, unknown>) =>
  typeof r.receivedAt === 'string' ? { ...r, receivedAt: isoSeconds(Math.floor(Date.parse(r.receivedAt) / 1000) * 1000) } : r;

export class CaseKeysIndex {
  /** Lead clauses SharePoint refused as over the threshold: not sent again (lists only grow past it). */
  private readonly dense = new Set<string>();
  /** Items read since the store was made (for benchmarks and tests). */
  itemsRead = 0;

  constructor(private readonly deps: CaseKeysDeps) {}

  /** Whether a query can be answered from the items: it has a condition on a derived field. */
  static applies(query: Pick<Query, 'where'>): boolean {
    return (query.where ?? []).some((c) => isCaseKeyField(c.field));
  }

  /**
   * The cases a query on a derived field names. With a limit and an order the items carry, only enough items to
   * fill the page (and its offset) are read, and `ids` holds at most that many.
   */
  async select(query: Query): Promise<IndexSelection> {
    const where = query.where ?? [];
    const driver = where.find((c) => isCaseKeyField(c.field))!;
    const spec = conditionKeys(driver);
    const others = where.filter((c) => c !== driver);
    const exact = others.every((c) => ITEM_FIELDS.has(c.field));
    const order = query.orderBy;
    const orderOnItems = !order || (ITEM_FIELDS.has(order.field) && (!order.then || ITEM_FIELDS.has(order.then)));
    const need = exact && orderOnItems && query.limit !== undefined ? Math.max(0, query.limit) + Math.max(0, query.offset ?? 0) : undefined;
    const server = need !== undefined && order ? serverOrder(order) : undefined;
    const after = query.after;
    // Narrowing clauses after the lead (never leading): the keyset bound, and ranges on the indexed columns the items carry.
    const extra = [...(server && after ? [afterClause(order!, after)] : []), ...others.flatMap(itemClauses)].filter((c): c is string => !!c);
    const check = (i: CaseKeyItem) => {
      if ('keys' in spec ? !spec.keys.includes(i.key) : !i.key.startsWith(spec.prefix)) return false;
      const r = itemAsRecord(i);
      return others.every((c) => !ITEM_FIELDS.has(c.field) || matches(r, c, 'cases')) && (!after || compareRecords(r, after, order) > 0);
    };
    const leads = 'keys' in spec ? spec.keys.map((k) => `fields/Key eq ${quote(k.slice(0, 255))}`) : [`startswith(fields/Key,${quote(spec.prefix.slice(0, 255))})`];
    if (leads.some((l) => this.dense.has(l))) throw new DenseKeyError();
    let itemsRead = 0;
    const streams = await Promise.all(
      leads.map(async (lead) => {
        const kept: CaseKeyItem[] = [];
        const filter = [lead, ...extra].join(' and ');
        const top = need !== undefined && server ? Math.min(PAGE, need + 10) : PAGE;
        let url: string | undefined = await this.url(filter, server, top);
        while (url) {
          let reply: GraphReply;
          try {
            reply = await this.ok({ method: 'GET', url });
          } catch (err) {
            if (!this.deps.isThresholdError(err)) throw err;
            this.dense.add(lead);
            throw new DenseKeyError();
          }
          const page = (reply.body.value as { id: string; fields?: Record<string, unknown> }[]).map(decodeKeyItem).filter((i): i is CaseKeyItem => !!i);
          itemsRead += page.length;
          kept.push(...page.filter(check));
          url = reply.body['@odata.nextLink'];
          const last = page[page.length - 1];
          if (!url || need === undefined || !server || kept.length < need || !last) continue;
          // The server's order is the port's on the primary field (to the second): once a page ends strictly past the
          // need-th kept item, nothing later in this key can come before it.
          kept.sort((a, b) => compareRecords(itemAsRecord(a), itemAsRecord(b), order));
          if (beyond(itemAsRecord(last), itemAsRecord(kept[need - 1]!), order!)) break;
        }
        return kept;
      }),
    );
    this.itemsRead += itemsRead;
    const byCase = new Map<string, CaseKeyItem>();
    for (const s of streams) for (const i of s) if (!byCase.has(i.caseId)) byCase.set(i.caseId, i);
    const sorted = [...byCase.values()].sort((a, b) => compareRecords(itemAsRecord(a), itemAsRecord(b), orderOnItems ? order : undefined));
    const ids = sorted.map((i) => i.caseId);
    return { ids: need !== undefined ? ids.slice(0, need) : ids, exact, itemsRead };
  }

  /**
   * Brings a case's items in line with the case as now stored (`next` undefined: it was removed). `have`: its items
   * as stored, when the caller read them already ([] for a case just created); otherwise they are read here.
   */
  async sync(caseId: string, next: CaseRecord | undefined, have?: readonly CaseKeyItem[]): Promise<void> {
    const want = next ? caseKeyItems(next) : [];
    have ??= await this.itemsOfCase(caseId);
    const diff = diffKeyItems(want, have);
    const base = await this.deps.itemsUrl();
    await Promise.all([
      // 409: an item with this KeyId exists (a retry whose first answer was lost), which is what was wanted.
      ...diff.create.map((i) => this.settle({ method: 'POST', url: base, body: { fields: keyItemFields(i) } }, [201, 409])),
      ...diff.update.map((i) => {
        const { KeyId: _k, ...fields } = keyItemFields(i);
        return this.settle({ method: 'PATCH', url: `${base}/${i.itemId}/fields`, body: fields }, [200, 404]);
      }),
      ...diff.remove.map((itemId) => this.settle({ method: 'DELETE', url: `${base}/${itemId}` }, [204, 200, 404])),
    ]);
  }

  /** Every item of one case (an indexed equality on CaseId: a few dozen items). */
  async itemsOfCase(caseId: string): Promise<CaseKeyItem[]> {
    const out: CaseKeyItem[] = [];
    let url: string | undefined = await this.url(`fields/CaseId eq ${quote(caseId)}`, undefined, PAGE);
    while (url) {
      const reply = await this.ok({ method: 'GET', url });
      for (const raw of reply.body.value as { id: string; fields?: Record<string, unknown> }[]) {
        const i = decodeKeyItem(raw);
        // The server compares without case; the id is exact.
        if (i && i.caseId === caseId) out.push(i);
      }
      url = reply.body['@odata.nextLink'];
    }
    return out;
  }

  private async url(filter: string, orderby: string | undefined, top: number): Promise<string> {
    const params = [`expand=${encodeURIComponent(`fields(select=${KEY_ITEM_SELECT.join(',')})`)}`, `$filter=${encodeURIComponent(filter)}`];
    if (orderby) params.push(`$orderby=${encodeURIComponent(orderby)}`);
    params.push(`$top=${top}`);
    return `${await this.deps.itemsUrl()}?${params.join('&')}`;
  }

  /** A GET that must answer 200 (a lost answer is asked again: reading twice is harmless). */
  private async ok(call: GraphCall): Promise<GraphReply> {
    const reply = await this.settle(call, [200]);
    return reply;
  }

  /** Sends an idempotent call until it is answered; a lost answer is sent again (the outcome is the same). */
  private async settle(call: GraphCall, expect: number[]): Promise<GraphReply> {
    for (let attempt = 1; ; attempt++) {
      try {
        const reply = await this.deps.call(call);
        if (!expect.includes(reply.status)) failOn(reply, call);
        return reply;
      } catch (err) {
        if (!(err instanceof ResponseLostError) || attempt >= ATTEMPTS) throw err;
      }
    }
  }
}

/** The server order matching the port's on the primary field, or undefined (then every item of the key is read). */
function serverOrder(order: Order): string | undefined {
  // SharePoint sorts empty values first ascending, the port (with emptyLast) last: no early stop there.
  if (order.field === 'receivedAt' && !(order.emptyLast && order.direction === 'asc')) return `fields/ReceivedAt ${order.direction}`;
  if (order.field === 'ref') return `fields/RefOrder ${order.direction}`;
  return undefined;
}

/** A generous bound (never dropping a match) on the primary field from a keyset position, as a non-leading clause. */
function afterClause(order: Order, after: Record<string, unknown>): string | undefined {
  const v = after[order.field];
  if (typeof v !== 'string') return undefined;
  if (order.field === 'ref') return `fields/RefOrder ${order.direction === 'asc' ? 'ge' : 'le'} ${quote(refOrder(v).slice(0, 255))}`;
  const t = Date.parse(v);
  if (Number.isNaN(t)) return undefined;
  // Undated items hold UNDATED (the oldest instant), so "before" keeps them, as the port's descending order does.
  return order.direction === 'desc' ? `fields/ReceivedAt le ${quote(isoSeconds(t + 1000))}` : `fields/ReceivedAt ge ${quote(isoSeconds(t - 1000))}`;
}

/** Generous server clauses for a condition on the reference (RefOrder: exact) or the received date (to the second). */
function itemClauses(c: Condition): string[] {
  if (c.op === 'in' || c.op === 'startsWith' || c.op === 'ne') return [];
  if (c.field === 'ref' && typeof c.value === 'string') {
    const hex = refOrder(c.value);
    return hex.length <= 255 ? [`fields/RefOrder ${c.op} ${quote(hex)}`] : [];
  }
  if (c.field !== 'receivedAt') return [];
  const t = Date.parse(String(c.value));
  if (Number.isNaN(t)) return [];
  const lower = `fields/ReceivedAt ge ${quote(isoSeconds(t - 1000))}`;
  const upper = `fields/ReceivedAt le ${quote(isoSeconds(t + 1000))}`;
  return c.op === 'eq' ? [lower, upper] : c.op === 'lt' || c.op === 'le' ? [upper] : [lower];
}

function beyond(a: Record<string, unknown>, b: Record<string, unknown>, order: Order): boolean {
  const primary: Order = { field: order.field, direction: order.direction, ...(order.emptyLast ? { emptyLast: true } : {}) };
  return compareRecords({ ...toSeconds(a), id: '' }, { ...toSeconds(b), id: '' }, primary) > 0;
}
