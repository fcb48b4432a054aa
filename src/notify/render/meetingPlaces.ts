import type { AgendaItem, CaseRecord, ConversationRef, Meeting } from '../../domain/records';
import { conversationRefId, partnershipChannels } from '../../kernel/conversations';
import type { Tx } from '../../store/port';
import type { OutgoingActivity } from '../connector';
import type { DeliveryTarget } from '../render';

/** Where a meeting's cards go: every partnership channel, and the Teams meeting's own chat once the app is in it. */
export async function meetingPlaces(tx: Tx, meeting: Meeting, activity: OutgoingActivity): Promise<DeliveryTarget[]> {
  const refs: ConversationRef[] = await partnershipChannels(tx);
  if (meeting.chatConversationId) {
    const chat = await tx.get('conversations', conversationRefId(meeting.chatConversationId));
    if (chat?.active && !refs.some((r) => r.id === chat.id)) refs.push(chat);
  }
  return refs.map((ref) => ({ ref, activity }));
}

/** An item as a shared surface names it: the case's reference and initials, "Restricted case", or the AOB title. */
export function itemSubject(item: AgendaItem, c: CaseRecord | undefined): string {
  if (item.kind === 'any_other_business') return item.title ?? 'Any other business';
  if (!c) return 'Case';
  return c.restricted ? 'Restricted case' : `${c.ref} \u00b7 ${c.initials}`;
}
