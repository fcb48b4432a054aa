import Database from 'better-sqlite3';
import { eventHash, GENESIS_HASH } from '../../src/audit/canonical';
import { CHAIN_HEAD_ID } from '../../src/audit/chain';
import type { AuditEvent } from '../../src/domain/records';
import { recordAudit } from '../../src/kernel/audit';
import type { World } from '../support/world';

/** Writes `n` audit events through the kernel's one writer, each in its own unit of work, one after another. */
export async function auditSome(world: World, n: number): Promise<void> {
  for (let i = 0; i < n; i++) {
    const ctx = world.ctx('coordinator');
    await world.store.transaction((tx) => recordAudit(ctx, tx, { action: 'view', recordType: 'case', recordId: `case-${i}`, reason: `Invented read ${i}` }));
  }
}

/** The SQLite file opened directly, as someone with access to the file (not the app) would edit it. */
export function rawDb(file: string): Database.Database {
  return new Database(file);
}

export function rawEvents(db: Database.Database): AuditEvent[] {
  return (db.prepare('SELECT data FROM audit').all() as { data: string }[])
    .map((r) => JSON.parse(r.data) as AuditEvent)
    .sort((a, b) => a.seq! - b.seq!);
}

export function rawWrite(db: Database.Database, event: AuditEvent): void {
  db.prepare('UPDATE audit SET data = ? WHERE id = ?').run(JSON.stringify(event), event.id);
}

export function rawHead(db: Database.Database): Record<string, unknown> {
  return JSON.parse((db.prepare('SELECT data FROM counters WHERE id = ?').get(CHAIN_HEAD_ID) as { data: string }).data) as Record<string, unknown>;
}

export function rawSetHead(db: Database.Database, head: Record<string, unknown>): void {
  db.prepare('UPDATE counters SET data = ? WHERE id = ?').run(JSON.stringify(head), CHAIN_HEAD_ID);
}

/** Recomputes every link from the first event, as someone who knows the (public) hash rule but not the key could. */
export function rehash(events: AuditEvent[]): AuditEvent[] {
  let prev = GENESIS_HASH;
  return events.map((e, i) => {
    const next = { ...e, seq: i + 1, prevHash: prev };
    const hash = eventHash(prev, next);
    prev = hash;
    return { ...next, hash };
  });
}
