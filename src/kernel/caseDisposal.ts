import { retentionDateFor, retentionDue, type RetentionSchedule } from '../domain/retention';
import type { CaseRecord } from '../domain/records';
import type { RemovableKind, Tx } from '../store/port';

/** Why a case may not be disposed of today, or undefined when it may. */
export function disposalBlocker(c: CaseRecord, today: Date): string | undefined {
  if (c.status !== 'closed') return 'Only a closed case can be disposed of.';
  if (c.legalHold) return 'The case is under a legal hold: lift the hold (with its reason) before it can be disposed of.';
  if (!retentionDue(c.retentionDate, today)) return `The case's retention runs until ${c.retentionDate ?? 'a date not yet set'}.`;
  return undefined;
}

export interface CaseDisposalOutcome {
  removed: Record<string, number>;
  kept: Record<string, number>;
}

/**
 * Deletes a case and the records that hang off it, at the versions read: its risk assessments, actions and chronology,
 * and the decisions whose own retention (longer: the decision log) has also run out. Decisions still within theirs,
 * agenda items (the minutes follow the meeting's retention) and the audit trail are kept and counted. On SQLite this is
 * one transaction; on SharePoint each delete is guarded by If-Match, and a rerun after a failure finds only what is left.
 */
export async function disposeOfCase(tx: Tx, c: CaseRecord, today: Date, schedule?: RetentionSchedule): Promise<CaseDisposalOutcome> {
  const byCase = [{ field: 'caseId', op: 'eq' as const, value: c.id }];
  const [assessments, actions, chronology, decisions, agendaItems] = await Promise.all([
    tx.find('riskAssessments', { where: byCase }),
    tx.find('actions', { where: [{ field: 'parentId', op: 'eq', value: c.id }] }),
    tx.find('chronology', { where: byCase }),
    tx.find('decisions', { where: byCase }),
    tx.find('agendaItems', { where: byCase }),
  ]);
  const caseActions = actions.filter((a) => a.parentKind === 'case');
  const dueDecisions = decisions.filter((d) => retentionDue(retentionDateFor('decision', d.decidedAt, schedule), today));
  const removals: [RemovableKind, { id: string; version: number }[]][] = [
    ['riskAssessments', assessments],
    ['actions', caseActions],
    ['chronology', chronology],
    ['decisions', dueDecisions],
  ];
  const removed: Record<string, number> = {};
  for (const [kind, records] of removals) {
    for (const r of records) await tx.remove(kind, r.id, r.version);
    if (records.length) removed[kind] = records.length;
  }
  // The case last: were a SharePoint run cut short, the case is still listed as due and a second approval finishes it.
  await tx.remove('cases', c.id, c.version);
  removed.cases = 1;
  const kept: Record<string, number> = {};
  if (decisions.length > dueDecisions.length) kept.decisions = decisions.length - dueDecisions.length;
  if (agendaItems.length) kept.agendaItems = agendaItems.length;
  return { removed, kept };
}
