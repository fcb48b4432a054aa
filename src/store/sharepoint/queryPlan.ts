import type { Condition, Kind, Query, Scalar } from '../port';
import { INDEXED_FIELDS } from '../schema';
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

/** The port's exact semantics for one condition (those of SQLite's json_extract comparison). */
export function matches(record: Record<string, unknown>, c: Condition): boolean {
  const a = comparable(record[c.field]);
  const b = comparable(c.value as Scalar);
  if (a === undefined || b === undefined) return false;
  const r = cmp(a, b);
  return { eq: r === 0, ne: r !== 0, lt: r < 0, le: r <= 0, gt: r > 0, ge: r >= 0 }[c.op];
}

/** Ascending: empty first; then by id. Descending reverses the field only, as SQLite's `ORDER BY f DESC, id`. */
export function compareRecords(a: Record<string, unknown>, b: Record<string, unknown>, order?: Query['orderBy']): number {
  if (order) {
    const x = comparable(a[order.field]);
    const y = comparable(b[order.field]);
    let r = x === undefined || y === undefined ? (x === y ? 0 : x === undefined ? -1 : 1) : cmp(x, y);
    if (order.direction === 'desc') r = -r;
    if (r !== 0) return r;
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
}

const TYPE_RANK: Record<string, number> = { choice: 0, boolean: 0, text: 1, number: 2, date: 3, dateTime: 3, multiChoice: 4, note: 4 };

export function planQuery(kind: Kind, spec: ListSpec, query: Query = {}): QueryPlan {
  const where = query.where ?? [];
  for (const c of where) assertIndexed(kind, c.field);
  if (query.orderBy) assertIndexed(kind, query.orderBy.field);
  const columnOf = (field: string) => {
    const col = columnFor(spec, field);
    if (!col || !col.indexed) throw new Error(`The ${spec.displayName} list has no indexed column for "${field}"`);
    return col;
  };
  // Equality first: SharePoint narrows with the first indexed condition, and equality is the most selective.
  const ranked = [...where].sort((a, b) => Number(a.op !== 'eq') - Number(b.op !== 'eq') || TYPE_RANK[columnOf(a.field).type]! - TYPE_RANK[columnOf(b.field).type]!);
  const clauses = ranked.flatMap((c) => serverClauses(columnOf(c.field), c));
  let orderby: string | undefined;
  if (query.limit !== undefined && query.orderBy) {
    const col = columnOf(query.orderBy.field);
    if (col.type === 'number' || col.type === 'date' || col.type === 'dateTime') orderby = `fields/${col.name} ${query.orderBy.direction}`;
  }
  return {
    ...(clauses.length ? { filter: clauses.join(' and ') } : {}),
    ...(orderby ? { orderby } : {}),
    check: (r) => where.every((c) => matches(r, c)),
    compare: (a, b) => compareRecords(a, b, query.orderBy),
    beyond: (a, b) => compareRecords({ ...a, id: '' }, { ...b, id: '' }, query.orderBy) > 0,
    ...(query.limit !== undefined ? { limit: Math.max(0, Math.floor(query.limit)) } : {}),
  };
}
