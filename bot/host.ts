import { type Activity, ActivityTypes, DeliveryModes } from '@microsoft/agents-activity';
import {
  type AdaptiveCard, AgentApplication, CardFactory, CloudAdapter, MessageFactory, RouteRank, type TurnContext, type TurnState,
} from '@microsoft/agents-hosting';
import type { Config } from '../src/config';
import { log } from '../src/log';
import { CARD_FAILED, CARD_OUT_OF_DATE, type CardActionResult, handleCardAction } from './actions/handleCardAction';
import { authConfigurationFor } from '../src/notify/botAuthConfiguration';
import { handleMessage, SOMETHING_WENT_WRONG } from './handleMessage';
import type { Context } from '../src/kernel/context';
import type { MeetingParticipants } from '../src/kernel/meetingParticipants';
import { handleMeetingEvent, isMeetingActivity, teamsMeetingNamesOf } from './meeting/meetingEvents';
import { teamsMeetingParticipants } from './meeting/teamsParticipants';
import type { Actor, BotDeps, BotReply, ConversationType, MeetingChat } from './types';

/** What the composition root hands the bot: its services, made with the store the bot never sees. */
export interface BotHostDeps extends Omit<BotDeps, 'config'> {
  config: Config;
  /** Stores where proactive cards can go, from an install, uninstall or conversation update. */
  captureConversation: (activity: Activity, at: Date) => Promise<void>;
  /** The context RiskPanel itself acts in (meeting start and end from Teams), audited as 'system'. */
  systemContext: (correlationId: string) => Context;
  /** Teams' meeting participant API within a turn; default the Agents SDK adapter, a fake in tests. */
  meetingParticipantsFor?: (context: TurnContext) => MeetingParticipants;
}

export const NOT_A_MEMBER = 'You are not a member of this partnership in RiskPanel. Ask your panel coordinator to add you.';

/** The invoke Teams sends for a Universal Action (Action.Execute, and a card's refresh). */
export const CARD_ACTION_INVOKE = 'adaptiveCard/action';
const INVOKE_MESSAGE_TYPE = 'application/vnd.microsoft.activity.message';

export interface BotHost {
  adapter: CloudAdapter;
  agent: AgentApplication<TurnState>;
}

/**
 * The Microsoft 365 Agents SDK side of the bot, kept thin: the adapter authenticates and delivers, the application
 * routes message activities to `repliesForActivity` and card actions to `cardActionForActivity`, both plain code. No
 * SDK state storage: every answer is read from the store, so there is nothing to keep between turns.
 */
