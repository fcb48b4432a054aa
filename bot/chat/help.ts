import { helpCard } from '../../src/cards/helpCard';
import type { BotReply } from '../types';
import { defineBotCommand } from './command';
import { BOT_COMMANDS } from './index';

export const NOT_UNDERSTOOD = 'Sorry, I did not understand that. Here is what I can do:';

export const helpCommand = defineBotCommand<Record<string, never>>({
  name: 'help',
  aliases: ['?', 'hi', 'hello'],
  usage: 'help',
  example: 'help',
  summary: 'Show what I can do.',
  // Anything after "help" is ignored: whatever they asked, the list of commands is the answer.
  parseArgs: () => ({}),
  run: async () => helpReplies(),
});

/** "Did you mean "status CASPA-2026-0014"?" after something the bot did not understand but that was close. */
export const didYouMean = (suggestion: string): string => `Sorry, I did not understand that. Did you mean "${suggestion}"? Here is what I can do:`;

/**
 * The help card; after something the bot did not understand, a short sentence first saying so, naming the command it
 * was closest to when there is one.
 */
export function helpReplies(options: { notUnderstood?: boolean; suggestion?: string } = {}): BotReply[] {
  const commands = [helpCommand, ...BOT_COMMANDS].map((c) => ({ usage: c.usage, summary: c.summary }));
  const card: BotReply = { card: helpCard({ commands }) };
  if (!options.notUnderstood) return [card];
  return [{ text: options.suggestion ? didYouMean(options.suggestion) : NOT_UNDERSTOOD }, card];
}
