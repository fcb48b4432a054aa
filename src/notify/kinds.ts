/**
 * The outbox kinds src/notify queues itself (the commands queue theirs through src/commands/notifications.ts).
 * Payloads hold ids only: the renderer loads the records when the card is sent, so a card shows the state then.
 */
export const OVERDUE_DIGEST = 'overdueDigest';
export const REMINDER = 'reminder';
export const ESCALATION = 'escalation';
export const UPDATE_REFERRAL_CARD = 'updateReferralCard';

/** One day's overdue digest for one partnership channel. */
export interface OverdueDigestPayload extends Record<string, unknown> {
  /** The ConversationRef (kind 'conversations') the digest is for. */
  conversationRefId: string;
  /** The UK date of the scan, yyyy-mm-dd. */
  asOf: string;
  /** Every action listed, in the order of `agencies` (bot/cards/views.ts reads this to rebuild the card). */
  actionIds: string[];
  /** The same actions grouped by the owning agency. */
  agencies: { agencyId: string; actionIds: string[] }[];
}

/** A reminder to the action's owner before the due date it names. */
export interface ReminderPayload extends Record<string, unknown> {
  actionId: string;
  ownerId: string;
  dueDate: string;
}

/** An action overdue beyond the configured days, for the chair. */
export interface EscalationPayload extends Record<string, unknown> {
  actionId: string;
  dueDate: string;
  daysOverdue: number;
  thresholdDays: number;
}

/** Re-render the posted new-referral card in place (e.g. an agency has answered). */
export interface UpdateReferralCardPayload extends Record<string, unknown> {
  caseId: string;
  ref: string;
}

/** The key the new-referral card was queued with (src/commands/referralIntake.ts): where to find where it went. */
export const newReferralKey = (caseId: string): string => `newReferral:${caseId}`;
export const reminderKey = (actionId: string, dueDate: string): string => `${REMINDER}:${actionId}:${dueDate}`;
export const escalationKey = (actionId: string): string => `${ESCALATION}:${actionId}`;
