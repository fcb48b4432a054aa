import type { ChronologyType, DecisionOutcome, Significance } from '../domain/enums';
import type { ChronologyEntry, Decision } from '../domain/records';
import type { Tx } from '../store/port';
import type { Context } from './context';

export interface ChronologyInput {
  caseId: string;
  type: ChronologyType;
  summary: string;
  significance: Significance;
  /** Defaults to now: most entries a command writes record something happening now. */
  occurredAt?: string;
  /** Defaults to the actor's agency. */
  sourceAgencyId?: string;
  correctsEntryId?: string;
}

/**
 * Appends a chronology entry keyed by the request, so a retried request cannot add it twice. `purpose` keeps two
 * entries of one request apart.
 */
export async function appendChronology(ctx: Context, tx: Tx, input: ChronologyInput, purpose: string): Promise<ChronologyEntry> {
  const now = ctx.now().toISOString();
  const { record } = await tx.append('chronology', {
    id: ctx.newId(),
    idempotencyKey: `${ctx.correlationId}:chronology:${purpose}:${input.caseId}`,
    recordedAt: now,
    recordedById: ctx.actor.member.id,
    ...input,
    occurredAt: input.occurredAt ?? now,
    sourceAgencyId: input.sourceAgencyId ?? ctx.actor.member.agencyId,
  });
  return record;
}

export interface DecisionInput {
  caseId: string;
  outcome: DecisionOutcome;
  rationale: string;
  alternativesConsidered?: string;
  dissent?: string;
  meetingId?: string;
  agendaItemId?: string;
}

/** Appends a decision to the formal decision log, keyed by the request (a retry cannot log it twice). */
export async function appendDecision(ctx: Context, tx: Tx, input: DecisionInput): Promise<Decision> {
  const { record } = await tx.append('decisions', {
    id: ctx.newId(),
    idempotencyKey: `${ctx.correlationId}:decision:${input.caseId}`,
    decidedById: ctx.actor.member.id,
    decidedAt: ctx.now().toISOString(),
    ...input,
  });
  return record;
}
