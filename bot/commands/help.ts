import { helpCard } from '../cards/helpCard';
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

/** The help card; after something the bot did not understand, a short sentence first saying so. */
export function helpReplies(options: { notUnderstood?: boolean } = {}): BotReply[] {
  const commands = [helpCommand, ...BOT_COMMANDS].map((c) => ({ usage: c.usage, summary: c.summary }));
  const card: BotReply = { card: helpCard({ commands }) };
  return options.notUnderstood ? [{ text: NOT_UNDERSTOOD }, card] : [card];
}
