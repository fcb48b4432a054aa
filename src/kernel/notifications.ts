import { z } from 'zod';
import type { CaseRecord } from '../domain/records';
import type { Tx } from '../store/port';

/*
 * The one registry of notification kinds. Each kind declares its payload once, here, as a zod schema; the outbox row
 * is written only through `queueNotification` (commands in their unit of work, the overdue scan, the sender's
 * conversation-lost notice), and each kind has exactly one renderer (src/notify/render/, typed against this map, so a
 * kind without a renderer does not compile). Payloads hold ids and references only: the card is rendered from the
 * records when it is sent, so it shows the state then.
 */

const recordId = z.string().min(1).max(200);
const ref = z.string().max(60);

export const NOTIFICATION_PAYLOADS = {
  /** A submitted referral: a new thread in each partnership channel. */
  newReferral: z.object({ caseId: recordId, ref }),
  /** The screening asked the referrer for more information. */
  infoRequested: z.object({ caseId: recordId, ref, referrerMemberId: recordId, requestedById: recordId }),
  /** A screening decision. */
  decision: z.object({ caseId: recordId, ref, decisionId: recordId, outcome: z.string().max(60), referrerMemberId: recordId }),
  /** A case closed (its closing decision). */
  caseClosed: z.object({ caseId: recordId, ref, decisionId: recordId, closureReason: z.string().max(4000).optional() }),
  /** A new action for its owner. */
  actionAssigned: z.object({ actionId: recordId, caseId: recordId.optional(), ref: ref.optional(), ownerId: recordId }),
  /** An action completed: the cards already posted that list it are updated. */
  actionCompleted: z.object({
    actionId: recordId, caseId: recordId.optional(), ref: ref.optional(), outcome: z.string().max(60), completedById: recordId,
  }),
  /** An action re-dated (in SharePoint, by a coordinator): the cards already posted that list it are updated. */
  actionRedated: z.object({ actionId: recordId, dueDate: z.string().regex(/^\d{4}-\d{2}-\d{2}$/) }),
  /** One day's overdue digest for one partnership channel. */
  overdueDigest: z.object({
    /** The ConversationRef (kind 'conversations') the digest is for. */
    conversationRefId: recordId,
    /** The UK date of the scan, yyyy-mm-dd. */
    asOf: z.string().regex(/^\d{4}-\d{2}-\d{2}$/),
    /** Every action listed, in the order of `agencies`. */
    actionIds: z.array(recordId).max(500),
    /** The same actions grouped by the owning agency. */
    agencies: z.array(z.object({ agencyId: recordId, actionIds: z.array(recordId).max(500) })).max(200),
  }),
  /** A reminder to the action's owner before the due date it names. */
  reminder: z.object({ actionId: recordId, ownerId: recordId, dueDate: z.string().max(30) }),
  /** An action overdue beyond the configured days, for the chairs. */
  escalation: z.object({ actionId: recordId, dueDate: z.string().max(30), daysOverdue: z.number().int().min(0), thresholdDays: z.number().int().min(0) }),
  /** Re-render the posted new-referral card in place (an agency answered, the referral was listed or withdrawn). */
  updateReferralCard: z.object({ caseId: recordId, ref }),
  /** The app lost a conversation (403 / removed): a notice to the coordinators. Ids only, nothing about a person. */
  conversationLost: z.object({
    conversationRefId: z.string().max(200),
    conversationType: z.enum(['personal', 'groupChat', 'channel']),
    teamId: z.string().max(500).optional(),
    channelId: z.string().max(500).optional(),
    memberId: z.string().max(200).optional(),
    isPartnershipChannel: z.boolean(),
    reason: z.string().max(200),
    lostAt: z.string().max(40),
  }),
  /** A member opened a case by break-glass: the coordinators are told at once (reference and who; no personal data). */
  breakGlass: z.object({ caseId: recordId, ref, memberId: recordId, agencyId: recordId, at: z.string().max(40), until: z.string().max(40) }),
  /**
   * A change a person made in a SharePoint list that RiskPanel did not take (a value it cannot read, a step the
   * lifecycle does not allow, a column only RiskPanel changes): to the coordinators, with the list, the columns and why.
   */
  sharePointEditFlagged: z.object({
    kind: z.string().max(40),
    list: z.string().max(100),
    itemId: z.string().max(50),
    recordId: recordId.optional(),
    ref: ref.optional(),
    editorName: z.string().max(255),
    columns: z.array(z.string().max(100)).max(60),
    reasons: z.array(z.string().max(600)).max(60),
    /** True when RiskPanel put the saved values back; false when it left the item as it is (unreadable values). */
    reverted: z.boolean(),
    webUrl: z.string().max(2000).optional(),
  }),
  /** A meeting's agenda published: the partnership channel and the meeting chat (references, initials, item kinds). */
  agendaPublished: z.object({ meetingId: recordId, papersIssuedAt: z.string().max(40) }),
  /** A meeting's minutes issued: the same places, with the document's link (never the file) and the working days. */
  minutesIssued: z.object({ meetingId: recordId, minutesIssuedAt: z.string().max(40) }),
} as const;

