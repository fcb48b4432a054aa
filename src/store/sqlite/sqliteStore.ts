import Database from 'better-sqlite3';
import fs from 'node:fs';
import path from 'node:path';
import { ConflictError } from '../../domain/errors';
import type { AppendKind, DataQualityIssue, Kind, NewRecord, Query, ReadTx, RecordMap, RemovableKind, Store, Tx } from '../port';
import { DERIVED_FIELDS } from '../schema';
import { carriedFields, countInSet, derivedTable, isCounted, MIGRATIONS } from './migrations';
import { countSql, selectSql } from './sqlQuery';

type Row = { version: number; data: string };

/** Prepared statements kept for reuse, per connection (preparing costs more than running most of them). */
class Statements {
  private readonly cache = new Map<string, Database.Statement>();
  constructor(private readonly db: Database.Database, private readonly max = 500) {}
  get(sql: string): Database.Statement {
    let s = this.cache.get(sql);
    if (!s) {
      // Queries with a variable number of `in` values make many texts: forget the oldest rather than grow forever.
      if (this.cache.size >= this.max) this.cache.delete(this.cache.keys().next().value!);
      s = this.db.prepare(sql);
      this.cache.set(sql, s);
    }
    return s;
  }
}

/** One turn of the event loop: what a connection gives other requests between its statements. */
const turn = () => new Promise<void>((resolve) => setImmediate(resolve));

/** How long a unit of work may hold the event loop before it lets other requests run (issue 11: "a few ms"). */
const PACE_MS = 8;
/** Rows decoded between looks at the clock while a long result is read. */
const ROWS_PER_LOOK = 256;

/**
 * Reads on one connection; counts the rows it decodes (what the benchmarks call "rows read"). better-sqlite3 runs
 * each statement synchronously and an await on it never lets timers or sockets run, so a long unit of work (the
 * overdue scan, a year of indicators) would hold the whole server until it ends. Instead every operation lets the
 * event loop turn once PACE_MS has passed since the last turn, and a long result is decoded with the same check:
 * others wait at most about PACE_MS plus one statement. No one else can use the connection meanwhile: a read
 * connection belongs to one unit until released, the writer to the transaction at the head of its queue.
 * A read connection (`yields`) also turns before each statement, so reads beside each other interleave fairly.
 */
class Reader implements ReadTx {
  /** When this connection's current slice of the event loop began. */
  private sliceStart = performance.now();
  private marking = false;
  /** Work waiting for the next slice, first come first served (from `head` on: shift() would copy a long queue). */
  private waiting: (() => void)[] = [];
  private head = 0;

  constructor(protected readonly statements: Statements, protected readonly stats: { rowsRead: number }, private readonly yields = false) {}

  protected decode<K extends Kind>(row: Row): RecordMap[K] {
    this.stats.rowsRead++;
    return { ...JSON.parse(row.data), version: row.version } as RecordMap[K];
  }

  /**
   * Lets the event loop turn once this connection's work has held it for PACE_MS (a read connection also turns
   * before each statement). Work that must wait queues; after the turn it is let through one statement at a time,
   * each passing the turn on while the slice lasts, so thousands of reads issued side by side (Promise.all) run
   * PACE_MS of them per turn, not all in the first.
   */
  protected async pace(always = false): Promise<void> {
    if (always) await turn();
    this.markNextTurn();
    if (this.head === this.waiting.length && performance.now() - this.sliceStart < PACE_MS) return;
    await new Promise<void>((resolve) => this.waiting.push(resolve));
    this.passOn();
  }

  /** The next turn of the event loop, whatever made it turn, starts a new slice, and lets the first waiter through. */
  private markNextTurn(): void {
    if (this.marking) return;
    this.marking = true;
    setImmediate(() => {
      this.marking = false;
      this.sliceStart = performance.now();
      if (this.head < this.waiting.length) this.wakeNext();
    });
  }

  /** Lets the next waiting statement through if the slice has time left; else waits for the next turn. */
  private passOn(): void {
    if (this.head === this.waiting.length) return;
    if (performance.now() - this.sliceStart < PACE_MS) this.wakeNext();
    else this.markNextTurn();
  }

  private wakeNext(): void {
    const next = this.waiting[this.head++];
    if (this.head === this.waiting.length) {
      this.waiting = [];
      this.head = 0;
    }
    next?.();
  }

  get = async <K extends Kind>(kind: K, id: string) => {
    await this.pace();
    const row = this.statements.get(`SELECT version, data FROM "${kind}" WHERE id = ?`).get(id) as Row | undefined;
    return row ? this.decode<K>(row) : undefined;
  };

  find = async <K extends Kind>(kind: K, query: Query = {}) => {
    await this.pace(this.yields);
    const { sql, params } = selectSql(kind, query);
    // All rows at once (a unit may run statements side by side, which an open iterator would refuse), then decoded
    // with pauses: parsing the JSON is most of a long read's time.
    const rows = this.statements.get(sql).all(...params) as Row[];
    const out: RecordMap[K][] = [];
    for (const row of rows) {
      out.push(this.decode<K>(row));
      if (out.length % ROWS_PER_LOOK === 0) await this.pace();
    }
    return out;
  };

