import type { AdaptiveCardJson } from './types';
import { fixedText } from './elements';
import { cardTemplate, expandCard } from './expandCard';

export interface ReferCardData {
  /** The referral form: a Teams deep link to the app's tab, or the tab's web address. */
  url: string;
}

export const REFER_TEMPLATE = cardTemplate(
  [
    fixedText('Refer an adult to the panel', { size: 'Medium', weight: 'Bolder' }),
    fixedText(
      'The referral form is in the RiskPanel tab. Check the adult is at critical risk, that single-agency work has been tried, and record their consent or why you share without it.',
    ),
  ],
  [{ type: 'Action.OpenUrl', title: 'Open the referral form', url: '${url}' }],
);

export const referCard = (data: ReferCardData): AdaptiveCardJson => expandCard(REFER_TEMPLATE, { url: data.url });
