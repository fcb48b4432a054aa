import { z } from 'zod';
import { AUDIT_ACTIONS } from '../domain/enums';
import type { AuditEvent } from '../domain/records';
import { authorize } from '../policies';
import type { Context } from '../kernel/context';
import { findCase } from '../kernel/caseAccess';
import { defineQuery } from '../kernel/query';
import { recordAudit } from '../kernel/audit';
import { isoDate } from '../kernel/validation';
import type { Condition, Tx } from '../store/port';
import { type AuditSearch, auditSearchSchema } from '../contract/governance';
import { memberNames } from './actionItems';
import { caseChildIds } from './caseRecordIds';

/** Most events one search answers; a search that matches more says so (narrow it by period, person or case). */
export const AUDIT_SEARCH_LIMIT = 500;
/** Most rows one export holds. */
export const AUDIT_EXPORT_LIMIT = 20_000;

const optionalId = z.string().trim().max(200).optional().transform((v) => v || undefined);
export const auditSearchInput = z.object({
  /** A case's reference: its events and those of its records (actions, chronology, decisions, assessments). */
  ref: z.string().trim().max(60).optional().transform((v) => v || undefined),
  /** Who acted. */
  memberId: optionalId,
  /** The agency of who acted. */
  agencyId: optionalId,
  action: z.enum(AUDIT_ACTIONS).optional(),
  /** UK dates, both days included. */
  from: isoDate.optional(),
  to: isoDate.optional(),
}).strict().refine((i) => !i.from || !i.to || i.from <= i.to, { message: 'from must not be after to', path: ['from'] });
export type AuditSearchInput = z.output<typeof auditSearchInput>;

const cmp = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);
// Dates are whole days; events carry UTC instants. The day's bounds are taken wide enough to hold a London day.
const dayStart = (d: string) => new Date(`${d}T00:00:00Z`).getTime() - 3_600_000;
const dayEnd = (d: string) => new Date(`${d}T23:59:59.999Z`).getTime();

/** The events matching a search, newest first, at most `limit` (+1, so the caller can tell it was cut). */
export async function findAuditEvents(tx: Tx, input: AuditSearchInput, limit: number): Promise<AuditEvent[] | 'no-case'> {
  const period: Condition[] = [];
  if (input.from) period.push({ field: 'at', op: 'ge', value: new Date(dayStart(input.from)).toISOString() });
  if (input.to) period.push({ field: 'at', op: 'le', value: new Date(dayEnd(input.to)).toISOString() });
  let events: AuditEvent[];
  if (input.ref) {
    const c = await findCase(tx, { ref: input.ref });
    if (!c) return 'no-case';
    const ids = [c.id, ...(await caseChildIds(tx, c.id))];
    events = (await Promise.all(ids.map((recordId) => tx.find('audit', { where: [{ field: 'recordId', op: 'eq', value: recordId }, ...period] })))).flat();
  } else {
    // Person and period are indexed; agency and action are filtered here, so only without them can the store stop early.
    const where = input.memberId ? [{ field: 'actorId', op: 'eq' as const, value: input.memberId }, ...period] : period;
    const early = input.agencyId || input.action ? {} : { limit: limit + 1 };
    events = await tx.find('audit', { where, orderBy: { field: 'at', direction: 'desc' }, ...early });
  }
  const fromMs = input.from ? dayStart(input.from) : -Infinity;
  const toMs = input.to ? dayEnd(input.to) : Infinity;
  return events
    .filter((e) => (!input.memberId || e.actorId === input.memberId) && (!input.agencyId || e.actorAgencyId === input.agencyId) && (!input.action || e.action === input.action))
    .filter((e) => { const t = Date.parse(e.at); return t >= fromMs && t <= toMs; })
    .sort((a, b) => cmp(b.at, a.at) || (b.seq ?? 0) - (a.seq ?? 0))
    .slice(0, limit + 1);
}

/** The search's filters as the audit records them: ids and dates only (a reference, never a name). */
export const searchTerms = (input: AuditSearchInput): Record<string, string> =>
  Object.fromEntries(Object.entries(input).filter(([, v]) => v !== undefined)) as Record<string, string>;

export async function auditLines(ctx: Context, tx: Tx, input: AuditSearchInput, limit: number): Promise<AuditSearch> {
  authorize(ctx.actor, 'readAuditTrail', 'partnership', null, 'Only coordinators and auditors can search the audit trail.');
  const found = await findAuditEvents(tx, input, limit);
  const events = found === 'no-case' ? [] : found;
  const names = await memberNames(tx);
  return {
    events: events.slice(0, limit).map((e) => ({
      id: e.id, at: e.at, actorId: e.actorId, actorName: names.get(e.actorId) ?? 'Unknown member', actorAgencyId: e.actorAgencyId, action: e.action,
      recordType: e.recordType, recordId: e.recordId, ...(e.change ? { change: e.change } : {}), ...(e.reason ? { reason: e.reason } : {}),
      correlationId: e.correlationId, ...(e.seq !== undefined ? { seq: e.seq } : {}),
    })),
    truncated: events.length > limit,
    limit,
  };
}

/**
 * Searches the audit trail by case, person, agency, action and period, newest first (coordinators). The search is
 * itself audited, with its terms.
 */
export const searchAudit = defineQuery({
  name: 'searchAudit',
  summary: 'Search the audit trail by case reference, person, agency, action and period (coordinators)',
  output: auditSearchSchema,
  input: auditSearchInput,
  async run(ctx, tx, input): Promise<AuditSearch> {
    const view = await auditLines(ctx, tx, input, AUDIT_SEARCH_LIMIT);
    await recordAudit(ctx, tx, { action: 'view', recordType: 'auditTrail', recordId: 'search', change: { ...searchTerms(input), count: view.events.length } });
    return view;
  },
});
