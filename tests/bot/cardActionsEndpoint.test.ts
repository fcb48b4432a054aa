import { captureLogs } from '../../src/log';
import { CARD_OUT_OF_DATE, CARD_RECORD_GONE } from '../../bot/actions/handleCardAction';
import { MY_ACTIONS_NOTE } from '../../bot/chat/myActions';
import { SHARED_DETAILS_NOTE } from '../../bot/chat/chatContext';
import { NO_MEETING } from '../../bot/chat/agenda';
import { messageOf } from '../../src/cards/universalActions';
import { NOT_A_MEMBER } from '../../bot/host';
import type { ActionRecord } from '../../src/domain/records';
import { allRecords, createActionOn, createOpenCase, createSubmittedReferral, getRecord, snapshot, withoutAudit } from '../support/cases';
import { createWorld, MEMBERS, type World } from '../support/world';
import {
  cardIn, invokeActivity, invokeResponseIn, messageActivity, post, type ReplyActivity, repliesOf, type Running, serveBot, submitActivity,
} from './botHttp';
import { parseCard, textRuns } from './cardSupport';

// Commands and card actions over real HTTP, as the Agents Playground and Teams send them, with expectReplies so the
// replies and the invoke response come back in the response body. The server runs on the real clock.

const ADAPTIVE = 'application/vnd.microsoft.card.adaptive';
const MESSAGE = 'application/vnd.microsoft.activity.message';

let world: World;
let server: Running;
let openCase: { id: string; ref: string };

beforeAll(async () => {
  world = await createWorld();
  openCase = await createOpenCase(world, { referrer: 'police' });
  server = await serveBot(world);
});
afterAll(async () => {
  await server.close();
  await world.close();
});

/** An action on the open case that is overdue by the real clock (due yesterday, written straight to the store). */
async function overdueAction(): Promise<ActionRecord> {
  const action = await createActionOn(world, openCase.id, 'police', { dueDate: '2026-07-01' });
  const yesterday = new Date(Date.now() - 86_400_000).toISOString().slice(0, 10);
  return world.store.transaction(async (tx) => tx.update('actions', { ...(await tx.get('actions', action.id))!, dueDate: yesterday }));
}

async function digestFor(action: ActionRecord): Promise<string> {
  const digestId = `digest-${action.id}`;
  await world.store.transaction((tx) =>
    tx.append('outbox', {
      id: digestId,
      idempotencyKey: `overdueDigest:${digestId}`,
      kind: 'overdueDigest',
      createdAt: new Date().toISOString(),
      payload: { conversationRefId: 'channel-ref', asOf: '2026-06-15', actionIds: [action.id], agencies: [{ agencyId: action.agencyId, actionIds: [action.id] }] },
      status: 'sent',
      attempts: 0,
    }),
  );
  return digestId;
}

/** The card an invoke was answered with: 200, the adaptive card type, a card the parser accepts. */
function cardAnswer(activities: ReplyActivity[]): Record<string, unknown> {
  const body = invokeResponseIn(activities);
  expect(body.statusCode).toBe(200);
  expect(body.type).toBe(ADAPTIVE);
  expect(parseCard(body.value).problems).toEqual([]);
  return body.value as Record<string, unknown>;
}

describe('commands over HTTP', () => {
  it('answers "my actions" for the owner in a personal chat, and with states only in a channel', async () => {
    await createActionOn(world, openCase.id, 'policeLead', { dueDate: '2099-01-01', description: 'Invented: chase the GP.' });
    const personal = textRuns(cardIn(await repliesOf(await post(server.url, messageActivity('policeLead', 'my actions')))));
    expect(personal).toEqual(['My actions', '1 open action', 'CASPA-2026-0001 \u00b7 A.I.E.', 'Due 1 Jan 2099 \u00b7 Not started', 'Invented: chase the GP.', MY_ACTIONS_NOTE]);
    const shared = textRuns(cardIn(await repliesOf(await post(server.url, messageActivity('policeLead', '<at>RiskPanel</at> my actions', 'channel')))));
    expect(shared).toEqual(['My actions', '1 open action', 'CASPA-2026-0001 \u00b7 A.I.E.', 'Not started', SHARED_DETAILS_NOTE]);
  });

  it('answers "overdue", "agenda", "refer" and a bare case number for different personas', async () => {
    await overdueAction();
    const overdue = textRuns(cardIn(await repliesOf(await post(server.url, messageActivity('coordinator', 'overdue police')))));
    expect(overdue.slice(0, 3)).toEqual(['Overdue actions: Police', '1 overdue action', 'Police']);
    const fireOverdue = await repliesOf(await post(server.url, messageActivity('fire', 'overdue')));
    expect(fireOverdue.map((a) => a.text)).toEqual(['Nothing is overdue that you can see.']);
    expect((await repliesOf(await post(server.url, messageActivity('viewer', 'agenda')))).map((a) => a.text)).toEqual([NO_MEETING]);
    const refer = cardIn(await repliesOf(await post(server.url, messageActivity('health', 'refer', 'groupChat'))));
    expect(refer.actions).toEqual([{ type: 'Action.OpenUrl', title: 'Open the referral form', url: 'http://localhost:3978/#/refer' }]);
    const year = new Date().getUTCFullYear();
    const status = await repliesOf(await post(server.url, messageActivity('police', '1')));
    if (year === 2026) expect(textRuns(cardIn(status))[0]).toBe('CASPA-2026-0001');
    else expect(status[0]?.text).toMatch(/Did you mean CASPA-2026-0001\?/);
    const typo = await repliesOf(await post(server.url, messageActivity('police', 'stauts CASPA-2026-1')));
    expect(typo[0]).toMatchObject({ text: 'Sorry, I did not understand that. Did you mean "status CASPA-2026-0001"? Here is what I can do:', textFormat: 'plain' });
  });
});

