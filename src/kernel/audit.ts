import { appendAuditEvent, type ChainHead } from '../audit/chain';
import type { AuditAction } from '../domain/enums';
import type { AuditEvent } from '../domain/records';
import type { Tx } from '../store/port';
import type { Context } from './context';

export interface AuditEntry {
  action: AuditAction;
  recordType: string;
  recordId: string;
  change?: Record<string, unknown>;
  reason?: string;
}

/**
 * Appends one audit event to the hash chain (src/audit/chain.ts); keyed by the request so a retried request is not
 * audited twice.
 */
export async function recordAudit(ctx: Context, tx: Tx, entry: AuditEntry, headRead?: Promise<ChainHead | undefined>): Promise<AuditEvent> {
  const { record } = await appendAuditEvent(tx, {
    id: ctx.newId(),
    idempotencyKey: `${ctx.correlationId}:${entry.action}:${entry.recordType}:${entry.recordId}`,
    at: ctx.now().toISOString(),
    actorId: ctx.actor.member.id,
    actorAgencyId: ctx.actor.member.agencyId,
    correlationId: ctx.correlationId,
    ...entry,
  }, undefined, headRead);
  return record;
}
