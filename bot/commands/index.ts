import type { BotCommand } from './command';
import { statusCommand } from './status';

/**
 * The bot's commands, in the order help lists them (help itself is added by parseCommand and listed first).
 * Issue #4 adds "my actions", "overdue", "agenda" and "refer" here, one file each.
 */
export const BOT_COMMANDS: readonly BotCommand<unknown>[] = [statusCommand];
