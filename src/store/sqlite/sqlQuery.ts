import type { Condition, Kind, Order, Query, Scalar } from '../port';
import { MAX_IN_VALUES } from '../port';
import { derivedField, fieldValue, INDEXED_FIELDS } from '../schema';
import { derivedTable } from './migrations';

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

const column = (field: string) => (field === 'id' ? 'id' : `json_extract(data, '$.${field}')`);

function conditionSql(kind: Kind, c: Condition, params: (string | number)[]): string {
  assertIndexed(kind, c.field);
  if (c.op === 'in') {
    if (c.value.length > MAX_IN_VALUES) throw new Error(`An "in" may list at most ${MAX_IN_VALUES} values`);
    if (c.value.length === 0) return '0';
    params.push(...c.value.map(bind));
    const marks = c.value.map(() => '?').join(', ');
    return derivedField(kind, c.field)
      ? `id IN (SELECT id FROM "${derivedTable(kind, c.field)}" WHERE value IN (${marks}))`
      : `${column(c.field)} IN (${marks})`;
  }
  if (derivedField(kind, c.field)) {
    if (c.op !== 'eq') throw new Error(`"${c.field}" of ${kind} answers only eq and in`);
    params.push(bind(c.value));
    return `id IN (SELECT id FROM "${derivedTable(kind, c.field)}" WHERE value = ?)`;
  }
  params.push(bind(c.value));
  return `${column(c.field)} ${SQL_OPS[c.op]} ?`;
}

export function whereSql(kind: Kind, where: readonly Condition[] | undefined, params: (string | number)[]): string[] {
  return (where ?? []).map((c) => conditionSql(kind, c, params));
}

interface SortKey { expr: string; dir: 'asc' | 'desc'; value: unknown }

/** The sort keys in order: (empty last), field, then, id. */
function sortKeys(kind: Kind, order: Order | undefined, after: Record<string, unknown> = {}): SortKey[] {
  if (!order) return [{ expr: 'id', dir: 'asc', value: after.id }];
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
  if (order.field !== 'id') keys.push({ expr: 'id', dir: 'asc', value: after.id });
  return keys;
}

export function orderSql(kind: Kind, order: Order | undefined): string {
  return sortKeys(kind, order).map((k) => `${k.expr} ${k.dir === 'desc' ? 'DESC' : 'ASC'}`).join(', ');
}

/**
 * "Comes after `after` in this order", as SQL. SQLite sorts an empty value lowest: first ascending, last descending.
 */
export function afterSql(kind: Kind, order: Order | undefined, after: Record<string, unknown>, params: (string | number | null)[]): string {
  const keys = sortKeys(kind, order, after);
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

export function countSql(kind: Kind, query: Pick<Query, 'where'>): BuiltQuery {
  const params: (string | number)[] = [];
  const clauses = whereSql(kind, query.where, params);
  return { sql: `SELECT COUNT(*) AS n FROM "${kind}"${clauses.length ? ` WHERE ${clauses.join(' AND ')}` : ''}`, params };
}
