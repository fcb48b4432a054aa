import type { z } from 'zod';
import { readChainHead } from '../audit/chain';
import { recordAudit } from './audit';
import type { ReadQuery } from './query';

/**
 * A list read model whose every read is audited: one 'view' event per request (the list's kind and how many records
 * it returned; never the filters, which can hold a name typed in a search box), in the read's own unit of work, so
 * there is no list shown without its audit. Wraps the query where the hosts look it up (src/queries/index.ts).
 */
export function auditedList<S extends z.ZodType, O extends z.ZodType, R extends z.output<O>>(
  query: ReadQuery<S, O, R>,
  recordType: string,
  countOf: (result: R) => number,
): ReadQuery<S, O, R> {
  return {
    ...query,
    async run(ctx, tx, input) {
      // Where every read is a round trip (SharePoint: a store with no separate read path), the chain's head is read
      // alongside the list's first read instead of after it. Not on SQLite: reading the head opens the writer there,
      // which would hold writes back for the whole read.
      const headRead = ctx.store.read ? undefined : readChainHead(tx);
      // Its failure is handled where it is awaited (read again); never an unhandled rejection meanwhile.
      headRead?.catch(() => undefined);
      const result = await query.run(ctx, tx, input);
      await recordAudit(ctx, tx, { action: 'view', recordType, recordId: query.name, change: { count: countOf(result) } }, headRead);
      return result;
    },
  };
}
