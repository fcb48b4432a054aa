import { botDepsFor } from './botDeps';
import { didYouMean } from '../../bot/chat/help';
import { SHARED_DETAILS_NOTE } from '../../bot/chat/chatContext';
import { AGENDA_NOTE, NO_MEETING } from '../../bot/chat/agenda';
import { MY_ACTIONS_NOTE, NO_ACTIONS } from '../../bot/chat/myActions';
import { NOTHING_OVERDUE, OVERDUE_NOTE } from '../../bot/chat/overdue';
import { handleMessage } from '../../bot/handleMessage';
import type { BotDeps, BotReply, ConversationType } from '../../bot/types';
import { CASE_NOT_FOUND } from '../../src/queries';
import { createActionOn, createOpenCase, createSubmittedReferral, insertMeeting } from '../support/cases';
import { actorOf, createWorld, MEMBERS, type Persona, type World } from '../support/world';
import { parseCard, textRuns } from './cardSupport';

// The commands as plain functions (handleMessage), for several personas, in a personal chat and in shared ones.

let world: World;
let deps: BotDeps;
let openCase: { id: string; ref: string };
let referral: { id: string; ref: string };
let restricted: { id: string; ref: string };
const LATER = new Date('2026-07-10T09:00:00Z');
const ADULT_DETAILS = ['Alex', 'Imaginary', 'Example', 'LU1 1AA', 'hoarding blocks', 'Weekly visit', 'stay at home', '1950'];

beforeAll(async () => {
  world = await createWorld();
  openCase = await createOpenCase(world, { referrer: 'police', riskLevel: 'high' });
  await createActionOn(world, openCase.id, 'police', { dueDate: '2026-06-20', description: 'Invented: police welfare check.' });
  await createActionOn(world, openCase.id, 'policeLead', { dueDate: '2026-08-01', started: true });
  referral = await createSubmittedReferral(world, 'health');
  restricted = await createOpenCase(world, { referrer: 'police', referral: { restricted: true } });
  await createActionOn(world, restricted.id, 'police', { dueDate: '2026-06-25' });
  deps = botDepsFor(world.store, { refPrefix: 'CASPA', publicUrl: 'http://localhost:3978' }, () => LATER);
});
afterAll(() => world.close());

const ask = (persona: Persona, text: string, conversationType: ConversationType = 'personal', over: Partial<BotDeps> = {}) =>
  handleMessage({ actor: actorOf(persona), conversationType, text }, { ...deps, ...over });

function cardOf(replies: BotReply[]): Record<string, unknown> {
  expect(replies).toHaveLength(1);
  const [reply] = replies;
  if (!reply || !('card' in reply)) throw new Error(`expected a card, got ${JSON.stringify(replies)}`);
  expect(parseCard(reply.card).problems).toEqual([]);
  for (const detail of ADULT_DETAILS) expect(JSON.stringify(reply.card)).not.toContain(detail);
  return reply.card;
}

describe('my actions', () => {
  it('lists the owner\'s open actions in a personal chat, with due dates, states and what each is', async () => {
    const card = cardOf(await ask('police', 'my actions'));
    expect(textRuns(card)).toEqual([
      'My actions',
      '2 open actions, 2 overdue',
      'CASPA-2026-0001 \u00b7 A.I.E.',
      'Due 20 Jun 2026 \u00b7 Not started, 20 days overdue',
      'Invented: police welfare check.',
      'CASPA-2026-0003 \u00b7 A.I.E.',
      'Due 25 Jun 2026 \u00b7 Not started, 15 days overdue',
      'Invented action: arrange a joint home visit.',
      MY_ACTIONS_NOTE,
    ]);
    expect(card.actions).toEqual([{ type: 'Action.OpenUrl', title: 'Open my actions in RiskPanel', url: 'http://localhost:3978/#/actions' }]);
  });

  it('shows only references, initials and states in a channel or group chat, and hides a restricted case', async () => {
    for (const where of ['channel', 'groupChat'] as const) {
      const card = cardOf(await ask('police', '<at>RiskPanel</at> my actions', where));
      expect(textRuns(card)).toEqual([
        'My actions',
        '2 open actions, 2 overdue',
        'CASPA-2026-0001 \u00b7 A.I.E.',
        'Not started, 20 days overdue',
        'Restricted case',
        'Not started, 15 days overdue',
        SHARED_DETAILS_NOTE,
      ]);
    }
  });

  it('shows the agency lead their own started action, and says so when someone has none', async () => {
    expect(textRuns(cardOf(await ask('policeLead', 'my actions')))).toContain('Due 1 Aug 2026 \u00b7 In progress');
    for (const persona of ['coordinator', 'fire', 'viewer'] as const) expect(await ask(persona, 'my actions')).toEqual([{ text: NO_ACTIONS }]);
  });
});