export function createBotHost(deps: BotHostDeps): BotHost {
  const { config } = deps;
  // validateServiceUrl: an activity must name the service URL its token was issued for (SDK: recommended in production).
  const adapter = new CloudAdapter(authConfigurationFor(config), undefined, undefined, { validateServiceUrl: config.mode !== 'local' });
  checkResolvedIdentity(config, adapter);
  adapter.onTurnError = async (context, error) => {
    // The SDK's default sends "The agent encountered an error or bug" and the error text: say less, log the name only.
    log.error({ event: 'bot.turnFailed', error: error instanceof Error ? error.name : typeof error }, 'bot: turn failed');
    // An invoke left without its response shows "Unable to reach app": answer it with the same sentence instead.
    // Telling them may fail too (the service URL cannot be reached): the turn then ends with no reply, logged.
    try {
      if (context.activity.type === ActivityTypes.Invoke) await sendInvokeMessage(context, SOMETHING_WENT_WRONG);
      else await context.sendActivity(MessageFactory.text(SOMETHING_WENT_WRONG));
    } catch (err) {
      log.warn({ event: 'bot.replyFailed', error: err instanceof Error ? err.name : typeof err }, 'bot: could not send the apology either');
    }
  };

  const agent = new AgentApplication<TurnState>({ adapter, startTypingTimer: false, removeRecipientMention: true });
  const teamsAppId = deps.teamsAppId ?? process.env.TEAMS_APP_ID?.trim() ?? undefined;
  const botDeps: BotDeps = {
    contextFor: deps.contextFor,
    resolveMember: deps.resolveMember,
    config,
    ...(deps.now ? { now: deps.now } : {}),
    ...(teamsAppId ? { teamsAppId } : {}),
  };

  agent.onActivity(ActivityTypes.Message, async (context) => {
    const submitted = submittedAction(context.activity);
    if (submitted) return answerSubmit(context, await cardActionForActivity(context.activity, submitted, botDeps));
    const participantsFor = deps.meetingParticipantsFor ?? teamsMeetingParticipants;
    const replies = await repliesForActivity(context.activity, botDeps, meetingChatOf(context.activity, () => participantsFor(context)));
    if (replies.length) await context.sendActivities(replies.map(toActivity));
  });

  // A Teams meeting started or ended (bot/meeting/meetingEvents.ts): the panel moves with it, as RiskPanel itself.
  agent.onActivity(ActivityTypes.Event, async (context) => {
    await handleMeetingEvent(context.activity, { systemContext: deps.systemContext });
  });

  // Where proactive cards can go: stored on install, uninstall and every conversation update (src/notify).
  agent.onActivity([ActivityTypes.ConversationUpdate, ActivityTypes.InstallationUpdate], async (context) => {
    await deps.captureConversation(context.activity, deps.now?.() ?? new Date());
  });

  // Every Action.Execute, whatever its verb: the SDK hands over the action ({type, verb, data}) and answers the
  // invoke with what we return (a card: application/vnd.microsoft.card.adaptive; a string: a message).
  agent.adaptiveCards.actionExecute(/^[\s\S]*$/, async (context, _state, action: { verb?: unknown; data?: unknown }) => {
    const result = await cardActionForActivity(context.activity, { verb: action.verb, data: action.data }, botDeps);
    if (!('card' in result)) return result.message;
    await updateSharedCard(context, result);
    return result.card as unknown as AdaptiveCard;
  });
  // Any other adaptiveCard/action invoke (no action, not Action.Execute): a message, never "Unable to reach app".
  agent.addRoute(
    async (context) => context.activity.type === ActivityTypes.Invoke && context.activity.name === CARD_ACTION_INVOKE,
    async (context) => sendInvokeMessage(context, CARD_OUT_OF_DATE),
    true,
    RouteRank.Last,
  );
  return { adapter, agent };
}

/** The SDK merges its own environment settings into ours; make sure it ended up with the identity we configured. */
function checkResolvedIdentity(config: Config, adapter: CloudAdapter): void {
  const resolved = adapter.getClientId();
  if (config.mode === 'local' && resolved) {
    throw new Error('Local mode is refused: the Agents SDK found a bot client id in its environment settings (connections__...).');
  }
  if (config.mode !== 'local' && config.bot.clientId && resolved !== config.bot.clientId) {
    throw new Error('The Agents SDK environment settings (connections__...) name a different bot client id than clientId/MicrosoftAppId.');
  }
}

/** The member who sent the activity, by the Entra object id the authenticated activity names; never from its text. */
async function actorOfActivity(activity: Pick<Activity, 'from'>, deps: BotDeps): Promise<Actor | undefined> {
  const aadObjectId = activity.from?.aadObjectId?.trim();
  if (!aadObjectId || aadObjectId.length > 100) return undefined;
  return deps.resolveMember(aadObjectId);
}

/** Activity in, replies out. */
export async function repliesForActivity(
  activity: Pick<Activity, 'text' | 'from' | 'conversation'>,
  deps: BotDeps,
  meeting?: MeetingChat,
): Promise<BotReply[]> {
  const actor = await actorOfActivity(activity, deps);
  if (!actor) return [{ text: NOT_A_MEMBER }];
  return handleMessage(
    {
      actor,
      conversationType: conversationTypeOf(activity.conversation?.conversationType),
      text: typeof activity.text === 'string' ? activity.text : '',
      ...(meeting ? { meeting } : {}),
    },
    deps,
  );
}

/** The Teams meeting a message was said in, from the activity Teams sent (undefined outside a meeting). */
export function meetingChatOf(
  activity: Pick<Activity, 'from' | 'conversation' | 'channelData'>,
  participants: () => MeetingParticipants,
): MeetingChat | undefined {
  const aadObjectId = activity.from?.aadObjectId?.trim();
  if (!aadObjectId || !isMeetingActivity(activity)) return undefined;
  const channelData = (activity.channelData ?? {}) as { meeting?: { id?: unknown }; tenant?: { id?: unknown } };
  const teamsMeetingId = typeof channelData.meeting?.id === 'string' ? channelData.meeting.id : undefined;
  const tenantId = typeof channelData.tenant?.id === 'string' ? channelData.tenant.id : activity.conversation?.tenantId;
  return {
    names: teamsMeetingNamesOf(activity),
    aadObjectId,
    participants: participants(),
    ...(teamsMeetingId ? { teamsMeetingId } : {}),
    ...(tenantId ? { tenantId } : {}),
  };
}