export type NotificationKind = keyof typeof NOTIFICATION_PAYLOADS;
export type NotificationPayload<K extends NotificationKind> = z.output<(typeof NOTIFICATION_PAYLOADS)[K]>;
export const NOTIFICATION_KINDS = Object.keys(NOTIFICATION_PAYLOADS) as NotificationKind[];

export const isNotificationKind = (kind: string): kind is NotificationKind => Object.hasOwn(NOTIFICATION_PAYLOADS, kind);

/** A row's payload as its kind declares it, or undefined (a row can outlive a code change: read it like any input). */
export function payloadOf<K extends NotificationKind>(kind: K, payload: unknown): NotificationPayload<K> | undefined {
  const parsed = NOTIFICATION_PAYLOADS[kind].safeParse(payload);
  return parsed.success ? (parsed.data as NotificationPayload<K>) : undefined;
}

/** The key the new-referral card of a case was queued with: where to find where it went. */
export const newReferralKey = (caseId: string): string => `newReferral:${caseId}`;
export const reminderKey = (actionId: string, dueDate: string): string => `reminder:${actionId}:${dueDate}`;
export const escalationKey = (actionId: string): string => `escalation:${actionId}`;

export interface QueueOptions {
  /**
   * The key is the whole idempotency key (not prefixed with the kind) and also the row's id: rows the system queues
   * (the scan, the sender) are keyed so that a retry, another instance or a second scan finds the row already there.
   */
  keyIsRowId?: boolean;
}

/**
 * Queues a card in the outbox inside the caller's unit of work. The key says what the card is about, so the same
 * event never queues two cards. The payload is checked against its kind's schema: a row that its renderer could not
 * read is never written. `at` is the command's context (or, for the system, anything with a clock).
 */
export async function queueNotification<K extends NotificationKind>(
  at: { now: () => Date; newId?: () => string },
  tx: Tx,
  kind: K,
  key: string,
  payload: NotificationPayload<K>,
  options: QueueOptions = {},
): Promise<{ created: boolean }> {
  const checked = NOTIFICATION_PAYLOADS[kind].parse(payload) as Record<string, unknown>;
  const idempotencyKey = options.keyIsRowId ? key : `${kind}:${key}`;
  const { created } = await tx.append('outbox', {
    id: options.keyIsRowId || !at.newId ? idempotencyKey : at.newId(),
    idempotencyKey,
    kind,
    createdAt: at.now().toISOString(),
    payload: checked,
    status: 'pending',
    attempts: 0,
  });
  return { created };
}

/**
 * Queues an in-place update of the new-referral card already posted for a case, inside the unit of work that changed
 * the case. Keyed by the version written, so each change refreshes the card once and a retried request adds nothing.
 * When the card has not been posted (yet), the row settles with no delivery.
 */
export async function queueReferralCardRefresh(tx: Tx, c: Pick<CaseRecord, 'id' | 'ref' | 'version'>, now: Date): Promise<boolean> {
  const key = `updateReferralCard:${c.id}:v${c.version}`;
  const { created } = await queueNotification({ now: () => now }, tx, 'updateReferralCard', key, { caseId: c.id, ref: c.ref }, { keyIsRowId: true });
  return created;
}
