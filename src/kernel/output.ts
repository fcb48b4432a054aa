import { z } from 'zod';

/**
 * A use case answered something its declared output schema does not describe: a programming error (the contract in
 * src/contract and the code disagree), never the caller's fault. Thrown only outside production.
 */
export class OutputMismatchError extends Error {
  constructor(useCase: string, error: z.ZodError) {
    super(`${useCase} answered outside its output schema:\n${z.prettifyError(error)}`);
    this.name = 'OutputMismatchError';
  }
}

/**
 * Checks a use case's result against its output schema outside production, so tests fail loudly where the contract
 * and the code drift apart; production skips the check (its cost is paid on every answer, and the tests have proved
 * the shapes). The result itself is returned untouched, so what a caller gets never depends on the environment.
 */
export function checkOutput<T>(useCase: string, schema: z.ZodType, result: T): T {
  if (process.env.NODE_ENV === 'production') return result;
  const parsed = schema.safeParse(result);
  if (!parsed.success) throw new OutputMismatchError(useCase, parsed.error);
  return result;
}
