import { referCard } from '../../src/cards/referCard';
import { referUrl } from '../../src/cards/links';
import { defineBotCommand } from './command';

export const referCommand = defineBotCommand<Record<string, never>>({
  name: 'refer',
  aliases: ['referral', 'new referral'],
  usage: 'refer',
  example: 'refer',
  summary: 'Open the referral form in the RiskPanel tab.',
  parseArgs: () => ({}),
  // The same card everywhere: it holds no case data, only the way to the form (inside Teams when the app id is known).
  run: async (_input, _args, deps) => [{ card: referCard({ url: referUrl(deps.config.publicUrl, deps.teamsAppId) }) }],
});
