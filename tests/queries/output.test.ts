import { z } from 'zod';
import { responseSchemas } from '../../src/contract/responses';
import { recordAudit } from '../../src/kernel/audit';
import { OutputMismatchError } from '../../src/kernel/output';
import { defineQuery, runQuery } from '../../src/kernel/query';
import { queries } from '../../src/queries';
import { apiRoutes as routes } from '../../src/server/routes';
import { createWorld, type World } from '../support/world';

/** What to do when a query has no output schema: the failure message is the instruction. */
const missingOutput = (name: string) =>
  `${name} declares no output schema: add \`output: <zod schema>,\` to its defineQuery in src/queries/${name}.ts ` +
  '(the API answer from src/contract/responses.ts if a route serves it, else a view schema in src/contract/views.ts); ' +
  'runQuery checks every answer against it outside production';

describe('query output schemas', () => {
  it('every query in src/queries/index.ts declares one', () => {
    const missing = Object.entries(queries)
      .filter(([, query]) => !((query as { output?: unknown }).output instanceof z.ZodType))
      .map(([name]) => missingOutput(name));
    expect(missing).toEqual([]);
    expect(Object.keys(queries).length).toBeGreaterThan(20);
  });

  it('each API route that runs a query answers (as JSON) with the schema its query declares', () => {
    const mismatched: string[] = [];
    let checked = 0;
    for (const route of routes) {
      // A route that answers a file (`produces`) sends bytes the host renders from the query's answer, not JSON.
      if (route.produces) continue;
      const op = route.operation;
      const run = op.kind === 'query' ? [op.query] : op.kind === 'queryBy' ? Object.values(op.queries) : [];
      const declared = (responseSchemas as Record<string, z.ZodType | undefined>)[route.operationId];
      for (const query of run) {
        checked += 1;
        if (query.output !== declared) {
          mismatched.push(
            `${route.operationId} (${route.method.toUpperCase()} ${route.path}) runs ${query.name}, whose output is not ` +
              `responseSchemas.${route.operationId}: set \`output\` in src/queries/${query.name}.ts to the schema ` +
              `responseSchemas.${route.operationId} names in src/contract/responses.ts`,
          );
        }
      }
    }
    expect(mismatched).toEqual([]);
    expect(checked).toBeGreaterThan(10);
  });

  describe('runQuery', () => {
    let world: World;
    const env = process.env.NODE_ENV;
    beforeEach(async () => {
      world = await createWorld();
    });
    afterEach(async () => {
      process.env.NODE_ENV = env;
      await world.close();
    });

    /** A read that audits itself, then answers a count where its schema says a string. */
    const drifted = defineQuery({
      name: 'driftedQuery',
      summary: 'answers outside its schema',
      input: z.object({}),
      output: z.object({ ref: z.string() }),
      // The cast stands for a code path that drifted from the contract at run time (a store value, a spread).
      async run(ctx, tx) {
        await recordAudit(ctx, tx, { action: 'view', recordType: 'case', recordId: 'case-1', reason: 'drifted' });
        return { ref: 14 as unknown as string };
      },
    });
    const audited = () => world.store.transaction((tx) => tx.find('audit'));

    it('outside production refuses an answer outside the schema, naming the query and the field, and keeps no audit of it', async () => {
      process.env.NODE_ENV = 'test';
      const before = (await audited()).length;
      const answer = runQuery(drifted, world.ctx('coordinator'), {});
      await expect(answer).rejects.toThrow(OutputMismatchError);
      await expect(runQuery(drifted, world.ctx('coordinator'), {})).rejects.toThrow(/driftedQuery answered outside its output schema[\s\S]*ref/);
      expect((await audited()).length).toBe(before);
    });

    it('in production answers untouched (the tests have proved the shapes)', async () => {
      process.env.NODE_ENV = 'production';
      await expect(runQuery(drifted, world.ctx('coordinator'), {})).resolves.toEqual({ ref: 14 });
    });

    it('an answer inside the schema comes back as the query returned it', async () => {
      process.env.NODE_ENV = 'test';
      await expect(runQuery(queries.listAgencies, world.ctx('coordinator'), {})).resolves.toEqual(
        expect.arrayContaining([expect.objectContaining({ id: 'ag-police', shortName: 'Police' })]),
      );
    });
  });

  it('a query whose result type does not fit its output schema does not compile', () => {
    const wrong = defineQuery({
      name: 'wrongType',
      summary: 'a number where the schema says a string',
      input: z.object({}),
      output: z.object({ ref: z.string() }),
      // @ts-expect-error the answer's type must satisfy the declared output schema
      run: async () => ({ ref: 14 }),
    });
    expect(wrong.name).toBe('wrongType');
  });
});
