import type { IndicatorData } from '../../domain/indicators';
import { monthsBefore, type Period, periodInstants } from '../../domain/indicators';
import type { Agency, CaseRecord, Decision } from '../../domain/records';
import { addDays } from '../../domain/time';
import type { Scalar, Tx } from '../../store/port';

/** SharePoint filters one indexed column per query; a long `in` list is split so its URL stays short. */
const IN_CHUNK = 50;

async function findIn<K extends 'decisions' | 'attendance'>(tx: Tx, kind: K, field: string, values: readonly Scalar[]) {
  const found = [];
  for (let i = 0; i < values.length; i += IN_CHUNK) {
    found.push(...(await tx.find(kind, { where: [{ field, op: 'in', value: values.slice(i, i + IN_CHUNK) }] })));
  }
  return found;
}

/**
 * A date range read a calendar month at a time (from and to are dates, both included), the months in parallel.
 * SharePoint refuses a filter that matches more than 5,000 items (the list view threshold): a year of a busy
 * partnership's actions is more than that, a month is not.
 */
async function byMonth<T>(from: string, to: string, read: (from: string, to: string) => Promise<T[]>): Promise<T[]> {
  const ranges: [string, string][] = [];
  for (let first = from; first <= to;) {
    const nextMonth = monthsBefore(`${first.slice(0, 7)}-01`, -1);
    const last = addDays(nextMonth, -1) < to ? addDays(nextMonth, -1) : to;
    ranges.push([first, last]);
    first = nextMonth;
  }
  return (await Promise.all(ranges.map(([f, t]) => read(f, t)))).flat();
}

const daysFrom = (from: string, to: string): string[] => {
  const days: string[] = [];
  for (let d = from; d <= to; d = addDays(d, 1)) days.push(d);
  return days;
};

/**
 * Reads only what the period's indicators need, each through an indexed field: referrals received from 12 months
 * before the period (repeats look back that far) to its end; accepted cases (live or closed, for open cases, closures
 * and escalations); the meetings that started in the period with their attendance; actions due in it; and the
 * decisions on the cases read. Nothing here judges: src/domain/indicators does.
 */
export async function readIndicatorData(tx: Tx, period: Period): Promise<Omit<IndicatorData, 'agencies'> & { agencies: Agency[] }> {
  const { start, endExclusive } = periodInstants(period);
  const lookBackFrom = monthsBefore(period.from, 12);

  const [agencies, received, accepted, meetings, actions] = await Promise.all([
    tx.find('agencies'),
    byMonth(lookBackFrom, period.to, (from, to) => {
      const range = periodInstants({ from, to });
      return tx.find('cases', { where: [{ field: 'receivedAt', op: 'ge', value: range.start }, { field: 'receivedAt', op: 'lt', value: range.endExclusive }] });
    }),
    tx.find('cases', { where: [{ field: 'status', op: 'in', value: ['open', 'escalated', 'closed'] }] }),
    tx.find('meetings', { where: [{ field: 'startsAt', op: 'ge', value: start }, { field: 'startsAt', op: 'lt', value: endExclusive }] }),
    // The month's days listed (`in`), not a range: SharePoint narrows by the first condition alone, and "due on or
    // after the 1st" alone matches every later action of the list.
    byMonth(period.from, period.to, (from, to) => tx.find('actions', { where: [{ field: 'dueDate', op: 'in', value: daysFrom(from, to) }] })),
  ]);

  const cases = new Map<string, CaseRecord>();
  for (const c of [...received, ...accepted]) cases.set(c.id, c);
  // Decisions that can fall in the period: on referrals received in it, and on cases accepted before its end and not
  // closed before its start.
  const decidedOn = [...cases.values()]
    .filter((c) => (c.receivedAt !== undefined && c.receivedAt >= start)
      || (c.acceptedAt !== undefined && c.acceptedAt < endExclusive && (c.closedAt === undefined || c.closedAt >= start)))
    .map((c) => c.id);
  const [decisions, attendance] = await Promise.all([
    findIn(tx, 'decisions', 'caseId', decidedOn) as Promise<Decision[]>,
    findIn(tx, 'attendance', 'meetingId', meetings.map((m) => m.id)),
  ]);
  return { agencies, cases: [...cases.values()], decisions, actions, meetings, attendance };
}
