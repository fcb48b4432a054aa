import { createHash } from 'node:crypto';
import { ACTION_STATUSES, type ActionStatus, type CaseStatus, FINISHED_ACTION_STATUSES } from '../../domain/enums';
import { ACTION_STATUS_LABELS } from '../../domain/labels';
import type { ActionRecord, Agency, Member } from '../../domain/records';
import { londonTimeOn } from '../../domain/time';
import { byLabel, type CellReader, looseKey, parseDate } from './importCells';

/**
 * The action half of an import row: a past action (what, which agency or owner, due, open or done) on the case the
 * row's reference names, judged against the partnership's agencies and members. An imported action's identity is
 * its case, its wording and its due date, so the same action imported again is found, never made twice.
 */

/** The case an action row attaches to, as far as the import knows it. */
export interface ActionTarget { caseId: string; status: CaseStatus; ref: string }

export type PlannedActionRecord = Omit<ActionRecord, 'version' | 'id'>;

/** Cases that have been accepted carry actions; a referral still waiting, declined or withdrawn has none. */
const CASES_WITH_ACTIONS: readonly CaseStatus[] = ['open', 'escalated', 'closed'];

/** "open" and "done" as logs say it, or any of the panel's action statuses by key or label. */
function actionStatusOf(text: string): ActionStatus | undefined {
  if (looseKey(text) === 'open') return 'not_started';
  if (['done', 'complete'].includes(looseKey(text))) return 'completed';
  return byLabel(ACTION_STATUSES, ACTION_STATUS_LABELS, text);
}

export const importedActionId = (caseId: string, description: string, dueDate: string): string =>
  `imported-action-${createHash('sha256').update(`${caseId}\n${looseKey(description)}\n${dueDate}`).digest('hex').slice(0, 24)}`;

export interface ActionDirectory {
  agencyOf(text: string): Agency | undefined;
  members: readonly Member[];
  today: string;
  nowIso: string;
  importerId: string;
}

/**
 * Judges a row's action fields. `target` is the case the row names (undefined when that is already refused with
 * its reason). Returns the reasons it is refused, or the record it becomes (its id derived as above).
 */
export function judgeActionPart(
  get: CellReader, target: ActionTarget | undefined, dir: ActionDirectory,
): { reasons: string[]; action?: { id: string; record: PlannedActionRecord } } {
  const reasons: string[] = [];
  const description = get('actionDescription');
  if (description.length > 1000) reasons.push('actionDescription is longer than 1,000 characters');
  const dueText = get('actionDueDate');
  const due = dueText ? parseDate(dueText) : undefined;
  if (!dueText) reasons.push('actionDueDate is empty');
  else if (!due) reasons.push(`actionDueDate "${dueText}" is not a date (2025-03-14 or 14/03/2025)`);
  const statusText = get('actionStatus');
  const status = statusText ? actionStatusOf(statusText) : undefined;
  if (!statusText) reasons.push('actionStatus is empty (open or done)');
  else if (!status) reasons.push(`actionStatus "${statusText}" is not open, done or one of the panel's action statuses`);
  const finished = status !== undefined && FINISHED_ACTION_STATUSES.includes(status);
  const completedText = get('actionCompletedDate');
  const completed = completedText ? parseDate(completedText) : undefined;
  if (completedText && !completed) reasons.push(`actionCompletedDate "${completedText}" is not a date`);
  if (completed && completed > dir.today) reasons.push('actionCompletedDate is in the future');
  if (finished && !completedText) reasons.push('a finished action needs its actionCompletedDate');
  if (status && !finished && completedText) reasons.push('actionCompletedDate is given but the action is still open');

  // Who answers for it: the member named by email (their agency), or the named agency's lead.
  const email = get('actionOwnerEmail');
  const agencyText = get('actionAgency');
  const agency = agencyText ? dir.agencyOf(agencyText) : undefined;
  if (agencyText && !agency) reasons.push(`no member agency called "${agencyText}"`);
  let owner: Member | undefined;
  if (email) {
    owner = dir.members.find((m) => m.email.toLowerCase() === email.toLowerCase());
    if (!owner) reasons.push(`no member with the email ${email}`);
    else if (agency && owner.agencyId !== agency.id) reasons.push(`${email} is not a member of ${agency.shortName}`);
  } else if (agency) {
    owner = dir.members.find((m) => m.agencyId === agency.id && m.agencyLead && m.active);
    if (!owner) reasons.push(`${agency.shortName} has no agency lead to own the action: give actionOwnerEmail`);
  } else if (!agencyText) reasons.push('an action needs its actionAgency or actionOwnerEmail');
  // A past action may have been done by someone who has since left; one still open needs someone to chase.
  if (owner && !owner.active && status && !finished) reasons.push(`${email || 'the owner'} is no longer an active member: an open action needs a current owner`);

  if (target) {
    if (!CASES_WITH_ACTIONS.includes(target.status)) reasons.push(`case ${target.ref} is ${target.status}: only open or closed cases have actions`);
    else if (target.status === 'closed' && status && !finished) reasons.push(`case ${target.ref} is closed: its actions must be finished (done, not done or cancelled)`);
  }
  if (reasons.length || !target || !owner || !due || !status) return { reasons };
  return {
    reasons,
    action: {
      id: importedActionId(target.caseId, description, due),
      record: {
        parentKind: 'case', parentId: target.caseId, description, successMeasure: '', ownerId: owner.id, agencyId: owner.agencyId, dueDate: due,
        status, createdAt: dir.nowIso, createdById: dir.importerId, progress: [], dueDateChanges: [],
        // The log says when it was finished, not who recorded it: the coordinator who imports answers for the record.
        ...(finished ? { completedAt: londonTimeOn(completed!, '12:00').toISOString(), completedById: dir.importerId } : {}),
      },
    },
  };
}
