import type { ActionRecord, CaseRecord } from '../domain/records';
import { daysOverdue, isActionFinished, isOverdue } from '../domain/rules';
import { appendAuditEvent } from '../audit/chain';
import type { Condition, Store, Tx } from '../store/port';
import { ACTION_STATUSES, FINISHED_ACTION_STATUSES } from '../domain/enums';
import { partnershipChannels, personalChatFor } from './conversations';
import { dailyKey } from './dailyKey';
import { findIn } from './findIn';
import {
  escalationKey, type NotificationKind, type NotificationPayload, queueNotification, reminderKey,
} from './notifications';
import { addDays, londonDate } from '../domain/time';

/** The scan's thresholds (the configuration's NOTIFY settings; the kernel does not read the configuration). */
export interface ScanSettings { reminderDaysBefore: number; escalationDaysOverdue: number }

interface Tally { digests: number; reminders: number; escalations: number }

/** What one scan found and queued; the counts the coordinator's button and `npm run scan:overdue` report. */
export interface OverdueScanReport {
  /** The UK date the scan is for: one digest per channel per such day. */
  asOf: string;
  partnershipChannels: number;
  /** Overdue actions in the digest (restricted cases' are left out of the shared channel). */
  overdueActions: number;
  /** Open actions due within the reminder window. */
  dueSoonActions: number;
  /** Actions overdue beyond the escalation threshold. */
  escalatedActions: number;
  /** Rows this scan added to the outbox. */
  queued: Tally;
  /** Rows an earlier scan (today, or for the same due date) had queued already: not queued again. */
  alreadyQueued: Tally;
  /** Not queued because nobody to tell has a chat with the bot yet; a later scan queues them once someone has. */
  withoutChat: Pick<Tally, 'reminders' | 'escalations'>;
}

/** The statuses of an action still being worked on: the scan's selective lead condition. */
const OPEN_ACTION_STATUSES = ACTION_STATUSES.filter((s) => !FINISHED_ACTION_STATUSES.includes(s));

/**
 * Open actions in a due-date window: "status is one of the open ones" and the window, never "due before today" alone,
 * which matches every finished action the list has held over the years (and failed past 5,000 items on SharePoint).
 * SharePoint leads with its open-actions due-date index (listSchema's OpenDueDate), and splits the window if even the
 * open actions in it pass the threshold; SQLite reads the open statuses' index. Requests grow with open actions.
 */
export function openActions(tx: Tx, window: Condition[]): Promise<ActionRecord[]> {
  return tx.find('actions', { where: [{ field: 'status', op: 'in', value: OPEN_ACTION_STATUSES }, ...window] });
}

const byDue = (a: ActionRecord, b: ActionRecord) => (a.dueDate < b.dueDate ? -1 : a.dueDate > b.dueDate ? 1 : a.id < b.id ? -1 : 1);

/**
 * The daily overdue scan, reminders and escalations, as outbox rows only (it changes no record, so it can run as a
 * command for a coordinator or under the scheduler's lease as the system). Every row's idempotency key is also its
 * id, so a second scan, another instance or a retry adds nothing:
 * - one digest per active partnership channel per UK day, `dailyKey('overdue', <channel ref id>, now)`, listing the
 *   overdue actions by agency: the same overdue action is never posted twice to a channel on one day;
 * - one reminder per action and due date, `reminder:<action id>:<due date>`, to the owner's personal chat, when the
 *   action falls due within `reminderDaysBefore` days (a later due date is a new reminder);
 * - one escalation per action, `escalation:<action id>`, for the chair, once it is overdue beyond
 *   `escalationDaysOverdue` days.
 * Payloads hold ids; the cards are rendered from the records when sent (src/notify/render/).
 */
