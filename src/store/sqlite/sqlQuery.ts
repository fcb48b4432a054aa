import type { Condition, Kind, Order, Query, Scalar } from '../port';
import { MAX_IN_VALUES } from '../port';
import { derivedField, fieldValue, INDEXED_FIELDS } from '../schema';
import { carriedFields, derivedTable, isCounted, setKeysTable, setsTable } from './migrations';

/** Turns a port query into SQL on indexed expressions (and derived tables), with its parameters. */

const SQL_OPS = { eq: '=', ne: '!=', lt: '<', le: '<=', gt: '>', ge: '>=' } as const;

export const bind = (v: Scalar): string | number => (typeof v === 'boolean' ? (v ? 1 : 0) : v);
const bindAny = (v: unknown): string | number | null =>
  v === undefined || v === null ? null : typeof v === 'boolean' || typeof v === 'number' || typeof v === 'string' ? bind(v) : JSON.stringify(v);

export function assertIndexed(kind: Kind, field: string): void {
  if (field !== 'id' && !INDEXED_FIELDS[kind].includes(field)) {
    throw new Error(`"${field}" is not an indexed field of ${kind}; queries may only use indexed fields`);
  }
}

const column = (field: string, table?: string) => (field === 'id' ? (table ? `${table}.id` : 'id') : `json_extract(${table ? `${table}.` : ''}data, '$.${field}')`);

/** The end of a prefix range: every text that starts with `p` sorts at or after `p` and before this. */
const prefixEnd = (p: string) => `${p}\uffff`;

function conditionSql(kind: Kind, c: Condition, params: (string | number)[], table?: string): string {
  assertIndexed(kind, c.field);
  const id = table ? `${table}.id` : 'id';
  if (c.op === 'in') {
    if (c.value.length > MAX_IN_VALUES) throw new Error(`An "in" may list at most ${MAX_IN_VALUES} values`);
    if (c.value.length === 0) return '0';
    params.push(...c.value.map(bind));
    const marks = c.value.map(() => '?').join(', ');
    return derivedField(kind, c.field)
      ? `${id} IN (SELECT id FROM "${derivedTable(kind, c.field)}" WHERE value IN (${marks}))`
      : `${column(c.field, table)} IN (${marks})`;
  }
  if (c.op === 'startsWith') {
    if (!derivedField(kind, c.field)) throw new Error(`"${c.field}" of ${kind} does not answer startsWith`);
    params.push(c.value, prefixEnd(c.value));
    return `${id} IN (SELECT id FROM "${derivedTable(kind, c.field)}" WHERE value >= ? AND value < ?)`;
  }
  if (derivedField(kind, c.field)) {
    if (c.op !== 'eq') throw new Error(`"${c.field}" of ${kind} answers only eq, in and startsWith`);
    params.push(bind(c.value));
    return `${id} IN (SELECT id FROM "${derivedTable(kind, c.field)}" WHERE value = ?)`;
  }
  params.push(bind(c.value));
  return `${column(c.field, table)} ${SQL_OPS[c.op]} ?`;
}

export function whereSql(kind: Kind, where: readonly Condition[] | undefined, params: (string | number)[], table?: string): string[] {
  return (where ?? []).map((c) => conditionSql(kind, c, params, table));
}

interface SortKey { expr: string; dir: 'asc' | 'desc'; value: unknown }

/** The sort keys in order: (empty last), field, then, id. */
function sortKeys(kind: Kind, order: Order | undefined, after: Record<string, unknown> = {}, col: (field: string) => string = (f) => column(f)): SortKey[] {
  const column = col;
  if (!order) return [{ expr: column('id'), dir: 'asc', value: after.id }];
  assertIndexed(kind, order.field);
  if (derivedField(kind, order.field)) throw new Error(`"${order.field}" of ${kind} cannot order a query`);
  const keys: SortKey[] = [];
  const value = fieldValue(kind, after, order.field);
  if (order.emptyLast && order.field !== 'id') keys.push({ expr: `(${column(order.field)} IS NULL)`, dir: 'asc', value: value === undefined || value === null ? 1 : 0 });
  keys.push({ expr: column(order.field), dir: order.direction, value });
  if (order.then) {
    assertIndexed(kind, order.then);
    keys.push({ expr: column(order.then), dir: 'asc', value: after[order.then] });
  }
  if (order.field !== 'id') keys.push({ expr: column('id'), dir: 'asc', value: after.id });
  return keys;
}