  count = async (kind: Kind, query: Pick<Query, 'where'> = {}) => {
    await this.pace(this.yields);
    const { sql, params } = countSql(kind, query);
    return (this.statements.get(sql).get(...params) as { n: number }).n;
  };
}

/** The writing connection's unit of work: reads plus the writes, keeping derived index tables in step. */
class Writer extends Reader implements Tx {
  insert = async <K extends Kind>(kind: K, record: NewRecord<K>) => {
    await this.pace();
    const stored = { ...record, version: 1 } as RecordMap[K];
    try {
      this.statements
        .get(`INSERT INTO "${kind}" (id, version, idempotency_key, data) VALUES (?, 1, ?, ?)`)
        .run(record.id, (record as { idempotencyKey?: string }).idempotencyKey ?? null, JSON.stringify(stored));
    } catch (err) {
      if ((err as { code?: string }).code?.startsWith('SQLITE_CONSTRAINT')) {
        throw new ConflictError(`A ${kind} record with this id already exists.`);
      }
      throw err;
    }
    this.index(kind, stored, false);
    return stored;
  };

  update = async <K extends Kind>(kind: K, record: RecordMap[K]) => {
    await this.pace();
    const next = { ...record, version: record.version + 1 };
    const result = this.statements
      .get(`UPDATE "${kind}" SET version = ?, data = ? WHERE id = ? AND version = ?`)
      .run(next.version, JSON.stringify(next), record.id, record.version);
    if (result.changes === 0) {
      const exists = this.statements.get(`SELECT 1 FROM "${kind}" WHERE id = ?`).get(record.id);
      throw new ConflictError(
        exists
          ? 'Someone else changed this record after you opened it. Reload it to see their change, then try again.'
          : `The ${kind} record no longer exists.`,
      );
    }
    this.index(kind, next, true);
    return next;
  };

  append = async <K extends AppendKind>(kind: K, record: NewRecord<K>) => {
    await this.pace();
    const existing = this.statements.get(`SELECT version, data FROM "${kind}" WHERE idempotency_key = ?`).get(record.idempotencyKey) as Row | undefined;
    if (existing) return { record: this.decode<K>(existing), created: false };
    return { record: await this.insert(kind, record), created: true };
  };

  nextSequence = async (name: string) => {
    const current = await this.get('counters', name);
    if (!current) {
      await this.insert('counters', { id: name, value: 1 });
      return 1;
    }
    const next = await this.update('counters', { ...current, value: current.value + 1 });
    return next.value;
  };

  remove = async (kind: RemovableKind, id: string, version: number) => {
    const result = this.statements.get(`DELETE FROM "${kind}" WHERE id = ? AND version = ?`).run(id, version);
    if (result.changes === 0) {
      const exists = this.statements.get(`SELECT 1 FROM "${kind}" WHERE id = ?`).get(id);
      throw new ConflictError(
        exists
          ? 'Someone else changed this record after you opened it. Reload it to see their change, then try again.'
          : `The ${kind} record no longer exists.`,
      );
    }
    for (const field of Object.keys(DERIVED_FIELDS[kind] ?? {})) {
      if (isCounted(kind, field)) countInSet(this.prepare, kind, field, this.storedValues(kind, field, id), -1);
      this.statements.get(`DELETE FROM "${derivedTable(kind, field)}" WHERE id = ?`).run(id);
    }
  };

  /** Writes a record's derived values into their tables (one row per value, with the fields the table carries). */
  private index(kind: Kind, record: RecordMap[Kind], replace: boolean): void {
    const derived = DERIVED_FIELDS[kind] as Record<string, (r: RecordMap[Kind]) => readonly (string | number | boolean)[]> | undefined;
    if (!derived) return;
    for (const [field, derive] of Object.entries(derived)) {
      const table = derivedTable(kind, field);
      const values = derive(record).map((v) => (typeof v === 'boolean' ? Number(v) : v));
      if (isCounted(kind, field)) {
        if (replace) countInSet(this.prepare, kind, field, this.storedValues(kind, field, record.id), -1);
        countInSet(this.prepare, kind, field, values, 1);
      }
      if (replace) this.statements.get(`DELETE FROM "${table}" WHERE id = ?`).run(record.id);
      const carried = carriedFields(kind, field);
      const add = this.statements.get(
        `INSERT OR IGNORE INTO "${table}" (value, id${carried.map((f) => `, "${f}"`).join('')}) VALUES (?, ?${carried.map(() => ', ?').join('')})`,
      );
      const extra = carried.map((f) => {
        const v = (record as unknown as Record<string, unknown>)[f];
        return typeof v === 'string' || typeof v === 'number' ? v : v === undefined || v === null ? null : JSON.stringify(v);
      });
      for (const v of values) add.run(v, record.id, ...extra);
    }
  }

