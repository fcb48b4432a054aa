import { z } from 'zod';
import {
  loadEscalationView, loadNewReferralView, loadOverdueDigestView, loadReminderView, type ViewOptions,
} from '../../bot/cards/cardViews';
import { decisionCard } from '../../bot/cards/decisionCard';
import { escalationCard } from '../../bot/cards/escalationCard';
import { newReferralCard } from '../../bot/cards/newReferralCard';
import { overdueDigestCard } from '../../bot/cards/overdueDigestCard';
import { reminderCard } from '../../bot/cards/reminderCard';
import { actionsUrl, caseUrl } from '../../bot/links';
import { formatDate, formatDateTime } from '../../bot/format';
import type { AdaptiveCardJson } from '../../bot/types';
import type { ActionRecord, CaseRecord, ConversationRef, Member, OutboxDelivery, OutboxMessage } from '../domain/records';
import { isActionFinished, isOverdue } from '../domain/rules';
import { can } from '../policies';
import type { Actor } from '../policies/actor';
import type { Tx } from '../store/port';
import type { OutgoingActivity } from './connector';
import { partnershipChannels, personalChatFor } from './conversations';
import { sentDeliveries } from './deliveries';
import { ESCALATION, newReferralKey, OVERDUE_DIGEST, REMINDER, UPDATE_REFERRAL_CARD } from './kinds';
import { activeChairs } from './overdueScan';
import { noticeCard } from './noticeCards';
import { CONVERSATION_LOST, type DeliveryTarget, type Render } from './render';

export interface RenderOptions {
  /** Base URL of the tab, for the cards' "Open" links. */
  publicUrl: string;
  /** The clock cards are rendered with ("3 days overdue"); tests pin it. */
  now?: () => Date;
}

/** How long after its scan a digest is still updated in place when one of its actions is completed. */
const DIGEST_REFRESH_DAYS = 7;

const ADAPTIVE = 'application/vnd.microsoft.card.adaptive';
const cardActivity = (card: AdaptiveCardJson, summary: string): OutgoingActivity => ({
  type: 'message',
  // The notification preview: reference only, like the card itself on a shared surface.
  summary,
  attachments: [{ contentType: ADAPTIVE, content: card }],
});

// Payloads are ours, but a row can outlive a code change: read them like any other input.
const caseIdOnly = z.object({ caseId: z.string().min(1) }).passthrough();
const decisionPayload = z.object({ caseId: z.string().min(1), decisionId: z.string().min(1) }).passthrough();
const actionIdOnly = z.object({ actionId: z.string().min(1) }).passthrough();
const reminderPayload = z.object({ actionId: z.string().min(1), dueDate: z.string() }).passthrough();
const escalationPayload = z.object({ actionId: z.string().min(1), thresholdDays: z.number().int().min(0) }).passthrough();
const digestPayload = z.object({ conversationRefId: z.string().min(1) }).passthrough();
const lostPayload = z.object({
  conversationRefId: z.string(),
  conversationType: z.enum(['personal', 'groupChat', 'channel']),
  isPartnershipChannel: z.boolean(),
  memberId: z.string().optional(),
  reason: z.string().max(200),
  lostAt: z.string(),
}).passthrough();

function payloadOf<T>(schema: z.ZodType<T>, message: OutboxMessage): T {
  const parsed = schema.safeParse(message.payload);
  if (!parsed.success) throw new Error(`the ${message.kind} payload is not what this kind carries`);
  return parsed.data;
}

/**
 * The Render contract (render.ts) for every kind RiskPanel queues. Each card is built from the records as they are
 * when it is sent, with the card builders of bot/cards (the same ones the card actions rebuild with), so a card never
 * shows a state older than its sending. Where it goes:
 * - newReferral: a new thread in each active partnership channel (never for a restricted case);
 * - decision, caseClosed: the partnership channel (not for a restricted case) and, for a decision, the referrer's
 *   personal chat (with the rationale when they may read the case); both also update the posted referral card;
 * - infoRequested: the referrer's personal chat; actionAssigned: the owner's;
 * - actionCompleted: updates in place the digests (last 7 days), reminder and escalation cards that list the action;
 * - overdueDigest: its partnership channel; reminder: the owner's chat; escalation: the chairs' chats (the
 *   coordinators' when no chair may read the action); conversationLost: the coordinators' chats;
 * - updateReferralCard: the posted new-referral cards, replaced in place.
 */
