import { z } from 'zod';
import { id } from '../kernel/validation';
import { CASE_STATUSES, FINISHED_ACTION_STATUSES, LIVE_CASE_STATUSES, RISK_LEVELS, type CaseStatus, type RiskLevel } from '../domain/enums';
import type { CaseRecord } from '../domain/records';
import { MAX_IN_VALUES, type Condition, type Order, type ReadTx } from '../store/port';
import { memberAudience } from '../store/caseAudience';
import { todayOf } from './actionItems';
import { isActionFinished } from '../domain/rules';
import { type CaseAccess, caseAccess } from '../kernel/caseAccess';
import { defineQuery } from '../kernel/query';
import { type Actor, type CaseAbilities, presentCase } from '../policies';
import { booleanParam, intParam, optionalParam } from './queryString';
import { lettersAndDigits } from '../domain/reference';
import { badCursor, decodeCursor, encodeCursor, type RegisterCursor } from './registerCursor';
import { registerPageSchema } from '../contract/cases';

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

/** A register page as answered by default: with the number of cases that match in all. */
export interface RegisterPage {
  items: RegisterItem[];
  total: number;
  page: number;
  pageSize: number;
  /** Hand back as `cursor` for the page after this one (absent when this page is the last). */
  nextCursor?: string;
}

/** A page asked for with `total=false`: no count (on SharePoint the count reads every matching item). */
export type RegisterAnswer = Omit<RegisterPage, 'total'> & { total?: number };

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
    /** 0: no rows, only the total (the tab asks for it beside a first page asked with total=false). */
    pageSize: intParam(0, 200, 50).describe('Rows a page (at most 200); 0 for no rows, only the total'),
    /**
     * false leaves the total out, so the page never waits on it: a count on SharePoint reads every matching item
     * (Graph has no filtered count for list items). The tab asks for rows and the total as two requests.
     */
    total: booleanParam.describe('false leaves the total out, so the page does not wait on a count (ask for it with pageSize=0)'),
    /** From the previous page's nextCursor: the next page, which stays put when cases are added (page is then ignored). */
    cursor: optionalParam(z.string().max(2000, 'must be at most 2000 characters')),
  })
  .strip();

const DAY_MS = 86_400_000;

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

