import { INDEXED_FIELDS, KINDS } from '../schema';

/**
 * Versioned migrations, applied in order inside one transaction each. Never edit a released migration:
 * add the next one.
 */
export const MIGRATIONS: { version: number; name: string; sql: string }[] = [
  {
    version: 1,
    name: 'record tables',
    sql: KINDS.map((kind) =>
      [
        `CREATE TABLE "${kind}" (id TEXT PRIMARY KEY, version INTEGER NOT NULL, idempotency_key TEXT UNIQUE, data TEXT NOT NULL)`,
        ...INDEXED_FIELDS[kind].map(
          (field) => `CREATE INDEX "ix_${kind}_${field}" ON "${kind}" (json_extract(data, '$.${field}'))`,
        ),
      ].join(';\n'),
    ).join(';\n'),
  },
];
