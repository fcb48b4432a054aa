import type { AgendaSources } from '../domain/agenda';
import { LIVE_CASE_STATUSES } from '../domain/enums';
import type { ActionRecord, CaseRecord } from '../domain/records';
import { londonDate } from '../domain/time';
import type { Tx } from '../store/port';
import { findIn } from './findIn';
import { openActions } from './overdueScan';

/** What the agenda builder is given from the records (the meeting, minutes and any other business are the caller's). */
export type AgendaCandidates = Pick<AgendaSources, 'listedReferrals' | 'liveCases' | 'actions' | 'closureProposals'>;

/** Every closure proposal has a date after this: "has a proposal", as an index range. */
const ANY_PROPOSAL = '1900-01-01T00:00:00.000Z';

const isLive = (c: CaseRecord) => LIVE_CASE_STATUSES.includes(c.status);

/**
 * The records that can make an agenda item, and no others: each read leads with a condition only those records meet,
 * so what it costs grows with the agenda, not with the cases and actions the partnership has held over the years
 * (and SharePoint never sees a lead past its 5,000-item threshold, as "every open case" would be on a busy list):
 * - listed referrals and escalated cases: all of them go on the agenda;
 * - open cases whose review falls due by the meeting's day (SharePoint: the live cases' review-date index);
 * - closure proposals (the proposal's date index; a proposal left on a case closed otherwise is dropped here);
 * - open actions due before the meeting's day (the open actions' due-date index), and the live cases they belong to,
 *   read by id, fifty to a request, together.
 * A live case that meets none of these would make no item, so the builder's result is the same as from every case.
 */
export async function agendaCandidates(tx: Tx, meetingStartsAt: string): Promise<AgendaCandidates> {
  const meetingDay = londonDate(new Date(meetingStartsAt));
  // All at once: on SharePoint they go out together.
  const [listed, escalated, reviewsDue, proposed, actions] = await Promise.all([
    tx.find('cases', { where: [{ field: 'status', op: 'eq', value: 'listed' }] }),
    tx.find('cases', { where: [{ field: 'status', op: 'eq', value: 'escalated' }] }),
    tx.find('cases', { where: [{ field: 'status', op: 'eq', value: 'open' }, { field: 'nextReviewDate', op: 'le', value: meetingDay }] }),
    tx.find('cases', { where: [{ field: 'closureProposal.proposedAt', op: 'ge', value: ANY_PROPOSAL }] }),
    // Only actions overdue at the meeting's start make an item: the open ones due before its London day.
    openActions(tx, [{ field: 'dueDate', op: 'lt', value: meetingDay }]),
  ]);
  const live = new Map<string, CaseRecord>();
  for (const c of [...escalated, ...reviewsDue, ...proposed]) if (isLive(c)) live.set(c.id, c);
  const caseActions = actions.filter((a) => a.parentKind === 'case');
  const missing = [...new Set(caseActions.map((a) => a.parentId))].filter((id) => !live.has(id));
  for (const c of await findIn(tx, 'cases', 'id', missing)) if (isLive(c)) live.set(c.id, c);
  const liveCases = [...live.values()].sort((a, b) => (a.id < b.id ? -1 : 1));
  return {
    listedReferrals: listed,
    liveCases,
    actions: caseActions.filter((a: ActionRecord) => live.has(a.parentId)),
    closureProposals: liveCases.filter((c) => c.closureProposal).map((c) => ({ caseId: c.id })),
  };
}
