import { type Condition, type Kind, MAX_IN_VALUES, type Order, type Query, type Scalar } from '../port';
import { derivedField, fieldValue, INDEXED_FIELDS, valueAt } from '../schema';
import { choiceLabel, type ColumnSpec, columnFor, type ListSpec, TEXT_LIMIT } from './listSchema';

/*
 * SharePoint narrows a query with its first indexed condition (with the conditions right after it on the same
 * column, as one range) and refuses it when that finds more than 5,000 items, whatever the other conditions would
 * leave. So a plan names its lead, the other leads to try if SharePoint refuses one, and a date range it can split
 * into windows that each stay under the threshold when every lead is refused.
 */

/**
 * Turns a port query into a Graph request on indexed columns only, plus the exact check the adapter applies to what
 * comes back. SharePoint compares text without regard to case, keeps date-times to the second and shows choices as
 * labels, so the server filter is written to be generous (never to drop a match) and the adapter re-applies the
 * port's semantics, which are SQLite's: exact, case-sensitive, empty never matches, ties ordered by id.
 */

export function assertIndexed(kind: Kind, field: string): void {
  if (field !== 'id' && !INDEXED_FIELDS[kind].includes(field)) {
    throw new Error(`"${field}" is not an indexed field of ${kind}; queries may only use indexed fields`);
  }
}

const DAY_MS = 86_400_000;
const quote = (s: string) => `'${s.replace(/'/g, "''")}'`;
const isoSeconds = (ms: number) => new Date(ms).toISOString().replace(/\.\d{3}Z$/, 'Z');

/** Server-side clauses for one condition: none when SharePoint cannot say it exactly or generously. */
function serverClauses(col: ColumnSpec, c: Condition): string[] {
  if (c.op === 'in') {
    // "One of" as ORed equalities, each as generous as eq alone; if any cannot be said, the server filters none.
    if (c.value.length === 0) return [];
    const each = c.value.map((value) => serverClauses(col, { field: c.field, op: 'eq', value }));
    if (each.some((e) => e.length === 0)) return [];
    return [`(${each.map((e) => e.join(' and ')).join(' or ')})`];
  }
  const f = `fields/${col.name}`;
  const v = c.value;
  switch (col.type) {
    case 'text':
      // Case-insensitive on the server: eq is generous, ne and ranges could drop matches. The column holds at most
      // TEXT_LIMIT characters of a longer value (the record keeps it whole), so compare that much.
      return c.op === 'eq' ? [`${f} eq ${quote(String(v).slice(0, TEXT_LIMIT))}`] : [];
    case 'choice':
      return c.op === 'eq' || c.op === 'ne' ? [`${f} ${c.op} ${quote(choiceLabel(String(v)))}`] : [];
    case 'boolean':
      return typeof v === 'boolean' && (c.op === 'eq' || c.op === 'ne') ? [`${f} ${c.op} ${v ? 1 : 0}`] : [];
    case 'number':
      return typeof v === 'number' ? [`${f} ${c.op} ${v}`] : [];
    case 'date':
    case 'dateTime': {
      const t = Date.parse(String(v));
      if (Number.isNaN(t) || c.op === 'ne') return [];
      // Widened: a date column stores local midnight (up to a day off in UTC), a date-time column drops milliseconds.
      const margin = col.type === 'date' ? DAY_MS : 1000;
      const lower = `${f} ge ${quote(isoSeconds(t - margin))}`;
      const upper = `${f} le ${quote(isoSeconds(t + margin))}`;
      if (c.op === 'eq') return [lower, upper];
      return c.op === 'lt' || c.op === 'le' ? [upper] : [lower];
    }
    default:
      return [];
  }
}

/** The generous bounds the range conditions on a date column set, for reading it in windows. */
function rangeWindow(col: ColumnSpec, conditions: Condition[], rest: string[]): RangeWindow {
  const margin = col.type === 'date' ? DAY_MS : 1000;
  let lower: number | undefined;
  let upper: number | undefined;
  for (const c of conditions) {
    const t = c.op === 'in' || c.op === 'startsWith' || c.op === 'ne' ? NaN : Date.parse(String(c.value));
    if (Number.isNaN(t)) continue;
    if (c.op === 'ge' || c.op === 'gt' || c.op === 'eq') lower = Math.max(lower ?? -Infinity, t - margin);
    if (c.op === 'le' || c.op === 'lt' || c.op === 'eq') upper = Math.min(upper ?? Infinity, t + margin);
  }
  return { column: col.name, type: col.type as 'date' | 'dateTime', ...(lower !== undefined ? { lower } : {}), ...(upper !== undefined ? { upper } : {}), rest };
}

