import { botDepsFor } from './botDeps';
import { CARD_OUT_OF_DATE, CARD_RECORD_GONE, type CardActionResult, handleCardAction } from '../../bot/actions/handleCardAction';
import { messageOf } from '../../src/cards/universalActions';
import { visibleText } from '../../src/cards/safeText';
import type { AdaptiveCardJson, BotDeps, ConversationType } from '../../bot/types';
import type { ActionRecord } from '../../src/domain/records';
import { allRecords, createActionOn, createOpenCase, createSubmittedReferral, getRecord, snapshot, withoutAudit } from '../support/cases';
import { actorOf, createWorld, MEMBERS, type Persona, type World } from '../support/world';
import { elementsOf, parseCard, textRuns } from './cardSupport';

// The card-action handler as a plain function: who pressed (an actor), the verb and the data as a client sends them.

const LATER = new Date('2026-07-10T09:00:00Z');

let world: World;
let deps: BotDeps;
let openCase: { id: string; ref: string };
let referral: { id: string; ref: string };

beforeAll(async () => {
  world = await createWorld();
  openCase = await createOpenCase(world, { referrer: 'police' });
  referral = await createSubmittedReferral(world, 'health');
  deps = botDepsFor(world.store, { refPrefix: 'CASPA', publicUrl: 'http://localhost:3978' }, () => LATER);
});
afterAll(() => world.close());

/** An overdue action on the open case, owned by police, on a digest posted from outbox row `digest-<action id>`. */
async function overdueAction(owner: Persona = 'police'): Promise<{ action: ActionRecord; digestId: string }> {
  const action = await createActionOn(world, openCase.id, owner, { dueDate: '2026-06-20' });
  const digestId = `digest-${action.id}`;
  await world.store.transaction((tx) =>
    tx.append('outbox', {
      id: digestId,
      idempotencyKey: `overdueDigest:${digestId}`,
      kind: 'overdueDigest',
      createdAt: LATER.toISOString(),
      payload: { conversationRefId: 'channel-ref', asOf: '2026-07-10', actionIds: [action.id], agencies: [{ agencyId: action.agencyId, actionIds: [action.id] }] },
      status: 'sent',
      attempts: 0,
    }),
  );
  return { action, digestId };
}

const press = (persona: Persona, verb: string, data: unknown, conversationType: ConversationType = 'channel') =>
  handleCardAction({ actor: actorOf(persona), verb, data, conversationType }, deps);

function cardOf(result: CardActionResult): AdaptiveCardJson {
  if (!('card' in result)) throw new Error(`expected a card, got ${JSON.stringify(result)}`);
  expect(parseCard(result.card).problems).toEqual([]);
  return result.card;
}
const runs = (card: AdaptiveCardJson) => textRuns(card).map(visibleText);

describe('new referral: known to my agency / not known to us', () => {
  it('records the agency as knowing the adult, with the note in the chronology, and shows the answer on the card', async () => {
    const result = await press('fire', 'knownToAgency', { card: 'newReferral', caseId: referral.id, note: 'Invented: two fire visits in 2025.' });
    const card = cardOf(result);
    expect(messageOf(card)).toBe('Recorded: the adult is known to Fire. Your note is in the case chronology.');
    // Surface rule 3: how many agencies have answered, never which.
    expect(runs(card)).toContain('1 agency has answered.');
    expect(runs(card)).not.toContain('Fire');
    expect(result).toMatchObject({ changed: true, sharedCard: expect.any(Object) });
    if ('sharedCard' in result) expect(messageOf(result.sharedCard!)).toBeUndefined();
    const stored = await getRecord(world, 'cases', referral.id);
    expect(stored!.involvements).toEqual([expect.objectContaining({ agencyId: 'ag-fire', known: true, note: 'Invented: two fire visits in 2025.', byMemberId: MEMBERS.fire.id })]);
    const chronology = (await allRecords(world, 'chronology')).filter((e) => e.caseId === referral.id);
    expect(chronology.map((e) => e.summary)).toEqual(['Invented: two fire visits in 2025.']);
  });

  it('records "not known", with no note taken, and in a personal chat offers no shared update', async () => {
    const result = await press('policeLead', 'notKnown', { card: 'newReferral', caseId: referral.id, note: 'ignored' }, 'personal');
    expect(messageOf(cardOf(result))).toBe('Recorded: the adult is not known to Police.');
    expect(result).toMatchObject({ changed: true });
    expect('sharedCard' in result && result.sharedCard).toBeFalsy();
    const stored = await getRecord(world, 'cases', referral.id);
    expect(stored!.involvements.find((i) => i.agencyId === 'ag-police')).toMatchObject({ known: false });
    expect(stored!.involvements.find((i) => i.agencyId === 'ag-police')!.note).toBeUndefined();
  });

  it('refuses a viewer, who may not see the referral even in summary: no card, the plain sentence, only the audit changes', async () => {
    const before = await snapshot(world);
    const result = await press('viewer', 'knownToAgency', { card: 'newReferral', caseId: referral.id });
    expect(result).toEqual({ message: CARD_RECORD_GONE });
    const after = await snapshot(world);
    expect(withoutAudit(after)).toEqual(withoutAudit(before));
    expect(Number(after.audit)).toBeGreaterThan(Number(before.audit));
  });
});