  private readonly prepare = (sql: string) => this.statements.get(sql);

  /** The values of a derived field stored for a record, as its index holds them now. */
  private storedValues(kind: Kind, field: string, id: string): (string | number)[] {
    return (this.statements.get(`SELECT value FROM "${derivedTable(kind, field)}" WHERE id = ?`).all(id) as { value: string | number }[]).map((r) => r.value);
  }
}

const READ_CONNECTIONS = 4;
/** How long a write waits for another instance's write to finish before it fails (as busy_timeout did). */
const WRITE_LOCK_WAIT_MS = 5000;

/**
 * The embedded store: better-sqlite3 in WAL mode, one JSON document per record, indexed fields as expression indexes
 * (derived many-valued ones in their own tables). Writes go through one connection, one unit at a time; reads
 * (`read`) use separate read-only connections, which WAL lets run beside a write and beside each other.
 */
export class SqliteStore implements Store {
  readonly name = 'sqlite' as const;
  /** Records decoded since the store opened: what the benchmarks report as rows read. */
  readonly stats = { rowsRead: 0 };
  private readonly db: Database.Database;
  private readonly writer: Writer;
  // better-sqlite3 is synchronous; this chain keeps async units of work from interleaving on the one connection.
  private queue: Promise<unknown> = Promise.resolve();
  private readonly idle: { db: Database.Database; reader: Reader }[] = [];
  private readonly waiting: ((c: { db: Database.Database; reader: Reader }) => void)[] = [];
  private readers = 0;
  private readonly readers_: Database.Database[] = [];

  constructor(private readonly file: string) {
    if (file !== ':memory:') fs.mkdirSync(path.dirname(path.resolve(file)), { recursive: true });
    this.db = new Database(file);
    this.db.pragma('journal_mode = WAL');
    this.db.pragma('foreign_keys = ON');
    this.db.pragma('busy_timeout = 5000');
    this.migrate();
    // From here the writer never waits inside SQLite: a busy wait there is synchronous and would hold the event loop
    // (and, with two stores on one file in one process, the other store's transaction that it waits for).
    // `begin` waits for the write lock with timers instead.
    this.db.pragma('busy_timeout = 0');
    this.writer = new Writer(new Statements(this.db), this.stats);
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
        m.run?.(this.db);
        this.db.prepare('INSERT INTO schema_migrations VALUES (?, ?, ?)').run(m.version, m.name, new Date().toISOString());
      })();
    }
  }

  schemaVersion(): number {
    return (this.db.prepare('SELECT MAX(version) v FROM schema_migrations').get() as { v: number }).v;
  }

  transaction<T>(work: (tx: Tx) => Promise<T>): Promise<T> {
    const run = async (): Promise<T> => {
      await this.begin();
      try {
        const result = await work(this.writer);
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

  /** Takes the write lock; while another connection (another instance) holds it, tries again on a timer. */
  private async begin(): Promise<void> {
    const deadline = performance.now() + WRITE_LOCK_WAIT_MS;
    for (let attempt = 0; ; attempt++) {
      try {
        this.db.exec('BEGIN IMMEDIATE');
        return;
      } catch (err) {
        if ((err as { code?: string }).code !== 'SQLITE_BUSY' || performance.now() > deadline) throw err;
        await new Promise((resolve) => setTimeout(resolve, Math.min(50, 2 ** attempt)));
      }
    }
  }

  /**
   * A read on its own connection, in a deferred transaction: one snapshot for the whole unit, taken at its first
   * statement, that neither waits for the writer nor makes it wait. An in-memory database cannot be shared between
   * connections, so there a read takes its turn on the writer's queue.
   */
  async read<T>(work: (tx: ReadTx) => Promise<T>): Promise<T> {
    if (this.file === ':memory:') return this.transaction(work);
    const conn = await this.acquire();
    conn.db.exec('BEGIN');
    try {
      return await work(conn.reader);
    } finally {
      if (conn.db.inTransaction) conn.db.exec('COMMIT');
      this.release(conn);
    }
  }

  private acquire(): Promise<{ db: Database.Database; reader: Reader }> {
    const free = this.idle.pop();
    if (free) return Promise.resolve(free);
    if (this.readers < READ_CONNECTIONS) {
      this.readers++;
      const db = new Database(this.file, { readonly: true });
      db.pragma('busy_timeout = 5000');
      this.readers_.push(db);
      return Promise.resolve({ db, reader: new Reader(new Statements(db), this.stats, true) });
    }
    return new Promise((resolve) => this.waiting.push(resolve));
  }

  private release(conn: { db: Database.Database; reader: Reader }): void {
    const next = this.waiting.shift();
    if (next) next(conn);
    else this.idle.push(conn);
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
    for (const db of this.readers_) db.close();
    this.db.close();
  }
}
