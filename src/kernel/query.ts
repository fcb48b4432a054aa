import type { z } from 'zod';
import { recordAudit } from './audit';
import type { Context } from './context';
import { checkOutput } from './output';
import { parseInput } from './validation';
import { ForbiddenError, NotFoundError } from '../domain/errors';
import type { Kind, ReadTx, Store, Tx } from '../store/port';

/**
 * One read model. Hosts (API, bot, tab helpers) call `runQuery`, never the store. `output` is the schema of its answer,
 * as for a command: from the API contract (src/contract/responses.ts) when the API serves it, from
 * src/contract/views.ts for the views only the bot and the cards read. The result's type must satisfy it, and
 * `runQuery` checks the result against it outside production.
 */
export interface ReadQuery<S extends z.ZodType = z.ZodType, O extends z.ZodType = z.ZodType, R extends z.output<O> = z.output<O>> {
  name: string;
  summary: string;
  input: S;
  output: O;
  run(ctx: Context, tx: Tx, input: z.output<S>): Promise<R>;
}

export const defineQuery = <S extends z.ZodType, O extends z.ZodType, R extends z.output<O>>(
  query: ReadQuery<S, O, R>,
): ReadQuery<S, O, R> => query;

/**
 * A record the actor may not see. It answers exactly like a missing one (same status, same message) so nobody can
 * probe for existence, but the runner can still audit the refused read.
 */
export class HiddenRecordError extends NotFoundError {
  constructor(message: string, readonly recordType: string, readonly recordId: string) {
    super(message);
  }
}

const isTx = (tx: ReadTx): tx is Tx => typeof (tx as Partial<Tx>).append === 'function';

/**
 * Runs a read model's unit of work so that its reads do not queue behind writes (SQLite: a WAL read connection),
 * while anything it writes (its audit event) still lands before the answer leaves: the first write opens one short
 * write transaction, later reads go through it (so the unit sees its own writes), and it commits when the work ends
 * (rolled back if the work throws: no audit of a read that failed, no answer without its audit).
 * A store without a separate read path runs the whole unit as one transaction, as before.
 */
export async function readUnit<T>(store: Store, work: (tx: Tx) => Promise<T>): Promise<T> {
  if (!store.read) return store.transaction(work);
  return store.read(async (reader) => {
    // An in-memory SQLite database has one connection: its read unit is already the writer's transaction.
    if (isTx(reader)) return work(reader);
    let writer: Promise<Tx> | undefined;
    let settle: ((failure?: unknown) => void) | undefined;
    let committed: Promise<unknown> | undefined;
    const openWriter = (): Promise<Tx> => {
      writer ??= new Promise<Tx>((resolve, reject) => {
        committed = store.transaction(
          (wtx) =>
            new Promise((done, fail) => {
              settle = (failure) => (failure === undefined ? done(undefined) : fail(failure));
              resolve(wtx);
            }),
        );
        committed.catch(reject);
      });
      return writer;
    };
    // Counters (sequences, the audit chain's head) are read only to be written: they are read in the write transaction.
    const reading = (kind: Kind): Promise<ReadTx> => (kind === 'counters' ? openWriter() : (writer ?? Promise.resolve(reader)));
    const tx: Tx = {
      get: async (kind, id) => (await reading(kind)).get(kind, id),
      find: async (kind, query) => (await reading(kind)).find(kind, query),
      count: async (kind, query) => (await reading(kind)).count(kind, query),
      insert: async (kind, record) => (await openWriter()).insert(kind, record),
      update: async (kind, record) => (await openWriter()).update(kind, record),
      append: async (kind, record) => (await openWriter()).append(kind, record),
      nextSequence: async (name) => (await openWriter()).nextSequence(name),
      remove: async (kind, id, version) => (await openWriter()).remove(kind, id, version),
    };
    const finish = async (failure?: unknown): Promise<void> => {
      if (!writer) return;
      await writer.catch(() => undefined);
      settle?.(failure);
      await committed;
    };
    let result: T;
    try {
      result = await work(tx);
    } catch (err) {
      await finish(err ?? new Error('read unit failed')).catch(() => undefined);
      throw err;
    }
    await finish();
    return result;
  });
}

/**
 * Validates, then runs the query in one unit of work, so the 'view' audit event is written with the read it records
 * (no read without its audit, no audit of a read that failed). A refusal is audited in its own unit of work.
 */
export async function runQuery<S extends z.ZodType, O extends z.ZodType, R extends z.output<O>>(
  query: ReadQuery<S, O, R>,
  ctx: Context,
  raw: unknown,
): Promise<R> {
  const input = parseInput(query.input, raw);
  try {
    // Reads on the store's read path (they do not queue behind writes); the audit event still commits first.
    // Checked inside the unit: an answer outside the contract is a failed read, so its audit event rolls back too.
    return await readUnit(ctx.store, async (tx) => checkOutput(query.name, query.output, await query.run(ctx, tx, input)));
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
