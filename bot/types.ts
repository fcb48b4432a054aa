import type { Config } from '../src/config';
import type { Actor } from '../src/policies/actor';
import type { Store } from '../src/store/port';

/** Where a message was said. Anything but a personal chat is shared: many people see the answer. */
export type ConversationType = 'personal' | 'groupChat' | 'channel';

/** What a bot function needs to know about one message: who said it (from the authenticated activity), where, what. */
export interface BotInput {
  actor: Actor;
  conversationType: ConversationType;
  text: string;
}

/** An Adaptive Card as sent (already expanded from its template). */
export type AdaptiveCardJson = Record<string, unknown>;

/** One reply: the host turns each into one message activity. */
export type BotReply = { text: string } | { card: AdaptiveCardJson };

/** What bot functions run with. The clock is injectable so tests can pin "overdue". */
export interface BotDeps {
  store: Store;
  config: Pick<Config, 'refPrefix' | 'publicUrl'>;
  now?: () => Date;
  /** The Teams app id (TEAMS_APP_ID), for deep links into the app's tab; without it links go to publicUrl. */
  teamsAppId?: string;
}

export const isShared = (type: ConversationType): boolean => type !== 'personal';
