import { z } from 'zod';
import { ConflictError } from '../domain/errors';
import type { ConversationRef, Member } from '../domain/records';
import type { Store, Tx } from '../store/port';
import { baseConversationId, conversationRefId, partnershipChannels } from '../kernel/conversations';

export interface CaptureOptions {
  /** PARTNERSHIP_CHANNEL_ID: the channel that gets the partnership's cards. Unset: the first channel captured. */
  partnershipChannelId?: string;
}

export type CaptureOutcome =
  | { action: 'captured' | 'updated' | 'reactivated'; ref: ConversationRef }
  | { action: 'deactivated'; refs: ConversationRef[] }
  | { action: 'ignored'; reason: string };

const ID = z.string().trim().min(1).max(500);
const account = z.object({ id: ID.optional(), aadObjectId: z.string().trim().max(100).optional() }).passthrough();

/** What capture reads of an install or conversation-update activity. Anything else in it is ignored. */
const activityShape = z.object({
  type: z.string(),
  action: z.string().max(50).optional(),
  serviceUrl: z.string().trim().url().max(500),
  from: account.optional(),
  recipient: account.optional(),
  conversation: z
    .object({ id: ID, conversationType: z.string().max(50).optional(), isGroup: z.boolean().optional(), tenantId: z.string().max(100).optional() })
    .passthrough(),
  membersAdded: z.array(account).max(500).optional(),
  membersRemoved: z.array(account).max(500).optional(),
  channelData: z
    .object({
      eventType: z.string().max(100).optional(),
      tenant: z.object({ id: z.string().max(100) }).passthrough().optional(),
      team: z.object({ id: ID }).passthrough().optional(),
      channel: z.object({ id: ID }).passthrough().optional(),
    })
    .passthrough()
    .nullish(),
});
type CaptureActivity = z.infer<typeof activityShape>;

const CAPTURED_TYPES = new Set(['conversationUpdate', 'installationUpdate']);
/** Team events after which the channel named in channelData is gone, or the whole team is. */
const CHANNEL_GONE = new Set(['channelDeleted']);
const TEAM_GONE = new Set(['teamDeleted', 'teamHardDeleted', 'teamArchived']);

/**
 * Stores where proactive cards can go, from the activities Teams sends when the app is installed or removed and when
 * a conversation changes (PLATFORM.md: proactive messages need a reference captured at install). Idempotent by the
 * conversation id: the first event inserts the ConversationRef, later ones update it (a new service URL), and an
 * install into a conversation that was lost (403 or uninstalled) reactivates it as a new capture. An uninstall, the
 * bot removed from the roster, or the team or channel deleted marks the references inactive; they are kept, with
 * the reason, for the audit of what was sent where.
 *
 * Personal chats are tied to the member whose Entra object id the activity names; channels carry the team and
 * channel ids. The partnership channel (new referrals, decisions, the digest) is the configured channel id, or else
 * the first channel a coordinator installs the app in while no other partnership channel is active (the team's
 * General channel when the app is added to the team; the Playground's install names the channel it is done in).
 */
export async function captureConversation(store: Store, raw: unknown, now: Date, options: CaptureOptions = {}): Promise<CaptureOutcome> {
  const parsed = activityShape.safeParse(raw);
  if (!parsed.success) return { action: 'ignored', reason: 'not an activity with a service URL and a conversation' };
  const activity = parsed.data;
  if (!CAPTURED_TYPES.has(activity.type)) return { action: 'ignored', reason: `a ${activity.type} activity` };

  for (let attempt = 0; ; attempt++) {
    try {
      return await store.transaction((tx) => capture(tx, activity, now, options));
    } catch (err) {
      // Two events for one conversation at once (Teams sends conversationUpdate and installationUpdate together):
      // the loser of the insert race reads the winner's record and updates it.
      if (err instanceof ConflictError && attempt < 2) continue;
      throw err;
    }
  }
}

