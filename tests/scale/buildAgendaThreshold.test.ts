import { buildAgenda } from '../../src/commands/buildAgenda';
import { execute } from '../../src/kernel/command';
import { makeContext } from '../../src/kernel/context';
import { toFields } from '../../src/store/sharepoint/itemMapping';
import { LISTS } from '../../src/store/sharepoint/listSchema';
import { fakeSharePoint } from '../fakes/sharePointHarness';
import { insert, makeAction, makeMeeting, makeOpenCase } from '../support/records';
import { AGENCIES, FIXED_NOW, MEMBERS } from '../support/world';

// Building the agenda on the Graph fake, which refuses (as SharePoint does) a query whose lead condition matches more
// than 5,000 items: a busy list's not-started actions pass that, so the builder must read only the open actions due
// before the meeting, through the indexed open-due-date read.

jest.setTimeout(600_000);

it('builds the agenda from a 6,000-action list whose not-started actions alone pass the threshold', async () => {
  const { store, fake } = await fakeSharePoint();
  await insert(store, 'agencies', ...AGENCIES);
  await insert(store, 'members', ...Object.values(MEMBERS));
  const theCase = makeOpenCase({ id: 'agenda-case', ref: 'CASPA-2026-0200', nextReviewDate: '2027-01-01' });
  await insert(store, 'cases', theCase);
  const meeting = makeMeeting({ id: 'agenda-meeting', startsAt: '2026-07-01T09:30:00.000Z' });
  await insert(store, 'meetings', meeting);
  // 6,000 not started: 3 overdue at the meeting's start, one due on its day (not yet overdue), the rest due later.
  const due = (i: number) => (i < 3 ? '2026-06-20' : i === 3 ? '2026-07-01' : '2027-03-01');
  fake.seedItems(LISTS.actions.displayName, Array.from({ length: 6_000 }, (_, i) => {
    const { version: _v, ...a } = makeAction({ id: `agenda-action-${i}`, parentId: theCase.id, status: 'not_started', dueDate: due(i) });
    return toFields(LISTS.actions, { ...a, version: 1 });
  }));
  fake.resetStats();

  const ctx = makeContext({
    store, actor: { member: MEMBERS.coordinator, agency: AGENCIES.find((a) => a.id === MEMBERS.coordinator.agencyId)! },
    now: () => FIXED_NOW, newId: (() => { let n = 0; return () => `id-${++n}`; })(), correlationId: 'agenda-threshold',
  });
  await execute(buildAgenda, ctx, { meetingId: meeting.id, expectedVersion: 1 });

  const items = await store.transaction((tx) => tx.find('agendaItems', { where: [{ field: 'meetingId', op: 'eq', value: meeting.id }] }));
  expect(items.map((i) => [i.kind, i.caseId])).toEqual([['overdue_actions', theCase.id]]);
  const actionReads = fake.stats.log.filter((r) => r.method === 'GET' && r.url.includes(`/lists/${fake.list('Actions').id}/items`));
  expect(actionReads.length).toBeGreaterThan(0);
  expect(actionReads.filter((r) => r.status !== 200)).toEqual([]);
  await store.close();
});
