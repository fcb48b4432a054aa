import { DECISION_OUTCOME_LABELS } from '../domain/labels';
import type { DecisionOutcome } from '../domain/enums';
import { dataLine, factRow, fixedText } from './elements';
import { cardTemplate, expandCard } from './expandCard';
import { formatDateTime } from './format';
import type { AdaptiveCardJson } from './types';

/**
 * "Minutes issued": to the partnership channel and the meeting's chat. It links to the document (the SharePoint
 * library in production, the meeting page locally), never attaches it; each decision is the case's reference and
 * initials and the outcome; the time taken is in working days against the 3-day standard.
 */
export interface MinutesIssuedCardData {
  title: string;
  startsAt: string;
  issuedAt: string;
  decisions: { subject: string; outcome: DecisionOutcome }[];
  newActions: number;
  workingDays: number;
  standardWorkingDays: number;
  withinStandard: boolean;
  documentUrl: string;
  openUrl: string;
}

export const MINUTES_ISSUED_TEMPLATE = cardTemplate(
  [
    fixedText('Minutes issued', { size: 'Medium', weight: 'Bolder' }),
    dataLine([{ text: '${title}', weight: 'Bolder' }]),
    {
      type: 'Container',
      items: [
        factRow('Meeting', '${startsAt}'), factRow('Issued', '${issuedAt}'), factRow('Time taken', '${timeTaken}'),
        factRow('Decisions', '${decisionCount}'), factRow('New actions', '${newActions}'),
      ],
    },
    fixedText('Decisions', { weight: 'Bolder', spacing: 'Medium' }),
    { type: 'Container', $data: '${decisions}', items: [dataLine(['${subject}', ': ', { text: '${outcome}', weight: 'Bolder' }], { spacing: 'Small' })] },
  ],
  [
    { type: 'Action.OpenUrl', title: 'Open the minutes (Word)', url: '${documentUrl}' },
    { type: 'Action.OpenUrl', title: 'Open in RiskPanel', url: '${openUrl}' },
  ],
);

const days = (n: number) => `${n} working day${n === 1 ? '' : 's'}`;

export function minutesIssuedCard(data: MinutesIssuedCardData): AdaptiveCardJson {
  return expandCard(MINUTES_ISSUED_TEMPLATE, {
    title: data.title,
    startsAt: formatDateTime(data.startsAt),
    issuedAt: formatDateTime(data.issuedAt),
    timeTaken: `${days(data.workingDays)} (standard ${days(data.standardWorkingDays)}: ${data.withinStandard ? 'met' : 'not met'})`,
    decisionCount: String(data.decisions.length),
    newActions: String(data.newActions),
    decisions: data.decisions.map((d) => ({ subject: d.subject, outcome: DECISION_OUTCOME_LABELS[d.outcome] })),
    documentUrl: data.documentUrl,
    openUrl: data.openUrl,
  });
}
