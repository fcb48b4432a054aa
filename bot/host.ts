import { type Activity, ActivityTypes } from '@microsoft/agents-activity';
import { AgentApplication, CardFactory, CloudAdapter, MessageFactory, type TurnState } from '@microsoft/agents-hosting';
import { resolveActor } from '../src/auth/resolveActor';
import type { Config } from '../src/config';
import { UnauthenticatedError } from '../src/domain/errors';
import type { Actor } from '../src/policies/actor';
import type { Store } from '../src/store/port';
import { authConfigurationFor } from './botAuth';
import { handleMessage, SOMETHING_WENT_WRONG } from './handleMessage';
import type { BotDeps, BotReply, ConversationType } from './types';

export const NOT_A_MEMBER = 'You are not a member of this partnership in RiskPanel. Ask your panel coordinator to add you.';

export interface BotHost {
  adapter: CloudAdapter;
  agent: AgentApplication<TurnState>;
}

/**
 * The Microsoft 365 Agents SDK side of the bot, kept thin: the adapter authenticates and delivers, the application
 * routes message activities to `repliesForActivity`, which is plain code. No SDK state storage: every answer is read
 * from the store, so there is nothing to keep between turns.
 */
export function createBotHost(deps: { config: Config; store: Store; now?: () => Date }): BotHost {
  const { config } = deps;
  // validateServiceUrl: an activity must name the service URL its token was issued for (SDK: recommended in production).
  const adapter = new CloudAdapter(authConfigurationFor(config), undefined, undefined, { validateServiceUrl: config.mode !== 'local' });
  checkResolvedIdentity(config, adapter);
  adapter.onTurnError = async (context, error) => {
    // The SDK's default sends "The agent encountered an error or bug" and the error text: say less, log the name only.
    console.error(`bot: turn failed: ${error instanceof Error ? error.name : typeof error}`);
    await context.sendActivity(MessageFactory.text(SOMETHING_WENT_WRONG));
  };

  const agent = new AgentApplication<TurnState>({ adapter, startTypingTimer: false, removeRecipientMention: true });
  const botDeps: BotDeps = { store: deps.store, config, ...(deps.now ? { now: deps.now } : {}) };
  agent.onActivity(ActivityTypes.Message, async (context) => {
    const replies = await repliesForActivity(context.activity, botDeps);
    if (replies.length) await context.sendActivities(replies.map(toActivity));
  });
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

/** Activity in, replies out. The actor is who the authenticated activity says sent it, never anything in its text. */
export async function repliesForActivity(
  activity: Pick<Activity, 'text' | 'from' | 'conversation'>,
  deps: BotDeps,
): Promise<BotReply[]> {
  const aadObjectId = activity.from?.aadObjectId?.trim();
  let actor: Actor;
  try {
    if (!aadObjectId || aadObjectId.length > 100) return [{ text: NOT_A_MEMBER }];
    actor = await resolveActor(deps.store, { aadObjectId });
  } catch (err) {
    if (err instanceof UnauthenticatedError) return [{ text: NOT_A_MEMBER }];
    throw err;
  }
  return handleMessage(
    { actor, conversationType: conversationTypeOf(activity.conversation?.conversationType), text: typeof activity.text === 'string' ? activity.text : '' },
    deps,
  );
}

/** Teams says personal, groupChat or channel. Anything else is treated as shared, the answer that shows least. */
export function conversationTypeOf(value: unknown): ConversationType {
  return value === 'personal' || value === 'groupChat' ? value : 'channel';
}

export function toActivity(reply: BotReply): Activity {
  return 'card' in reply ? MessageFactory.attachment(CardFactory.adaptiveCard(reply.card)) : MessageFactory.text(reply.text);
}
