import type { AdaptiveCardJson } from './types';
import { formatDate } from './format';
import { type ActionLine, actionControls, actionLineBody, actionLineData } from './actionLine';
import { dataLine, fixedText } from './elements';
import { cardTemplate, expandCard, fitCard } from './expandCard';
import { type MessageTone, withMessage, withRefresh } from './universalActions';

export type { ActionLine } from './actionLine';

/**
 * The overdue digest posted to the partnership channel once per scan: the overdue actions grouped by agency. A shared
 * card: references, initials, agency short names, owners, dates and states only.
 */
export interface OverdueDigestData {
  /**
   * What the card stands for, so a press or a refresh can rebuild the same list: the id of the outbox row the card
   * was posted from, whose payload holds `actionIds` (read back by src/queries/getOverdueDigestCard.ts).
   */
  digestId: string;
  /** The scan's day, yyyy-mm-dd. */
  asOf: string;
  /** In any order; the card groups them by agency and puts the longest overdue first. */
  actions: ActionLine[];
  /** Where to see them all: the tab's actions page. */
  openUrl: string;
  /** Entra object ids of members whose card refreshes by itself (owners, leads); at most 60 are used. */
  refreshUserIds?: string[];
  /** A sentence for the person who just pressed a button. */
  message?: string;
  messageTone?: MessageTone;
}

/**
 * A card must stay under Teams' 28 KB. Each line carries its three buttons and their inputs (about 2.5 KB), so a
 * digest shows at most this many (fewer when long names weigh more: fitCard) and says how many more there are.
 */
export const MAX_DIGEST_LINES = 6;

export const OVERDUE_DIGEST_TEMPLATE = cardTemplate(
  [
    fixedText('Overdue actions', { size: 'Medium', weight: 'Bolder' }),
    dataLine([{ text: '${summary}', isSubtle: true }], { spacing: 'None' }),
    {
      type: 'Container',
      items: [
        {
          type: 'Container',
          $data: '${groups}',
          separator: true,
          spacing: 'Medium',
          items: [
            dataLine([{ text: '${agency}', weight: 'Bolder', size: 'Medium' }]),
            {
              type: 'Container',
              $data: '${lines}',
              spacing: 'Small',
              items: [...actionLineBody, actionControls('overdueDigest', { digestId: '${$root.digestId}' })],
            },
          ],
        },
      ],
    },
    dataLine([{ text: '${more}', isSubtle: true }], { spacing: 'Medium', $when: "${more != ''}" }),
    fixedText('Only the owner, their agency lead, a coordinator or the chair can act on an action.', { isSubtle: true, size: 'Small' }),
  ],
  [{ type: 'Action.OpenUrl', title: 'Open actions in RiskPanel', url: '${openUrl}' }],
);

const byUrgency = (a: ActionLine, b: ActionLine) => b.daysOverdue - a.daysOverdue || a.dueDate.localeCompare(b.dueDate) || a.ref.localeCompare(b.ref);

export function overdueDigestCard(view: OverdueDigestData): AdaptiveCardJson {
  const seen = new Set<string>();
  const unique = view.actions.filter((a) => !seen.has(a.actionId) && seen.add(a.actionId));
  const sorted = [...unique].sort(byUrgency);
  return fitCard(Math.min(MAX_DIGEST_LINES, sorted.length), (count) => {
    const shown = sorted.slice(0, count);
    const agencies = [...new Set(shown.map((a) => a.agency))].sort((a, b) => a.localeCompare(b));
    const groups = agencies.map((agency) => ({ agency, lines: shown.filter((a) => a.agency === agency).map(actionLineData) }));
    const hidden = unique.length - shown.length;
    const card = expandCard(OVERDUE_DIGEST_TEMPLATE, {
      digestId: view.digestId,
      summary: `${unique.length} action${unique.length === 1 ? ' was' : 's were'} overdue on ${formatDate(view.asOf)}`,
      groups,
      more: hidden > 0 ? `${hidden} more in RiskPanel.` : '',
      openUrl: view.openUrl,
    });
    return withMessage(withRefresh(card, { card: 'overdueDigest', digestId: view.digestId }, view.refreshUserIds), view.message, view.messageTone);
  });
}
