import { z } from 'zod';
import { commands } from '../../src/commands';
import { responseSchemas } from '../../src/contract/responses';
import { checkOutput, OutputMismatchError } from '../../src/kernel/output';
import { apiRoutes as routes } from '../../src/server/routes';

describe('command output schemas', () => {
  it('every command declares one, and each API route answers with the schema its command declares', () => {
    for (const [name, command] of Object.entries(commands)) expect([name, command.output instanceof z.ZodType]).toEqual([name, true]);
    const commandRoutes = routes.filter((r) => r.operation.kind === 'command');
    expect(commandRoutes.length).toBeGreaterThan(0);
    for (const route of commandRoutes) {
      if (route.operation.kind !== 'command') continue;
      const declared = (responseSchemas as Record<string, z.ZodType | undefined>)[route.operationId];
      expect([route.operationId, declared]).toEqual([route.operationId, route.operation.command.output]);
    }
  });

  describe('checkOutput', () => {
    const schema = z.object({ id: z.string(), version: z.number().int() });
    const env = process.env.NODE_ENV;
    afterEach(() => {
      process.env.NODE_ENV = env;
    });

    it('outside production refuses an answer outside the schema, naming the use case and the field', () => {
      process.env.NODE_ENV = 'test';
      expect(() => checkOutput('closeCase', schema, { id: 'case-1', version: 'two' })).toThrow(OutputMismatchError);
      expect(() => checkOutput('closeCase', schema, { id: 'case-1', version: 'two' })).toThrow(/closeCase answered outside its output schema[\s\S]*version/);
    });

    it('returns the answer itself (extra fields kept), so callers get the same in every environment', () => {
      process.env.NODE_ENV = 'test';
      const answer = { id: 'case-1', version: 2, extra: true };
      expect(checkOutput('closeCase', schema, answer)).toBe(answer);
    });

    it('skips the check in production', () => {
      process.env.NODE_ENV = 'production';
      const wrong = { id: 'case-1', version: 'two' };
      expect(checkOutput('closeCase', schema, wrong)).toBe(wrong);
    });
  });
});
