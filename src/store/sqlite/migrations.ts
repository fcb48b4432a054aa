import type Database from 'better-sqlite3';
import type { Kind } from '../port';
import type { CaseRecord } from '../../domain/records';
import { caseAudience } from '../caseAudience';
import { caseSearchKeys } from '../caseSearchKeys';
import type { Adult } from '../../domain/records';
import { adultKeys } from '../../domain/repeatReferral';
import { INDEXED_FIELDS } from '../schema';

const expressionIndex = (kind: Kind, field: string) =>
  `CREATE INDEX "ix_${kind}_${field}" ON "${kind}" (json_extract(data, '$.${field}'))`;

const tableSql = (kinds: Kind[], fields: (kind: Kind) => readonly string[] = (kind) => INDEXED_FIELDS[kind]) =>
  kinds
    .map((kind) =>
      [
        `CREATE TABLE "${kind}" (id TEXT PRIMARY KEY, version INTEGER NOT NULL, idempotency_key TEXT UNIQUE, data TEXT NOT NULL)`,
        ...fields(kind).map((field) => expressionIndex(kind, field)),
      ].join(';\n'),
    )
    .join(';\n');

/** The table that holds a derived many-valued field (one row per value), so `in` is an index lookup. */
export const derivedTable = (kind: Kind, field: string) => `${kind}__${field}`;

/**
 * Record fields a derived table carries beside each value, so a query on the derived field ordered by them walks the
 * derived table's own indexes (value, order) and stops at its limit, instead of joining every match to sort it. The
 * register's visibility: a partner's page is, per audience key, the first rows of one index, merged.
 */
export const DERIVED_CARRIES: { readonly [K in Kind]?: Readonly<Record<string, readonly string[]>> } = {
  cases: { audience: ['receivedAt', 'ref'] },
};
export const carriedFields = (kind: Kind, field: string): readonly string[] => DERIVED_CARRIES[kind]?.[field] ?? [];

/**
 * Derived fields whose matches are counted by value sets: every record belongs to exactly one set of values (its
 * "signature"), and a table keeps how many records hold each set, so "how many records have any of these values" is
 * a sum over the few sets that contain one (hundreds), not a distinct count over every matching record (tens of
 * thousands for a partner's register total).
 */
export const COUNTED_DERIVED: { readonly [K in Kind]?: readonly string[] } = { cases: ['audience'] };
export const isCounted = (kind: Kind, field: string): boolean => COUNTED_DERIVED[kind]?.includes(field) ?? false;
export const setsTable = (kind: Kind, field: string) => `${kind}__${field}_sets`;
export const setKeysTable = (kind: Kind, field: string) => `${kind}__${field}_set_values`;
export const signatureOf = (values: readonly (string | number)[]): string => [...values].map(String).sort().join('\n');

const FIRST_FIELDS: Partial<Record<Kind, readonly string[]>> = {
  cases: ['ref', 'status', 'leadAgencyId', 'referrerAgencyId', 'nextReviewDate', 'riskLevel'],
};

/** Adds `delta` to the count of records holding exactly these values of a counted derived field. */
export function countInSet(prepare: (sql: string) => Database.Statement, kind: Kind, field: string, values: readonly (string | number)[], delta: 1 | -1): void {
  const signature = signatureOf(values);
  prepare(`INSERT INTO "${setsTable(kind, field)}" (signature, n) VALUES (?, ?) ON CONFLICT (signature) DO UPDATE SET n = n + excluded.n`).run(signature, delta);
  if (delta > 0) {
    const add = prepare(`INSERT OR IGNORE INTO "${setKeysTable(kind, field)}" (value, signature) VALUES (?, ?)`);
    for (const v of new Set(values)) add.run(v, signature);
  }
}

/**
 * Versioned migrations, applied in order inside one transaction each. Never edit a released migration:
 * add the next one. `run` does what SQL alone cannot (filling a derived index from the records already held).
 */
