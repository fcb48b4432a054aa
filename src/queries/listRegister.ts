import { z } from 'zod';
import { id } from '../kernel/validation';
import { CASE_STATUSES, LIVE_CASE_STATUSES, RISK_LEVELS, type CaseStatus, type RiskLevel } from '../domain/enums';
import type { CaseRecord } from '../domain/records';
import type { Condition } from '../store/port';
import { overdueOf, todayOf } from './actionItems';
import { type CaseAccess, caseAccess } from '../kernel/caseAccess';
import { defineQuery } from '../kernel/query';
import { type Actor, type CaseAbilities, presentCase } from '../policies';
import { booleanParam, intParam, optionalParam } from './queryString';

export const REGISTER_SORTS = ['ref', 'receivedAt', 'status', 'riskLevel', 'nextReviewDate'] as const;
export type RegisterSort = (typeof REGISTER_SORTS)[number];
/** A case is due for review when its next review date falls within this many days (or has passed). */
export const REVIEW_DUE_WITHIN_DAYS = 14;

export interface RegisterItem {
  id: string;
  ref: string;
  initials: string;
  referrerAgencyId: string;
  /** Present on full items only (surface rule 1): a summary item never carries status, dates, lead, risk or review. */
  status?: CaseStatus;
  receivedAt?: string;
  riskLevel?: RiskLevel;
  leadAgencyId?: string;
  leadProfessionalId?: string;
  nextReviewDate?: string;
  /** Overdue actions on the case; always 0 on summary items (the plan is not theirs to see). */
  overdueActions: number;
  access: CaseAccess;
  /** What the actor may do with the case now (policy and state together). */
  can: CaseAbilities;
}

export interface RegisterPage {
  items: RegisterItem[];
  total: number;
  page: number;
  pageSize: number;
}

const registerInput = z
  .object({
    status: optionalParam(z.enum(CASE_STATUSES)),
    agencyId: optionalParam(id),
    riskLevel: optionalParam(z.enum(RISK_LEVELS)),
    leadProfessionalId: optionalParam(id),
    reviewDue: booleanParam,
    q: optionalParam(z.string().trim().max(100, 'must be at most 100 characters')),
    sort: optionalParam(z.enum(REGISTER_SORTS, { message: `must be one of ${REGISTER_SORTS.join(', ')}` })),
    order: optionalParam(z.enum(['asc', 'desc'], { message: 'must be asc or desc' })),
    page: intParam(1, 100_000, 1),
    pageSize: intParam(1, 200, 50),
  })
  .strip();

const DAY_MS = 86_400_000;
const alnum = (s: string) => s.toLowerCase().replace(/[^a-z0-9]/g, '');

/** Sort keys; undefined sorts last whichever the order, so blanks never crowd the top of the register. */
function sortKey(item: RegisterItem, sort: RegisterSort): string | number | undefined {
  switch (sort) {
    case 'ref':
      return item.ref;
    case 'receivedAt':
      return item.receivedAt;
    case 'status':
      return item.status === undefined ? undefined : CASE_STATUSES.indexOf(item.status); // lifecycle order, not alphabetical
    case 'riskLevel':
      return item.riskLevel === undefined ? undefined : RISK_LEVELS.indexOf(item.riskLevel); // low → very high
    case 'nextReviewDate':
      return item.nextReviewDate;
  }
}

function compare(a: RegisterItem, b: RegisterItem, sort: RegisterSort, desc: boolean): number {
  const ka = sortKey(a, sort);
  const kb = sortKey(b, sort);
  if (ka === undefined || kb === undefined) {
    if (ka !== kb) return ka === undefined ? 1 : -1;
  } else if (ka !== kb) {
    return (ka < kb ? -1 : 1) * (desc ? -1 : 1);
  }
  return a.ref < b.ref ? -1 : a.ref > b.ref ? 1 : 0;
}