type Comparable = string | number;
const comparable = (v: unknown): Comparable | undefined =>
  v === undefined || v === null ? undefined : typeof v === 'boolean' ? Number(v) : typeof v === 'number' ? v : typeof v === 'string' ? v : JSON.stringify(v);
const cmp = (a: Comparable, b: Comparable) => (a < b ? -1 : a > b ? 1 : 0);

function compareValues(a: unknown, b: unknown, op: Exclude<Condition['op'], 'in' | 'startsWith'>): boolean {
  const x = comparable(a);
  const y = comparable(b);
  if (x === undefined || y === undefined) return false;
  const r = cmp(x, y);
  return { eq: r === 0, ne: r !== 0, lt: r < 0, le: r <= 0, gt: r > 0, ge: r >= 0 }[op];
}

/**
 * The port's exact semantics for one condition (those of SQLite's json_extract comparison). A derived many-valued
 * field (schema.ts) answers eq and in: any of its values matches.
 */
export function matches(record: Record<string, unknown>, c: Condition, kind?: Kind): boolean {
  if (kind && derivedField(kind, c.field)) {
    const values = fieldValue(kind, record, c.field) as readonly Scalar[];
    if (c.op === 'startsWith') return values.some((v) => typeof v === 'string' && v.startsWith(c.value));
    const wanted = c.op === 'in' ? c.value : c.op === 'eq' ? [c.value] : [];
    return values.some((v) => wanted.some((w) => compareValues(v, w, 'eq')));
  }
  const value = valueAt(record, c.field);
  if (c.op === 'in') return c.value.some((v) => compareValues(value, v, 'eq'));
  if (c.op === 'startsWith') return false;
  return compareValues(value, c.value, c.op);
}

const compareField = (x: Comparable | undefined, y: Comparable | undefined): number =>
  x === undefined || y === undefined ? (x === y ? 0 : x === undefined ? -1 : 1) : cmp(x, y);

/**
 * The port's order, as SQLite's: empty values lowest (first ascending, last descending) unless `emptyLast`; then the
 * `then` field ascending; then by id.
 */
export function compareRecords(a: Record<string, unknown>, b: Record<string, unknown>, order?: Order): number {
  if (order) {
    const x = comparable(a[order.field]);
    const y = comparable(b[order.field]);
    if (order.emptyLast && (x === undefined) !== (y === undefined)) return x === undefined ? 1 : -1;
    let r = compareField(x, y);
    if (order.direction === 'desc') r = -r;
    if (r !== 0) return r;
    if (order.then) {
      r = compareField(comparable(a[order.then]), comparable(b[order.then]));
      if (r !== 0) return r;
    }
  }
  return cmp(String(a.id), String(b.id));
}

/** A date or date-time range the adapter can read window by window, each window leading the filter. */
export interface RangeWindow {
  /** The column's internal name. */
  column: string;
  type: 'date' | 'dateTime';
  /** Generous bounds (epoch ms) from the query's conditions; absent where the query leaves that side open. */
  lower?: number;
  upper?: number;
  /** Every server clause, applied within each window. */
  rest: string[];
}

export interface QueryPlan {
  filter?: string;
  /** The same clauses led by another condition each, for when SharePoint refuses the lead as over the threshold. */
  fallbacks: string[];
  /** When every lead is refused: a range to read in windows. */
  window?: RangeWindow;
  /** Set only when the server's order is the port's order, so reading can stop once `limit` is certain. */
  orderby?: string;
  check: (record: Record<string, unknown>) => boolean;
  compare: (a: Record<string, unknown>, b: Record<string, unknown>) => number;
  /** Whether `a` sorts strictly after `b` on the ordered field alone (ties are not beyond). */
  beyond: (a: Record<string, unknown>, b: Record<string, unknown>) => boolean;
  limit?: number;
  /** Matches to skip before the first one returned. */
  offset?: number;
}

const TYPE_RANK: Record<string, number> = { choice: 0, boolean: 0, text: 1, number: 2, date: 3, dateTime: 3, multiChoice: 4, note: 4 };

