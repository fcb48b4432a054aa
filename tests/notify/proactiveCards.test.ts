import { addActionProgress } from '../../src/commands/addActionProgress';
import { changeActionDueDate } from '../../src/commands/changeActionDueDate';
import { execute } from '../../src/kernel/command';
import { completeAction } from '../../src/commands/completeAction';
import { createAction } from '../../src/commands/createAction';
import { recordInvolvement } from '../../src/commands/recordInvolvement';
import { recordScreeningDecision } from '../../src/commands/recordScreeningDecision';
import { requestInformation } from '../../src/commands/requestInformation';
import { submitReferral } from '../../src/commands/submitReferral';
import type { BotConnector } from '../../src/notify/connector';
import { HttpBotConnector } from '../../src/notify/httpConnector';
const OVERDUE_DIGEST = 'overdueDigest';
import { runOverdueScanAsSystem } from '../../src/kernel/overdueScan';
import { queueReferralCardRefresh } from '../../src/kernel/notifications';
import { createRenderer } from '../../src/notify/render/index';
import { CONVERSATION_LOST } from '../../src/notify/render';
import { processOutbox } from '../../src/notify/sender';
import type { Store } from '../../src/store/port';
import { SqliteStore } from '../../src/store/sqlite/sqliteStore';
import { parseCard, textRuns } from '../bot/cardSupport';
import { createWorld, MEMBERS, referralInput, type World } from '../support/world';
import { crashAfterSend, FakeConnector, type PostedActivity, SimulatedCrash } from './support/fakeConnector';
import { ACTION_TEXT, ADULT_DETAILS, buildScenario, installApp, outboxRows, SCAN_AT, type Scenario, SETTINGS } from './support/scenario';
import { GENERAL_CHANNEL, personalChatId } from './support/teamsActivities';
import { VirtualClock } from './support/virtualClock';

// The daily scan and the commands' cards, rendered by the real renderer with the bot's card builders, posted over
// real HTTP by the production connector to a fake Bot Connector service.

const PUBLIC_URL = 'http://localhost:3978';
let world: World;
let fake: FakeConnector;
let clock: VirtualClock;
let s: Scenario;

beforeEach(async () => {
  world = await createWorld();
  fake = await FakeConnector.start();
  clock = new VirtualClock(SCAN_AT);
  s = await buildScenario(world);
  await installApp(world, fake.serviceUrl);
});
afterEach(async () => {
  await fake.close();
  await world.close();
});

const connector = () => new HttpBotConnector({ findSent: fake.findSent });
const send = (store: Store = world.store, c: BotConnector = connector()) =>
  processOutbox({ store, connector: c, render: createRenderer({ publicUrl: PUBLIC_URL, now: clock.now }), now: clock.now, sleep: clock.sleep, random: () => 0.5 });
const scan = (at = clock.now()) => runOverdueScanAsSystem(world.store, at, SETTINGS, 'schedule');

const chatOf = (persona: keyof typeof MEMBERS) => personalChatId(MEMBERS[persona]);
const cardOf = (post: PostedActivity) => {
  const [attachment] = post.activity.attachments ?? [];
  expect(attachment?.contentType).toBe('application/vnd.microsoft.card.adaptive');
  return attachment!.content as Record<string, unknown>;
};
const runsOf = (post: PostedActivity) => textRuns(cardOf(post)).join('');
/** Every activity the channel has seen (posts, threads and their in-place updates): none may carry the adult's details. */
function expectNothingPersonalInChannel(...extra: string[]) {
  const channel = JSON.stringify(fake.postsTo(GENERAL_CHANNEL));
  expect(fake.postsTo(GENERAL_CHANNEL).length).toBeGreaterThan(0);
  for (const detail of [...ADULT_DETAILS, ACTION_TEXT, ...extra]) expect(channel).not.toContain(detail);
}