export function orderSql(kind: Kind, order: Order | undefined, col?: (field: string) => string): string {
  return sortKeys(kind, order, {}, col).map((k) => `${k.expr} ${k.dir === 'desc' ? 'DESC' : 'ASC'}`).join(', ');
}

/**
 * "Comes after `after` in this order", as SQL. SQLite sorts an empty value lowest: first ascending, last descending.
 */
export function afterSql(kind: Kind, order: Order | undefined, after: Record<string, unknown>, params: (string | number | null)[], col?: (field: string) => string): string {
  const keys = sortKeys(kind, order, after, col);
  const greater = (k: SortKey): string => {
    const v = bindAny(k.value);
    if (v === null) return k.dir === 'asc' ? `${k.expr} IS NOT NULL` : '0';
    params.push(v);
    return k.dir === 'asc' ? `${k.expr} > ?` : `(${k.expr} < ? OR ${k.expr} IS NULL)`;
  };
  const equal = (k: SortKey): string => {
    params.push(bindAny(k.value));
    return `${k.expr} IS ?`;
  };
  const alternatives = keys.map((k, i) => [...keys.slice(0, i).map(equal), greater(k)].join(' AND '));
  return `(${alternatives.map((a) => `(${a})`).join(' OR ')})`;
}

export interface BuiltQuery { sql: string; params: (string | number | null)[] }

export function selectSql(kind: Kind, query: Query): BuiltQuery {
  const walk = carriedWalk(kind, query);
  if (walk) return walk;
  const params: (string | number | null)[] = [];
  const clauses: string[] = whereSql(kind, query.where, params as (string | number)[]);
  if (query.after) clauses.push(afterSql(kind, query.orderBy, query.after, params));
  let sql = `SELECT version, data FROM "${kind}"`;
  if (clauses.length) sql += ` WHERE ${clauses.join(' AND ')}`;
  sql += ` ORDER BY ${orderSql(kind, query.orderBy)}`;
  const offset = query.offset !== undefined ? Math.max(0, Math.floor(query.offset)) : 0;
  if (query.limit !== undefined) sql += ` LIMIT ${Math.max(0, Math.floor(query.limit))}`;
  else if (offset) sql += ' LIMIT -1';
  if (offset) sql += ` OFFSET ${offset}`;
  return { sql, params };
}

/**
 * A page of a derived field's matches in an order its table carries (a partner's register: audience `in` their keys,
 * newest first) as index walks: for each value, the first `offset + limit` rows of the derived table's index in that
 * order (after the cursor), merged without duplicates, cut to the page; only the page's records are then read.
 * Its cost is (values × page), whatever the store holds. Other conditions are checked on the record as each walk
 * goes. Undefined when the query is not of that shape.
 */
