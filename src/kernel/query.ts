import type { z } from 'zod';
import { recordAudit } from './audit';
import type { Context } from './context';
import { parseInput } from './validation';
import { ForbiddenError, NotFoundError } from '../domain/errors';
import type { Tx } from '../store/port';

/** One read model. Hosts (API, bot, tab helpers) call `runQuery`, never the store. */
export interface ReadQuery<S extends z.ZodType = z.ZodType, R = unknown> {
  name: string;
  summary: string;
  input: S;
  run(ctx: Context, tx: Tx, input: z.output<S>): Promise<R>;
}

export const defineQuery = <S extends z.ZodType, R>(query: ReadQuery<S, R>): ReadQuery<S, R> => query;

/**
 * A record the actor may not see. It answers exactly like a missing one (same status, same message) so nobody can
 * probe for existence, but the runner can still audit the refused read.
 */
export class HiddenRecordError extends NotFoundError {
  constructor(message: string, readonly recordType: string, readonly recordId: string) {
    super(message);
  }
}

/**
 * Validates, then runs the query in one unit of work, so the 'view' audit event is written with the read it records
 * (no read without its audit, no audit of a read that failed). A refusal is audited in its own unit of work.
 */
export async function runQuery<S extends z.ZodType, R>(query: ReadQuery<S, R>, ctx: Context, raw: unknown): Promise<R> {
  const input = parseInput(query.input, raw);
  try {
    return await ctx.store.transaction((tx) => query.run(ctx, tx, input));
  } catch (err) {
    if (err instanceof HiddenRecordError || err instanceof ForbiddenError) {
      const asked = input as { caseId?: string; agencyId?: string };
      const recordType = err instanceof HiddenRecordError ? err.recordType : query.name;
      const recordId = err instanceof HiddenRecordError ? err.recordId : String(asked.caseId ?? asked.agencyId ?? '');
      await ctx.store.transaction((tx) => recordAudit(ctx, tx, { action: 'denied', recordType, recordId, reason: `${query.name}: ${err.message}` }));
    }
    throw err;
  }
}