export const MIGRATIONS: { version: number; name: string; sql: string; run?: (db: Database.Database) => void }[] = [
  {
    version: 1,
    name: 'record tables',
    sql: tableSql(
      ['agencies', 'members', 'cases', 'riskAssessments', 'actions', 'chronology', 'meetings', 'agendaItems', 'decisions', 'attendance', 'audit', 'outbox', 'counters'],
      (kind) => FIRST_FIELDS[kind] ?? INDEXED_FIELDS[kind],
    ),
  },
  { version: 2, name: 'conversation references and leases', sql: tableSql(['conversations', 'leases']) },
  {
    version: 3,
    name: 'register indexes: received date, the register order, case audiences, open actions by due date',
    sql: [
      expressionIndex('cases', 'receivedAt'),
      // The register's default order (newest received first, ties by reference) read straight from one index.
      `CREATE INDEX "ix_cases_register" ON "cases" ((json_extract(data, '$.receivedAt') IS NULL), json_extract(data, '$.receivedAt'), json_extract(data, '$.ref'), id)`,
      `CREATE INDEX "ix_actions_status_due" ON "actions" (json_extract(data, '$.status'), json_extract(data, '$.dueDate'))`,
      `CREATE INDEX "ix_actions_parent_due" ON "actions" (json_extract(data, '$.parentId'), json_extract(data, '$.dueDate'))`,
      `CREATE TABLE "${derivedTable('cases', 'audience')}" (value TEXT NOT NULL, id TEXT NOT NULL, PRIMARY KEY (value, id)) WITHOUT ROWID`,
      `CREATE INDEX "ix_cases__audience_id" ON "${derivedTable('cases', 'audience')}" (id)`,
    ].join(';\n'),
    run: (db) => {
      const add = db.prepare(`INSERT OR IGNORE INTO "${derivedTable('cases', 'audience')}" (value, id) VALUES (?, ?)`);
      for (const row of db.prepare('SELECT id, data FROM "cases"').all() as { id: string; data: string }[]) {
        for (const key of caseAudience(JSON.parse(row.data))) add.run(key, row.id);
      }
    },
  },
  {
    version: 4,
    name: 'register order, newest first, as one index walk',
    // SQLite walks an index backwards only when every column's direction flips: newest first with ties by reference
    // ascending needs the received date descending in the index itself.
    sql: `CREATE INDEX "ix_cases_register_newest" ON "cases" ((json_extract(data, '$.receivedAt') IS NULL), json_extract(data, '$.receivedAt') DESC, json_extract(data, '$.ref'), id)`,
  },
  {
    version: 5,
    name: "case audiences carry the register's order; a case's search keys (reference number, reference and initials)",
    sql: [
      `DROP TABLE "${derivedTable('cases', 'audience')}"`,
      `CREATE TABLE "${derivedTable('cases', 'audience')}" (value TEXT NOT NULL, id TEXT NOT NULL, receivedAt TEXT, ref TEXT, PRIMARY KEY (value, id)) WITHOUT ROWID`,
      `CREATE INDEX "ix_cases__audience_id" ON "${derivedTable('cases', 'audience')}" (id)`,
      // Newest first, oldest first (both with undated last) and by reference: each an index walk per audience key.
      `CREATE INDEX "ix_cases__audience_newest" ON "${derivedTable('cases', 'audience')}" (value, (receivedAt IS NULL), receivedAt DESC, ref, id)`,
      `CREATE INDEX "ix_cases__audience_oldest" ON "${derivedTable('cases', 'audience')}" (value, (receivedAt IS NULL), receivedAt, ref, id)`,
      `CREATE INDEX "ix_cases__audience_ref" ON "${derivedTable('cases', 'audience')}" (value, ref, id)`,
      `CREATE TABLE "${derivedTable('cases', 'search')}" (value TEXT NOT NULL, id TEXT NOT NULL, PRIMARY KEY (value, id)) WITHOUT ROWID`,
      `CREATE INDEX "ix_cases__search_id" ON "${derivedTable('cases', 'search')}" (id)`,
      `CREATE TABLE "${setsTable('cases', 'audience')}" (signature TEXT PRIMARY KEY, n INTEGER NOT NULL) WITHOUT ROWID`,
      `CREATE TABLE "${setKeysTable('cases', 'audience')}" (value TEXT NOT NULL, signature TEXT NOT NULL, PRIMARY KEY (value, signature)) WITHOUT ROWID`,
    ].join(';\n'),
    run: (db) => {
      const audience = db.prepare(`INSERT OR IGNORE INTO "${derivedTable('cases', 'audience')}" (value, id, receivedAt, ref) VALUES (?, ?, ?, ?)`);
      const search = db.prepare(`INSERT OR IGNORE INTO "${derivedTable('cases', 'search')}" (value, id) VALUES (?, ?)`);
      const prepared = new Map<string, Database.Statement>();
      const prepare = (sql: string) => prepared.get(sql) ?? prepared.set(sql, db.prepare(sql)).get(sql)!;
      // Read first, then write: a connection cannot write while it iterates.
      for (const row of db.prepare('SELECT id, data FROM "cases"').all() as { id: string; data: string }[]) {
        const c = JSON.parse(row.data) as CaseRecord;
        for (const key of caseAudience(c)) audience.run(key, row.id, c.receivedAt ?? null, c.ref ?? null);
        for (const key of caseSearchKeys(c)) search.run(key, row.id);
        countInSet(prepare, 'cases', 'audience', caseAudience(c), 1);
      }
    },
  },
  { version: 8, name: 'disposal records and the SharePoint delta sync state', sql: tableSql(['disposals', 'syncStates']) },
  { version: 9, name: 'learning reviews and the board plan', sql: tableSql(['learningReviews', 'planObjectives'], (k) => (k === 'learningReviews' ? ['ref'] : ['planYear'])) },
  {
    version: 10,
    name: "adults' lookup keys (NHS number; name and date of birth) for repeat referrals",
    sql: [
      `CREATE TABLE "${derivedTable('cases', 'adultKeys')}" (value TEXT NOT NULL, id TEXT NOT NULL, PRIMARY KEY (value, id)) WITHOUT ROWID`,
      `CREATE INDEX "ix_cases__adultKeys_id" ON "${derivedTable('cases', 'adultKeys')}" (id)`,
    ].join(';\n'),
    run: (db) => {
      const add = db.prepare(`INSERT OR IGNORE INTO "${derivedTable('cases', 'adultKeys')}" (value, id) VALUES (?, ?)`);
      for (const row of db.prepare('SELECT id, data FROM "cases"').all() as { id: string; data: string }[]) {
        for (const key of adultKeys((JSON.parse(row.data) as { adult?: Adult }).adult ?? { name: '' })) add.run(key, row.id);
      }
    },
  },
  // The agenda's closure proposals by index (a path into the record: json_extract reads it as the query says it).
  { version: 23, name: 'cases by closure proposal', sql: expressionIndex('cases', 'closureProposal.proposedAt') },
  // What may be disposed of: cases past their retention date, never every closed case.
  { version: 24, name: 'cases by retention date', sql: expressionIndex('cases', 'retentionDate') },
];
