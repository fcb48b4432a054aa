import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { ConversationRef } from '../../src/domain/records';
import { captureConversation } from '../../src/notify/captureConversation';
import { conversationRefId } from '../../src/kernel/conversations';
import { createApp } from '../../src/server/app';
import { testConfig } from '../api/server';
import { createWorld, MEMBERS, type World } from '../support/world';
import {
  channelDeleted, channelInstallationUpdate, GENERAL_CHANNEL, groupChatInstall, PANEL_CHANNEL, personalChatId, personalInstall,
  personalUninstall, TEAM, teamInstall, teamUninstall, TENANT,
} from './support/teamsActivities';

const URL_A = 'http://localhost:56150/_connector';
const URL_B = 'https://smba.trafficmanager.net/uk/';
const T1 = new Date('2026-06-01T08:00:00Z');
const T2 = new Date('2026-06-02T08:00:00Z');
const T3 = new Date('2026-06-03T08:00:00Z');

let world: World;
beforeEach(async () => {
  world = await createWorld();
});
afterEach(() => world.close());

const refs = () => world.store.transaction((tx) => tx.find('conversations'));
const ref = (conversationId: string) => world.store.transaction((tx) => tx.get('conversations', conversationRefId(conversationId))) as Promise<ConversationRef>;

describe('captureConversation', () => {
  it('stores a personal chat for the member the activity names (Teams and Playground shapes)', async () => {
    expect(await captureConversation(world.store, personalInstall(URL_A, MEMBERS.police), T1)).toMatchObject({ action: 'captured' });
    expect(await captureConversation(world.store, personalInstall(URL_A, MEMBERS.chair, { playground: true }), T1)).toMatchObject({ action: 'captured' });

    expect(await ref(personalChatId(MEMBERS.police))).toEqual({
      id: conversationRefId(personalChatId(MEMBERS.police)),
      version: 1,
      conversationId: personalChatId(MEMBERS.police),
      conversationType: 'personal',
      serviceUrl: URL_A,
      tenantId: TENANT,
      memberId: MEMBERS.police.id,
      isPartnershipChannel: false,
      active: true,
      capturedAt: T1.toISOString(),
    });
    expect(await ref(personalChatId(MEMBERS.chair))).toMatchObject({ conversationType: 'personal', memberId: MEMBERS.chair.id });
  });

  it('a personal chat of someone who is not a member is kept without a member', async () => {
    await captureConversation(world.store, personalInstall(URL_A, { aadObjectId: '99999999-8888-4777-8666-555555555555' }), T1);
    const [only] = await refs();
    expect(only).toMatchObject({ conversationType: 'personal', active: true });
    expect(only!.memberId).toBeUndefined();
  });

  it('the first team channel becomes the partnership channel; later channels do not while it is active', async () => {
    await captureConversation(world.store, teamInstall(URL_B, MEMBERS.coordinator), T1);
    await captureConversation(world.store, channelInstallationUpdate(URL_B, MEMBERS.coordinator, PANEL_CHANNEL), T1);
    await captureConversation(world.store, groupChatInstall(URL_B, MEMBERS.police), T1);

    expect(await ref(GENERAL_CHANNEL)).toMatchObject({
      conversationId: GENERAL_CHANNEL, conversationType: 'channel', channelId: GENERAL_CHANNEL, teamId: TEAM.id, isPartnershipChannel: true, active: true,
    });
    expect(await ref(PANEL_CHANNEL)).toMatchObject({ conversationType: 'channel', channelId: PANEL_CHANNEL, teamId: TEAM.id, isPartnershipChannel: false });
    expect(await ref('19:group-chat-riskpanel@thread.v2')).toMatchObject({ conversationType: 'groupChat', isPartnershipChannel: false });
    expect(await refs()).toHaveLength(3);
  });

  it('only a coordinator\'s install makes a channel the partnership channel', async () => {
    // A partner adds the app to some team first: their channel does not start receiving the partnership's referrals.
    await captureConversation(world.store, teamInstall(URL_B, MEMBERS.police), T1);
    expect(await ref(GENERAL_CHANNEL)).toMatchObject({ conversationType: 'channel', isPartnershipChannel: false, active: true });
    await captureConversation(world.store, channelInstallationUpdate(URL_B, MEMBERS.coordinator, PANEL_CHANNEL), T2);
    expect(await ref(PANEL_CHANNEL)).toMatchObject({ isPartnershipChannel: true });
    expect(await ref(GENERAL_CHANNEL)).toMatchObject({ isPartnershipChannel: false });
  });

  it('PARTNERSHIP_CHANNEL_ID names the partnership channel, and takes the role from a channel flagged before', async () => {
    await captureConversation(world.store, teamInstall(URL_B, MEMBERS.coordinator), T1);
    const options = { partnershipChannelId: PANEL_CHANNEL };
    await captureConversation(world.store, channelInstallationUpdate(URL_B, MEMBERS.coordinator, PANEL_CHANNEL), T2, options);
    expect(await ref(PANEL_CHANNEL)).toMatchObject({ isPartnershipChannel: true });
    expect(await ref(GENERAL_CHANNEL)).toMatchObject({ isPartnershipChannel: false });
    // A later event in General does not take it back.
    await captureConversation(world.store, teamInstall(URL_B, MEMBERS.coordinator), T3, options);
    expect(await ref(GENERAL_CHANNEL)).toMatchObject({ isPartnershipChannel: false });
  });

  it('is idempotent by conversation id: a repeat updates the one record (a new service URL), keeping when it was captured', async () => {
    await captureConversation(world.store, teamInstall(URL_A, MEMBERS.coordinator), T1);
    const again = await captureConversation(world.store, teamInstall(URL_B, MEMBERS.coordinator), T2);
    expect(again).toMatchObject({ action: 'updated' });
    expect(await refs()).toHaveLength(1);
    expect(await ref(GENERAL_CHANNEL)).toMatchObject({ version: 2, serviceUrl: URL_B, capturedAt: T1.toISOString(), isPartnershipChannel: true });
  });

  it('the app removed from the team makes its channels inactive; installed again, they come back as a new capture', async () => {
    await captureConversation(world.store, teamInstall(URL_B, MEMBERS.coordinator), T1);
    await captureConversation(world.store, channelInstallationUpdate(URL_B, MEMBERS.coordinator, PANEL_CHANNEL), T1);
    await captureConversation(world.store, personalInstall(URL_B, MEMBERS.police), T1);

    const removed = await captureConversation(world.store, teamUninstall(URL_B, MEMBERS.coordinator), T2);
    expect(removed).toMatchObject({ action: 'deactivated' });
    expect(await ref(GENERAL_CHANNEL)).toMatchObject({ active: false, deactivatedAt: T2.toISOString(), deactivatedReason: 'uninstalled' });
    expect(await ref(PANEL_CHANNEL)).toMatchObject({ active: false });
    expect(await ref(personalChatId(MEMBERS.police))).toMatchObject({ active: true });

    expect(await captureConversation(world.store, teamInstall(URL_B, MEMBERS.coordinator), T3)).toMatchObject({ action: 'reactivated' });
    const back = await ref(GENERAL_CHANNEL);
    expect(back).toMatchObject({ active: true, capturedAt: T3.toISOString(), isPartnershipChannel: true });
    expect(back.deactivatedAt).toBeUndefined();
    expect(back.deactivatedReason).toBeUndefined();
  });

  it('a deleted channel and an uninstalled personal app go inactive', async () => {
    await captureConversation(world.store, teamInstall(URL_B, MEMBERS.coordinator), T1);
    await captureConversation(world.store, channelInstallationUpdate(URL_B, MEMBERS.coordinator, PANEL_CHANNEL), T1);
    await captureConversation(world.store, personalInstall(URL_B, MEMBERS.police), T1);

    await captureConversation(world.store, channelDeleted(URL_B, MEMBERS.coordinator, PANEL_CHANNEL), T2);
    await captureConversation(world.store, personalUninstall(URL_B, MEMBERS.police), T2);

    expect(await ref(PANEL_CHANNEL)).toMatchObject({ active: false, deactivatedReason: 'channelDeleted' });
    expect(await ref(personalChatId(MEMBERS.police))).toMatchObject({ active: false, deactivatedReason: 'uninstalled' });
    expect(await ref(GENERAL_CHANNEL)).toMatchObject({ active: true });
  });

  it('ignores other activities and anything that is not an activity with a service URL', async () => {
    const { type: _t, ...noType } = personalInstall(URL_A, MEMBERS.police);
    for (const raw of [
      { ...personalInstall(URL_A, MEMBERS.police), type: 'message', text: 'hello' },
      { ...personalInstall(URL_A, MEMBERS.police), serviceUrl: 'not a url' },
      noType,
      null,
      'conversationUpdate',
    ]) {
      expect(await captureConversation(world.store, raw, T1)).toMatchObject({ action: 'ignored' });
    }
    expect(await refs()).toEqual([]);
  });
});

