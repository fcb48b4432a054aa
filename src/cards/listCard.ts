import type { AdaptiveCardJson } from './types';
import { dataLine } from './elements';
import { cardTemplate, expandCard, fitCard } from './expandCard';

/**
 * A titled list in groups, for the bot's answers ("my actions", "overdue", "agenda"). Every word on it is data, so
 * all of it sits in TextRuns: the title too, although the commands pass fixed titles.
 */
export interface ListLine {
  /** The line's first row, bold: usually "REF · initials". */
  main: string;
  /** The second row: dates and states. */
  detail: string;
  /** A third row, for personal chats only (an action's description); '' for none. */
  text?: string;
}

export interface ListCardData {
  title: string;
  /** A sentence under the title ("3 actions, 1 overdue"); '' for none. */
  intro: string;
  /** Groups of lines; a group with heading '' shows no heading. */
  groups: { heading: string; lines: ListLine[] }[];
  /** How many more there are than the card shows; 0 for none. */
  more?: number;
  /** The sentence at the foot: where the details are. */
  note: string;
  /** Buttons that open a page (the tab, a meeting): fixed titles, urls from code. */
  links: { title: string; url: string }[];
}

/** Lines beyond this go to "N more in RiskPanel", so a card stays readable and under Teams' size limit. */
export const MAX_LIST_LINES = 15;

export const LIST_TEMPLATE = cardTemplate(
  [
    dataLine([{ text: '${title}', weight: 'Bolder', size: 'Medium' }]),
    dataLine([{ text: '${intro}', isSubtle: true }], { spacing: 'None', $when: "${intro != ''}" }),
    {
      type: 'Container',
      items: [
        {
          type: 'Container',
          $data: '${groups}',
          spacing: 'Medium',
          items: [
            dataLine([{ text: '${heading}', weight: 'Bolder' }], { $when: "${heading != ''}" }),
            {
              type: 'Container',
              $data: '${lines}',
              spacing: 'Small',
              items: [
                dataLine([{ text: '${main}', weight: 'Bolder' }]),
                dataLine(['${detail}'], { spacing: 'None' }),
                dataLine([{ text: '${text}', isSubtle: true }], { spacing: 'None', $when: "${text != ''}" }),
              ],
            },
          ],
        },
      ],
    },
    dataLine([{ text: '${moreText}', isSubtle: true }], { spacing: 'Medium', $when: "${moreText != ''}" }),
    dataLine([{ text: '${note}', isSubtle: true }], { spacing: 'Medium' }),
  ],
  [{ type: 'Action.OpenUrl', $data: '${links}', title: '${title}', url: '${url}' }],
);

export function listCard(data: ListCardData): AdaptiveCardJson {
  const total = data.groups.reduce((n, g) => n + g.lines.length, 0);
  return fitCard(Math.min(MAX_LIST_LINES, total), (count) => {
    let room = count;
    const groups = data.groups
      .map((g) => {
        const lines = g.lines.slice(0, Math.max(0, room)).map((l) => ({ main: l.main, detail: l.detail, text: l.text ?? '' }));
        room -= lines.length;
        return { heading: g.heading, lines };
      })
      .filter((g) => g.lines.length > 0);
    const hidden = total + (data.more ?? 0) - count;
    return expandCard(LIST_TEMPLATE, {
      title: data.title,
      intro: data.intro,
      groups,
      moreText: hidden > 0 ? `${hidden} more in RiskPanel.` : '',
      note: data.note,
      links: data.links,
    });
  });
}