describe('card actions over HTTP (adaptiveCard/action invokes)', () => {
  it('answers the owner pressing Complete with the refreshed card as the invoke response', async () => {
    const action = await overdueAction();
    const digestId = await digestFor(action);
    const card = cardAnswer(await repliesOf(await post(server.url, invokeActivity('police', 'completeAction', { card: 'overdueDigest', digestId, actionId: action.id }))));
    expect(messageOf(card)).toBe('Marked as completed. Thank you.');
    expect(textRuns(card).some((t) => t.startsWith('Completed by Test police on '))).toBe(true);
    expect(await getRecord(world, 'actions', action.id)).toMatchObject({ status: 'completed', completedById: MEMBERS.police.id });
  });

  it('refuses a persona who may not read the action pressing Complete: as for a missing record, and nothing changes', async () => {
    const action = await overdueAction();
    const digestId = await digestFor(action);
    for (const persona of ['fire', 'viewer'] as const) {
      const before = await snapshot(world);
      const card = cardAnswer(await repliesOf(await post(server.url, invokeActivity(persona, 'completeAction', { card: 'overdueDigest', digestId, actionId: action.id }))));
      expect(messageOf(card)).toBe(CARD_RECORD_GONE);
      expect(textRuns(card).some((t) => t.endsWith('day overdue'))).toBe(true);
      expect(withoutAudit(await snapshot(world))).toEqual(withoutAudit(before));
    }
    expect(await getRecord(world, 'actions', action.id)).toMatchObject({ status: 'not_started', version: action.version });
  });

  it('completes once when two people press Complete at the same moment; the other card says who completed it and when', async () => {
    const action = await overdueAction();
    const digestId = await digestFor(action);
    const data = { card: 'overdueDigest', digestId, actionId: action.id };
    const responses = await Promise.all([
      post(server.url, invokeActivity('police', 'completeAction', data)),
      post(server.url, invokeActivity('coordinator', 'completeAction', data)),
    ]);
    const cards = await Promise.all(responses.map(async (res) => cardAnswer(await repliesOf(res))));
    const messages = cards.map((c) => messageOf(c)!);
    expect(messages.filter((m) => m === 'Marked as completed. Thank you.')).toHaveLength(1);
    const other = messages.find((m) => m !== 'Marked as completed. Thank you.')!;
    const stored = (await getRecord(world, 'actions', action.id))!;
    const winner = Object.values(MEMBERS).find((m) => m.id === stored.completedById)!;
    expect(other).toMatch(new RegExp(`^This action was already completed by ${winner.name} on \\d{1,2} \\w+ \\d{4} at \\d{2}:\\d{2}\\.$`));
    expect(stored.status).toBe('completed');
    const completions = (await allRecords(world, 'audit')).filter(
      (a) => a.recordId === action.id && (a.change as { status?: { to?: string } } | undefined)?.status?.to === 'completed',
    );
    expect(completions).toHaveLength(1);
  });

  it('adds an update and moves a due date from the card inputs', async () => {
    const action = await overdueAction();
    const data = { card: 'reminder', actionId: action.id };
    const update = cardAnswer(await repliesOf(await post(server.url, invokeActivity('police', 'addActionUpdate', { ...data, [`note-${action.id}`]: 'Invented: visit done.' }, 'personal'))));
    expect(messageOf(update)).toBe('Update saved.');
    const moved = cardAnswer(
      await repliesOf(await post(server.url, invokeActivity('police', 'changeDueDate', { ...data, [`dueDate-${action.id}`]: '2099-03-01', [`reason-${action.id}`]: 'Invented.' }, 'personal'))),
    );
    expect(messageOf(moved)).toBe('Due date moved to 1 Mar 2099.');
    expect(await getRecord(world, 'actions', action.id)).toMatchObject({ dueDate: '2099-03-01', status: 'in_progress' });
  });

  it('records an agency\'s answer on the new-referral card', async () => {
    const referral = await createSubmittedReferral(world, 'health');
    const card = cardAnswer(await repliesOf(await post(server.url, invokeActivity('fire', 'knownToAgency', { card: 'newReferral', caseId: referral.id, note: '' }))));
    expect(messageOf(card)).toBe('Recorded: the adult is known to Fire.');
    expect(textRuns(card)).toContain('1 agency has answered.');
  });

  it('answers an automatic refresh with the current card and no message', async () => {
    const action = await overdueAction();
    const digestId = await digestFor(action);
    const card = cardAnswer(await repliesOf(await post(server.url, invokeActivity('health', 'refresh', { card: 'overdueDigest', digestId }, 'channel', 'automatic'))));
    expect(messageOf(card)).toBeUndefined();
    expect(card.refresh).toMatchObject({ action: { verb: 'refresh', data: { card: 'overdueDigest', digestId } } });
  });

  it('answers what it cannot act on with a message, never leaving the invoke unanswered', async () => {
    const cases: [unknown, string][] = [
      [invokeActivity('police', 'deleteEverything', { card: 'reminder', actionId: 'x' }), CARD_OUT_OF_DATE],
      [{ ...invokeActivity('police', 'x', {}), value: { nothing: true } }, CARD_OUT_OF_DATE],
      [{ ...invokeActivity('police', 'x', {}), value: { action: { type: 'Action.Submit', verb: 'completeAction', data: {} } } }, CARD_OUT_OF_DATE],
      [invokeActivity({ aadObjectId: '99999999-8888-4777-8666-555555555555' }, 'completeAction', { card: 'reminder', actionId: 'x' }), NOT_A_MEMBER],
    ];
    for (const [activity, message] of cases) {
      const body = invokeResponseIn(await repliesOf(await post(server.url, activity)));
      expect(body).toEqual({ statusCode: 200, type: MESSAGE, value: message });
    }
  });
});

