import { agendaCommand } from './agenda';
import type { BotCommand } from './command';
import { myActionsCommand } from './myActions';
import { overdueCommand } from './overdue';
import { referCommand } from './refer';
import { statusCommand } from './status';

/** The bot's commands, in the order help lists them (help itself is added by parseCommand and listed first). */
export const BOT_COMMANDS: readonly BotCommand<unknown>[] = [
  statusCommand,
  myActionsCommand,
  overdueCommand,
  agendaCommand,
  referCommand,
] as BotCommand<unknown>[];
