import type { Member } from '../../../src/domain/records';

// Install and conversation-update activities shaped as the Agents Playground (0.2.x) and Teams send them. Ids are
// invented; the shapes follow the Playground's activity generators and Teams' documented conversationUpdate events.

export const TENANT = '5eed0000-0000-4000-8000-0000000000a0';
export const BOT = { id: '28:5eed0000-0000-4000-8000-0000000000b0', name: 'RiskPanel' };
export const TEAM = { id: '19:team-riskpanel@thread.tacv2', name: 'Risk Panel Partnership', aadGroupId: '5eed0000-0000-4000-8000-0000000000c0' };
/** In Teams the General channel has the team's id. */
export const GENERAL_CHANNEL = TEAM.id;
export const PANEL_CHANNEL = '19:channel-panel@thread.tacv2';

let n = 0;
const base = (serviceUrl: string, from: Pick<Member, 'aadObjectId'> | { id: string; aadObjectId?: string }) => ({
  id: `activity-${++n}`,
  timestamp: '2026-06-01T08:00:00.000Z',
  channelId: 'msteams',
  serviceUrl,
  recipient: { ...BOT },
  from: 'id' in from ? from : { id: `29:${from.aadObjectId}`, aadObjectId: from.aadObjectId },
  locale: 'en-GB',
});

/** The app added to a team: conversationUpdate, teamMemberAdded with the bot, in the channel chosen. */
export function teamInstall(serviceUrl: string, by: Pick<Member, 'aadObjectId'>, channelId: string = GENERAL_CHANNEL) {
  return {
    ...base(serviceUrl, by),
    type: 'conversationUpdate',
    conversation: { id: channelId, isGroup: true, conversationType: 'channel', tenantId: TENANT },
    membersAdded: [{ id: BOT.id }],
    channelData: {
      tenant: { id: TENANT },
      team: { ...TEAM },
      eventType: 'teamMemberAdded',
      ...(channelId === GENERAL_CHANNEL ? {} : { channel: { id: channelId } }),
      settings: { selectedChannel: { id: channelId } },
    },
  };
}

/** The Playground's "install app" in a channel: installationUpdate, action add. */
export function channelInstallationUpdate(serviceUrl: string, by: Pick<Member, 'aadObjectId'>, channelId: string, action: 'add' | 'remove' = 'add') {
  return {
    ...base(serviceUrl, by),
    type: 'installationUpdate',
    action,
    conversation: { id: channelId, isGroup: true, conversationType: 'channel', tenantId: TENANT },
    channelData: {
      tenant: { id: TENANT },
      team: { ...TEAM },
      channel: { id: channelId },
      source: { name: 'message' },
      settings: { selectedChannel: { id: channelId } },
    },
    entities: [{ locale: 'en-GB', type: 'clientInfo' }],
  };
}

/** The app removed from the team: teamMemberRemoved with the bot. */
export function teamUninstall(serviceUrl: string, by: Pick<Member, 'aadObjectId'>) {
  return {
    ...base(serviceUrl, by),
    type: 'conversationUpdate',
    conversation: { id: GENERAL_CHANNEL, isGroup: true, conversationType: 'channel', tenantId: TENANT },
    membersRemoved: [{ id: BOT.id }],
    channelData: { tenant: { id: TENANT }, team: { ...TEAM }, eventType: 'teamMemberRemoved' },
  };
}

/** A channel deleted in the team (the bot is told in the General channel). */
export function channelDeleted(serviceUrl: string, by: Pick<Member, 'aadObjectId'>, channelId: string) {
  return {
    ...base(serviceUrl, by),
    type: 'conversationUpdate',
    conversation: { id: GENERAL_CHANNEL, isGroup: true, conversationType: 'channel', tenantId: TENANT },
    channelData: { tenant: { id: TENANT }, team: { id: TEAM.id }, channel: { id: channelId, name: 'Panel' }, eventType: 'channelDeleted' },
  };
}

/** The conversation id Teams gives a member's personal chat with the bot. */
export const personalChatId = (member: Pick<Member, 'aadObjectId'>) => `a:1personal-${member.aadObjectId}`;

/**
 * A personal chat opened with the bot. Teams says conversationType 'personal'; the Playground leaves the type and
 * isGroup out and sends no channelData (`playground: true`).
 */
export function personalInstall(serviceUrl: string, member: Pick<Member, 'aadObjectId'>, options: { playground?: boolean } = {}) {
  const from = { id: `29:${member.aadObjectId}`, aadObjectId: member.aadObjectId };
  return {
    ...base(serviceUrl, from),
    type: 'conversationUpdate',
    conversation: options.playground ? { id: personalChatId(member), tenantId: TENANT } : { id: personalChatId(member), conversationType: 'personal', tenantId: TENANT },
    membersAdded: [{ id: BOT.id }, from],
    ...(options.playground ? {} : { channelData: { tenant: { id: TENANT } } }),
  };
}

/** The personal app uninstalled: installationUpdate, action remove. */
export function personalUninstall(serviceUrl: string, member: Pick<Member, 'aadObjectId'>) {
  return {
    ...base(serviceUrl, member),
    type: 'installationUpdate',
    action: 'remove',
    conversation: { id: personalChatId(member), conversationType: 'personal', tenantId: TENANT },
    channelData: { tenant: { id: TENANT }, source: { name: 'message' } },
  };
}

/** The app added to a group chat. */
export function groupChatInstall(serviceUrl: string, by: Pick<Member, 'aadObjectId'>) {
  return {
    ...base(serviceUrl, by),
    type: 'conversationUpdate',
    conversation: { id: '19:group-chat-riskpanel@thread.v2', isGroup: true, conversationType: 'groupChat', tenantId: TENANT },
    membersAdded: [{ id: BOT.id }],
    channelData: { tenant: { id: TENANT } },
  };
}
