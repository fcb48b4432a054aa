import type { BotCommand } from './command';
import { nearest } from '../../src/queries/fuzzy';
import { helpCommand } from './help';
import { BOT_COMMANDS } from './index';
import { parseTypedRef } from './reference';
import { statusCommand } from './status';

export type ParsedCommand =
  | { kind: 'command'; command: BotCommand<unknown>; args: unknown }
  /** A known command whose words did not fit (e.g. "status" with no reference). */
  | { kind: 'usage'; command: BotCommand<unknown> }
  /** Not understood; `suggestion` is what they probably meant ("status CASPA-2026-0014" for "stauts ..."). */
  | { kind: 'unknown'; suggestion?: string };

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

/** Every way to say each command, longest first, so "my actions" wins over a one-word name. */
function phrases(commands: readonly BotCommand<unknown>[]): { phrase: string[]; command: BotCommand<unknown> }[] {
  return commands
    .flatMap((command) => [command.name, ...(command.aliases ?? [])].map((p) => ({ phrase: p.toLowerCase().split(' '), command })))
    .sort((a, b) => b.phrase.length - a.phrase.length);
}

/**
 * Finds the command by its first words (case-insensitive) and parses the rest with the command's own parser. A
 * message that is only a reference or a case number means "status" of it. Anything else is not understood, with the
 * command it is closest to as a suggestion when one is close enough.
 */
export function parseCommand(text: string, commands: readonly BotCommand<unknown>[] = allCommands()): ParsedCommand {
  const clean = cleanText(text);
  if (!clean) return { kind: 'command', command: helpCommand, args: {} };
  if (clean.length > MAX_TEXT) return { kind: 'unknown' };
  const words = clean.split(' ');
  const lower = words.map((w) => w.toLowerCase());
  const known = phrases(commands);
  const match = known.find(({ phrase }) => phrase.every((w, i) => lower[i] === w));
  if (match) {
    const args = match.command.parseArgs(words.slice(match.phrase.length).join(' '));
    return args === undefined ? { kind: 'usage', command: match.command } : { kind: 'command', command: match.command, args };
  }
  const ref = commands.includes(statusCommand) ? parseTypedRef(clean) : undefined;
  if (ref) return { kind: 'command', command: statusCommand, args: ref };
  const suggestion = suggest(words, known);
  return suggestion ? { kind: 'unknown', suggestion } : { kind: 'unknown' };
}

/** Words that may be repeated back to the person: letters, digits, hyphens (no markup, no links, nothing long). */
const PLAIN = /^[\p{L}\p{N}\s#-]{1,60}$/u;

function suggest(words: string[], known: { phrase: string[]; command: BotCommand<unknown> }[]): string | undefined {
  for (const length of [2, 1]) {
    if (words.length < length) continue;
    const typed = words.slice(0, length).join(' ');
    const candidates = known.filter((k) => k.phrase.length === length).map((k) => k.phrase.join(' '));
    const phrase = nearest(typed, candidates);
    if (!phrase) continue;
    const command = known.find((k) => k.phrase.join(' ') === phrase)!.command;
    const restWords = words.slice(length);
    // The rest, canonical when it is a reference, and repeated back only when it is plain words.
    const ref = command === statusCommand ? parseTypedRef(restWords.join(' ')) : undefined;
    const rest = ref && 'ref' in ref ? ref.ref : restWords.join(' ');
    return rest && PLAIN.test(rest) ? `${command.name} ${rest}` : command.name;
  }
  return undefined;
}