describe('overdue actions: complete, add update, change due date', () => {
  it('lets the owner complete it; the digest then says who completed it and when, with no buttons for it', async () => {
    const { action, digestId } = await overdueAction();
    const card = cardOf(await press('police', 'completeAction', { card: 'overdueDigest', digestId, actionId: action.id }));
    expect(messageOf(card)).toBe('Marked as completed. Thank you.');
    expect(runs(card)).toContain('Completed by Test police on 10 Jul 2026, 10:00');
    expect(elementsOf(card, 'Action.Execute').filter((a) => a.verb === 'completeAction')).toEqual([]);
    expect(await getRecord(world, 'actions', action.id)).toMatchObject({ status: 'completed', completedById: MEMBERS.police.id });
  });

  it.each(['fire', 'health', 'viewer'] as const)('refuses %s, who may not read the action: the digest says so as for a missing record, and nothing changes', async (persona) => {
    const { action, digestId } = await overdueAction();
    const before = await snapshot(world);
    const result = await press(persona, 'completeAction', { card: 'overdueDigest', digestId, actionId: action.id });
    const card = cardOf(result);
    expect(messageOf(card)).toBe(CARD_RECORD_GONE);
    expect((card.body as { style?: string }[])[0]?.style).toBe('attention');
    expect(result).toMatchObject({ changed: false });
    expect('sharedCard' in result && result.sharedCard).toBeFalsy();
    const after = await snapshot(world);
    expect(withoutAudit(after)).toEqual(withoutAudit(before));
    expect(Number(after.audit)).toBeGreaterThan(Number(before.audit)); // the refusal and the digest's read, audited
    expect(runs(card)).toContain('Not started, 20 days overdue');
  });

  it('never believes state carried in the data: a claimed owner, status or version changes nothing', async () => {
    const { action, digestId } = await overdueAction();
    const forged = { card: 'overdueDigest', digestId, actionId: action.id, ownerId: MEMBERS.fire.id, status: 'not_started', version: 1, actorId: MEMBERS.coordinator.id };
    expect(messageOf(cardOf(await press('fire', 'completeAction', forged)))).toBe(CARD_RECORD_GONE);
    expect(await getRecord(world, 'actions', action.id)).toMatchObject({ status: 'not_started', version: action.version });
  });

  it('tells the second of two people who completed it first, and when', async () => {
    const { action, digestId } = await overdueAction();
    await press('police', 'completeAction', { card: 'overdueDigest', digestId, actionId: action.id });
    const before = await snapshot(world);
    const result = await press('coordinator', 'completeAction', { card: 'overdueDigest', digestId, actionId: action.id });
    expect(messageOf(cardOf(result))).toMatch(/^This action was already completed by Test police on 10 July 2026 at 10:00\.$/);
    expect(result).toMatchObject({ changed: false });
    expect(withoutAudit(await snapshot(world))).toEqual(withoutAudit(before));
  });

  it('runs two simultaneous completes as exactly one completion', async () => {
    const { action, digestId } = await overdueAction();
    const results = await Promise.all(
      (['police', 'policeLead'] as const).map((p) => press(p, 'completeAction', { card: 'overdueDigest', digestId, actionId: action.id })),
    );
    const messages = results.map((r) => messageOf(cardOf(r)));
    expect(messages.filter((m) => m === 'Marked as completed. Thank you.')).toHaveLength(1);
    expect(messages.filter((m) => m?.startsWith('This action was already completed by'))).toHaveLength(1);
    const audits = (await allRecords(world, 'audit')).filter((a) => a.recordId === action.id && a.action === 'update');
    expect(audits.filter((a) => (a.change as { status?: { to: string } }).status?.to === 'completed')).toHaveLength(1);
  });

  it('adds an update from the input named for the action, and asks for one when it is empty', async () => {
    const { action, digestId } = await overdueAction();
    const ok = await press('policeLead', 'addActionUpdate', { card: 'overdueDigest', digestId, actionId: action.id, [`note-${action.id}`]: 'Invented: visit booked.' });
    expect(messageOf(cardOf(ok))).toBe('Update saved.');
    const stored = await getRecord(world, 'actions', action.id);
    expect(stored!.progress.map((p) => [p.note, p.byMemberId])).toEqual([['Invented: visit booked.', MEMBERS.policeLead.id]]);
    expect(stored!.status).toBe('in_progress');
    const before = await snapshot(world);
    const empty = await press('policeLead', 'addActionUpdate', { card: 'overdueDigest', digestId, actionId: action.id, [`note-${action.id}`]: '  ' });
    expect(messageOf(cardOf(empty))).toBe('Nothing was saved: Update is required.');
    expect(withoutAudit(await snapshot(world))).toEqual(withoutAudit(before));
  });

  it('changes the due date with a reason, and refuses a date in the past', async () => {
    const { action } = await overdueAction();
    const base = { card: 'reminder', actionId: action.id };
    const past = await press('police', 'changeDueDate', { ...base, [`dueDate-${action.id}`]: '2026-07-01', [`reason-${action.id}`]: 'Invented reason.' }, 'personal');
    expect(messageOf(cardOf(past))).toBe('Nothing was saved: New due date must not be in the past.');
    const missing = await press('police', 'changeDueDate', { ...base, [`dueDate-${action.id}`]: '2026-07-30' }, 'personal');
    expect(messageOf(cardOf(missing))).toBe('Nothing was saved: Reason is required.');
    const ok = await press('police', 'changeDueDate', { ...base, dueDate: '2026-07-30', reason: 'Invented: the adult is in hospital.' }, 'personal');
    const card = cardOf(ok);
    expect(messageOf(card)).toBe('Due date moved to 30 Jul 2026.');
    expect(runs(card)).toEqual(expect.arrayContaining(['Due in 20 days', '30 Jul 2026', 'Not started']));
    expect(await getRecord(world, 'actions', action.id)).toMatchObject({
      dueDate: '2026-07-30',
      dueDateChanges: [expect.objectContaining({ from: '2026-06-20', to: '2026-07-30', reason: 'Invented: the adult is in hospital.' })],
    });
  });

  it('answers an escalation card press with the escalation card, its threshold kept', async () => {
    const { action } = await overdueAction();
    const card = cardOf(await press('chair', 'addActionUpdate', { card: 'escalation', actionId: action.id, thresholdDays: '14', note: 'Invented: chased.' }, 'personal'));
    expect(messageOf(card)).toBe('Update saved.');
    expect(runs(card)).toContain('Overdue by 20 days (escalated after 14 days): the owner, their agency lead or the chair should act or agree a new date.');
  });
});

