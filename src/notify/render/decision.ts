import { decisionCard } from '../../cards/decisionCard';
import { caseUrl } from '../../cards/links';
import { can } from '../../policies';
import { partnershipChannels } from '../../kernel/conversations';
import type { DeliveryTarget } from '../render';
import { referralCardUpdates } from './referralCardUpdates';
import { cardActivity, type KindRenderer, memberWithChat, type Rendering } from './rendering';

/**
 * A decision (or a closing): the partnership channel (not for a restricted case) and, for a screening decision, the
 * referrer's personal chat (with the rationale when they may read the case); both update the posted referral card.
 */
export async function renderDecisionOf(r: Rendering, caseId: string, decisionId: string, toReferrer: boolean): Promise<DeliveryTarget[] | null> {
  const c = await r.tx.get('cases', caseId);
  const decision = await r.tx.get('decisions', decisionId);
  if (!c || !decision) return null;
  const lead = c.leadAgencyId ? await r.tx.get('agencies', c.leadAgencyId) : undefined;
  const base = {
    caseId: c.id,
    ref: c.ref,
    initials: c.initials,
    outcome: decision.outcome,
    ...(lead ? { leadAgency: lead.shortName } : {}),
    decidedAt: decision.decidedAt,
    openUrl: caseUrl(r.publicUrl, c.id),
  };
  const targets: DeliveryTarget[] = [];
  if (!c.restricted) {
    const activity = cardActivity(decisionCard({ ...base, audience: 'channel' }), `Panel decision on ${c.ref}`);
    for (const ref of await partnershipChannels(r.tx)) targets.push({ ref, activity });
  }
  if (toReferrer) {
    const referrer = await memberWithChat(r, c.referrerMemberId);
    if (referrer) {
      // The rationale is about the adult: only for a referrer who may still read the case.
      const card = referrer.actor && can(referrer.actor, 'read', 'case', c)
        ? decisionCard({ ...base, audience: 'personal', rationale: decision.rationale })
        : decisionCard({ ...base, audience: 'channel' });
      targets.push({ ref: referrer.chat, activity: cardActivity(card, `A decision on your referral ${c.ref}`) });
    }
  }
  targets.push(...(await referralCardUpdates(r, c)));
  return targets;
}

export const renderDecision: KindRenderer<'decision'> = (r, p) => renderDecisionOf(r, p.caseId, p.decisionId, true);