describe('the overdue scan, sent', () => {
  it('posts the digest to the partnership channel, the reminder to the owner and the escalation to the chair, once', async () => {
    await scan();
    expect(await send()).toEqual({ processed: 3, sent: 3, failed: 0, pending: 0 });

    const [digest, ...moreInChannel] = fake.postsTo(GENERAL_CHANNEL);
    expect(moreInChannel).toEqual([]);
    expect(parseCard(cardOf(digest!)).problems).toEqual([]);
    const digestText = runsOf(digest!);
    for (const expected of ['2 actions were overdue on 15 Jun 2026', 'Health', 'Police', 'CASPA-2026-0001', 'A.I.E.', MEMBERS.health.name, MEMBERS.police.name, '26 days overdue', '5 days overdue']) {
      expect(digestText).toContain(expected);
    }
    expect(digest!.activity.summary).toBe('Overdue actions on 15 Jun 2026');
    expectNothingPersonalInChannel();

    const [reminder, ...moreReminders] = fake.postsTo(chatOf('policeLead'));
    expect(moreReminders).toEqual([]);
    expect(parseCard(cardOf(reminder!)).problems).toEqual([]);
    // A personal card: the owner may read what the action is.
    expect(runsOf(reminder!)).toContain('Due in 2 days');
    expect(runsOf(reminder!)).toContain(`${ACTION_TEXT} visit`);

    const [escalation, ...moreEscalations] = fake.postsTo(chatOf('chair'));
    expect(moreEscalations).toEqual([]);
    expect(parseCard(cardOf(escalation!)).problems).toEqual([]);
    expect(runsOf(escalation!)).toMatch(/14 days/);
    expect(runsOf(escalation!)).toContain('26 days overdue');
    expect(runsOf(escalation!)).toContain(MEMBERS.health.name);

    for (const persona of ['coordinator', 'police', 'health', 'fire'] as const) expect(fake.postsTo(chatOf(persona))).toEqual([]);

    // The scan again the same day, and the sender again: nothing is posted twice.
    await scan(new Date('2026-06-15T15:00:00Z'));
    expect(await send()).toEqual({ processed: 0, sent: 0, failed: 0, pending: 0 });
    expect(fake.posted).toHaveLength(3);
  });

  it('renders what the records say when the card is sent, not when it was queued', async () => {
    await scan();
    // Between the scan and the send: the health action is completed, the police action gets an update, the
    // reminded action's due date moves (its new date will get its own reminder).
    await execute(completeAction, world.ctx('health', new Date('2026-06-15T06:10:00Z')), { actionId: s.healthLongOverdue.id });
    await execute(addActionProgress, world.ctx('police', new Date('2026-06-15T06:11:00Z')), { actionId: s.policeOverdue.id, note: 'Invented update.' });
    await execute(changeActionDueDate, world.ctx('policeLead', new Date('2026-06-15T06:12:00Z')), {
      actionId: s.leadDueSoon.id, dueDate: '2026-06-25', reason: 'Invented reason.',
    });

    await send();

    const [digest] = fake.postsTo(GENERAL_CHANNEL);
    const text = runsOf(digest!);
    expect(text).toContain(`Completed by ${MEMBERS.health.name}`);
    expect(text).toContain('In progress, 5 days overdue');
    expect(text).not.toContain('Not started');
    // The reminder for the old due date and the escalation of the finished action are not posted at all.
    expect(fake.postsTo(chatOf('policeLead'))).toEqual([]);
    expect(fake.postsTo(chatOf('chair'))).toEqual([]);
    expect((await outboxRows(world)).filter((r) => r.status !== 'sent')).toEqual([]);
  });

  it('a completion after posting updates the digest, reminder and escalation in place instead of posting again', async () => {
    await scan();
    await send();
    const posts = fake.posted.length;

    await execute(completeAction, world.ctx('policeLead', new Date('2026-06-15T09:00:00Z')), { actionId: s.policeOverdue.id });
    await execute(completeAction, world.ctx('policeLead', new Date('2026-06-15T09:01:00Z')), { actionId: s.leadDueSoon.id });
    await execute(completeAction, world.ctx('chair', new Date('2026-06-15T09:02:00Z')), { actionId: s.healthLongOverdue.id });
    await send();

    expect(fake.posted).toHaveLength(posts);
    expect(fake.requests.filter((r) => r.method === 'PUT').map((r) => r.conversationId).sort()).toEqual(
      [GENERAL_CHANNEL, GENERAL_CHANNEL, chatOf('chair'), chatOf('policeLead')].sort(),
    );
    const digest = runsOf(fake.postsTo(GENERAL_CHANNEL)[0]!);
    expect(digest).toContain(`Completed by ${MEMBERS.policeLead.name}`);
    expect(digest).toContain(`Completed by ${MEMBERS.chair.name}`);
    expect(runsOf(fake.postsTo(chatOf('policeLead'))[0]!)).toContain('Nothing more to do on this action.');
    expect(runsOf(fake.postsTo(chatOf('chair'))[0]!)).toContain('This action is finished');
    expectNothingPersonalInChannel();
  });

  it('after a crash between a send and its record, every card is posted exactly once (real renderer)', async () => {
    await scan();
    await execute(submitReferral, world.ctx('health', SCAN_AT), referralInput({ adult: { name: 'Sam Invented Person' } }));

    await expect(send(world.store, crashAfterSend(connector(), 2))).rejects.toThrow(SimulatedCrash);
    expect(fake.posted).toHaveLength(2);

    const restarted = new SqliteStore(world.file);
    try {
      // The first card was recorded before the crash; the second, in doubt, is found by its key instead of re-posted.
      expect(await send(restarted)).toEqual({ processed: 3, sent: 3, failed: 0, pending: 0 });
    } finally {
      await restarted.close();
    }
    expect(fake.posted).toHaveLength(4);
    expect(new Set(fake.posted.map((p) => p.deliveryKey)).size).toBe(4);
    expect(fake.postsTo(GENERAL_CHANNEL)).toHaveLength(2);
    expectNothingPersonalInChannel('Sam', 'Invented Person');
  });

  it('when the app was removed from the team: the channel goes inactive and the coordinators are told in their chat', async () => {
    fake.removeBot(GENERAL_CHANNEL);
    await scan();
    await send();
    expect(await outboxRows(world, CONVERSATION_LOST)).toHaveLength(1);
    await send();

    const [notice, ...more] = fake.postsTo(chatOf('coordinator'));
    expect(more).toEqual([]);
    expect(parseCard(cardOf(notice!)).problems).toEqual([]);
    expect(runsOf(notice!)).toContain('The partnership channel: Teams answered 403 BotNotInConversationRoster');
    const [digest] = await outboxRows(world, OVERDUE_DIGEST);
    expect(digest).toMatchObject({ status: 'failed' });
    // The next day's scan queues no digest: there is no active partnership channel until the app is added again.
    expect((await scan(new Date('2026-06-16T06:00:00Z'))).queued.digests).toBe(0);
  });
});