export function createRenderer(options: RenderOptions): Render {
  const now = options.now ?? (() => new Date());
  return async (message, tx) => {
    const view: ViewOptions = { now: now(), publicUrl: options.publicUrl };
    const r = new Rendering(tx, view);
    switch (message.kind) {
      case 'newReferral':
        return r.newReferral(payloadOf(caseIdOnly, message).caseId);
      case UPDATE_REFERRAL_CARD:
        return r.updateReferralCard(payloadOf(caseIdOnly, message).caseId);
      case 'decision':
      case 'caseClosed': {
        const p = payloadOf(decisionPayload, message);
        return r.decision(p.caseId, p.decisionId, message.kind === 'decision');
      }
      case 'infoRequested':
        return r.infoRequested(payloadOf(caseIdOnly, message).caseId);
      case 'actionAssigned':
        return r.actionAssigned(payloadOf(actionIdOnly, message).actionId);
      case 'actionCompleted':
        return r.actionCompleted(payloadOf(actionIdOnly, message).actionId);
      case OVERDUE_DIGEST:
        return r.overdueDigest(message, payloadOf(digestPayload, message).conversationRefId);
      case REMINDER: {
        const p = payloadOf(reminderPayload, message);
        return r.reminder(p.actionId, p.dueDate);
      }
      case ESCALATION: {
        const p = payloadOf(escalationPayload, message);
        return r.escalation(p.actionId, p.thresholdDays);
      }
      case CONVERSATION_LOST:
        return r.conversationLost(payloadOf(lostPayload, message));
      default:
        return null;
    }
  };
}

class Rendering {
  constructor(private readonly tx: Tx, private readonly view: ViewOptions) {}

  async newReferral(caseId: string): Promise<DeliveryTarget[] | null> {
    const c = await this.tx.get('cases', caseId);
    if (!c) return null;
    // Every partner reads the channel; a restricted referral's summary is for its circle only (casePolicy).
    if (c.restricted || c.status === 'draft') return [];
    const data = await loadNewReferralView(this.tx, caseId, this.view);
    if (!data) return null;
    const activity = cardActivity(newReferralCard(data), `New referral ${c.ref}`);
    return (await partnershipChannels(this.tx)).map((ref) => ({ ref, activity, newThread: true }));
  }

  async updateReferralCard(caseId: string): Promise<DeliveryTarget[] | null> {
    const c = await this.tx.get('cases', caseId);
    if (!c) return null;
    return this.referralCardUpdates(c);
  }

  /** The posted new-referral cards of a case, replaced by the card as it is now. */
  private async referralCardUpdates(c: CaseRecord): Promise<DeliveryTarget[]> {
    const posted = await this.sentTo(newReferralKey(c.id));
    if (!posted.length) return [];
    let card: AdaptiveCardJson;
    if (c.restricted) {
      // Restricted after it was posted: take the reference off the shared card rather than keep showing it.
      card = noticeCard({ title: 'Referral no longer shown here', subject: '', lines: [], footnote: 'Those who may see it find it in RiskPanel.' });
    } else {
      const data = await loadNewReferralView(this.tx, c.id, this.view);
      if (!data) return [];
      card = newReferralCard(data);
    }
    const activity = cardActivity(card, `Referral ${c.restricted ? 'update' : c.ref}`);
    return posted.map(({ ref, activityId, conversationId }) => ({ ref, activity, replaces: { activityId, conversationId } }));
  }

  async decision(caseId: string, decisionId: string, toReferrer: boolean): Promise<DeliveryTarget[] | null> {
    const c = await this.tx.get('cases', caseId);
    const decision = await this.tx.get('decisions', decisionId);
    if (!c || !decision) return null;
    const lead = c.leadAgencyId ? await this.tx.get('agencies', c.leadAgencyId) : undefined;
    const base = {
      caseId: c.id,
      ref: c.ref,
      initials: c.initials,
      outcome: decision.outcome,
      ...(lead ? { leadAgency: lead.shortName } : {}),
      decidedAt: decision.decidedAt,
      openUrl: caseUrl(this.view.publicUrl, c.id),
    };
    const targets: DeliveryTarget[] = [];
    if (!c.restricted) {
      const activity = cardActivity(decisionCard({ ...base, audience: 'channel' }), `Panel decision on ${c.ref}`);
      for (const ref of await partnershipChannels(this.tx)) targets.push({ ref, activity });
    }
    if (toReferrer) {
      const referrer = await this.memberWithChat(c.referrerMemberId);
      if (referrer) {
        // The rationale is about the adult: only for a referrer who may still read the case.
        const card = referrer.actor && can(referrer.actor, 'read', 'case', c)
          ? decisionCard({ ...base, audience: 'personal', rationale: decision.rationale })
          : decisionCard({ ...base, audience: 'channel' });
        targets.push({ ref: referrer.chat, activity: cardActivity(card, `A decision on your referral ${c.ref}`) });
      }
    }
    targets.push(...(await this.referralCardUpdates(c)));
    return targets;
  }

