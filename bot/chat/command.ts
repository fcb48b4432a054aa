import type { BotDeps, BotInput, BotReply } from '../types';

/**
 * One thing people can say to the bot. Adding one: write bot/commands/<name>.ts exporting a defineBotCommand(...)
 * and list it in bot/commands/index.ts; parsing, help and dispatch pick it up from there.
 */
export interface BotCommand<A = unknown> {
  /** The first word, lower case. */
  name: string;
  /** Other first words that mean the same. */
  aliases?: string[];
  /** How to say it, e.g. "status <reference>". */
  usage: string;
  /** A complete example, e.g. "status CASPA-2026-0014". */
  example: string;
  summary: string;
  /** Reads the words after the name; undefined when they do not fit (the person is then shown the usage). */
  parseArgs(rest: string): A | undefined;
  run(input: BotInput, args: A, deps: BotDeps): Promise<BotReply[]>;
}

export const defineBotCommand = <A>(command: BotCommand<A>): BotCommand<A> => command;