async function capture(tx: Tx, activity: CaptureActivity, now: Date, options: CaptureOptions): Promise<CaptureOutcome> {
  const at = now.toISOString();
  const type = conversationTypeOf(activity);
  const teamId = activity.channelData?.team?.id;
  const eventType = activity.channelData?.eventType;

  if (eventType && TEAM_GONE.has(eventType) && teamId) return deactivate(tx, await teamRefs(tx, teamId), at, eventType);
  if (eventType && CHANNEL_GONE.has(eventType)) {
    const channelId = activity.channelData?.channel?.id;
    const ref = channelId ? await tx.get('conversations', conversationRefId(channelId)) : undefined;
    return deactivate(tx, ref ? [ref] : [], at, eventType);
  }
  if (isRemoval(activity)) {
    // Removed from a team: every channel of the team is out of reach, not only the one the event names.
    const refs = type === 'channel' && teamId
      ? await teamRefs(tx, teamId)
      : [await tx.get('conversations', conversationRefId(activity.conversation.id))].filter((r): r is ConversationRef => r !== undefined);
    return deactivate(tx, refs, at, 'uninstalled');
  }

  const conversationId = type === 'channel'
    ? baseConversationId(activity.channelData?.channel?.id ?? activity.conversation.id)
    : baseConversationId(activity.conversation.id);
  const id = conversationRefId(conversationId);
  const existing = await tx.get('conversations', id);
  const tenantId = activity.conversation.tenantId ?? activity.channelData?.tenant?.id;
  const memberId = type === 'personal' ? await memberOf(tx, activity) : undefined;
  const isPartnershipChannel = type === 'channel' ? await partnershipFlag(tx, activity, id, conversationId, options) : false;

  const fields = {
    conversationId,
    conversationType: type,
    serviceUrl: activity.serviceUrl,
    ...(tenantId ? { tenantId } : {}),
    ...(type === 'channel' ? { channelId: conversationId, ...(teamId ? { teamId } : {}) } : {}),
    ...(memberId ? { memberId } : {}),
    isPartnershipChannel,
    active: true,
  };
  if (!existing) {
    const ref = await tx.insert('conversations', { id, ...fields, capturedAt: at });
    return { action: 'captured', ref };
  }
  const { deactivatedAt: _at, deactivatedReason: _why, ...kept } = existing;
  // A lost conversation that comes back is a new capture (the sender keys its "lost" notice by capture).
  const reactivated = !existing.active;
  const ref = await tx.update('conversations', {
    ...kept,
    ...fields,
    memberId: memberId ?? existing.memberId,
    capturedAt: reactivated ? at : existing.capturedAt,
  } as ConversationRef);
  return { action: reactivated ? 'reactivated' : 'updated', ref };
}

/** Teams says personal, groupChat or channel; the Agents Playground leaves a personal chat's type out. */
function conversationTypeOf(activity: CaptureActivity): ConversationRef['conversationType'] {
  const said = activity.conversation.conversationType;
  if (said === 'personal' || said === 'groupChat' || said === 'channel') return said;
  if (activity.channelData?.team) return 'channel';
  return activity.conversation.isGroup ? 'groupChat' : 'personal';
}

function isRemoval(activity: CaptureActivity): boolean {
  if (activity.type === 'installationUpdate') return activity.action === 'remove';
  const botId = activity.recipient?.id;
  return Boolean(botId && activity.membersRemoved?.some((m) => m.id === botId));
}

/** The member a personal chat belongs to: the person who installed, or the person added with the bot. */
async function memberOf(tx: Tx, activity: CaptureActivity): Promise<string | undefined> {
  const botId = activity.recipient?.id;
  const candidates = [activity.from?.aadObjectId, ...(activity.membersAdded ?? []).filter((m) => m.id !== botId).map((m) => m.aadObjectId)];
  for (const aadObjectId of candidates) {
    const member = await memberByAad(tx, aadObjectId);
    if (member) return member.id;
  }
  return undefined;
}

/**
 * With a configured channel, exactly that one is the partnership channel (any other flagged earlier is unflagged).
 * Without, the coordinator marks it by installing: a channel becomes the partnership channel when an active
 * coordinator installs the app there (or acts there) while no other is active. Anyone else installing the app in some
 * team does not make their channel receive the partnership's referrals. A channel that was the partnership channel
 * keeps the role (also when the app comes back after an uninstall) unless another has taken it meanwhile.
 */
async function partnershipFlag(tx: Tx, activity: CaptureActivity, id: string, channelId: string, options: CaptureOptions): Promise<boolean> {
  const others = (await partnershipChannels(tx)).filter((c) => c.id !== id);
  if (options.partnershipChannelId) {
    const mine = baseConversationId(options.partnershipChannelId) === channelId;
    if (mine) for (const other of others) await tx.update('conversations', { ...other, isPartnershipChannel: false });
    return mine;
  }
  if (others.length) return false;
  if ((await tx.get('conversations', id))?.isPartnershipChannel) return true;
  const installer = await memberByAad(tx, activity.from?.aadObjectId);
  return Boolean(installer?.active && installer.roles.includes('coordinator'));
}

async function memberByAad(tx: Tx, aadObjectId: string | undefined): Promise<Member | undefined> {
  if (!aadObjectId) return undefined;
  const [member] = await tx.find('members', { where: [{ field: 'aadObjectId', op: 'eq', value: aadObjectId }], limit: 1 });
  return member;
}

/** Every stored channel of a team (the conversations list is small: one row per chat or channel the app is in). */
async function teamRefs(tx: Tx, teamId: string): Promise<ConversationRef[]> {
  const channels = await tx.find('conversations', { where: [{ field: 'active', op: 'eq', value: true }] });
  return channels.filter((c) => c.teamId === teamId);
}

async function deactivate(tx: Tx, refs: ConversationRef[], at: string, reason: string): Promise<CaptureOutcome> {
  const done: ConversationRef[] = [];
  for (const ref of refs) {
    if (!ref.active) continue;
    done.push(await tx.update('conversations', { ...ref, active: false, deactivatedAt: at, deactivatedReason: reason }));
  }
  return { action: 'deactivated', refs: done };
}
