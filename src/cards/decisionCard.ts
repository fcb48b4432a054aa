import type { AdaptiveCardJson } from './types';
import type { DecisionOutcome } from '../domain/enums';
import { formatDate } from './format';
import { DECISION_OUTCOME_LABELS, labelOf } from '../domain/labels';
import { dataLine, factRow, fixedText } from './elements';
import { cardTemplate, expandCard } from './expandCard';

/**
 * A panel or screening decision. The channel card shows the outcome, reference, initials, lead agency and date only;
 * the rationale (free text about the adult) appears only on the referrer's personal card.
 */
export interface DecisionCardData {
  caseId: string;
  ref: string;
  initials: string;
  outcome: DecisionOutcome;
  /** The lead agency's short name, when one was named. */
  leadAgency?: string;
  /** When it was decided (yyyy-mm-dd or ISO instant). */
  decidedAt: string;
  openUrl: string;
  /** 'channel' (default): the shared card. 'personal': the referrer's own chat, which may show the rationale. */
  audience?: 'channel' | 'personal';
  /** Shown only when audience is 'personal'. */
  rationale?: string;
}

const header = [
  fixedText('Panel decision', { size: 'Medium', weight: 'Bolder' }),
  dataLine([{ text: '${ref}', weight: 'Bolder' }, ' \u00b7 ', '${initials}']),
];
const facts = [factRow('Decision', '${outcome}'), factRow('Lead agency', '${leadAgency}'), factRow('Decided', '${decided}')];
const open = [{ type: 'Action.OpenUrl', title: 'Open in RiskPanel', url: '${openUrl}' }];

export const CHANNEL_DECISION_TEMPLATE = cardTemplate(
  [...header, { type: 'Container', items: facts }, fixedText('The rationale is in RiskPanel, for those who may read the case.', { isSubtle: true })],
  open,
);

export const PERSONAL_DECISION_TEMPLATE = cardTemplate(
  [
    fixedText('A decision on your referral', { size: 'Medium', weight: 'Bolder' }),
    dataLine([{ text: '${ref}', weight: 'Bolder' }, ' \u00b7 ', '${initials}']),
    { type: 'Container', items: facts },
    fixedText('Rationale', { weight: 'Bolder', spacing: 'Medium' }),
    dataLine(['${rationale}']),
  ],
  open,
);

export function decisionCard(view: DecisionCardData): AdaptiveCardJson {
  const shared = {
    ref: view.ref,
    initials: view.initials,
    outcome: labelOf(DECISION_OUTCOME_LABELS, view.outcome),
    leadAgency: view.leadAgency || 'Not named',
    decided: formatDate(view.decidedAt),
    openUrl: view.openUrl,
  };
  if (view.audience === 'personal') {
    return expandCard(PERSONAL_DECISION_TEMPLATE, { ...shared, rationale: view.rationale || 'No rationale recorded.' });
  }
  // Only the shared fields go in, whatever the caller passed.
  return expandCard(CHANNEL_DECISION_TEMPLATE, shared);
}
