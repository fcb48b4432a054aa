import type { IndicatorData } from '../../domain/indicators';
import { monthsBefore, type Period, periodInstants } from '../../domain/indicators';
import type { Agency, CaseRecord, Decision } from '../../domain/records';
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
 * Reads only what the period's indicators need, each through an indexed field: referrals received from 12 months
 * before the period (repeats look back that far) to its end; accepted cases (live or closed, for open cases, closures
 * and escalations); the meetings that started in the period with their attendance; actions due in it; and the
 * decisions on the cases read. Nothing here judges: src/domain/indicators does.
 */
export async function readIndicatorData(tx: Tx, period: Period): Promise<Omit<IndicatorData, 'agencies'> & { agencies: Agency[] }> {
  const { start, endExclusive } = periodInstants(period);
  const lookBack = periodInstants({ from: monthsBefore(period.from, 12), to: period.to }).start;

  const [agencies, received, accepted, meetings, actions] = await Promise.all([
    tx.find('agencies'),
    tx.find('cases', { where: [{ field: 'receivedAt', op: 'ge', value: lookBack }, { field: 'receivedAt', op: 'lt', value: endExclusive }] }),
    tx.find('cases', { where: [{ field: 'status', op: 'in', value: ['open', 'escalated', 'closed'] }] }),
    tx.find('meetings', { where: [{ field: 'startsAt', op: 'ge', value: start }, { field: 'startsAt', op: 'lt', value: endExclusive }] }),
    tx.find('actions', { where: [{ field: 'dueDate', op: 'ge', value: period.from }, { field: 'dueDate', op: 'le', value: period.to }] }),
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
