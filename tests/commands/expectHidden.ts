import { NotFoundError } from '../../src/domain/errors';
import { ACTION_NOT_FOUND } from '../../src/kernel/actionSubject';
import { CASE_NOT_FOUND } from '../../src/kernel/caseAccess';
import { HiddenRecordError } from '../../src/kernel/query';
import { allRecords, snapshot, withoutAudit } from '../support/cases';
import type { World } from '../support/world';

const denied = async (world: World) => (await allRecords(world, 'audit')).filter((a) => a.action === 'denied');

/**
 * Runs a command on a record the actor may not read, and proves it answered exactly as for a missing record (a
 * NotFoundError with the one "not found, or not permitted" sentence), changed nothing, and audited the refusal as
 * `denied` against the hidden record.
 */
export async function expectHidden(
  world: World,
  run: () => Promise<unknown>,
  record: { type: 'case' | 'action'; id: string },
): Promise<void> {
  const before = await snapshot(world);
  const deniedBefore = new Set((await denied(world)).map((a) => a.id));
  const err = await run().then(
    () => new Error('expected the command to answer as for a missing record, but it succeeded'),
    (e: unknown) => e,
  );
  expect(err).toBeInstanceOf(NotFoundError);
  expect(err).toBeInstanceOf(HiddenRecordError);
  expect((err as Error).message).toBe(record.type === 'case' ? CASE_NOT_FOUND : ACTION_NOT_FOUND);
  const after = await snapshot(world);
  expect(withoutAudit(after)).toEqual(withoutAudit(before));
  const added = (await denied(world)).filter((a) => !deniedBefore.has(a.id));
  expect(added).toEqual([expect.objectContaining({ recordType: record.type, recordId: record.id })]);
}