describe('overdue', () => {
  it('gives the coordinator every overdue action by agency, with owners and due dates, in a personal chat', async () => {
    const card = cardOf(await ask('coordinator', 'overdue'));
    expect(textRuns(card)).toEqual([
      'Overdue actions',
      '2 overdue actions',
      'Police',
      'CASPA-2026-0001 \u00b7 A.I.E.',
      'Test police \u00b7 due 20 Jun 2026 \u00b7 20 days overdue',
      'CASPA-2026-0003 \u00b7 A.I.E.',
      'Test police \u00b7 due 25 Jun 2026 \u00b7 15 days overdue',
      OVERDUE_NOTE,
    ]);
  });

  it('shows only references, initials and how overdue in a channel, never owners or a restricted reference', async () => {
    const card = cardOf(await ask('coordinator', 'overdue', 'channel'));
    expect(textRuns(card)).toEqual([
      'Overdue actions', '2 overdue actions', 'Police',
      'CASPA-2026-0001 \u00b7 A.I.E.', '20 days overdue',
      'Restricted case', '15 days overdue',
      SHARED_DETAILS_NOTE,
    ]);
    expect(JSON.stringify(card)).not.toContain(MEMBERS.police.name);
  });

  it('filters by agency short name or full name, and suggests the agency a misspelling meant', async () => {
    expect(textRuns(cardOf(await ask('coordinator', 'overdue police')))[0]).toBe('Overdue actions: Police');
    expect(textRuns(cardOf(await ask('coordinator', 'overdue Test Police')))[0]).toBe('Overdue actions: Police');
    expect(await ask('coordinator', 'overdue Fire')).toEqual([{ text: "Nothing of Fire's is overdue that you can see." }]);
    expect(await ask('coordinator', 'overdue Polise')).toEqual([{ text: 'There is no agency called that. Did you mean Police? Say: overdue Police' }]);
    expect(await ask('coordinator', 'overdue Ambulance')).toEqual([
      { text: 'There is no agency called that. Say overdue and one of: ASC, Fire, Health, Police.' },
    ]);
  });

  it('shows partners only what they may read: the police their own, the uninvolved and viewers nothing', async () => {
    expect(textRuns(cardOf(await ask('police', 'overdue')))).toHaveLength(8);
    expect(await ask('fire', 'overdue')).toEqual([{ text: NOTHING_OVERDUE }]);
    expect(await ask('viewer', 'overdue')).toEqual([{ text: NOTHING_OVERDUE }]);
    expect(await ask('health', 'overdue', 'channel')).toEqual([{ text: NOTHING_OVERDUE }]);
  });
});

