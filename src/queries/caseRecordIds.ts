import type { Tx } from '../store/port';

/** The ids of every record that belongs to a case, whose audit events belong in the case's trail. */
export async function caseChildIds(tx: Tx, caseId: string): Promise<string[]> {
  const byCase = { where: [{ field: 'caseId', op: 'eq' as const, value: caseId }] };
  const lists = await Promise.all([
    tx.find('actions', { where: [{ field: 'parentId', op: 'eq', value: caseId }] }),
    tx.find('chronology', byCase),
    tx.find('decisions', byCase),
    tx.find('riskAssessments', byCase),
  ]);
  return lists.flat().map((r) => r.id);
}
