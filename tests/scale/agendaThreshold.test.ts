import { buildAgenda } from '../../src/commands/buildAgenda';
import { issueMinutes } from '../../src/commands/issueMinutes';
import { buildAgenda as buildDefaultAgenda } from '../../src/domain/agenda';
import type { ActionRecord, CaseRecord, Meeting, OutboxMessage } from '../../src/domain/records';
import { execute } from '../../src/kernel/command';
import { makeContext } from '../../src/kernel/context';
import { runQuery } from '../../src/kernel/query';
import { runOverdueScanAsSystem } from '../../src/kernel/overdueScan';
import { processOutbox } from '../../src/notify/sender';
import { queries } from '../../src/queries';
import { toFields } from '../../src/store/sharepoint/itemMapping';
import { LISTS } from '../../src/store/sharepoint/listSchema';
import type { GraphFake } from '../fakes/graphFake';
import { evaluateFilter, type FilterNode, parseFilter } from '../fakes/odataFilter';
import { fakeSharePoint } from '../fakes/sharePointHarness';
import { insert, makeAction, makeCase, makeMeeting, makeOpenCase } from '../support/records';
import { AGENCIES, FIXED_NOW, MEMBERS } from '../support/world';

/*
 * The meeting commands and the scheduled reads on a Graph fake whose lists pass SharePoint's 5,000-item threshold
 * where it bites: 5,100 open cases (so "every open case" is refused), years of closed cases that keep a past review
 * date (and a retention date) and even a closure proposal, 5,900 finished actions due in the past and 5,100 sent
 * outbox rows. Each read must
 * lead with a condition that only what the command shows meets: no request refused, and no lead touching more items
 * than the agenda, minutes or scan deal with. The agenda must be the one the domain's builder makes from every record.
 */

jest.setTimeout(600_000);

const MEETING_STARTS = '2026-07-01T09:30:00.000Z';
const MEETING_DAY = '2026-07-01';
/** Far above what any read here should touch (the agenda's cases and actions), far below the threshold. */
const MOST_A_LEAD_MAY_TOUCH = 150;

const seed = <K extends 'cases' | 'actions' | 'outbox'>(fake: GraphFake, kind: K, records: object[]) =>
  fake.seedItems(LISTS[kind].displayName, records.map((r) => toFields(LISTS[kind], r as Record<string, unknown>)));

function world() {
  const cases: CaseRecord[] = [];
  const add = (c: CaseRecord) => cases.push(c);
  for (let i = 0; i < 5_100; i++) {
    // Five reviews due by the meeting's day; the rest later.
    add(makeOpenCase({ id: `open-${i}`, ref: `CASPA-2025-${String(i).padStart(5, '0')}`, nextReviewDate: i < 5 ? '2026-06-25' : '2027-02-01' }));
  }
  for (let i = 0; i < 3; i++) add(makeOpenCase({ id: `escalated-${i}`, ref: `CASPA-2026-E${i}`, status: 'escalated', nextReviewDate: '2027-03-01' }));
  for (let i = 0; i < 3; i++) {
    add(makeOpenCase({ id: `proposed-${i}`, ref: `CASPA-2026-P${i}`, closureProposal: { proposedAt: '2026-06-10T10:00:00.000Z', proposedById: 'police', rationale: 'Invented: risk reduced.' } }));
  }
  for (let i = 0; i < 4; i++) add(makeCase({ id: `listed-${i}`, ref: `CASPA-2026-L${i}`, status: 'listed', receivedAt: `2026-06-0${i + 1}T10:00:00.000Z` }));
  for (let i = 0; i < 880; i++) {
    // Closed years ago: a past review date kept, and on two a proposal the panel never answered (closed otherwise).
    add(makeOpenCase({
      id: `closed-${i}`, ref: `CASPA-2020-${String(i).padStart(5, '0')}`, status: 'closed', closedAt: '2021-01-10T10:00:00.000Z', nextReviewDate: '2021-01-01',
      // Twenty past their retention date: what the disposals view lists.
      retentionDate: i < 20 ? '2026-01-10' : '2027-01-10',
      ...(i < 2 ? { closureProposal: { proposedAt: '2020-12-01T10:00:00.000Z', proposedById: 'police', rationale: 'Invented.' } } : {}),
    }));
  }
  const actions: ActionRecord[] = [];
  const action = (i: number, a: Partial<ActionRecord>) => actions.push(makeAction({ id: `action-${i}`, ...a }));
  for (let i = 0; i < 5_900; i++) action(i, { parentId: `open-${i % 5_100}`, status: 'completed', dueDate: '2025-03-01', completedAt: '2025-02-28T10:00:00.000Z' });
  // Overdue at the meeting: four on each of ten open cases, and some on closed cases (no item: the case is not live).
  for (let i = 0; i < 40; i++) action(6_000 + i, { parentId: `open-${100 + (i % 10)}`, status: i % 2 ? 'in_progress' : 'not_started', dueDate: '2026-06-05' });
  for (let i = 0; i < 10; i++) action(6_100 + i, { parentId: `closed-${i}`, status: 'not_started', dueDate: '2026-06-05' });
  // Due on the meeting's day (not yet overdue) and later.
  for (let i = 0; i < 50; i++) action(6_200 + i, { parentId: `open-${200 + i}`, status: 'not_started', dueDate: i < 5 ? MEETING_DAY : '2026-09-01' });
  const sent: OutboxMessage[] = Array.from({ length: 5_100 }, (_, i) => ({
    id: `sent-${i}`, version: 1, idempotencyKey: `sent-${i}`, kind: 'reminder', createdAt: '2025-05-01T10:00:00.000Z',
    payload: { actionId: `action-${i}`, ownerId: 'police', dueDate: '2025-05-03' }, status: 'sent', attempts: 1, sentAt: '2025-05-01T10:01:00.000Z',
  }));
  return { cases, actions, sent };
}

