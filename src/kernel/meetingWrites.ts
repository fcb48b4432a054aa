import type { MeetingStatus } from '../domain/enums';
import { ConflictError } from '../domain/errors';
import type { AgendaItem, Meeting } from '../domain/records';
import type { ReadTx, Tx } from '../store/port';
import { recordAudit } from './audit';
import type { Context } from './context';
import { stateLabel } from './guards';
import { checkVersion, load } from './loaders';

/*
 * What the meeting commands share. Every one of them writes the meeting record, even when what changed is an agenda
 * item, an attendance line or a decision: the meeting's version is then the one sequence of its changes, which the
 * live stream follows (src/live) and every `expectedVersion` checks, so a chair's press made from a stale screen is
 * refused instead of landing on the wrong item.
 */

/** Loads the meeting and refuses a stale read. */
export async function loadMeetingAt(tx: Tx, meetingId: string, expectedVersion: number | undefined): Promise<Meeting> {
  const meeting = await load(tx, 'meetings', meetingId);
  checkVersion(meeting, expectedVersion);
  return meeting;
}

/** 409 naming the state the meeting is in and the states the step needs. */
export function requireMeetingStatus(m: Meeting, allowed: readonly MeetingStatus[], what: string): void {
  if (!allowed.includes(m.status)) {
    throw new ConflictError(`${what} only when the meeting is ${allowed.map(stateLabel).join(' or ')}; it is ${stateLabel(m.status)}.`);
  }
}

/** Writes the meeting (its version moves on) and audits the change in the same unit of work. */
export async function saveMeeting(ctx: Context, tx: Tx, next: Meeting, change: Record<string, unknown>, reason?: string): Promise<Meeting> {
  const saved = await tx.update('meetings', next);
  await recordAudit(ctx, tx, { action: 'update', recordType: 'meeting', recordId: saved.id, change, ...(reason ? { reason } : {}) });
  return saved;
}

/** The meeting's agenda items in running order. */
export async function agendaOf(tx: ReadTx, meetingId: string): Promise<AgendaItem[]> {
  const items = await tx.find('agendaItems', { where: [{ field: 'meetingId', op: 'eq', value: meetingId }] });
  return items.sort((a, b) => a.order - b.order);
}

/**
 * Takes an item off the agenda. The store never deletes (the audit trail keeps what was planned), so the item is
 * detached: its meetingId gets a suffix no meeting has, and no agenda finds it again.
 */
export const detachedMeetingId = (meetingId: string): string => `${meetingId}#removed`;

/**
 * Writes an agenda as the list given: items with an id are updated where their place, time or title changed; items
 * without one are inserted; stored items not in the list are detached. Answers the stored items in order.
 */
export async function writeAgenda(
  ctx: Context,
  tx: Tx,
  meetingId: string,
  items: readonly (Omit<AgendaItem, 'id' | 'version' | 'meetingId'> & { id?: string; version?: number })[],
): Promise<AgendaItem[]> {
  const stored = new Map((await agendaOf(tx, meetingId)).map((i) => [i.id, i]));
  const kept = new Set(items.map((i) => i.id).filter((id): id is string => id !== undefined));
  // Each write stands alone (SharePoint has no transactions), so they go out together: $batch by $batch there, not
  // one round trip per item of a long agenda. Ids are taken in the list's order before anything is sent.
  await Promise.all([...stored.values()].filter((old) => !kept.has(old.id)).map((old) => tx.update('agendaItems', { ...old, meetingId: detachedMeetingId(meetingId) })));
  return Promise.all(items.map((item): AgendaItem | Promise<AgendaItem> => {
    const old = item.id ? stored.get(item.id) : undefined;
    const fields = {
      order: item.order,
      kind: item.kind,
      minutesAllotted: item.minutesAllotted,
      ...(item.caseId ? { caseId: item.caseId } : {}),
      ...(item.presentingAgencyId ? { presentingAgencyId: item.presentingAgencyId } : {}),
      ...(item.alsoBecause?.length ? { alsoBecause: item.alsoBecause } : {}),
      ...(item.title ? { title: item.title } : {}),
    };
    if (old) {
      const same = old.order === fields.order && old.minutesAllotted === fields.minutesAllotted && old.title === fields.title;
      return same ? old : tx.update('agendaItems', { ...old, ...fields });
    }
    return tx.insert('agendaItems', { id: ctx.newId(), meetingId, ...fields });
  }));
}
