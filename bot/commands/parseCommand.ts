import type { BotCommand } from './command';
import { helpCommand } from './help';
import { BOT_COMMANDS } from './index';

export type ParsedCommand =
  | { kind: 'command'; command: BotCommand<unknown>; args: unknown }
  /** A known command whose words did not fit (e.g. "status" with no reference). */
  | { kind: 'usage'; command: BotCommand<unknown> }
  | { kind: 'unknown' };

/** Longer than any command anyone types; the rest is not read. */
const MAX_TEXT = 500;

/**
 * What people type, as Teams delivers it: "<at>RiskPanel</at> Status caspa-2026-14." in a channel, plain text in a
 * personal chat. Mentions, non-breaking spaces, line breaks and a trailing full stop or question mark are ignored.
 */
export function cleanText(text: string): string {
  return text
    .slice(0, MAX_TEXT * 2)
    .replace(/<at\b[^>]*>[\s\S]*?<\/at>/gi, ' ')
    .replace(/&nbsp;|\u00a0/gi, ' ')
    .replace(/\s+/g, ' ')
    .trim()
    .replace(/[.?!]+$/, '')
    .trim();
}

export function allCommands(): readonly BotCommand<unknown>[] {
  return [helpCommand, ...BOT_COMMANDS];
}

/** Finds the command by its first word (case-insensitive) and parses the rest with the command's own parser. */
export function parseCommand(text: string, commands: readonly BotCommand<unknown>[] = allCommands()): ParsedCommand {
  const clean = cleanText(text);
  if (!clean) return { kind: 'command', command: helpCommand, args: {} };
  if (clean.length > MAX_TEXT) return { kind: 'unknown' };
  const space = clean.indexOf(' ');
  const word = (space < 0 ? clean : clean.slice(0, space)).toLowerCase();
  const rest = space < 0 ? '' : clean.slice(space + 1);
  const command = commands.find((c) => c.name === word || c.aliases?.includes(word));
  if (!command) return { kind: 'unknown' };
  const args = command.parseArgs(rest);
  return args === undefined ? { kind: 'usage', command } : { kind: 'command', command, args };
}
