import { z } from 'zod';
import type { RiskCategory } from '../domain/enums';
import { can } from '../policies';
import type { ActionItem } from './actionItems';
import { listMyActions } from './listMyActions';
import { oldestFirst, screenableCases } from './listScreeningQueue';
import { type NextMeetingView, nextMeeting } from './nextMeeting';
import { defineQuery } from '../kernel/query';
import { homeSchema } from '../contract/meetings';

/** The most actions the home page lists; the Actions page has the rest. */
export const HOME_ACTIONS_LIMIT = 20;
/** The most referrals awaiting the agency's answer the home page lists (oldest first); it says how many there are. */
export const HOME_AWAITING_LIMIT = 20;

/** A new referral the actor's agency has not yet said whether it knows: reference and initials only. */
export interface AwaitingItem {
  id: string;
  ref: string;
  initials: string;
  riskCategories: RiskCategory[];
  referrerAgencyId: string;
  receivedAt: string;
  /** Whether the actor may answer "known to us?" now (policy and state together). */
  can: { recordInvolvement: boolean };
}

export interface HomeView {
  /** The actor's unfinished actions, overdue first, at most HOME_ACTIONS_LIMIT. */
  myActions: ActionItem[];
  /** Referrals awaiting screening that the actor's agency has not answered (excluding its own referrals), oldest first, at most HOME_AWAITING_LIMIT. */
  awaitingMyAgency: AwaitingItem[];
  awaitingTotal: number;
  nextMeeting: NextMeetingView;
}

/** The home page in one call: what I must do, what my agency must answer, and the next panel. Not audited (no personal data beyond initials). */
export const getHome = defineQuery({
  name: 'getHome',
  summary: 'Home: my actions (overdue first), new referrals awaiting my agency\'s answer, and the next panel',
  output: homeSchema,
  input: z.object({}),
  async run(ctx, tx): Promise<HomeView> {
    const agencyId = ctx.actor.member.agencyId;
    const myActions = (await listMyActions.run(ctx, tx, { includeFinished: false })).slice(0, HOME_ACTIONS_LIMIT);

    const awaitingMyAgency: AwaitingItem[] = [];
    for (const c of await screenableCases(tx)) {
      if (c.referrerAgencyId === agencyId || c.involvements.some((i) => i.agencyId === agencyId)) continue;
      if (!can(ctx.actor, 'readSummary', 'case', c)) continue;
      awaitingMyAgency.push({
        id: c.id,
        ref: c.ref,
        initials: c.initials,
        riskCategories: c.riskCategories,
        referrerAgencyId: c.referrerAgencyId,
        receivedAt: c.receivedAt ?? c.createdAt,
        can: { recordInvolvement: can(ctx.actor, 'recordInvolvement', 'case', c) },
      });
    }

    const next = can(ctx.actor, 'read', 'meeting', null) ? await nextMeeting.run(ctx, tx, {}) : null;
    // A backlog of thousands must not become a page of thousands: the oldest few, and the count.
    return {
      myActions, awaitingMyAgency: awaitingMyAgency.sort(oldestFirst).slice(0, HOME_AWAITING_LIMIT), awaitingTotal: awaitingMyAgency.length, nextMeeting: next,
    };
  },
});
