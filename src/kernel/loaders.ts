import { ConflictError, NotFoundError } from '../domain/errors';
import type { Kind, RecordMap, Tx } from '../store/port';

const LABELS: Partial<Record<Kind, string>> = { cases: 'case', actions: 'action', meetings: 'meeting', members: 'member', agencies: 'agency' };

/** Loads a record or answers 404; callers decide separately whether the actor may know it exists. */
export async function load<K extends Kind>(tx: Tx, kind: K, id: string): Promise<RecordMap[K]> {
  const record = await tx.get(kind, id);
  if (!record) throw new NotFoundError(`No ${LABELS[kind] ?? kind} with id ${id} was found.`);
  return record;
}

/** Refuses a change made from a stale read: the caller saw an older version than the one stored. */
export function checkVersion(record: { version: number }, expected: number | undefined): void {
  if (expected !== undefined && expected !== record.version) {
    throw new ConflictError(
      `Someone else changed this record after you opened it (you had version ${expected}, it is now ${record.version}). Reload it to see their change, then try again.`,
    );
  }
}