describe('the commands\' cards, sent', () => {
  it('a new referral starts a thread in the channel; an answer and the decision update that card in place', async () => {
    const referral = await execute(submitReferral, world.ctx('health', SCAN_AT), referralInput({ adult: { name: 'Sam Invented Person' } }));
    await send();
    const [thread] = fake.postsTo(GENERAL_CHANNEL);
    expect(thread!.channelData).toEqual({ channel: { id: GENERAL_CHANNEL }, tenant: { id: expect.any(String) } });
    expect(thread!.conversationId).toBe(`${GENERAL_CHANNEL};messageid=${thread!.activityId}`);
    expect(parseCard(cardOf(thread!)).problems).toEqual([]);
    expect(runsOf(thread!)).toContain('CASPA-2026-0002 · S.I.P.');
    expect(runsOf(thread!)).toContain('No agency has answered yet.');

    // The police say they know the adult (here from the tab: the command, then the refresh in the same unit of work).
    const answered = await execute(recordInvolvement, world.ctx('police', SCAN_AT), { caseId: referral.id, known: true, note: 'Invented: known since 2024.' });
    await world.store.transaction((tx) => queueReferralCardRefresh(tx, answered, SCAN_AT));
    await send();
    expect(fake.postsTo(GENERAL_CHANNEL)).toHaveLength(1);
    const refreshed = runsOf(fake.postsTo(GENERAL_CHANNEL)[0]!);
    // Surface rule 3: the channel learns how many agencies answered, never which or what.
    expect(refreshed).toContain('1 agency has answered.');
    expect(refreshed).not.toContain('Police');

    await execute(recordScreeningDecision, world.ctx('coordinator', SCAN_AT), {
      caseId: referral.id,
      outcome: 'accept',
      rationale: 'Invented rationale for the referrer only.',
      leadAgencyId: 'ag-health',
      leadProfessionalId: MEMBERS.health.id,
    });
    await send();

    const channel = fake.postsTo(GENERAL_CHANNEL);
    expect(channel).toHaveLength(2);
    expect(runsOf(channel[0]!)).toContain('answers are closed');
    expect(runsOf(channel[1]!)).toContain('Accepted for the panel');
    expect(JSON.stringify(channel[1]!.activity)).not.toContain('Invented rationale');
    const [toReferrer] = fake.postsTo(chatOf('health'));
    expect(runsOf(toReferrer!)).toContain('Invented rationale for the referrer only.');
    expectNothingPersonalInChannel('Sam', 'Invented Person', 'known since 2024', 'Invented rationale');
  });

  it('a restricted referral is never posted to the channel', async () => {
    await execute(submitReferral, world.ctx('police', SCAN_AT), referralInput({ restricted: true }));
    expect(await send()).toEqual({ processed: 1, sent: 1, failed: 0, pending: 0 });
    expect(fake.posted).toEqual([]);
  });

  it('tells the referrer of a question and the owner of a new action, in their personal chats', async () => {
    const referral = await execute(submitReferral, world.ctx('health', SCAN_AT), referralInput());
    await execute(requestInformation, world.ctx('coordinator', SCAN_AT), { caseId: referral.id, question: 'Invented question: who is the GP?' });
    await execute(createAction, world.ctx('coordinator', SCAN_AT), {
      caseId: s.caseRecord.id, description: 'Invented action: call the GP.', successMeasure: 'Call made.', ownerId: MEMBERS.fire.id, dueDate: '2026-07-01',
    });
    await send();

    const [question] = fake.postsTo(chatOf('health'));
    expect(parseCard(cardOf(question!)).problems).toEqual([]);
    expect(runsOf(question!)).toContain('Invented question: who is the GP?');
    const [assigned] = fake.postsTo(chatOf('fire'));
    expect(parseCard(cardOf(assigned!)).problems).toEqual([]);
    expect(runsOf(assigned!)).toContain('Invented action: call the GP.');
    expect(runsOf(assigned!)).toContain('Due 1 Jul 2026');
  });
});
