import { log } from '../src/log';
import { AppError } from '../src/domain/errors';
import { helpReplies } from './chat/help';
import { parseCommand } from './chat/parseCommand';
import type { BotDeps, BotInput, BotReply } from './types';

export const SOMETHING_WENT_WRONG = 'Sorry, something went wrong on my side. Please try again, or use the RiskPanel tab.';

/**
 * The bot's whole conversation logic for one message, as a plain function: parse, run the command as the actor,
 * return the replies. Errors a person can act on come back as their message; anything else as a generic sentence
 * (the log gets the error's name, never the text typed, which may hold personal data).
 */
export async function handleMessage(input: BotInput, deps: BotDeps): Promise<BotReply[]> {
  const parsed = parseCommand(input.text);
  try {
    switch (parsed.kind) {
      case 'command':
        return await parsed.command.run(input, parsed.args, deps);
      case 'usage':
        return [{ text: `To use "${parsed.command.name}", say: ${parsed.command.usage} (for example: ${parsed.command.example}).` }];
      case 'unknown':
        return helpReplies({ notUnderstood: true, ...(parsed.suggestion ? { suggestion: parsed.suggestion } : {}) });
    }
  } catch (err) {
    if (err instanceof AppError && err.status < 500) return [{ text: err.message }];
    log.error({ event: 'bot.messageFailed', command: parsed.kind === 'unknown' ? 'message' : parsed.command.name, error: err instanceof Error ? err.name : typeof err }, 'bot: message failed');
    return [{ text: SOMETHING_WENT_WRONG }];
  }
}