describe('agenda', () => {
  let w: World;
  let d: BotDeps;
  beforeAll(async () => {
    w = await createWorld();
    const listed = await createSubmittedReferral(w, 'police');
    const hidden = await createOpenCase(w, { referrer: 'police', referral: { restricted: true } });
    const meeting = await insertMeeting(w, { startsAt: '2026-07-15T09:30:00Z', title: 'Invented July panel', teamsLink: 'https://teams.microsoft.com/l/meetup-join/x' });
    await insertMeeting(w, { startsAt: '2026-06-01T09:30:00Z', status: 'held' });
    await w.store.transaction(async (tx) => {
      await tx.insert('agendaItems', { id: 'item-1', meetingId: meeting.id, order: 1, kind: 'new_referral', caseId: listed.id, presentingAgencyId: 'ag-police', minutesAllotted: 20 });
      await tx.insert('agendaItems', { id: 'item-2', meetingId: meeting.id, order: 2, kind: 'review', caseId: hidden.id, minutesAllotted: 15 });
      await tx.insert('agendaItems', { id: 'item-3', meetingId: meeting.id, order: 3, kind: 'any_other_business', minutesAllotted: 5 });
    });
    d = botDepsFor(w.store, { refPrefix: 'CASPA', publicUrl: 'http://localhost:3978' }, () => LATER);
  });
  afterAll(() => w.close());

  const agenda = (persona: Persona, where: ConversationType = 'personal') =>
    handleMessage({ actor: actorOf(persona), conversationType: where, text: 'agenda' }, d);

  it('shows the next panel with its items in a personal chat, a restricted case only to those who may see it', async () => {
    const card = cardOf(await agenda('coordinator'));
    expect(textRuns(card)).toEqual([
      'Next panel',
      'Invented July panel \u00b7 15 Jul 2026, 10:30 \u00b7 Planned \u00b7 chaired by Test chair',
      '1. New referral', 'CASPA-2026-0001 \u00b7 A.I.E. \u00b7 20 min \u00b7 presented by Police',
      '2. Review', 'CASPA-2026-0002 \u00b7 A.I.E. \u00b7 15 min',
      '3. Any other business', '5 min',
      AGENDA_NOTE,
    ]);
    expect(card.actions).toEqual([
      { type: 'Action.OpenUrl', title: 'Open meetings in RiskPanel', url: 'http://localhost:3978/#/meetings' },
      { type: 'Action.OpenUrl', title: 'Join the meeting', url: 'https://teams.microsoft.com/l/meetup-join/x' },
    ]);
    expect(textRuns(cardOf(await agenda('fire')))).toContain('Restricted case \u00b7 15 min');
  });

  it('in a channel: the date, items by reference and initials, a restricted case hidden even from those who may see it', async () => {
    const card = cardOf(await agenda('coordinator', 'channel'));
    expect(textRuns(card)).toEqual([
      'Next panel', '15 Jul 2026, 10:30',
      '1. New referral', 'CASPA-2026-0001 \u00b7 A.I.E.',
      '2. Review', 'Restricted case',
      '3. Any other business', '',
      SHARED_DETAILS_NOTE,
    ]);
    expect(card.actions).toEqual([{ type: 'Action.OpenUrl', title: 'Open meetings in RiskPanel', url: 'http://localhost:3978/#/meetings' }]);
  });

  it('says when no panel is planned', async () => {
    expect(await handleMessage({ actor: actorOf('police'), conversationType: 'personal', text: 'agenda' }, deps)).toEqual([{ text: NO_MEETING }]);
  });
});

describe('refer', () => {
  it('opens the referral form in the tab, by a Teams deep link when the app id is known', async () => {
    expect(cardOf(await ask('police', 'refer')).actions).toEqual([{ type: 'Action.OpenUrl', title: 'Open the referral form', url: 'http://localhost:3978/#/refer' }]);
    const appId = '0b9c7c3e-4c1d-4e0a-9a55-3f1f2d7a1e01';
    const link = (cardOf(await ask('police', 'refer', 'channel', { teamsAppId: appId })).actions as { url: string }[])[0]!.url;
    expect(link).toBe(`https://teams.microsoft.com/l/entity/${appId}/cases?context=${encodeURIComponent('{"subEntityId":"refer"}')}`);
    expect(JSON.parse(decodeURIComponent(new URL(link).searchParams.get('context')!))).toEqual({ subEntityId: 'refer' });
  });
});

describe('status by number and close misspellings', () => {
  it('reads a bare number as this year\'s case, with or without "status"', async () => {
    for (const text of ['status 1', '1', '#1', 'status caspa 2026 1']) {
      expect(textRuns(cardOf(await ask('coordinator', text)))[0]).toBe('CASPA-2026-0001');
    }
  });

  it('suggests the reference a misspelling meant, only among cases the person may see', async () => {
    const hint = `${CASE_NOT_FOUND} Did you mean CASPA-2026-0001? Say: status CASPA-2026-0001`;
    expect(await ask('coordinator', 'status CASP-2026-1')).toEqual([{ text: hint }]);
    expect(await ask('police', 'status CASPA-2025-0001')).toEqual([{ text: hint }]);
    // Fire may not see that case: exactly what anyone is told about a case that does not exist.
    expect(await ask('fire', 'status CASP-2026-1')).toEqual([{ text: CASE_NOT_FOUND }]);
    // A number is never "corrected" to a neighbouring number.
    expect(await ask('coordinator', 'status CASPA-2026-0099')).toEqual([{ text: CASE_NOT_FOUND }]);
  });

  it('suggests the command a misspelling meant, then shows help', async () => {
    const replies = await ask('police', 'stauts caspa-2026-1');
    expect(replies[0]).toEqual({ text: didYouMean('status CASPA-2026-0001') });
    expect(replies).toHaveLength(2);
    expect(await ask('police', `overdeu ${referral.ref}`)).toEqual(expect.arrayContaining([{ text: didYouMean(`overdue ${referral.ref}`) }]));
  });
});