describe('the Action.Submit fallback', () => {
  it('runs the same action from an older client and replies with the refreshed card', async () => {
    const action = await overdueAction();
    const digestId = await digestFor(action);
    const activities = await repliesOf(await post(server.url, submitActivity('policeLead', { verb: 'completeAction', card: 'overdueDigest', digestId, actionId: action.id })));
    const card = cardIn(activities);
    expect(messageOf(card)).toBe('Marked as completed. Thank you.');
    expect(await getRecord(world, 'actions', action.id)).toMatchObject({ status: 'completed', completedById: MEMBERS.policeLead.id });
  });

  it('refuses a forbidden persona the same way', async () => {
    const action = await overdueAction();
    const digestId = await digestFor(action);
    const card = cardIn(await repliesOf(await post(server.url, submitActivity('fire', { verb: 'completeAction', card: 'overdueDigest', digestId, actionId: action.id }))));
    expect(messageOf(card)).toBe(CARD_RECORD_GONE);
    expect(await getRecord(world, 'actions', action.id)).toMatchObject({ status: 'not_started' });
  });
});

describe('an invoke as Teams sends it (no expectReplies)', () => {
  it('gets the invoke response as the HTTP body itself', async () => {
    const action = await overdueAction();
    const { deliveryMode: _mode, ...activity } = invokeActivity('police', 'refresh', { card: 'reminder', actionId: action.id }, 'personal');
    const res = await post(server.url, activity);
    expect(res.status).toBe(200);
    const body = (await res.json()) as { statusCode: number; type: string; value: Record<string, unknown> };
    expect(body.statusCode).toBe(200);
    expect(body.type).toBe(ADAPTIVE);
    expect(parseCard(body.value).problems).toEqual([]);
  });

  it('in a channel also tries to update the shared card in place, and still answers when that fails', async () => {
    const action = await overdueAction();
    const digestId = await digestFor(action);
    const logs = captureLogs();
    try {
      const { deliveryMode: _mode, ...activity } = invokeActivity('police', 'completeAction', { card: 'overdueDigest', digestId, actionId: action.id });
      const res = await post(server.url, activity);
      expect(res.status).toBe(200);
      const body = (await res.json()) as { statusCode: number; type: string; value: Record<string, unknown> };
      expect(body.type).toBe(ADAPTIVE);
      expect(messageOf(body.value)).toBe('Marked as completed. Thank you.');
      // The test's service URL answers nothing: the in-place update fails, is logged by name only, and changes no answer.
      expect(logs.lines.map((l) => l.event)).toContain('bot.sharedCardUpdateFailed');
    } finally {
      logs.stop();
    }
    expect(await getRecord(world, 'actions', action.id)).toMatchObject({ status: 'completed' });
  });
});