/** The items the lead of a request's $filter finds: what SharePoint would have to scan (and refuses past 5,000). */
function leadTouches(fake: GraphFake, url: string): { list: string; filter: string; touched: number } | undefined {
  const u = new URL(url);
  const src = u.searchParams.get('$filter');
  const listId = /\/lists\/([^/]+)\/items$/.exec(u.pathname)?.[1];
  if (!src || !listId) return undefined;
  const list = fake.list(decodeURIComponent(listId));
  const conjuncts = (n: FilterNode): FilterNode[] => (n.type === 'and' ? [...conjuncts(n.left), ...conjuncts(n.right)] : [n]);
  const [first, ...rest] = conjuncts(parseFilter(src));
  let lead = first!;
  // As SharePoint (and the fake) narrow: the first condition with those right after it on the same column.
  for (const next of rest) {
    if (first!.type !== 'cmp' || next.type !== 'cmp' || next.column !== first!.column) break;
    lead = { type: 'and', left: lead, right: next };
  }
  const kindOf = (name: string) => list.columns.find((c) => c.name === name)!.kind;
  const touched = [...list.items.values()].filter((i) => evaluateFilter(lead, i.fields, kindOf)).length;
  return { list: list.displayName, filter: src, touched };
}

/** Every filtered read since `from`: none refused, none whose lead touches more than `most` items. */
function expectSelectiveReads(fake: GraphFake, from: number, most = MOST_A_LEAD_MAY_TOUCH) {
  const log = fake.stats.log.slice(from);
  expect(log.filter((r) => r.status !== 200 && r.status !== 201 && r.status !== 204)).toEqual([]);
  const reads = log.filter((r) => r.method === 'GET').map((r) => leadTouches(fake, r.url)).filter((r) => r !== undefined);
  expect(reads.length).toBeGreaterThan(0);
  expect(reads.filter((r) => r.touched > most)).toEqual([]);
  return reads;
}

