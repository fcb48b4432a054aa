import type { AdaptiveCardJson } from '../src/cards/types';
import type { Config } from '../src/config';
import type { Context } from '../src/kernel/context';
import type { MeetingParticipants } from '../src/kernel/meetingParticipants';

/** Where a message was said. Anything but a personal chat is shared: many people see the answer. */
export type ConversationType = 'personal' | 'groupChat' | 'channel';

/** What a bot function needs to know about one message: who said it (from the authenticated activity), where, what. */
export interface BotInput {
  actor: Actor;
  conversationType: ConversationType;
  text: string;
  /** Set when the message was said in a Teams meeting's chat: which meeting, and how to ask Teams about its people. */
  meeting?: MeetingChat;
}

/** A Teams meeting's chat, as an activity names it (read from the authenticated activity, never from its text). */
export interface MeetingChat {
  /** Every name Teams gives the meeting in the activity (chat conversation id, meeting id). */
  names: string[];
  /** Teams' meeting id (channelData.meeting.id) and tenant, for the participant API. */
  teamsMeetingId?: string;
  tenantId?: string;
  /** The speaker's Entra object id (from the activity). */
  aadObjectId: string;
  participants: MeetingParticipants;
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