function toItem(actor: Actor, c: CaseRecord, access: CaseAccess, overdueActions: number): RegisterItem {
  const base = {
    id: c.id,
    ref: c.ref,
    initials: c.initials,
    referrerAgencyId: c.referrerAgencyId,
    access,
    can: presentCase(actor, c),
  };
  if (access === 'summary') return { ...base, overdueActions: 0 };
  return {
    ...base,
    status: c.status,
    ...(c.receivedAt ? { receivedAt: c.receivedAt } : {}),
    ...(c.riskLevel ? { riskLevel: c.riskLevel } : {}),
    ...(c.leadAgencyId ? { leadAgencyId: c.leadAgencyId } : {}),
    ...(c.leadProfessionalId ? { leadProfessionalId: c.leadProfessionalId } : {}),
    ...(c.nextReviewDate ? { nextReviewDate: c.nextReviewDate } : {}),
    overdueActions,
  };
}

/**
 * The register: cases the actor may read in full or in summary, filtered, searched, sorted and paged. Listing rows
 * is not a read of a case's personal data, so it writes no audit event (opening a case does).
 * Filters on fields a summary item does not carry (status, risk level, lead, review, other agencies' answers) never
 * match summary items, and sorting puts them after every dated or ranked row, so neither can reveal what the row
 * hides (surface rule 1).
 */
export const listRegister = defineQuery({
  name: 'listRegister',
  summary: 'The case register: filter, search, sort and page the cases you may see',
  input: registerInput,
  async run(ctx, tx, input): Promise<RegisterPage> {
    const now = ctx.now();
    const today = todayOf(now);
    const reviewHorizon = todayOf(new Date(Date.parse(today) + REVIEW_DUE_WITHIN_DAYS * DAY_MS));

    // Indexed filters go to the store; the rest is done here (a partnership has hundreds of cases a year).
    const where: Condition[] = [];
    if (input.status) where.push({ field: 'status', op: 'eq', value: input.status });
    const cases = await tx.find('cases', { where });

    // Overdue counts from one indexed read: actions due before today, finished ones dropped.
    const pastDue = await tx.find('actions', { where: [{ field: 'dueDate', op: 'lt', value: today }] });
    const overdueByCase = new Map<string, number>();
    for (const a of pastDue) {
      if (a.parentKind !== 'case' || !overdueOf(a, now).overdue) continue;
      overdueByCase.set(a.parentId, (overdueByCase.get(a.parentId) ?? 0) + 1);
    }

    const q = input.q?.toLowerCase();
    const qInitials = q ? alnum(q) : '';
    const items: RegisterItem[] = [];
    for (const c of cases) {
      const access = caseAccess(ctx.actor, c);
      if (!access) continue;
      const full = access === 'full';
      if (input.status && !full) continue;
      if (input.agencyId) {
        const agency = input.agencyId;
        // A summary reader knows only who referred and what their own agency answered, so only those may match.
        const mayKnowAnswer = full || agency === ctx.actor.member.agencyId;
        const visible =
          c.referrerAgencyId === agency ||
          (mayKnowAnswer && c.involvements.some((i) => i.known && i.agencyId === agency)) ||
          (full && c.leadAgencyId === agency);
        if (!visible) continue;
      }
      if (input.riskLevel && !(full && c.riskLevel === input.riskLevel)) continue;
      if (input.leadProfessionalId && !(full && c.leadProfessionalId === input.leadProfessionalId)) continue;
      if (input.reviewDue !== undefined) {
        const due = full && LIVE_CASE_STATUSES.includes(c.status) && c.nextReviewDate !== undefined && c.nextReviewDate <= reviewHorizon;
        if (due !== input.reviewDue) continue;
      }
      if (q && !c.ref.toLowerCase().includes(q) && !(qInitials && alnum(c.initials).includes(qInitials))) continue;
      items.push(toItem(ctx.actor, c, access, overdueByCase.get(c.id) ?? 0));
    }

    const sort = input.sort ?? 'receivedAt';
    // Newest first when nothing is chosen; ascending when a column is chosen without an order.
    const desc = input.order ? input.order === 'desc' : input.sort === undefined;
    items.sort((a, b) => compare(a, b, sort, desc));
    const start = (input.page - 1) * input.pageSize;
    return { items: items.slice(start, start + input.pageSize), total: items.length, page: input.page, pageSize: input.pageSize };
  },
});