  async infoRequested(caseId: string): Promise<DeliveryTarget[] | null> {
    const c = await this.tx.get('cases', caseId);
    if (!c) return null;
    const targets: DeliveryTarget[] = [];
    const referrer = await this.memberWithChat(c.referrerMemberId);
    // Answered already (or withdrawn): nothing to ask any more.
    if (referrer && c.status === 'info_requested') {
      const mayRead = referrer.actor !== undefined && can(referrer.actor, 'read', 'case', c);
      const card = noticeCard({
        title: 'More information requested on your referral',
        subject: `${c.ref} \u00b7 ${c.initials}`,
        lines: mayRead && c.infoRequest ? [c.infoRequest.question] : [],
        footnote: 'Answer in RiskPanel; the referral is screened once the panel has what it needs.',
        openUrl: caseUrl(this.view.publicUrl, c.id),
      });
      targets.push({ ref: referrer.chat, activity: cardActivity(card, `More information requested on ${c.ref}`) });
    }
    targets.push(...(await this.referralCardUpdates(c)));
    return targets;
  }

  async actionAssigned(actionId: string): Promise<DeliveryTarget[] | null> {
    const action = await this.tx.get('actions', actionId);
    if (!action) return null;
    if (isActionFinished(action)) return [];
    const owner = await this.memberWithChat(action.ownerId);
    if (!owner) return [];
    const parentCase = await this.parentOf(action);
    const card = noticeCard({
      title: 'A new action for you',
      subject: parentCase ? `${parentCase.ref} \u00b7 ${parentCase.initials}` : '',
      lines: [action.description, `Due ${formatDate(action.dueDate)}`],
      footnote: 'You will be reminded before it is due. Update or complete it from the reminder or in RiskPanel.',
      openUrl: parentCase ? caseUrl(this.view.publicUrl, parentCase.id) : actionsUrl(this.view.publicUrl),
    });
    return [{ ref: owner.chat, activity: cardActivity(card, parentCase ? `A new action on ${parentCase.ref}` : 'A new action for you') }];
  }

  /** A completion changes cards already posted: every digest (recent), reminder and escalation that lists the action. */
  async actionCompleted(actionId: string): Promise<DeliveryTarget[] | null> {
    if (!(await this.tx.get('actions', actionId))) return null;
    const since = new Date(this.view.now.getTime() - DIGEST_REFRESH_DAYS * 86_400_000).toISOString();
    const sent = await this.tx.find('outbox', { where: [{ field: 'status', op: 'eq', value: 'sent' }] });
    const targets: DeliveryTarget[] = [];
    for (const row of sent.sort((a, b) => (a.createdAt < b.createdAt ? -1 : a.createdAt > b.createdAt ? 1 : 0))) {
      let card: AdaptiveCardJson | undefined;
      if (row.kind === OVERDUE_DIGEST && row.createdAt >= since && listsAction(row, actionId)) {
        const data = await loadOverdueDigestView(this.tx, row.id, this.view);
        card = data && overdueDigestCard(data);
      } else if (row.kind === REMINDER && row.payload.actionId === actionId) {
        const data = await loadReminderView(this.tx, actionId, this.view);
        card = data && reminderCard(data);
      } else if (row.kind === ESCALATION && row.payload.actionId === actionId) {
        const threshold = typeof row.payload.thresholdDays === 'number' ? row.payload.thresholdDays : 0;
        const data = await loadEscalationView(this.tx, actionId, threshold, this.view);
        card = data && escalationCard(data);
      }
      if (!card) continue;
      const activity = cardActivity(card, 'Action completed');
      for (const d of await this.deliveredOf(row)) targets.push({ ref: d.ref, activity, replaces: { activityId: d.activityId, conversationId: d.conversationId } });
    }
    return targets;
  }

  async overdueDigest(message: OutboxMessage, conversationRefId: string): Promise<DeliveryTarget[] | null> {
    const ref = await this.tx.get('conversations', conversationRefId);
    const data = await loadOverdueDigestView(this.tx, message.id, this.view);
    if (!ref || !data) return null;
    // Everything on it was dealt with before it went out: no digest rather than a list of finished actions.
    if (!data.actions.some((a) => !isActionFinished(a) && a.daysOverdue > 0)) return [];
    return [{ ref, activity: cardActivity(overdueDigestCard(data), `Overdue actions on ${formatDate(data.asOf)}`) }];
  }