describe('refresh', () => {
  it('rebuilds each card through its query, with no message, nothing changed and the read audited', async () => {
    const { action, digestId } = await overdueAction();
    for (const data of [
      { card: 'newReferral', caseId: referral.id },
      { card: 'overdueDigest', digestId },
      { card: 'reminder', actionId: action.id },
      { card: 'escalation', actionId: action.id },
    ]) {
      const before = await snapshot(world);
      const result = await press('police', 'refresh', data);
      expect(messageOf(cardOf(result))).toBeUndefined();
      expect(result).toMatchObject({ changed: false });
      const after = await snapshot(world);
      expect(withoutAudit(after)).toEqual(withoutAudit(before));
      expect(after.audit).toBe(Number(before.audit) + 1); // the 'view' of the rebuild
    }
  });

  it('rebuilds a personal card only for someone who may read the action', async () => {
    const { action } = await overdueAction();
    expect(await press('fire', 'refresh', { card: 'reminder', actionId: action.id })).toEqual({ message: CARD_RECORD_GONE });
  });

  it('never rebuilds a new-referral card for a case the presser may not read (issue 8 item 1): the plain sentence, audited as denied', async () => {
    // The open case is police's: fire cannot open it (GET /api/cases/:id is a 404), so no card may come back either.
    for (const verb of ['refresh', 'knownToAgency', 'notKnown']) {
      const denied = (await allRecords(world, 'audit')).filter((e) => e.action === 'denied' && e.recordId === openCase.id && e.actorId === MEMBERS.fire.id).length;
      const result = await press('fire', verb, { card: 'newReferral', caseId: openCase.id });
      expect(result).toEqual({ message: CARD_RECORD_GONE });
      expect(JSON.stringify(result)).not.toContain(openCase.ref);
      const after = (await allRecords(world, 'audit')).filter((e) => e.action === 'denied' && e.recordId === openCase.id && e.actorId === MEMBERS.fire.id).length;
      expect(after).toBeGreaterThan(denied);
    }
  });

  it('never gives a draft a card, not even to its referrer', async () => {
    const draft = await createSubmittedReferral(world, 'police');
    await world.store.transaction(async (tx) => {
      const stored = await tx.get('cases', draft.id);
      await tx.update('cases', { ...stored!, status: 'draft' });
    });
    expect(await press('police', 'refresh', { card: 'newReferral', caseId: draft.id })).toEqual({ message: CARD_RECORD_GONE });
    expect(await press('coordinator', 'refresh', { card: 'newReferral', caseId: draft.id })).toEqual({ message: CARD_RECORD_GONE });
  });

  it('updates a restricted referral\'s card for everyone in a channel without its reference or initials (the shared view)', async () => {
    const hidden = await createSubmittedReferral(world, 'police', { restricted: true });
    const result = await press('coordinator', 'notKnown', { card: 'newReferral', caseId: hidden.id }, 'channel');
    expect(result).toMatchObject({ changed: true, sharedCard: expect.any(Object) });
    const shared = JSON.stringify('sharedCard' in result ? result.sharedCard : null);
    expect(shared).not.toContain(hidden.ref);
    expect(shared).not.toContain(hidden.initials);
    // The coordinator, who may read it, gets the card itself in answer to the press (a personal surface).
    expect(runs(cardOf(result))).toContain(hidden.ref);
  });

  it('rebuilds a restricted referral\'s card only for those who may see it', async () => {
    const hidden = await createSubmittedReferral(world, 'police', { restricted: true });
    expect(await press('fire', 'refresh', { card: 'newReferral', caseId: hidden.id })).toEqual({ message: CARD_RECORD_GONE });
    cardOf(await press('police', 'refresh', { card: 'newReferral', caseId: hidden.id }));
  });
});

