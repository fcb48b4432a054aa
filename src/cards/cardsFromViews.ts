import type { EscalationView, NewReferralView, OverdueDigestView, ReminderView } from '../queries';
import { escalationCard } from './escalationCard';
import { actionsUrl, caseUrl } from './links';
import { newReferralCard } from './newReferralCard';
import { noticeCard } from './noticeCard';
import { overdueDigestCard } from './overdueDigestCard';
import { reminderCard } from './reminderCard';
import type { AdaptiveCardJson } from './types';

/*
 * The cards that are rebuilt from ids, from what the card queries (or, for proactive delivery, the same read model)
 * return: used alike by the bot's answers to a press or refresh and by the outbox renderer.
 */

export const newReferralCardOf = (view: NewReferralView, publicUrl: string): AdaptiveCardJson =>
  newReferralCard({ ...view, openUrl: caseUrl(publicUrl, view.caseId) });

/** What a shared card becomes when its case was restricted after it was posted: no reference, no initials. */
export const restrictedReferralCard = (): AdaptiveCardJson =>
  noticeCard({ title: 'Referral no longer shown here', subject: '', lines: [], footnote: 'Those who may see it find it in RiskPanel.' });

export const overdueDigestCardOf = (view: OverdueDigestView, publicUrl: string): AdaptiveCardJson =>
  overdueDigestCard({ ...view, openUrl: actionsUrl(publicUrl) });

export const reminderCardOf = (view: ReminderView, publicUrl: string): AdaptiveCardJson =>
  reminderCard({ ...view, openUrl: view.caseId ? caseUrl(publicUrl, view.caseId) : actionsUrl(publicUrl) });

export const escalationCardOf = (view: EscalationView, publicUrl: string): AdaptiveCardJson =>
  escalationCard({ ...view, openUrl: view.caseId ? caseUrl(publicUrl, view.caseId) : actionsUrl(publicUrl) });
