import { z } from 'zod';
import type { CaseStatus, MeetingStatus, RiskCategory } from '../domain/enums';
import { ForbiddenError } from '../domain/errors';
import type { CaseRecord } from '../domain/records';
import { adultKeys, earlierReferral, repeatLookBackInstant } from '../domain/repeatReferral';
import { type ScreeningAbilities, can, presentScreening } from '../policies';
import { MAX_IN_VALUES, type Tx } from '../store/port';
import { todayOf } from './actionItems';
import { caseAccess } from '../kernel/caseAccess';
import { defineQuery } from '../kernel/query';
import { screeningQueueSchema } from '../contract/cases';

/** Referrals waiting to be screened: submitted and not yet accepted, declined or withdrawn (a draft is its author's). */
export const SCREENABLE_STATUSES: readonly CaseStatus[] = ['submitted', 'info_requested', 'listed', 'deferred'];

export interface ScreeningQueueItem {
  id: string;
  ref: string;
  status: CaseStatus;
  initials: string;
  riskCategories: RiskCategory[];
  referrerAgencyId: string;
  receivedAt: string;
  /** Whole days since the referral was received (UTC dates). */
  daysWaiting: number;
  /** Present while the referral waits for the referrer's answer. */
  infoRequest?: { question: string; byMemberId: string; at: string };
  /** How many agencies have said whether the adult is known to them. */
  answeredAgencies: number;
  /** The upcoming panel (planned or agenda published) whose agenda has this referral. */
  listedMeetingId?: string;
  /**
   * The adult was referred in the 12 months before (src/domain/repeatReferral.ts): the earlier case's id and reference
   * when the actor may open it, an empty object ("referred before") when they may not.
   */
  repeatOf?: { caseId?: string; ref?: string };
  /** The screening buttons this actor may press on it now (policy and state together). */
  can: ScreeningAbilities;
}

const UPCOMING: readonly MeetingStatus[] = ['planned', 'agenda_published'];
const DAY_MS = 86_400_000;

/** Cases in the screenable statuses, each status an indexed read. */
export async function screenableCases(tx: Tx): Promise<CaseRecord[]> {
  const lists = await Promise.all(SCREENABLE_STATUSES.map((status) => tx.find('cases', { where: [{ field: 'status', op: 'eq', value: status }] })));
  return lists.flat();
}

/** Case id → the earliest upcoming meeting with a new-referral agenda item for it. */
async function upcomingListings(tx: Tx, today: string): Promise<Map<string, string>> {
  const meetings = (await tx.find('meetings', { where: [{ field: 'startsAt', op: 'ge', value: today }], orderBy: { field: 'startsAt', direction: 'asc' } }))
    .filter((m) => UPCOMING.includes(m.status));
  const listed = new Map<string, string>();
  for (const m of meetings) {
    for (const item of await tx.find('agendaItems', { where: [{ field: 'meetingId', op: 'eq', value: m.id }] })) {
      if (item.kind === 'new_referral' && item.caseId && !listed.has(item.caseId)) listed.set(item.caseId, m.id);
    }
  }
  return listed;
}

/**
 * Case id → the most recent earlier referral of the same adult within 12 months, for each referral given. One indexed
 * read of the adults' lookup keys (in chunks the store accepts), bounded by the earliest look-back.
 */
export async function earlierReferrals(tx: Tx, referrals: readonly CaseRecord[]): Promise<Map<string, CaseRecord>> {
  const found = new Map<string, CaseRecord>();
  const received = referrals.filter((c) => c.receivedAt);
  const keys = [...new Set(received.flatMap((c) => adultKeys(c.adult)))];
  if (!keys.length) return found;
  const from = received.map((c) => repeatLookBackInstant(c.receivedAt!)).sort()[0]!;
  const byKey = new Map<string, CaseRecord[]>();
  for (let i = 0; i < keys.length; i += MAX_IN_VALUES) {
    const chunk = keys.slice(i, i + MAX_IN_VALUES);
    const candidates = await tx.find('cases', { where: [{ field: 'adultKeys', op: 'in', value: chunk }, { field: 'receivedAt', op: 'ge', value: from }] });
    for (const c of candidates) for (const k of adultKeys(c.adult)) byKey.set(k, [...(byKey.get(k) ?? []), c]);
  }
  for (const c of received) {
    const earlier = earlierReferral(c, adultKeys(c.adult).flatMap((k) => byKey.get(k) ?? []));
    if (earlier) found.set(c.id, earlier);
  }
  return found;
}

/** Oldest first, then by reference for a stable order. */
export const oldestFirst = (a: { receivedAt: string; ref: string }, b: { receivedAt: string; ref: string }): number =>
  a.receivedAt < b.receivedAt ? -1 : a.receivedAt > b.receivedAt ? 1 : a.ref < b.ref ? -1 : a.ref > b.ref ? 1 : 0;

/**
 * The coordinators' screening queue: every referral awaiting screening that the actor may see, oldest first.
 * References, initials and categories only (as on shared surfaces), so listing it is not audited; opening a case is.
 */
export const listScreeningQueue = defineQuery({
  name: 'listScreeningQueue',
  summary: 'Referrals awaiting screening, oldest first (coordinators and chairs)',
  output: screeningQueueSchema,
  input: z.object({}),
  async run(ctx, tx): Promise<ScreeningQueueItem[]> {
    if (!can(ctx.actor, 'readScreeningQueue', 'partnership', null)) throw new ForbiddenError('Only coordinators and the chair can see the screening queue.');
    const today = todayOf(ctx.now());
    const [cases, listed] = await Promise.all([screenableCases(tx), upcomingListings(tx, today)]);
    // A chair does not see a restricted referral they may not read.
    const visible = cases.filter((c) => caseAccess(ctx.actor, c));
    const repeats = await earlierReferrals(tx, visible);
    const items: ScreeningQueueItem[] = [];
    for (const c of visible) {
      const earlier = repeats.get(c.id);
      const receivedAt = c.receivedAt ?? c.createdAt;
      const meetingId = listed.get(c.id);
      items.push({
        id: c.id,
        ref: c.ref,
        status: c.status,
        initials: c.initials,
        riskCategories: c.riskCategories,
        referrerAgencyId: c.referrerAgencyId,
        receivedAt,
        daysWaiting: Math.max(0, Math.round((Date.parse(today) - Date.parse(receivedAt.slice(0, 10))) / DAY_MS)),
        ...(c.infoRequest ? { infoRequest: c.infoRequest } : {}),
        answeredAgencies: new Set(c.involvements.map((i) => i.agencyId)).size,
        ...(meetingId ? { listedMeetingId: meetingId } : {}),
        // An earlier case the actor may not open is "referred before", without its reference.
        ...(earlier ? { repeatOf: caseAccess(ctx.actor, earlier) === 'full' ? { caseId: earlier.id, ref: earlier.ref } : {} } : {}),
        can: presentScreening(ctx.actor, c),
      });
    }
    return items.sort(oldestFirst);
  },
});
