import { type Condition, type Kind, MAX_IN_VALUES, type Order, type Query, type Scalar } from '../port';
import { derivedField, fieldValue, INDEXED_FIELDS } from '../schema';
import { choiceLabel, type ColumnSpec, columnFor, type ListSpec, TEXT_LIMIT } from './listSchema';

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
  if (c.op === 'in') return c.value.some((v) => compareValues(record[c.field], v, 'eq'));
  if (c.op === 'startsWith') return false;
  return compareValues(record[c.field], c.value, c.op);
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

export interface QueryPlan {
  filter?: string;
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
  const clauses = ranked.flatMap((c) => serverClauses(columnOf(c.field), c));
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
    ...(orderby ? { orderby } : {}),
    check: (r) => where.every((c) => matches(r, c, kind)) && (!after || compareRecords(r, after, order) > 0),
    compare: (a, b) => compareRecords(a, b, order),
    beyond: (a, b) => compareRecords({ ...a, id: '' }, { ...b, id: '' }, primaryOnly) > 0,
    ...(limit !== undefined ? { limit: limit + offset } : {}),
    ...(offset ? { offset } : {}),
  };
}