  async reminder(actionId: string, dueDate: string): Promise<DeliveryTarget[] | null> {
    const action = await this.tx.get('actions', actionId);
    if (!action) return null;
    // Finished, or its due date moved (the new date gets its own reminder): nothing to remind of.
    if (isActionFinished(action) || action.dueDate !== dueDate) return [];
    const owner = await this.memberWithChat(action.ownerId);
    const data = await loadReminderView(this.tx, actionId, this.view);
    if (!owner || !data) return [];
    return [{ ref: owner.chat, activity: cardActivity(reminderCard(data), `Action due ${formatDate(action.dueDate)}`) }];
  }

  async escalation(actionId: string, thresholdDays: number): Promise<DeliveryTarget[] | null> {
    const action = await this.tx.get('actions', actionId);
    if (!action) return null;
    if (!isOverdue(action, this.view.now)) return [];
    const parentCase = await this.parentOf(action);
    const subject = { action, ...(parentCase ? { parentCase } : {}) };
    // The chairs who may see the action; a restricted case outside every chair's circle goes to the coordinators.
    let readers = (await this.withChats(await activeChairs(this.tx))).filter((m) => m.actor && can(m.actor, 'read', 'action', subject));
    if (!readers.length) readers = await this.withChats(await this.coordinators());
    const data = await loadEscalationView(this.tx, actionId, thresholdDays, this.view);
    if (!data) return [];
    const activity = cardActivity(escalationCard(data), 'Overdue action escalated');
    return readers.map((m) => ({ ref: m.chat, activity }));
  }

  async conversationLost(p: z.infer<typeof lostPayload>): Promise<DeliveryTarget[]> {
    let where = p.isPartnershipChannel ? 'The partnership channel' : p.conversationType === 'channel' ? 'A team channel' : p.conversationType === 'groupChat' ? 'A group chat' : 'A personal chat';
    if (p.conversationType === 'personal' && p.memberId) {
      const member = await this.tx.get('members', p.memberId);
      if (member) where = `The personal chat of ${member.name}`;
    }
    const card = noticeCard({
      title: 'RiskPanel can no longer post to a conversation',
      subject: '',
      lines: [`${where}: Teams answered ${p.reason} on ${formatDateTime(p.lostAt)}. Cards for it are not sent.`],
      footnote: 'Add the RiskPanel app to that team or chat again; new cards go there once it is back.',
    });
    const activity = cardActivity(card, 'RiskPanel lost a conversation');
    return (await this.withChats(await this.coordinators())).map((m) => ({ ref: m.chat, activity }));
  }

  // -- helpers ---------------------------------------------------------------------------------------------------

  private async parentOf(action: ActionRecord): Promise<CaseRecord | undefined> {
    return action.parentKind === 'case' ? this.tx.get('cases', action.parentId) : undefined;
  }

  private async coordinators(): Promise<Member[]> {
    const members = await this.tx.find('members', { where: [{ field: 'active', op: 'eq', value: true }] });
    return members.filter((m) => m.roles.includes('coordinator')).sort((a, b) => (a.id < b.id ? -1 : 1));
  }

  private async memberWithChat(memberId: string): Promise<{ member: Member; actor?: Actor; chat: ConversationRef } | undefined> {
    const member = await this.tx.get('members', memberId);
    if (!member?.active) return undefined;
    const [found] = await this.withChats([member]);
    return found;
  }

  /** The members with an active personal chat, each with the actor the policies judge them as. */
  private async withChats(members: Member[]): Promise<{ member: Member; actor?: Actor; chat: ConversationRef }[]> {
    const out = [];
    for (const member of members) {
      const chat = await personalChatFor(this.tx, member.id);
      if (!chat) continue;
      const agency = await this.tx.get('agencies', member.agencyId);
      out.push({ member, chat, ...(agency ? { actor: { member, agency } } : {}) });
    }
    return out;
  }

  /** Where the card queued with this key went, with the stored reference of each (active ones only). */
  private async sentTo(idempotencyKey: string) {
    return this.delivered(await sentDeliveries(this.tx, idempotencyKey));
  }

  private deliveredOf(row: OutboxMessage) {
    return this.delivered(row.deliveries ?? []);
  }

  private async delivered(deliveries: OutboxDelivery[]): Promise<{ ref: ConversationRef; activityId: string; conversationId?: string }[]> {
    const out = [];
    for (const d of deliveries) {
      if (d.state !== 'sent' || !d.activityId) continue;
      const ref = await this.tx.get('conversations', d.conversationRefId);
      if (!ref?.active) continue;
      out.push({ ref, activityId: d.activityId, ...(d.conversationId ? { conversationId: d.conversationId } : {}) });
    }
    return out;
  }
}

const listsAction = (row: OutboxMessage, actionId: string): boolean =>
  Array.isArray(row.payload.actionIds) && (row.payload.actionIds as unknown[]).includes(actionId);