it('agenda, minutes, overdue scan, outbox and disposals read only what they show on lists past the threshold', async () => {
  const { store, fake } = await fakeSharePoint();
  await insert(store, 'agencies', ...AGENCIES);
  await insert(store, 'members', ...Object.values(MEMBERS));
  const { cases, actions, sent } = world();
  seed(fake, 'cases', cases);
  seed(fake, 'actions', actions);
  seed(fake, 'outbox', sent);
  expect(fake.list(LISTS.cases.displayName).items.size).toBeGreaterThan(5_000);
  const meeting = makeMeeting({ id: 'threshold-meeting', startsAt: MEETING_STARTS, lengthMinutes: 600 });
  await insert(store, 'meetings', meeting);
  let n = 0;
  const ctx = (now: Date) => makeContext({
    store, actor: { member: MEMBERS.coordinator, agency: AGENCIES.find((a) => a.id === MEMBERS.coordinator.agencyId)! },
    now: () => now, newId: () => `id-${++n}`, correlationId: `threshold-${++n}`,
  });

  // The agenda: the same items the builder makes from every record.
  let from = fake.stats.log.length;
  const built = (await execute(buildAgenda, ctx(FIXED_NOW), { meetingId: meeting.id, expectedVersion: 1 })) as Meeting;
  expectSelectiveReads(fake, from);
  const live = cases.filter((c) => c.status === 'open' || c.status === 'escalated');
  const liveIds = new Set(live.map((c) => c.id));
  const expected = buildDefaultAgenda({
    meeting: { startsAt: MEETING_STARTS, lengthMinutes: 600 },
    listedReferrals: cases.filter((c) => c.status === 'listed'),
    liveCases: live,
    actions: actions.filter((a) => (a.status === 'not_started' || a.status === 'in_progress') && a.dueDate < MEETING_DAY && liveIds.has(a.parentId)),
    closureProposals: live.filter((c) => c.closureProposal).map((c) => ({ caseId: c.id })),
    anyOtherBusiness: [],
  });
  const items = (await store.transaction((tx) => tx.find('agendaItems', { where: [{ field: 'meetingId', op: 'eq', value: meeting.id }] })))
    .sort((a, b) => a.order - b.order);
  const shape = (i: { order: number; kind: string; caseId?: string; minutesAllotted: number; alsoBecause?: string[] }) =>
    [i.order, i.kind, i.caseId, i.minutesAllotted, i.alsoBecause ?? []];
  expect(items.map(shape)).toEqual(expected.items.map((i) => shape({ ...i, alsoBecause: i.alsoBecause })));
  // 4 listed, 3 escalated, 5 reviews, 10 with overdue actions, 3 closure proposals.
  expect(items.map((i) => i.kind).sort()).toEqual([
    ...Array(3).fill('closure_proposal'), ...Array(3).fill('escalation'), ...Array(4).fill('new_referral'),
    ...Array(10).fill('overdue_actions'), ...Array(5).fill('review'),
  ]);

  // The minutes of that agenda (held, approved): the items' cases and their actions, no wider read.
  const held = await store.transaction((tx) => tx.update('meetings', {
    ...built, status: 'held', startedAt: MEETING_STARTS, endedAt: '2026-07-01T12:00:00.000Z',
    minutes: { generatedAt: '2026-07-01T13:00:00.000Z', itemNotes: [], approvedAt: '2026-07-02T10:00:00.000Z', approvedById: 'chair' },
  }));
  from = fake.stats.log.length;
  const issued = (await execute(issueMinutes, ctx(new Date('2026-07-03T10:00:00Z')), { meetingId: meeting.id, expectedVersion: held.version })) as Meeting;
  expect(issued.status).toBe('minutes_issued');
  expectSelectiveReads(fake, from);

  // The scheduler's overdue scan (digest, reminders, escalations): the open actions due, never the finished ones.
  // 50 overdue ten days (the closed cases' too: the scan chases every open action whose case exists).
  from = fake.stats.log.length;
  const report = await runOverdueScanAsSystem(store, FIXED_NOW, { reminderDaysBefore: 3, escalationDaysOverdue: 5 }, 'test');
  expect(report.escalatedActions).toBe(50);
  expectSelectiveReads(fake, from);

  // What may be disposed of (coordinators): the cases past their retention date, not every closed case.
  from = fake.stats.log.length;
  const disposals = await runQuery(queries.listDisposals, ctx(FIXED_NOW), {});
  expect(disposals.due).toHaveLength(20);
  expectSelectiveReads(fake, from);

  // The outbox sender's read: the pending rows, never the years of sent ones.
  from = fake.stats.log.length;
  await processOutbox({ store, connector: {} as never, render: {} as never, now: () => FIXED_NOW, maxRows: 0 });
  expectSelectiveReads(fake, from);
  await store.close();
});