describe('capture over HTTP: install activities posted to /api/messages (local mode, as the Agents Playground posts them)', () => {
  it('stores the channel and personal chats, marks them inactive on uninstall, and captures a team install', async () => {
    const config = testConfig(world.file);
    const app = createApp({ config, store: world.store, now: () => T1 });
    const server = await new Promise<Server>((resolve) => {
      const s = app.listen(0, '127.0.0.1', () => resolve(s));
    });
    const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/api/messages`;
    const post = async (activity: unknown) => {
      const res = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(activity) });
      expect(res.status).toBeLessThan(300);
    };
    try {
      await post(personalInstall(URL_A, MEMBERS.coordinator, { playground: true }));
      await post(channelInstallationUpdate(URL_A, MEMBERS.coordinator, PANEL_CHANNEL));
      await post(channelInstallationUpdate(URL_A, MEMBERS.coordinator, PANEL_CHANNEL));

      expect(await refs()).toHaveLength(2);
      expect(await ref(personalChatId(MEMBERS.coordinator))).toMatchObject({
        conversationType: 'personal', memberId: MEMBERS.coordinator.id, serviceUrl: URL_A, active: true,
      });
      expect(await ref(PANEL_CHANNEL)).toMatchObject({
        conversationType: 'channel', channelId: PANEL_CHANNEL, teamId: TEAM.id, isPartnershipChannel: true, serviceUrl: URL_A, active: true,
      });

      await post(channelInstallationUpdate(URL_A, MEMBERS.coordinator, PANEL_CHANNEL, 'remove'));
      expect(await ref(PANEL_CHANNEL)).toMatchObject({ active: false, deactivatedReason: 'uninstalled' });

      // Added to the team again (Teams' teamMemberAdded in General): General takes over as the partnership channel.
      await post(teamInstall(URL_A, MEMBERS.coordinator));
      expect(await ref(GENERAL_CHANNEL)).toMatchObject({ conversationType: 'channel', isPartnershipChannel: true, active: true });
    } finally {
      await new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      });
    }
  });
});
