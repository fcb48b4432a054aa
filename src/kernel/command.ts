import type { z } from 'zod';
import { ForbiddenError } from '../domain/errors';
import type { Tx } from '../store/port';
import { recordAudit } from './audit';
import type { Context } from './context';
import { HiddenRecordError } from './query';
import { parseInput } from './validation';

/** One use case that changes data. Hosts (API, bot, scheduler) call `execute`, never the store. */
export interface Command<S extends z.ZodType = z.ZodType, R = unknown> {
  name: string;
  summary: string;
  input: S;
  run(ctx: Context, tx: Tx, input: z.output<S>): Promise<R>;
}

export const defineCommand = <S extends z.ZodType, R>(command: Command<S, R>): Command<S, R> => command;

/**
 * Validates, then runs the command in one unit of work: authorise, write, audit, queue notifications.
 * A rejected command changes nothing; a refusal is itself audited, in its own unit of work.
 */
export async function execute<S extends z.ZodType, R>(command: Command<S, R>, ctx: Context, raw: unknown): Promise<R> {
  const input = parseInput(command.input, raw);
  try {
    return await ctx.store.transaction((tx) => command.run(ctx, tx, input));
  } catch (err) {
    // A hidden record answers as a missing one (HiddenRecordError is a NotFoundError), but is audited as refused.
    if (err instanceof HiddenRecordError) {
      await ctx.store.transaction((tx) =>
        recordAudit(ctx, tx, { action: 'denied', recordType: err.recordType, recordId: err.recordId, reason: `${command.name}: ${err.message}` }),
      );
    } else if (err instanceof ForbiddenError) {
      const recordId = String((input as { caseId?: string; actionId?: string }).caseId ?? (input as { actionId?: string }).actionId ?? '');
      await ctx.store.transaction((tx) =>
        recordAudit(ctx, tx, { action: 'denied', recordType: command.name, recordId, reason: err.message }),
      );
    }
    throw err;
  }
}
