import { AGENDA_KIND_LABELS } from '../domain/labels';
import type { AgendaItemKind } from '../domain/enums';
import { dataLine, factRow, fixedText } from './elements';
import { cardTemplate, expandCard } from './expandCard';
import { formatDateTime } from './format';
import type { AdaptiveCardJson } from './types';

/**
 * "Agenda published": to the partnership channel and the meeting's chat. A shared surface: each item is its order,
 * its kind and the case's reference and initials ("Restricted case" for a restricted one, the title for any other
 * business), never a name or anything about the adult.
 */
export interface AgendaPublishedCardData {
  title: string;
  startsAt: string;
  papersIssuedAt: string;
  items: { order: number; kind: AgendaItemKind; subject: string }[];
  openUrl: string;
}

export const AGENDA_PUBLISHED_TEMPLATE = cardTemplate(
  [
    fixedText('Agenda published', { size: 'Medium', weight: 'Bolder' }),
    dataLine([{ text: '${title}', weight: 'Bolder' }]),
    { type: 'Container', items: [factRow('Meeting', '${startsAt}'), factRow('Papers issued', '${papersIssuedAt}'), factRow('Items', '${count}')] },
    fixedText('Running order', { weight: 'Bolder', spacing: 'Medium' }),
    { type: 'Container', $data: '${items}', items: [dataLine(['${order}', '. ', { text: '${kind}', weight: 'Bolder' }, ': ', '${subject}'], { spacing: 'Small' })] },
    fixedText('The papers are in RiskPanel, for those who may read each case.', { isSubtle: true, spacing: 'Medium' }),
  ],
  [{ type: 'Action.OpenUrl', title: 'Open the agenda', url: '${openUrl}' }],
);

export function agendaPublishedCard(data: AgendaPublishedCardData): AdaptiveCardJson {
  return expandCard(AGENDA_PUBLISHED_TEMPLATE, {
    title: data.title,
    startsAt: formatDateTime(data.startsAt),
    papersIssuedAt: formatDateTime(data.papersIssuedAt),
    count: String(data.items.length),
    items: data.items.map((i) => ({ order: String(i.order), kind: AGENDA_KIND_LABELS[i.kind], subject: i.subject })),
    openUrl: data.openUrl,
  });
}
