import Database from 'better-sqlite3';
import fs from 'node:fs';
import path from 'node:path';
import { ConflictError } from '../../domain/errors';
import type { AppendKind, Condition, DataQualityIssue, Kind, NewRecord, Query, RecordMap, Scalar, Store, Tx } from '../port';
import { INDEXED_FIELDS } from '../schema';
import { MIGRATIONS } from './migrations';

const SQL_OPS: Record<Condition['op'], string> = { eq: '=', ne: '!=', lt: '<', le: '<=', gt: '>', ge: '>=' };

const bind = (v: Scalar): string | number => (typeof v === 'boolean' ? (v ? 1 : 0) : v);

function assertIndexed(kind: Kind, field: string): void {
  if (field !== 'id' && !INDEXED_FIELDS[kind].includes(field)) {
    throw new Error(`"${field}" is not an indexed field of ${kind}; queries may only use indexed fields`);
  }
}

/** The embedded store: better-sqlite3 in WAL mode, one JSON document per record, indexed fields as expression indexes. */
export class SqliteStore implements Store {
  readonly name = 'sqlite' as const;
  private readonly db: Database.Database;
  // better-sqlite3 is synchronous; this chain keeps async units of work from interleaving on the one connection.
  private queue: Promise<unknown> = Promise.resolve();

  constructor(file: string) {
    if (file !== ':memory:') fs.mkdirSync(path.dirname(path.resolve(file)), { recursive: true });
    this.db = new Database(file);
    this.db.pragma('journal_mode = WAL');
    this.db.pragma('foreign_keys = ON');
    this.db.pragma('busy_timeout = 5000');
    this.migrate();
  }

  private migrate(): void {
    this.db.exec('CREATE TABLE IF NOT EXISTS schema_migrations (version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at TEXT NOT NULL)');
    const applied = new Set(
      (this.db.prepare('SELECT version FROM schema_migrations').all() as { version: number }[]).map((r) => r.version),
    );
    for (const m of MIGRATIONS) {
      if (applied.has(m.version)) continue;
      this.db.transaction(() => {
        this.db.exec(m.sql);
        this.db.prepare('INSERT INTO schema_migrations VALUES (?, ?, ?)').run(m.version, m.name, new Date().toISOString());
      })();
    }
  }

  schemaVersion(): number {
    return (this.db.prepare('SELECT MAX(version) v FROM schema_migrations').get() as { v: number }).v;
  }

  transaction<T>(work: (tx: Tx) => Promise<T>): Promise<T> {
    const run = async (): Promise<T> => {
      this.db.exec('BEGIN IMMEDIATE');
      try {
        const result = await work(this.tx);
        this.db.exec('COMMIT');
        return result;
      } catch (err) {
        if (this.db.inTransaction) this.db.exec('ROLLBACK');
        throw err;
      }
    };
    const next = this.queue.then(run, run);
    this.queue = next.catch(() => undefined);
    return next;
  }

  /**
   * Always none: only RiskPanel writes this file, every write goes through the commands' validation, and nobody edits
   * it by hand as coordinators edit SharePoint lists, so no record can be in a state the app did not write.
   */
  async listDataQualityIssues(): Promise<DataQualityIssue[]> {
    return [];
  }

  async close(): Promise<void> {
    await this.queue;
    this.db.close();
  }

  private readonly tx: Tx = {
    get: async <K extends Kind>(kind: K, id: string) => {
      const row = this.db.prepare(`SELECT version, data FROM "${kind}" WHERE id = ?`).get(id) as
        | { version: number; data: string }
        | undefined;
      return row ? ({ ...JSON.parse(row.data), version: row.version } as RecordMap[K]) : undefined;
    },

    find: async <K extends Kind>(kind: K, query: Query = {}) => {
      const params: (string | number)[] = [];
      const clauses = (query.where ?? []).map((c) => {
        assertIndexed(kind, c.field);
        params.push(bind(c.value));
        return c.field === 'id' ? `id ${SQL_OPS[c.op]} ?` : `json_extract(data, '$.${c.field}') ${SQL_OPS[c.op]} ?`;
      });
      let sql = `SELECT version, data FROM "${kind}"`;
      if (clauses.length) sql += ` WHERE ${clauses.join(' AND ')}`;
      if (query.orderBy) {
        assertIndexed(kind, query.orderBy.field);
        const dir = query.orderBy.direction === 'desc' ? 'DESC' : 'ASC';
        sql += query.orderBy.field === 'id' ? ` ORDER BY id ${dir}` : ` ORDER BY json_extract(data, '$.${query.orderBy.field}') ${dir}, id`;
      } else {
        sql += ' ORDER BY id';
      }
      if (query.limit !== undefined) sql += ` LIMIT ${Math.max(0, Math.floor(query.limit))}`;
      const rows = this.db.prepare(sql).all(...params) as { version: number; data: string }[];
      return rows.map((r) => ({ ...JSON.parse(r.data), version: r.version }) as RecordMap[K]);
    },

    insert: async <K extends Kind>(kind: K, record: NewRecord<K>) => {
      const stored = { ...record, version: 1 } as RecordMap[K];
      try {
        this.db
          .prepare(`INSERT INTO "${kind}" (id, version, idempotency_key, data) VALUES (?, 1, ?, ?)`)
          .run(record.id, (record as { idempotencyKey?: string }).idempotencyKey ?? null, JSON.stringify(stored));
      } catch (err) {
        if ((err as { code?: string }).code?.startsWith('SQLITE_CONSTRAINT')) {
          throw new ConflictError(`A ${kind} record with this id already exists.`);
        }
        throw err;
      }
      return stored;
    },

    update: async <K extends Kind>(kind: K, record: RecordMap[K]) => {
      const next = { ...record, version: record.version + 1 };
      const result = this.db
        .prepare(`UPDATE "${kind}" SET version = ?, data = ? WHERE id = ? AND version = ?`)
        .run(next.version, JSON.stringify(next), record.id, record.version);
      if (result.changes === 0) {
        const exists = this.db.prepare(`SELECT 1 FROM "${kind}" WHERE id = ?`).get(record.id);
        throw new ConflictError(
          exists
            ? 'Someone else changed this record after you opened it. Reload it to see their change, then try again.'
            : `The ${kind} record no longer exists.`,
        );
      }
      return next;
    },

    append: async <K extends AppendKind>(kind: K, record: NewRecord<K>) => {
      const existing = this.db.prepare(`SELECT version, data FROM "${kind}" WHERE idempotency_key = ?`).get(record.idempotencyKey) as
        | { version: number; data: string }
        | undefined;
      if (existing) return { record: { ...JSON.parse(existing.data), version: existing.version } as RecordMap[K], created: false };
      return { record: await this.tx.insert(kind, record), created: true };
    },

    nextSequence: async (name: string) => {
      const current = await this.tx.get('counters', name);
      if (!current) {
        await this.tx.insert('counters', { id: name, value: 1 });
        return 1;
      }
      const next = await this.tx.update('counters', { ...current, value: current.value + 1 });
      return next.value;
    },
  };
}