export async function queueOverdueScan(tx: Tx, now: Date, settings: ScanSettings): Promise<OverdueScanReport> {
  // Judged by the London date: at 00:30 BST yesterday's due dates are overdue although UTC has not moved on.
  const today = londonDate(now);
  const asOf = today;
  const queued: Tally = { digests: 0, reminders: 0, escalations: 0 };
  const alreadyQueued: Tally = { digests: 0, reminders: 0, escalations: 0 };
  const withoutChat = { reminders: 0, escalations: 0 };
  const append = async <K extends NotificationKind>(tally: keyof Tally, key: string, kind: K, payload: NotificationPayload<K>) => {
    const { created } = await queueNotification({ now: () => now }, tx, kind, key, payload, { keyIsRowId: true });
    (created ? queued : alreadyQueued)[tally]++;
  };

  const cases = new Map<string, CaseRecord | undefined>();
  const caseOf = async (a: ActionRecord) => {
    if (a.parentKind !== 'case') return undefined;
    if (!cases.has(a.parentId)) cases.set(a.parentId, await tx.get('cases', a.parentId));
    return cases.get(a.parentId);
  };
  // An action whose case is gone has nothing to judge it by: it is chased nowhere (as in the action lists).
  const orphan = async (a: ActionRecord) => a.parentKind === 'case' && !(await caseOf(a));

  // Both reads at once: on SharePoint they go out in one round trip.
  const [pastDue, window] = await Promise.all([
    openActions(tx, [{ field: 'dueDate', op: 'lt', value: today }]),
    openActions(tx, [{ field: 'dueDate', op: 'ge', value: today }, { field: 'dueDate', op: 'le', value: addDays(today, settings.reminderDaysBefore) }]),
  ]);
  // Every case the scan judges by, read at once by id, fifty to a request (on SharePoint, one $batch), rather than one
  // by one as met; a case not found is remembered as gone.
  const parentIds = [...new Set([...pastDue, ...window].filter((a) => a.parentKind === 'case').map((a) => a.parentId))];
  const parents = new Map((await findIn(tx, 'cases', 'id', parentIds)).map((c) => [c.id, c]));
  for (const id of parentIds) cases.set(id, parents.get(id));
  const overdue: ActionRecord[] = [];
  for (const a of pastDue.sort(byDue)) if (isOverdue(a, now) && !(await orphan(a))) overdue.push(a);

  // The digest goes to a channel every partner reads: a restricted case's actions are chased in personal chats only.
  const shared: ActionRecord[] = [];
  for (const a of overdue) if (!(await caseOf(a))?.restricted) shared.push(a);
  const dueSoon: ActionRecord[] = [];
  for (const a of window.sort(byDue)) if (!isActionFinished(a) && !(await orphan(a))) dueSoon.push(a);
  const escalated = overdue.filter((a) => daysOverdue(a, now) > settings.escalationDaysOverdue);
  // Who can be told, read at once: each owner's chat once however many actions they hold, not once per action.
  const owners = [...new Set(dueSoon.map((a) => a.ownerId))];
  const [channels, chats, chairsReachable] = await Promise.all([
    partnershipChannels(tx),
    Promise.all(owners.map((id) => personalChatFor(tx, id))),
    chairsWithChat(tx),
  ]);
  const reachable = new Set(owners.filter((_, i) => chats[i]));

  // Every row is its own idempotent append, so they are written together (on SharePoint, $batch by $batch).
  const rows: Promise<void>[] = [];
  if (shared.length) {
    const agencies = [...new Set(shared.map((a) => a.agencyId))].sort();
    const groups = agencies.map((agencyId) => ({ agencyId, actionIds: shared.filter((a) => a.agencyId === agencyId).map((a) => a.id) }));
    for (const channel of channels) {
      const payload: NotificationPayload<'overdueDigest'> = { conversationRefId: channel.id, asOf, actionIds: groups.flatMap((g) => g.actionIds), agencies: groups };
      rows.push(append('digests', dailyKey('overdue', channel.id, now), 'overdueDigest', payload));
    }
  }
  for (const a of dueSoon) {
    if (!reachable.has(a.ownerId)) {
      withoutChat.reminders++;
      continue;
    }
    const payload: NotificationPayload<'reminder'> = { actionId: a.id, ownerId: a.ownerId, dueDate: a.dueDate };
    rows.push(append('reminders', reminderKey(a.id, a.dueDate), 'reminder', payload));
  }
  for (const a of escalated) {
    if (!chairsReachable) {
      withoutChat.escalations++;
      continue;
    }
    const payload: NotificationPayload<'escalation'> = {
      actionId: a.id, dueDate: a.dueDate, daysOverdue: daysOverdue(a, now), thresholdDays: settings.escalationDaysOverdue,
    };
    rows.push(append('escalations', escalationKey(a.id), 'escalation', payload));
  }
  await Promise.all(rows);

  return {
    asOf,
    partnershipChannels: channels.length,
    overdueActions: shared.length,
    dueSoonActions: dueSoon.length,
    escalatedActions: escalated.length,
    queued,
    alreadyQueued,
    withoutChat,
  };
}

/** The active chairs, in a stable order. */
export async function activeChairs(tx: Tx) {
  const members = await tx.find('members', { where: [{ field: 'active', op: 'eq', value: true }] });
  return members.filter((m) => m.roles.includes('chair')).sort((a, b) => (a.id < b.id ? -1 : 1));
}

async function chairsWithChat(tx: Tx): Promise<boolean> {
  const chats = await Promise.all((await activeChairs(tx)).map((chair) => personalChatFor(tx, chair.id)));
  return chats.some(Boolean);
}

/** The actor id the scheduler's runs are audited under: no member, and no policy ever sees it. */
export const SYSTEM_ACTOR_ID = 'system';

/**
 * The scan as the scheduler (and `npm run scan:overdue`) runs it: no person is acting, so it does not go through a
 * command and the policies (a "system" member with a coordinator role would be able to do everything a coordinator
 * can). It writes only outbox rows, with an audit event naming 'system', as the sender does for a lost conversation.
 */
export async function runOverdueScanAsSystem(
  store: Store,
  now: Date,
  settings: ScanSettings,
  trigger: string,
): Promise<OverdueScanReport> {
  return store.transaction(async (tx) => {
    const report = await queueOverdueScan(tx, now, settings);
    // Through the chain writer like every audit event, so `npm run audit:verify` still passes after a scan.
    await appendAuditEvent(tx, {
      id: `audit:overdueScan:${now.toISOString()}`,
      idempotencyKey: `${SYSTEM_ACTOR_ID}:overdueScan:${now.toISOString()}`,
      at: now.toISOString(),
      actorId: SYSTEM_ACTOR_ID,
      actorAgencyId: SYSTEM_ACTOR_ID,
      action: 'create',
      recordType: 'overdueScan',
      recordId: report.asOf,
      change: { queued: report.queued, alreadyQueued: report.alreadyQueued, withoutChat: report.withoutChat },
      reason: `Overdue scan (${trigger}).`,
      correlationId: `overdueScan:${report.asOf}`,
    });
    return report;
  });
}
