import { ForbiddenError } from '../../src/domain/errors';
import { allRecords, snapshot, withoutAudit } from './cases';
import type { World } from './world';

const deniedCount = async (world: World) => (await allRecords(world, 'audit')).filter((a) => a.action === 'denied').length;

/**
 * Runs a command that must be refused with `type`, and proves the refusal changed nothing: every watched row count and
 * record version is as before. A ForbiddenError leaves exactly one more audit event, the 'denied' one.
 */
export async function expectRefused<E extends Error>(
  world: World,
  run: () => Promise<unknown>,
  type: new (...args: never[]) => E,
): Promise<E> {
  const before = await snapshot(world);
  const deniedBefore = await deniedCount(world);
  const err = await run().then(
    () => new Error('expected the command to be refused, but it succeeded'),
    (e: unknown) => e,
  );
  expect(err).toBeInstanceOf(type);
  const after = await snapshot(world);
  if ((type as unknown) === ForbiddenError) {
    expect(withoutAudit(after)).toEqual(withoutAudit(before));
    expect(after.audit).toBe(Number(before.audit) + 1);
    expect(await deniedCount(world)).toBe(deniedBefore + 1);
  } else {
    expect(after).toEqual(before);
  }
  return err as E;
}

/** The fields a ValidationError names. */
export const fieldsOf = (err: { problems?: { field: string }[] }): string[] => (err.problems ?? []).map((p) => p.field);
