import type { z } from 'zod';
import { ForbiddenError } from '../domain/errors';
import type { Tx } from '../store/port';
import { recordAudit } from './audit';
import type { Context } from './context';
import { checkOutput } from './output';
import { HiddenRecordError } from './query';
import { parseInput } from './validation';

/**
 * One use case that changes data. Hosts (API, bot, scheduler) call `execute`, never the store. `output` is the schema
 * of its answer, from the API contract (src/contract): the result's type must satisfy it (R defaults to the schema's
 * type; a use case may answer a narrower record type, as the domain's records are), and `execute` checks the result
 * against it outside production.
 */
export interface Command<S extends z.ZodType = z.ZodType, O extends z.ZodType = z.ZodType, R extends z.output<O> = z.output<O>> {
  name: string;
  summary: string;
  input: S;
  output: O;
  run(ctx: Context, tx: Tx, input: z.output<S>): Promise<R>;
}

export const defineCommand = <S extends z.ZodType, O extends z.ZodType, R extends z.output<O>>(
  command: Command<S, O, R>,
): Command<S, O, R> => command;

/**
 * Validates, then runs the command in one unit of work: authorise, write, audit, queue notifications.
 * A rejected command changes nothing; a refusal is itself audited, in its own unit of work.
 */
export async function execute<S extends z.ZodType, O extends z.ZodType, R extends z.output<O>>(
  command: Command<S, O, R>,
  ctx: Context,
  raw: unknown,
): Promise<R> {
  const input = parseInput(command.input, raw);
  try {
    // Checked inside the unit of work: an answer outside the contract rolls its writes back.
    return await ctx.store.transaction(async (tx) => checkOutput(command.name, command.output, await command.run(ctx, tx, input)));
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
