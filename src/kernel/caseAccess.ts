import type { Context } from './context';
import { NotFoundError } from '../domain/errors';
import type { CaseRecord } from '../domain/records';
import { can } from '../policies';
import type { Actor } from '../policies/actor';
import type { Tx } from '../store/port';
import { HiddenRecordError } from './query';

/** One answer for "missing" and "not yours", so a 404 never tells anyone that a case exists. */
export const CASE_NOT_FOUND = 'No case with that reference was found, or you are not permitted to see it.';

export type CaseAccess = 'full' | 'summary';

/** How much of a case the actor may see: all of it, the minimal summary of a new referral, or nothing. */
export function caseAccess(actor: Actor, c: CaseRecord): CaseAccess | null {
  if (can(actor, 'read', 'case', c)) return 'full';
  if (can(actor, 'readSummary', 'case', c)) return 'summary';
  return null;
}

/**
 * References are typed by people ("caspa-2026-14" in a bot chat): upper-case them and pad the number to the
 * four digits formatRef writes, so they match what is stored.
 */
export function normalizeRef(ref: string): string {
  const upper = ref.trim().toUpperCase();
  const m = /^(.+)-(\d{4})-(\d+)$/.exec(upper);
  return m ? `${m[1]}-${m[2]}-${m[3]!.padStart(4, '0')}` : upper;
}

export async function findCase(tx: Tx, by: { caseId?: string; ref?: string }): Promise<CaseRecord | undefined> {
  if (by.caseId) return tx.get('cases', by.caseId);
  if (by.ref) {
    const [found] = await tx.find('cases', { where: [{ field: 'ref', op: 'eq', value: normalizeRef(by.ref) }], limit: 1 });
    return found;
  }
  return undefined;
}

/**
 * The case a command works on. A case the actor may not see at the level asked (by default not even the summary) answers
 * exactly as a missing one, CASE_NOT_FOUND, and the refusal is audited as `denied` by the command runner; a case the
 * actor may see but not change is the command's own 403, with its reason.
 */
export async function loadCaseFor(ctx: Context, tx: Tx, caseId: string, need: CaseAccess = 'summary'): Promise<CaseRecord> {
  const { record, access } = await loadVisibleCase(ctx, tx, { caseId });
  if (need === 'full' && access !== 'full') throw new HiddenRecordError(CASE_NOT_FOUND, 'case', record.id);
  return record;
}

/** Loads a case the actor may see at least in summary; a missing and a forbidden case both answer CASE_NOT_FOUND. */
export async function loadVisibleCase(
  ctx: Context,
  tx: Tx,
  by: { caseId?: string; ref?: string },
): Promise<{ record: CaseRecord; access: CaseAccess }> {
  const record = await findCase(tx, by);
  if (!record) throw new NotFoundError(CASE_NOT_FOUND);
  const access = caseAccess(ctx.actor, record);
  if (!access) throw new HiddenRecordError(CASE_NOT_FOUND, 'case', record.id);
  return { record, access };
}
