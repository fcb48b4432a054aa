import type { z } from 'zod';
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
      const result = await query.run(ctx, tx, input);
      await recordAudit(ctx, tx, { action: 'view', recordType, recordId: query.name, change: { count: countOf(result) } });
      return result;
    },
  };
}
