import { escalationCardOf, overdueDigestCardOf, reminderCardOf } from '../../cards/cardsFromViews';
import type { AdaptiveCardJson } from '../../cards/types';
import type { OutboxMessage } from '../../domain/records';
import { payloadOf } from '../../kernel/notifications';
import { loadEscalationView, loadOverdueDigestView, loadReminderView } from '../../queries/cardData';
import type { DeliveryTarget } from '../render';
import { cardActivity, delivered, type KindRenderer } from './rendering';

/** How long after its scan a digest is still updated in place when one of its actions is completed. */
const DIGEST_REFRESH_DAYS = 7;

/** A completion changes cards already posted: every digest (recent), reminder and escalation that lists the action. */
export const renderActionCompleted: KindRenderer<'actionCompleted'> = (r, p) => refreshCardsListing(r, p.actionId, 'Action completed');

/**
 * The cards already posted that list an action (recent digests, reminders, escalations), rebuilt from the records now
 * and sent as in-place updates: for a completion, and for a change made in SharePoint (a re-dated action).
 */
export async function refreshCardsListing(r: Parameters<KindRenderer<'actionCompleted'>>[0], actionId: string, summary: string): Promise<DeliveryTarget[] | null> {
  if (!(await r.tx.get('actions', actionId))) return null;
  const since = new Date(r.now.getTime() - DIGEST_REFRESH_DAYS * 86_400_000).toISOString();
  const sent = await r.tx.find('outbox', { where: [{ field: 'status', op: 'eq', value: 'sent' }] });
  const targets: DeliveryTarget[] = [];
  for (const row of sent.sort((a, b) => (a.createdAt < b.createdAt ? -1 : a.createdAt > b.createdAt ? 1 : 0))) {
    const card = await cardListing(r, row, actionId, since);
    if (!card) continue;
    const activity = cardActivity(card, summary);
    for (const d of await delivered(r, row.deliveries ?? [])) {
      targets.push({ ref: d.ref, activity, replaces: { activityId: d.activityId, ...(d.conversationId ? { conversationId: d.conversationId } : {}) } });
    }
  }
  return targets;
}

async function cardListing(r: Parameters<KindRenderer<'actionCompleted'>>[0], row: OutboxMessage, actionId: string, since: string): Promise<AdaptiveCardJson | undefined> {
  if (row.kind === 'overdueDigest' && row.createdAt >= since && payloadOf('overdueDigest', row.payload)?.actionIds.includes(actionId)) {
    const view = await loadOverdueDigestView(r.tx, row.id, { now: r.now, shared: true });
    return view && overdueDigestCardOf(view, r.publicUrl);
  }
  if (row.kind === 'reminder' && payloadOf('reminder', row.payload)?.actionId === actionId) {
    const view = await loadReminderView(r.tx, actionId, { now: r.now });
    return view && reminderCardOf(view, r.publicUrl);
  }
  const escalation = row.kind === 'escalation' ? payloadOf('escalation', row.payload) : undefined;
  if (escalation?.actionId === actionId) {
    const view = await loadEscalationView(r.tx, actionId, escalation.thresholdDays, { now: r.now });
    return view && escalationCardOf(view, r.publicUrl);
  }
  return undefined;
}