function carriedWalk(kind: Kind, query: Query): BuiltQuery | undefined {
  if (query.limit === undefined) return undefined;
  const where = query.where ?? [];
  const derived = where.filter((c) => derivedField(kind, c.field));
  const on = derived[0];
  if (derived.length !== 1 || !on || (on.op !== 'in' && on.op !== 'eq')) return undefined;
  const carried = carriedFields(kind, on.field);
  const order = query.orderBy;
  if (!order || !carried.includes(order.field) || (order.then !== undefined && !carried.includes(order.then))) return undefined;
  const values = on.op === 'in' ? on.value : [on.value];
  if (values.length > MAX_IN_VALUES) throw new Error(`An "in" may list at most ${MAX_IN_VALUES} values`);
  if (values.length === 0) return { sql: `SELECT version, data FROM "${kind}" WHERE 0`, params: [] };
  // Comparisons on a carried field are said on the derived table (a range of its index); the rest on the record.
  const onCarried = (c: Condition) => c !== on && c.op !== 'in' && c.op !== 'startsWith' && carried.includes(c.field);
  const near = where.filter(onCarried) as { field: string; op: keyof typeof SQL_OPS; value: Scalar }[];
  const others = where.filter((c) => c !== on && !onCarried(c));
  const limit = Math.max(0, Math.floor(query.limit));
  const offset = query.offset !== undefined ? Math.max(0, Math.floor(query.offset)) : 0;
  const carriedCol = (alias: string) => (field: string) => (field === 'id' ? `${alias}.id` : `${alias}."${field}"`);
  const params: (string | number | null)[] = [];
  const arms = values.map((value) => {
    const clauses = ['d.value = ?'];
    params.push(bind(value));
    for (const c of near) {
      clauses.push(`d."${c.field}" ${SQL_OPS[c.op]} ?`);
      params.push(bind(c.value));
    }
    clauses.push(...whereSql(kind, others, params as (string | number)[], 'r'));
    if (query.after) clauses.push(afterSql(kind, order, query.after, params, carriedCol('d')));
    const join = others.length ? ` JOIN "${kind}" r ON r.id = d.id` : '';
    const columns = ['d.id AS id', ...carried.map((f) => `d."${f}" AS "${f}"`)].join(', ');
    return `SELECT * FROM (SELECT ${columns} FROM "${derivedTable(kind, on.field)}" d${join} WHERE ${clauses.join(' AND ')} ORDER BY ${orderSql(kind, order, carriedCol('d'))} LIMIT ${limit + offset})`;
  });
  const page = `SELECT m.id FROM (${arms.join(' UNION ')}) m ORDER BY ${orderSql(kind, order, carriedCol('m'))} LIMIT ${limit}${offset ? ` OFFSET ${offset}` : ''}`;
  return { sql: `SELECT version, data FROM "${kind}" WHERE id IN (${page}) ORDER BY ${orderSql(kind, order)}`, params };
}

export function countSql(kind: Kind, query: Pick<Query, 'where'>): BuiltQuery {
  const params: (string | number)[] = [];
  const where = query.where ?? [];
  const [only] = where;
  // Matches of one derived condition alone: counted in its table, without visiting the records.
  if (where.length === 1 && only && derivedField(kind, only.field) && (only.op === 'in' || only.op === 'eq')) {
    const values = only.op === 'in' ? only.value : [only.value];
    if (values.length > MAX_IN_VALUES) throw new Error(`An "in" may list at most ${MAX_IN_VALUES} values`);
    if (values.length === 0) return { sql: 'SELECT 0 AS n', params };
    params.push(...values.map(bind));
    const marks = values.map(() => '?').join(', ');
    if (isCounted(kind, only.field)) {
      // Every record holds one set of values: add up the records of the sets that hold any of these.
      return {
        sql: `SELECT COALESCE(SUM(n), 0) AS n FROM "${setsTable(kind, only.field)}" WHERE signature IN (SELECT signature FROM "${setKeysTable(kind, only.field)}" WHERE value IN (${marks}))`,
        params,
      };
    }
    return { sql: `SELECT COUNT(DISTINCT id) AS n FROM "${derivedTable(kind, only.field)}" WHERE value IN (${values.map(() => '?').join(', ')})`, params };
  }
  // One derived condition and comparisons on fields its table carries: a distinct count in that table alone.
  const derived = where.filter((c) => derivedField(kind, c.field));
  const on = derived[0];
  if (derived.length === 1 && on?.op === 'in' && on.value.length > 0 && on.value.length <= MAX_IN_VALUES) {
    const rest = where.filter((c) => c !== on);
    const carried = carriedFields(kind, on.field);
    if (rest.every((c) => c.op !== 'in' && c.op !== 'startsWith' && carried.includes(c.field))) {
      params.push(...on.value.map(bind));
      const clauses = [`value IN (${on.value.map(() => '?').join(', ')})`];
      for (const c of rest as { field: string; op: keyof typeof SQL_OPS; value: Scalar }[]) {
        clauses.push(`"${c.field}" ${SQL_OPS[c.op]} ?`);
        params.push(bind(c.value));
      }
      return { sql: `SELECT COUNT(DISTINCT id) AS n FROM "${derivedTable(kind, on.field)}" WHERE ${clauses.join(' AND ')}`, params };
    }
  }
  const clauses = whereSql(kind, where, params);
  return { sql: `SELECT COUNT(*) AS n FROM "${kind}"${clauses.length ? ` WHERE ${clauses.join(' AND ')}` : ''}`, params };
}
