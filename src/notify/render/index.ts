import { isNotificationKind, type NotificationKind, payloadOf } from '../../kernel/notifications';
import type { Render } from '../render';
import { renderActionAssigned } from './actionAssigned';
import { renderActionCompleted } from './actionCompleted';
import { renderActionRedated } from './actionRedated';
import { renderAgendaPublished } from './agendaPublished';
import { renderBreakGlass } from './breakGlass';
import { renderCaseClosed } from './caseClosed';
import { renderConversationLost } from './conversationLost';
import { renderDecision } from './decision';
import { renderEscalation } from './escalation';
import { renderInfoRequested } from './infoRequested';
import { renderMinutesIssued } from './minutesIssued';
import { renderNewReferral } from './newReferral';
import { renderOverdueDigest } from './overdueDigest';
import type { KindRenderer, KindRenderers, Rendering } from './rendering';
import { renderReminder } from './reminder';
import { renderSharePointEditFlagged } from './sharePointEditFlagged';
import { renderUpdateReferralCard } from './updateReferralCard';

/** One renderer per kind of the registry (src/kernel/notifications.ts): a missing one is a compile error. */
export const RENDERERS: KindRenderers = {
  newReferral: renderNewReferral,
  infoRequested: renderInfoRequested,
  decision: renderDecision,
  caseClosed: renderCaseClosed,
  actionAssigned: renderActionAssigned,
  actionCompleted: renderActionCompleted,
  actionRedated: renderActionRedated,
  overdueDigest: renderOverdueDigest,
  reminder: renderReminder,
  escalation: renderEscalation,
  updateReferralCard: renderUpdateReferralCard,
  conversationLost: renderConversationLost,
  agendaPublished: renderAgendaPublished,
  minutesIssued: renderMinutesIssued,
  breakGlass: renderBreakGlass,
  sharePointEditFlagged: renderSharePointEditFlagged,
};

export interface RenderOptions {
  /** Base URL of the tab, for the cards' "Open" links. */
  publicUrl: string;
  /** The clock cards are rendered with ("3 days overdue"); tests pin it. */
  now?: () => Date;
}

/**
 * The Render contract (../render.ts) for every kind RiskPanel queues. Each card is built from the records as they are
 * when it is sent, with the builders of src/cards (the same ones the card actions rebuild with), so a card never shows
 * a state older than its sending. A kind this build does not know, or a payload that is not what its kind declares,
 * is "not rendered" (null) or an error, never guessed at.
 */
export function createRenderer(options: RenderOptions): Render {
  const now = options.now ?? (() => new Date());
  return async (message, tx) => {
    if (!isNotificationKind(message.kind)) return null;
    const kind: NotificationKind = message.kind;
    const payload = payloadOf(kind, message.payload);
    if (!payload) throw new Error(`the ${kind} payload is not what this kind carries`);
    const r: Rendering = { tx, now: now(), publicUrl: options.publicUrl };
    return (RENDERERS[kind] as KindRenderer<typeof kind>)(r, payload, message.id);
  };
}