export function planQuery(kind: Kind, spec: ListSpec, query: Query = {}): QueryPlan {
  const where = query.where ?? [];
  for (const c of where) {
    assertIndexed(kind, c.field);
    if (c.op === 'in' && c.value.length > MAX_IN_VALUES) throw new Error(`An "in" may list at most ${MAX_IN_VALUES} values`);
    if (derivedField(kind, c.field) && c.op !== 'eq' && c.op !== 'in' && c.op !== 'startsWith') throw new Error(`"${c.field}" of ${kind} answers only eq, in and startsWith`);
    if (!derivedField(kind, c.field) && c.op === 'startsWith') throw new Error(`"${c.field}" of ${kind} does not answer startsWith`);
  }
  const order = query.orderBy;
  if (order) {
    assertIndexed(kind, order.field);
    if (derivedField(kind, order.field)) throw new Error(`"${order.field}" of ${kind} cannot order a query`);
    if (order.then) assertIndexed(kind, order.then);
  }
  const columnOf = (field: string) => {
    const col = columnFor(spec, field);
    if (!col || !col.indexed) throw new Error(`The ${spec.displayName} list has no indexed column for "${field}"`);
    return col;
  };
  // Equality first: SharePoint narrows with the first indexed condition, and equality is the most selective.
  // A derived field has no column: the server cannot narrow by it, the adapter checks it on what comes back.
  const served = where.filter((c) => !derivedField(kind, c.field));
  const rank = (c: Condition) => (c.op === 'eq' ? 0 : c.op === 'in' ? 1 : 2);
  const ranked = [...served].sort((a, b) => rank(a) - rank(b) || TYPE_RANK[columnOf(a.field).type]! - TYPE_RANK[columnOf(b.field).type]!);
  // Clauses grouped by column, in the order of each column's first condition: a group is one possible lead.
  const groups = new Map<string, { col: ColumnSpec; conditions: Condition[]; clauses: string[] }>();
  const addTo = (col: ColumnSpec, c: Condition) => {
    const g = groups.get(col.name) ?? { col, conditions: [], clauses: [] };
    g.conditions.push(c);
    g.clauses.push(...serverClauses(col, c));
    groups.set(col.name, g);
  };
  // A computed lead column (listSchema LeadRule) when the conditions say every match has a value in it: first when
  // it stands for every condition, else after the first (an equality on an owner or parent is narrower still).
  const rule = spec.leads.find((l) => l.applies(where));
  const ruleCol = rule && spec.columns.find((c) => c.name === rule.column);
  const addRule = () => {
    if (!rule || !ruleCol) return;
    for (const c of served) if (c.field === rule.field) addTo(ruleCol, c);
    // No condition on the field: "has a value" (an empty value never meets a range), so the lead is still selective.
    if (!groups.has(ruleCol.name)) addTo(ruleCol, { field: rule.field, op: 'ge', value: '1900-01-01' });
  };
  const ruleFirst = rule !== undefined && served.every((c) => rule.covers.includes(c.field));
  if (ruleFirst) addRule();
  for (const c of ranked) {
    addTo(columnOf(c.field), c);
    if (!ruleFirst && groups.size === 1) addRule();
  }
  const leads = [...groups.values()].filter((g) => g.clauses.length);
  const clauses = leads.flatMap((g) => g.clauses);
  // A computed lead that stands for every condition is the narrowest: any other lead finds more, so none is tried.
  const fallbacks = ruleFirst && rule ? [] : leads.slice(1).map((g) => [...g.clauses, ...leads.filter((o) => o !== g).flatMap((o) => o.clauses)].join(' and '));
  const windowGroup = leads.find((g) => (g.col.type === 'date' || g.col.type === 'dateTime') && g.conditions.some((c) => c.op !== 'eq' && c.op !== 'ne'));
  const window = windowGroup && rangeWindow(windowGroup.col, windowGroup.conditions, clauses);
  const after = query.after;
  const limit = query.limit !== undefined ? Math.max(0, Math.floor(query.limit)) : undefined;
  const offset = query.offset !== undefined ? Math.max(0, Math.floor(query.offset)) : 0;
  let orderby: string | undefined;
  // SharePoint puts empty values first ascending and last descending, as the port does without `emptyLast`.
  if (limit !== undefined && order && order.field !== 'id' && (!order.emptyLast || order.direction === 'desc')) {
    const col = columnOf(order.field);
    if (col.type === 'number' || col.type === 'date' || col.type === 'dateTime') orderby = `fields/${col.name} ${order.direction}`;
  }
  const primaryOnly: Order | undefined = order && { field: order.field, direction: order.direction, ...(order.emptyLast ? { emptyLast: true } : {}) };
  return {
    ...(clauses.length ? { filter: clauses.join(' and ') } : {}),
    fallbacks,
    ...(window ? { window } : {}),
    ...(orderby ? { orderby } : {}),
    check: (r) => where.every((c) => matches(r, c, kind)) && (!after || compareRecords(r, after, order) > 0),
    compare: (a, b) => compareRecords(a, b, order),
    beyond: (a, b) => compareRecords({ ...a, id: '' }, { ...b, id: '' }, primaryOnly) > 0,
    ...(limit !== undefined ? { limit: limit + offset } : {}),
    ...(offset ? { offset } : {}),
  };
}
