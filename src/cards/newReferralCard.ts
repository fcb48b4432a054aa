import type { AdaptiveCardJson } from './types';
import type { CaseStatus } from '../domain/enums';
import { REFERRAL_STATUSES } from '../domain/enums';
import { formatDate } from './format';
import { labelOf, RISK_CATEGORY_LABELS, STATUS_LABELS } from '../domain/labels';
import { SHORT } from './actionLine';
import { dataLine, factRow, fixedText } from './elements';
import { safeText } from './safeText';
import { cardTemplate, expandCard } from './expandCard';
import { executeAction, type MessageTone, withMessage, withRefresh } from './universalActions';

/**
 * The new-referral card posted to the partnership channel, a shared surface (surface rule 3): enough for each agency
 * to say whether it knows the adult, and nothing more (reference, initials, referring agency, risk categories, state,
 * expected panel date, and how many agencies have answered: not which, not what).
 */
export interface NewReferralCardData {
  caseId: string;
  ref: string;
  initials: string;
  /** The referring agency's short name. */
  referringAgency: string;
  /** Risk category values (RiskCategory); labelled on the card. */
  riskCategories: string[];
  /** The panel it is expected at (yyyy-mm-dd or ISO instant), when it is listed. */
  expectedPanelDate?: string;
  /** The record's status now: once screened or withdrawn, the card stops asking. */
  status: CaseStatus;
  /** How many agencies have answered (which ones, and what, is not for a shared card). */
  answeredCount: number;
  /** The referral in the tab. */
  openUrl: string;
  /** Entra object ids whose card refreshes by itself (at most 60 are used). */
  refreshUserIds?: string[];
  /** A sentence for the person who just pressed a button. */
  message?: string;
  messageTone?: MessageTone;
}

const ANSWERING = 'Is the adult known to your agency? Answer for your agency; a note is added to the case chronology.';

export const NEW_REFERRAL_TEMPLATE = cardTemplate(
  [
    fixedText('New referral', { size: 'Medium', weight: 'Bolder' }),
    dataLine([{ text: '${ref}', weight: 'Bolder' }, ' \u00b7 ', '${initials}']),
    {
      type: 'Container',
      items: [
        factRow('Referred by', '${referringAgency}'),
        factRow('Risks', '${risks}'),
        factRow('Expected at panel', '${panel}'),
        factRow('Status', '${status}'),
      ],
    },
    dataLine([{ text: '${answered}', isSubtle: true }], { spacing: 'Medium' }),
    {
      type: 'Container',
      $when: "${asking == 'Yes'}",
      spacing: 'Medium',
      items: [
        fixedText(ANSWERING, { isSubtle: true }),
        {
          type: 'ActionSet',
          actions: [
            {
              type: 'Action.ShowCard',
              title: 'Known to my agency',
              card: {
                type: 'AdaptiveCard',
                body: [
                  {
                    type: 'Input.Text',
                    id: 'note',
                    label: 'What your agency holds (optional)',
                    isMultiline: true,
                    maxLength: 4000,
                  },
                ],
                actions: [executeAction('Known to my agency', 'knownToAgency', { caseId: '${caseId}', card: 'newReferral' })],
              },
            },
            executeAction('Not known to us', 'notKnown', { caseId: '${caseId}', card: 'newReferral' }, { associatedInputs: 'none' }),
          ],
        },
      ],
    },
    dataLine([{ text: '${closed}', isSubtle: true }], { $when: "${asking == 'No'}", spacing: 'Medium' }),
  ],
  [{ type: 'Action.OpenUrl', title: 'Open', url: '${openUrl}' }],
);

/** A referral takes answers while it awaits screening (DOMAIN: submitted, information requested, listed, deferred). */
export const isAskingForAnswers = (status: CaseStatus): boolean => status !== 'draft' && REFERRAL_STATUSES.includes(status);

export function newReferralCard(view: NewReferralCardData): AdaptiveCardJson {
  const asking = isAskingForAnswers(view.status);
  const n = Math.max(0, Math.trunc(view.answeredCount));
  const card = expandCard(NEW_REFERRAL_TEMPLATE, {
    caseId: view.caseId,
    ref: view.ref,
    initials: view.initials,
    referringAgency: safeText(view.referringAgency, { max: SHORT }),
    risks: view.riskCategories.map((c) => labelOf(RISK_CATEGORY_LABELS, c)).join(', ') || 'None given',
    panel: view.expectedPanelDate ? formatDate(view.expectedPanelDate) : 'Not listed yet',
    status: labelOf(STATUS_LABELS, view.status),
    answered: n === 0 ? 'No agency has answered yet.' : `${n} ${n === 1 ? 'agency has' : 'agencies have'} answered.`,
    asking,
    closed: `This referral is ${labelOf(STATUS_LABELS, view.status).toLowerCase()}: answers are closed. Open it in RiskPanel for more.`,
    openUrl: view.openUrl,
  });
  return withMessage(withRefresh(card, { card: 'newReferral', caseId: view.caseId }, view.refreshUserIds), view.message, view.messageTone);
}
