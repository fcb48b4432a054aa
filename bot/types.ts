import type { AdaptiveCardJson } from '../src/cards/types';
import type { Config } from '../src/config';
import type { Context } from '../src/kernel/context';

/** Where a message was said. Anything but a personal chat is shared: many people see the answer. */
export type ConversationType = 'personal' | 'groupChat' | 'channel';

/** What a bot function needs to know about one message: who said it (from the authenticated activity), where, what. */
export interface BotInput {
  actor: Actor;
  conversationType: ConversationType;
  text: string;
}

export type { AdaptiveCardJson };

/** The member acting, as the kernel's context carries it (the bot never imports the policies). */
export type Actor = Context['actor'];

/** One reply: the host turns each into one message activity. */
export type BotReply = { text: string } | { card: AdaptiveCardJson };

/** What bot functions run with. The clock is injectable so tests can pin "overdue". */
export interface BotDeps {
  /**
   * The context commands and queries run in for this actor, made by the composition root (it holds the store; the bot
   * never touches the store itself).
   */
  contextFor: (actor: Actor) => Context;
  /** The active member with this Entra object id (from the authenticated activity), or undefined. */
  resolveMember: (aadObjectId: string) => Promise<Actor | undefined>;
  config: Pick<Config, 'refPrefix' | 'publicUrl'>;
  now?: () => Date;
  /** The Teams app id (TEAMS_APP_ID), for deep links into the app's tab; without it links go to publicUrl. */
  teamsAppId?: string;
}

export const isShared = (type: ConversationType): boolean => type !== 'personal';
