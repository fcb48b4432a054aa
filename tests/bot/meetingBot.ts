import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import express from 'express';
import { mountBot } from '../../bot/mountBot';
import type { MeetingParticipants } from '../../src/kernel/meetingParticipants';
import type { Meeting } from '../../src/domain/records';
import { botServices } from '../../src/server/app';
import { keepConnectionsAlive } from '../../src/server/keepAlive';
import { createListedReferral, createOpenCase, insertMeeting } from '../support/cases';
import { FIXED_NOW, MEMBERS, type Persona, type World } from '../support/world';
import { localConfig, type Running } from './botHttp';

// The bot in a Teams meeting, over real HTTP as Teams calls it (local mode, expectReplies), with the participant API
// faked and the clock pinned to the meeting's day.

/** An invented Teams meeting: its chat thread, meeting id (base64 of "0#<thread>#0") and join link all name it. */
export function teamsMeeting(code: string) {
  const thread = `19:meeting_${code}@thread.v2`;
  return {
    thread,
    meetingId: Buffer.from(`0#${thread}#0`).toString('base64'),
    joinUrl: `https://teams.microsoft.com/l/meetup-join/${encodeURIComponent(thread)}/0?context=%7b%22Tid%22%3a%22tenant-1%22%7d`,
  };
}
export type TeamsMeeting = ReturnType<typeof teamsMeeting>;

export async function serveMeetingBot(world: World, participants?: MeetingParticipants, now: Date = FIXED_NOW): Promise<Running> {
  const app = express();
  app.use(express.json());
  mountBot(app, { ...botServices(localConfig(world), world.store, () => now), ...(participants ? { meetingParticipantsFor: () => participants } : {}) });
  const server: Server = await new Promise((resolve) => {
    const s = keepConnectionsAlive(app.listen(0, '127.0.0.1', () => resolve(s)));
  });
  const { port } = server.address() as AddressInfo;
  return { url: `http://127.0.0.1:${port}/api/messages`, close: () => new Promise((resolve) => server.close(() => resolve())) };
}

let counter = 0;
const inMeeting = (teams: TeamsMeeting, aadObjectId: string) => ({
  id: `meeting-activity-${++counter}`,
  channelId: 'msteams',
  from: { id: `29:user-${aadObjectId}`, aadObjectId, name: 'Someone' },
  recipient: { id: '28:riskpanel-bot', name: 'RiskPanel' },
  conversation: { id: teams.thread, conversationType: 'groupChat', isGroup: true, tenantId: 'tenant-1' },
  channelData: { tenant: { id: 'tenant-1' }, meeting: { id: teams.meetingId } },
  serviceUrl: 'http://127.0.0.1:1',
  deliveryMode: 'expectReplies',
});

/** What Teams sends when the meeting starts or ends (the organiser's client; we never trust who it names). */
export const meetingEvent = (teams: TeamsMeeting, which: 'Start' | 'End', id?: string) => ({
  ...inMeeting(teams, MEMBERS.chair.aadObjectId),
  ...(id ? { id } : {}),
  type: 'event',
  name: `application/vnd.microsoft.meeting${which}`,
  value: { Id: teams.meetingId, MeetingType: 'Scheduled', JoinUrl: teams.joinUrl, Title: 'Invented panel', [`${which}Time`]: FIXED_NOW.toISOString() },
});

/** A message said in the meeting's chat. */
export const meetingMessage = (teams: TeamsMeeting, who: Persona, text: string) => ({
  ...inMeeting(teams, MEMBERS[who].aadObjectId),
  type: 'message',
  text,
});

/**
 * A RiskPanel meeting with a published agenda of two cases (a listed referral, then an open case under review),
 * linked to a Teams meeting by its join link, starting half an hour after the pinned clock.
 */
export async function publishedMeeting(world: World, teams: TeamsMeeting, overrides: Partial<Meeting> = {}): Promise<Meeting> {
  const referral = await createListedReferral(world, 'police');
  const review = await createOpenCase(world, { nextReviewDate: '2026-06-20' });
  const meeting = await insertMeeting(world, {
    id: `meeting-${teams.thread.slice(11, 20)}-${overrides.startsAt ?? 'today'}`,
    title: 'Invented June panel',
    startsAt: '2026-06-15T09:30:00Z',
    status: 'agenda_published',
    papersIssuedAt: '2026-06-08T09:00:00Z',
    lengthMinutes: 120,
    teamsLink: teams.joinUrl,
    ...overrides,
  });
  await world.store.transaction(async (tx) => {
    await tx.insert('agendaItems', { id: `${meeting.id}-1`, meetingId: meeting.id, order: 1, kind: 'new_referral', caseId: referral.id, presentingAgencyId: 'ag-police', minutesAllotted: 15 });
    await tx.insert('agendaItems', { id: `${meeting.id}-2`, meetingId: meeting.id, order: 2, kind: 'review', caseId: review.id, minutesAllotted: 10 });
  });
  return meeting;
}
