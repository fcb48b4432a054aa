import type { Kind } from '../port';
import { INDEXED_FIELDS } from '../schema';

const tableSql = (kinds: Kind[]) =>
  kinds
    .map((kind) =>
      [
        `CREATE TABLE "${kind}" (id TEXT PRIMARY KEY, version INTEGER NOT NULL, idempotency_key TEXT UNIQUE, data TEXT NOT NULL)`,
        ...INDEXED_FIELDS[kind].map(
          (field) => `CREATE INDEX "ix_${kind}_${field}" ON "${kind}" (json_extract(data, '$.${field}'))`,
        ),
      ].join(';\n'),
    )
    .join(';\n');

/**
 * Versioned migrations, applied in order inside one transaction each. Never edit a released migration:
 * add the next one.
 */
export const MIGRATIONS: { version: number; name: string; sql: string }[] = [
  {
    version: 1,
    name: 'record tables',
    sql: tableSql(['agencies', 'members', 'cases', 'riskAssessments', 'actions', 'chronology', 'meetings', 'agendaItems', 'decisions', 'attendance', 'audit', 'outbox', 'counters']),
  },
  { version: 2, name: 'conversation references and leases', sql: tableSql(['conversations', 'leases']) },
];