describe('what a card may send', () => {
  it.each([
    ['an unknown verb', 'deleteEverything', { card: 'reminder', actionId: 'x' }],
    ['no card', 'completeAction', { actionId: 'x' }],
    ['an unknown card', 'refresh', { card: 'somethingElse', actionId: 'x' }],
    ['an id that is not text', 'completeAction', { card: 'reminder', actionId: { $gt: '' } }],
    ['an id too long', 'refresh', { card: 'reminder', actionId: 'x'.repeat(101) }],
    ['an action verb on a referral card', 'completeAction', { card: 'newReferral', caseId: 'c' }],
    ['no data at all', 'refresh', undefined],
    ['an array', 'refresh', [1, 2]],
  ])('answers %s with "out of date", changing nothing', async (_name, verb, data) => {
    const before = await snapshot(world);
    expect(await press('coordinator', verb, data)).toEqual({ message: CARD_OUT_OF_DATE });
    expect(withoutAudit(await snapshot(world))).toEqual(withoutAudit(before));
  });

  it('answers a card about a record that no longer exists', async () => {
    expect(await press('coordinator', 'completeAction', { card: 'reminder', actionId: 'no-such-action' })).toEqual({ message: CARD_RECORD_GONE });
    expect(await press('coordinator', 'refresh', { card: 'overdueDigest', digestId: 'no-such-row' })).toEqual({ message: CARD_RECORD_GONE });
    // An outbox row of another kind is not a digest, whatever its payload holds.
    const { action } = await overdueAction();
    await world.store.transaction((tx) =>
      tx.append('outbox', { id: 'reminder-row', idempotencyKey: 'reminder-row', kind: 'reminder', createdAt: LATER.toISOString(), payload: { actionIds: [action.id] }, status: 'sent', attempts: 0 }),
    );
    expect(await press('coordinator', 'refresh', { card: 'overdueDigest', digestId: 'reminder-row' })).toEqual({ message: CARD_RECORD_GONE });
  });
});