function toItem(actor: Actor, c: CaseRecord, access: CaseAccess, overdueActions = 0): RegisterItem {
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

type RegisterInput = z.output<typeof registerInput>;
type Sorted = { sort: RegisterSort; desc: boolean };

/**
 * "Not finished", said as one `ne` per finished status: a store narrows by the page's cases and the due date first
 * (SQLite: ix_actions_parent_due; SharePoint leads with the cases, since an `in` outranks a comparison) and drops the
 * finished actions before reading them. Said as `status in (open statuses)`, SharePoint would lead with the status,
 * which every open action in the list shares (past the list view threshold at scale).
 */
const NOT_FINISHED: Condition[] = FINISHED_ACTION_STATUSES.map((status) => ({ field: 'status', op: 'ne', value: status }));

/**
 * Overdue actions of the given cases: their unfinished actions due before London's today, so only the page's overdue
 * actions are read, not their finished past ones. "Due before London's today" is exactly "the due date's London day
 * has ended" (isOverdue), judged once for the page rather than through the time-zone database for every action.
 */
async function overdueCounts(tx: ReadTx, caseIds: string[], now: Date): Promise<Map<string, number>> {
  const counts = new Map<string, number>();
  if (caseIds.length === 0) return counts;
  const chunks: string[][] = [];
  for (let i = 0; i < caseIds.length; i += MAX_IN_VALUES) chunks.push(caseIds.slice(i, i + MAX_IN_VALUES));
  // Issued together: on SharePoint concurrent reads go out as one $batch (one round trip).
  const found = await Promise.all(
    chunks.map((ids) =>
      tx.find('actions', {
        where: [{ field: 'parentId', op: 'in', value: ids }, { field: 'dueDate', op: 'lt', value: todayOf(now) }, ...NOT_FINISHED],
      }),
    ),
  );
  for (const pastDue of found) {
    for (const a of pastDue) {
      if (a.parentKind !== 'case' || isActionFinished(a)) continue;
      counts.set(a.parentId, (counts.get(a.parentId) ?? 0) + 1);
    }
  }
  return counts;
}

async function withOverdue(tx: ReadTx, items: RegisterItem[], now: Date): Promise<RegisterItem[]> {
  const counts = await overdueCounts(tx, items.filter((i) => i.access === 'full').map((i) => i.id), now);
  return items.map((i) => (i.access === 'full' ? { ...i, overdueActions: counts.get(i.id) ?? 0 } : i));
}

/**
 * How the store can answer this register page itself: which cases (visibility as the actor's audience keys, plus the
 * indexed filters), in which order, and whether summaries can be among them (they sort after every dated row, by
 * reference, which one store order cannot say). Undefined when the register must filter or order in memory.
 */
interface StorePlan {
  where: Condition[];
  order: Order;
  /** Set when summaries may appear under a received-date order: dated full rows first, then the rest by reference. */
  split?: { datedWhere: Condition[]; restWhere: Condition[] };
}

function storePlan(actor: Actor, input: RegisterInput, { sort, desc }: Sorted): StorePlan | undefined {
  if (input.agencyId || input.leadProfessionalId || input.reviewDue !== undefined || input.q) return undefined;
  if (sort === 'status' || sort === 'riskLevel') return undefined; // lifecycle and risk order, not the stored text's
  const keys = memberAudience(actor.member);
  const filters: Condition[] = [];
  if (input.status) filters.push({ field: 'status', op: 'eq', value: input.status });
  if (input.riskLevel) filters.push({ field: 'riskLevel', op: 'eq', value: input.riskLevel });
  // Status and risk filters never match summaries (surface rule 1): then only the full audiences count.
  const fullKeys = keys?.filter((k) => k !== 'pc:screenable');
  const summaries = keys !== null && filters.length === 0 && keys.includes('pc:screenable');
  const audience = keys === null ? null : summaries ? keys : fullKeys!;
  const where = [...filters, ...(audience ? [{ field: 'audience', op: 'in', value: audience } as Condition] : [])];
  const direction = desc ? 'desc' : 'asc';
  if (sort === 'ref') return { where, order: { field: 'ref', direction } };
  const order: Order = { field: sort, direction, emptyLast: true, then: 'ref' };
  if (!summaries) return { where, order };
  if (sort !== 'receivedAt') return undefined;
  // Every submitted case has a received date; only drafts lack one. Summaries and drafts follow, by reference.
  return {
    where,
    order,
    split: {
      datedWhere: [{ field: 'audience', op: 'in', value: fullKeys! }, { field: 'receivedAt', op: 'ge', value: '' }],
      restWhere: [{ field: 'audience', op: 'in', value: keys.filter((k) => k === 'pc:screenable' || k.startsWith('draft:')) }],
    },
  };
}

const positionOf = (c: CaseRecord, order: Order): Record<string, string> => {
  const v = (c as unknown as Record<string, unknown>)[order.field];
  return { id: c.id, ref: c.ref, ...(typeof v === 'string' ? { [order.field]: v } : {}) };
};

/**
 * The page from the store, and its total when asked: the count goes out beside the page's first read, never before
 * it (on SharePoint a count reads every matching item, page after page).
 */
async function pageFromStore(tx: ReadTx, actor: Actor, plan: StorePlan, input: RegisterInput, cursor: RegisterCursor | undefined) {
  const [total, page] = await Promise.all([
    input.total === false ? undefined : tx.count('cases', { where: plan.where }),
    rowsFromStore(tx, actor, plan, input, cursor),
  ]);
  return { ...page, total };
}

async function rowsFromStore(tx: ReadTx, actor: Actor, plan: StorePlan, input: RegisterInput, cursor: RegisterCursor | undefined) {
  const size = input.pageSize;
  const start = (input.page - 1) * size;
  const rows: { c: CaseRecord; access: CaseAccess; rest: boolean }[] = [];
  const keep = (cases: CaseRecord[], rest: boolean) => {
    for (const c of cases) {
      const access = caseAccess(actor, c);
      if (access) rows.push({ c, access, rest });
    }
  };
  if (cursor?.k === 'o') badCursor();
  if (!plan.split) {
    if (cursor?.k === 'b') badCursor();
    const after = cursor?.k === 'a' ? { after: cursor.after } : { offset: start };
    keep(await tx.find('cases', { where: plan.where, orderBy: plan.order, limit: size, ...after }), false);
  } else {
    const { datedWhere, restWhere } = plan.split;
    let restFrom = 0;
    if (cursor?.k !== 'b') {
      const after = cursor?.k === 'a' ? { after: cursor.after } : { offset: start };
      keep(await tx.find('cases', { where: datedWhere, orderBy: plan.order, limit: size, ...after }), false);
      if (!cursor && start > 0) restFrom = Math.max(0, start - (await tx.count('cases', { where: datedWhere })));
    }
    if (rows.length < size) {
      // The undated rows: summaries (partners see every referral awaiting screening) and the actor's own drafts.
      // Read in pages by reference from the cursor's on (never all of them at once), skipping `restFrom` first.
      let from = cursor?.k === 'b' ? cursor.ref : undefined;
      let skip = restFrom;
      for (;;) {
        const limit = skip + size - rows.length;
        const chunk = await tx.find('cases', {
          where: from === undefined ? restWhere : [...restWhere, { field: 'ref', op: 'gt', value: from }],
          orderBy: { field: 'ref', direction: 'asc' },
          limit,
        });
        const rest = chunk.filter((c) => !c.receivedAt || caseAccess(actor, c) === 'summary');
        const skipped = Math.min(skip, rest.length);
        skip -= skipped;
        keep(rest.slice(skipped, skipped + size - rows.length), true);
        if (rows.length >= size || chunk.length < limit) break;
        from = chunk[chunk.length - 1]!.ref;
      }
    }
  }
  const last = rows[rows.length - 1];
  const nextCursor =
    rows.length === size && last
      ? encodeCursor(last.rest ? { k: 'b', ref: last.c.ref } : { k: 'a', after: positionOf(last.c, plan.order) })
      : undefined;
  return { items: rows.map((r) => toItem(actor, r.c, r.access)), nextCursor };
}

/** The filters and orders the store cannot say: visible cases read (by audience), then filtered and sorted here. */
async function pageInMemory(tx: ReadTx, actor: Actor, input: RegisterInput, { sort, desc }: Sorted, now: Date, cursor: RegisterCursor | undefined) {
  if (cursor && cursor.k !== 'o') badCursor();
  const today = todayOf(now);
  const reviewHorizon = todayOf(new Date(Date.parse(today) + REVIEW_DUE_WITHIN_DAYS * DAY_MS));
  const keys = memberAudience(actor.member);
  const where: Condition[] = [];
  if (input.status) where.push({ field: 'status', op: 'eq', value: input.status });
  const q = input.q?.toLowerCase();
  const qInitials = q ? lettersAndDigits(q) : '';
  let cases: CaseRecord[];
  if (q) {
    // A search reads only the cases whose reference or initials contain what was typed (index ranges on their
    // search keys), whoever may see them; the policy below decides which the actor sees.
    const byRef = await tx.find('cases', { where: [...where, { field: 'search', op: 'startsWith', value: `r:${q}` }] });
    const byInitials = qInitials ? await tx.find('cases', { where: [...where, { field: 'search', op: 'startsWith', value: `i:${qInitials}` }] }) : [];
    cases = [...new Map([...byRef, ...byInitials].map((c) => [c.id, c])).values()];
  } else {
    if (keys) where.push({ field: 'audience', op: 'in', value: keys });
    cases = await tx.find('cases', { where });
  }
  const items: RegisterItem[] = [];
  for (const c of cases) {
    const access = caseAccess(actor, c);
    if (!access) continue;
    const full = access === 'full';
    if (input.status && !full) continue;
    if (input.agencyId) {
      const agency = input.agencyId;
      // A summary reader knows only who referred and what their own agency answered, so only those may match.
      const mayKnowAnswer = full || agency === actor.member.agencyId;
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
    if (q && !c.ref.toLowerCase().includes(q) && !(qInitials && lettersAndDigits(c.initials).includes(qInitials))) continue;
    items.push(toItem(actor, c, access));
  }
  items.sort((a, b) => compare(a, b, sort, desc));
  const start = cursor?.k === 'o' ? cursor.n : (input.page - 1) * input.pageSize;
  const end = start + input.pageSize;
  return { items: items.slice(start, end), total: items.length, nextCursor: end < items.length ? encodeCursor({ k: 'o', n: end }) : undefined };
}

/**
 * The register: cases the actor may read in full or in summary, filtered, searched, sorted and paged. Listing rows
 * is not a read of a case's personal data, so it writes no audit event (opening a case does).
 * Filters on fields a summary item does not carry (status, risk level, lead, review, other agencies' answers) never
 * match summary items, and sorting puts them after every dated or ranked row, so neither can reveal what the row
 * hides (surface rule 1).
 * The store does the work where it can (issue 11): only the cases the actor may see (their audience, an index), in
 * the register's order, one page of them, and the count; each row is still put to the case policy. Searches and the
 * filters and orders an index cannot answer read the actor's visible cases and finish here.
 */
export const listRegister = defineQuery({
  name: 'listRegister',
  summary: 'The case register: filter, search, sort and page the cases you may see',
  output: registerPageSchema,
  input: registerInput,
  async run(ctx, tx, input): Promise<RegisterPage | RegisterAnswer> {
    const now = ctx.now();
    const sorted: Sorted = {
      sort: input.sort ?? 'receivedAt',
      // Newest first when nothing is chosen; ascending when a column is chosen without an order.
      desc: input.order ? input.order === 'desc' : input.sort === undefined,
    };
    const cursor = input.cursor ? decodeCursor(input.cursor) : undefined;
    const plan = storePlan(ctx.actor, input, sorted);
    if (input.pageSize === 0) {
      // Only the total: what the tab shows beside the rows it asked for with total=false.
      const total = plan ? await tx.count('cases', { where: plan.where }) : (await pageInMemory(tx, ctx.actor, input, sorted, now, cursor)).total;
      return { items: [], total, page: input.page, pageSize: 0 };
    }
    const { items, total, nextCursor } = plan
      ? await pageFromStore(tx, ctx.actor, plan, input, cursor)
      : await pageInMemory(tx, ctx.actor, input, sorted, now, cursor);
    return {
      items: await withOverdue(tx, items, now),
      ...(total === undefined || input.total === false ? {} : { total }),
      page: input.page,
      pageSize: input.pageSize,
      ...(nextCursor ? { nextCursor } : {}),
    };
  },
});
