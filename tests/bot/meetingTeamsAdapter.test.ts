import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { CHAIR_NOT_PRESENTER } from '../../bot/meeting/chairCheck';
import { captureLogs, type CapturedLogs } from '../../src/log';
import { createWorld, MEMBERS, type World } from '../support/world';
import { post, repliesOf } from './botHttp';
import { meetingMessage, publishedMeeting, serveMeetingBot, teamsMeeting } from './meetingBot';

// The production participant adapter (Agents SDK, bot/meeting/teamsParticipants.ts) against a stand-in for Teams'
// connector service on loopback: the bot asks GET v1/meetings/{meetingId}/participants/{aadObjectId}?tenantId= at the
// activity's serviceUrl, and reads the role from the answer; a failing service leaves the app's rule to decide.

const JUNE = teamsMeeting('InventedAdapter');
let world: World;
let logs: CapturedLogs;
let teams: http.Server;
let teamsUrl: string;
let answer: { status: number; body: unknown };
const asked: string[] = [];

beforeEach(async () => {
  world = await createWorld();
  logs = captureLogs();
  asked.length = 0;
  teams = http.createServer((req, res) => {
    asked.push(`${req.method} ${req.url}`);
    res.writeHead(answer.status, { 'content-type': 'application/json' }).end(JSON.stringify(answer.body));
  });
  await new Promise<void>((resolve) => teams.listen(0, '127.0.0.1', resolve));
  teamsUrl = `http://127.0.0.1:${(teams.address() as AddressInfo).port}/`;
});
afterEach(async () => {
  logs.stop();
  await new Promise((resolve) => teams.close(resolve));
  await world.close();
});

async function chairAsks(): Promise<(string | undefined)[]> {
  await publishedMeeting(world, JUNE);
  const bot = await serveMeetingBot(world);
  try {
    const replies = await repliesOf(await post(bot.url, { ...meetingMessage(JUNE, 'chair', 'agenda'), serviceUrl: teamsUrl }));
    return replies.map((r) => r.text ?? r.attachments?.[0]?.contentType);
  } finally {
    await bot.close();
  }
}

it('asks Teams\' participant API about the chair and tells an attendee chair what that means', async () => {
  answer = { status: 200, body: { user: { id: '29:chair', aadObjectId: MEMBERS.chair.aadObjectId }, meeting: { role: 'Attendee', inMeeting: true } } };
  expect(await chairAsks()).toEqual(['application/vnd.microsoft.card.adaptive', CHAIR_NOT_PRESENTER]);
  expect(asked).toEqual([`GET /v1/meetings/${encodeURIComponent(JUNE.meetingId)}/participants/${MEMBERS.chair.aadObjectId}?tenantId=tenant-1`]);
});

it('says nothing more for a presenter', async () => {
  answer = { status: 200, body: { meeting: { role: 'Presenter', inMeeting: true } } };
  expect(await chairAsks()).toEqual(['application/vnd.microsoft.card.adaptive']);
});

it('falls back to the app\'s rule when Teams answers 500: the agenda, no notice, logged', async () => {
  answer = { status: 500, body: { error: 'invented failure' } };
  expect(await chairAsks()).toEqual(['application/vnd.microsoft.card.adaptive']);
  expect(logs.lines.some((l) => l.event === 'meeting.participantRoleFailed')).toBe(true);
});
