import type { AdaptiveCardJson } from '../../cards/types';
import type { ActionRecord, CaseRecord, ConversationRef, Member, OutboxDelivery } from '../../domain/records';
import type { NotificationKind, NotificationPayload } from '../../kernel/notifications';
import type { Actor } from '../../policies/actor';
import type { Tx } from '../../store/port';
import type { OutgoingActivity } from '../connector';
import { personalChatFor } from '../../kernel/conversations';
import { sentDeliveries } from '../deliveries';
import type { DeliveryTarget } from '../render';

/** What every kind's renderer works with: the transaction (read only), the clock and the tab's address. */
export interface Rendering {
  tx: Tx;
  now: Date;
  publicUrl: string;
}

/** One kind's renderer: its payload typed by the registry (src/kernel/notifications.ts). Contract: ../render.ts. */
export type KindRenderer<K extends NotificationKind> = (r: Rendering, payload: NotificationPayload<K>, rowId: string) => Promise<DeliveryTarget[] | null>;

/** One renderer per kind: a kind added to the registry without one here does not compile. */
export type KindRenderers = { [K in NotificationKind]: KindRenderer<K> };

const ADAPTIVE = 'application/vnd.microsoft.card.adaptive';
export const cardActivity = (card: AdaptiveCardJson, summary: string): OutgoingActivity => ({
  type: 'message',
  // The notification preview: reference only, like the card itself on a shared surface.
  summary,
  attachments: [{ contentType: ADAPTIVE, content: card }],
});

export async function parentOf(r: Rendering, action: ActionRecord): Promise<CaseRecord | undefined> {
  return action.parentKind === 'case' ? r.tx.get('cases', action.parentId) : undefined;
}

export async function coordinators(r: Rendering): Promise<Member[]> {
  const members = await r.tx.find('members', { where: [{ field: 'active', op: 'eq', value: true }] });
  return members.filter((m) => m.roles.includes('coordinator')).sort((a, b) => (a.id < b.id ? -1 : 1));
}

export interface WithChat {
  member: Member;
  actor?: Actor;
  chat: ConversationRef;
}

export async function memberWithChat(r: Rendering, memberId: string): Promise<WithChat | undefined> {
  const member = await r.tx.get('members', memberId);
  if (!member?.active) return undefined;
  const [found] = await withChats(r, [member]);
  return found;
}

/** The members with an active personal chat, each with the actor the policies judge them as. */
export async function withChats(r: Rendering, members: Member[]): Promise<WithChat[]> {
  const out: WithChat[] = [];
  for (const member of members) {
    const chat = await personalChatFor(r.tx, member.id);
    if (!chat) continue;
    const agency = await r.tx.get('agencies', member.agencyId);
    out.push({ member, chat, ...(agency ? { actor: { member, agency } } : {}) });
  }
  return out;
}

export interface Delivered {
  ref: ConversationRef;
  activityId: string;
  conversationId?: string;
}

/** Where the card queued with this key went, with the stored reference of each (active ones only). */
export async function sentTo(r: Rendering, idempotencyKey: string): Promise<Delivered[]> {
  return delivered(r, await sentDeliveries(r.tx, idempotencyKey));
}

export async function delivered(r: Rendering, deliveries: OutboxDelivery[]): Promise<Delivered[]> {
  const out: Delivered[] = [];
  for (const d of deliveries) {
    if (d.state !== 'sent' || !d.activityId) continue;
    const ref = await r.tx.get('conversations', d.conversationRefId);
    if (!ref?.active) continue;
    out.push({ ref, activityId: d.activityId, ...(d.conversationId ? { conversationId: d.conversationId } : {}) });
  }
  return out;
}
