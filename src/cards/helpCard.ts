import type { AdaptiveCardJson } from './types';
import { dataLine, fixedText } from './elements';
import { cardTemplate, expandCard } from './expandCard';

export interface HelpCardData {
  commands: { usage: string; summary: string }[];
}

/** One container whose items repeat per command, so the card's outline is the same whatever the command list. */
export const HELP_TEMPLATE = cardTemplate([
  fixedText('RiskPanel', { size: 'Medium', weight: 'Bolder' }),
  fixedText('Ask me about panel cases. Say one of these:'),
  {
    type: 'Container',
    items: [
      {
        type: 'Container',
        $data: '${commands}',
        spacing: 'Small',
        items: [dataLine([{ text: '${usage}', weight: 'Bolder', fontType: 'Monospace' }]), dataLine([{ text: '${summary}', isSubtle: true }], { spacing: 'None' })],
      },
    ],
  },
  fixedText('Case details stay in the RiskPanel tab. In a channel or group chat I show only references and initials.', {
    isSubtle: true,
    spacing: 'Medium',
  }),
]);

export const helpCard = (data: HelpCardData): AdaptiveCardJson => expandCard(HELP_TEMPLATE, { commands: data.commands });