/** A card action (Action.Execute invoke, or its Action.Submit fallback) in, the rebuilt card or a message out. */
export async function cardActionForActivity(
  activity: Pick<Activity, 'from' | 'conversation'>,
  action: { verb: unknown; data: unknown },
  deps: BotDeps,
): Promise<CardActionResult> {
  try {
    const actor = await actorOfActivity(activity, deps);
    if (!actor) return { message: NOT_A_MEMBER };
    return await handleCardAction(
      { actor, verb: typeof action.verb === 'string' ? action.verb : '', data: action.data, conversationType: conversationTypeOf(activity.conversation?.conversationType) },
      deps,
    );
  } catch (err) {
    log.error({ event: 'bot.cardActionFailed', error: err instanceof Error ? err.name : typeof err }, 'bot: card action failed');
    return { message: CARD_FAILED };
  }
}

/**
 * An Action.Submit from a client too old for Action.Execute (the fallback on every button): a message with no text
 * whose value names the verb. Its data is the button's data merged with the card's inputs.
 */
export function submittedAction(activity: Pick<Activity, 'text' | 'value'>): { verb: string; data: Record<string, unknown> } | undefined {
  const value = activity.value as Record<string, unknown> | undefined;
  if ((typeof activity.text === 'string' && activity.text.trim()) || !value || typeof value !== 'object' || Array.isArray(value)) return undefined;
  return typeof value.verb === 'string' ? { verb: value.verb, data: value } : undefined;
}

/**
 * An old client cannot take a card back in answer to a submit. In a shared conversation the posted card is updated in
 * place and the person gets the sentence; otherwise (a personal chat, or a reply collected with expectReplies) the
 * rebuilt card comes back as a reply.
 */
async function answerSubmit(context: TurnContext, result: CardActionResult): Promise<void> {
  if (!('card' in result)) {
    await context.sendActivity(toActivity({ text: result.message }));
    return;
  }
  if (result.sharedCard && (await updateSharedCard(context, result)) && result.message) {
    await context.sendActivity(toActivity({ text: result.message }));
    return;
  }
  await context.sendActivity(toActivity({ card: result.card }));
}

/**
 * After a change in a channel or group chat: the card everyone sees is replaced in place (the invoke response changes
 * it only for the person who pressed; the refresh covers at most 60 users). Best effort: the change is made and
 * answered either way. With expectReplies there is no connector to call, so nothing is tried.
 */
async function updateSharedCard(context: TurnContext, result: CardActionResult): Promise<boolean> {
  if (!('sharedCard' in result) || !result.sharedCard || !context.activity.replyToId) return false;
  if (context.activity.deliveryMode === DeliveryModes.ExpectReplies) return false;
  try {
    const update = MessageFactory.attachment(CardFactory.adaptiveCard(result.sharedCard));
    update.id = context.activity.replyToId;
    await context.updateActivity(update);
    return true;
  } catch (err) {
    log.warn({ event: 'bot.sharedCardUpdateFailed', error: err instanceof Error ? err.name : typeof err }, 'bot: shared card update failed');
    return false;
  }
}

async function sendInvokeMessage(context: TurnContext, message: string): Promise<void> {
  await context.sendActivity({
    type: ActivityTypes.InvokeResponse,
    value: { status: 200, body: { statusCode: 200, type: INVOKE_MESSAGE_TYPE, value: message } },
  } as Partial<Activity> as Activity);
}

/** Teams says personal, groupChat or channel. Anything else is treated as shared, the answer that shows least. */
export function conversationTypeOf(value: unknown): ConversationType {
  return value === 'personal' || value === 'groupChat' ? value : 'channel';
}

/** Text replies go as plain text: nothing in them is ever read as markdown. */
export function toActivity(reply: BotReply): Activity {
  if ('card' in reply) return MessageFactory.attachment(CardFactory.adaptiveCard(reply.card));
  const activity = MessageFactory.text(reply.text);
  activity.textFormat = 'plain';
  return activity;
}
