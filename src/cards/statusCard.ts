import type { AdaptiveCardJson } from './types';
import { dataLine, factRow, fixedText } from './elements';
import { cardTemplate, expandCard } from './expandCard';

/** What a shared status card may show (surface rule 2): reference, initials and state; there is no field for more. */
export interface SharedStatusCardData {
  ref: string;
  initials: string;
  status: string;
  /** The sentence under the facts: where to find the details. */
  note: string;
  /** `${publicUrl}/#/cases/<id>`: the case in the tab, behind the same policy check. */
  url: string;
}

/** Everything a personal status card shows besides the shared fields; there is no field for a name. */
export interface StatusCardData extends SharedStatusCardData {
  riskLevel: string;
  leadAgency: string;
  /** The sentence under the facts: where to find the details. */
  note: string;
  /** `${publicUrl}/#/cases/<id>`: the case in the tab, behind the same policy check. */
  url: string;
}

export interface PersonalStatusCardData extends StatusCardData {
  nextReview: string;
  openActions: number;
  overdueActions: number;
}

const header = [
  fixedText('Case status', { size: 'Medium', weight: 'Bolder' }),
  dataLine([{ text: '${ref}', weight: 'Bolder' }, ' \u00b7 ', '${initials}']),
];
const sharedFacts = [factRow('Status', '${status}')];
const personalFacts = [...sharedFacts, factRow('Risk level', '${riskLevel}'), factRow('Lead agency', '${leadAgency}')];
const footer = [dataLine([{ text: '${note}', isSubtle: true }], { spacing: 'Medium' })];
const openInRiskPanel = [{ type: 'Action.OpenUrl', title: 'Open in RiskPanel', url: '${url}' }];

/** For channels and group chats (and for a referral's summary): reference, initials and state only. */
export const SHARED_STATUS_TEMPLATE = cardTemplate(
  [...header, { type: 'Container', items: sharedFacts }, ...footer],
  openInRiskPanel,
);

/** For the person's own chat with the bot: adds the review date and the action counts. */
export const PERSONAL_STATUS_TEMPLATE = cardTemplate(
  [
    ...header,
    {
      type: 'Container',
      items: [
        ...personalFacts,
        factRow('Next review', '${nextReview}'),
        factRow('Open actions', '${openActions}'),
        factRow('Overdue actions', '${overdueActions}'),
      ],
    },
    ...footer,
  ],
  openInRiskPanel,
);

export function sharedStatusCard(data: SharedStatusCardData): AdaptiveCardJson {
  // Only the shared fields go in, whatever the caller passed: a shared card cannot carry more by accident.
  const { ref, initials, status, note, url } = data;
  return expandCard(SHARED_STATUS_TEMPLATE, { ref, initials, status, note, url });
}

export function personalStatusCard(data: PersonalStatusCardData): AdaptiveCardJson {
  return expandCard(PERSONAL_STATUS_TEMPLATE, { ...data });
}
