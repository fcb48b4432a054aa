import type Database from 'better-sqlite3';
import type { Kind } from '../port';
import { caseAudience } from '../caseAudience';
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

const FIRST_FIELDS: Partial<Record<Kind, readonly string[]>> = {
  cases: ['ref', 'status', 'leadAgencyId', 'referrerAgencyId', 'nextReviewDate', 'riskLevel'],
};

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
      for (const row of db.prepare('SELECT id, data FROM "cases"').iterate() as Iterable<{ id: string; data: string }>) {
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
      for (const row of db.prepare('SELECT id, data FROM "cases"').iterate() as Iterable<{ id: string; data: string }>) {
        for (const key of adultKeys((JSON.parse(row.data) as { adult?: Adult }).adult ?? { name: '' })) add.run(key, row.id);
      }
    },
  },
];
