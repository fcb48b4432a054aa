import { dataLine, fixedText } from './elements';
import { cardTemplate, expandCard } from './expandCard';
import type { AdaptiveCardJson } from './types';

/**
 * Small cards for the notices that have no card of their own in bot/cards (information requested, action assigned,
 * case closed, conversation lost, a referral card withdrawn from the channel). Built like the others: fixed words in
 * TextBlocks, everything from data in TextRuns through expandCard (safeText), so data is shown literally.
 */
export interface NoticeData {
  title: string;
  /** "CASPA-2026-0014 · J.S."; '' for none. */
  subject: string;
  /** Lines of data (plain text). */
  lines: string[];
  /** A fixed sentence (no data) under the lines; '' for none. */
  footnote?: string;
  openUrl?: string;
}

const body = (title: string, footnote: string) => [
  fixedText(title, { size: 'Medium', weight: 'Bolder' }),
  dataLine([{ text: '${subject}', weight: 'Bolder' }], { $when: "${subject != ''}" }),
  { type: 'Container', $data: '${lines}', items: [dataLine(['${text}'], { spacing: 'Small' })] },
  ...(footnote ? [fixedText(footnote, { isSubtle: true, spacing: 'Medium' })] : []),
];

/**
 * The title and footnote are the caller's fixed words (TextBlocks are markdown), so they go into the template, never
 * into the data; callers pass constants only.
 */
export function noticeCard(data: NoticeData): AdaptiveCardJson {
  const template = cardTemplate(
    body(data.title, data.footnote ?? ''),
    data.openUrl ? [{ type: 'Action.OpenUrl', title: 'Open in RiskPanel', url: '${openUrl}' }] : [],
  );
  return expandCard(template, {
    subject: data.subject,
    lines: data.lines.map((text) => ({ text })),
    ...(data.openUrl ? { openUrl: data.openUrl } : {}),
  });
}
