import { botDepsFor } from './botDeps';
import { helpReplies, NOT_UNDERSTOOD } from '../../bot/chat/help';
import { PERSONAL_NOTE, SHARED_NOTE, statusReplies, RESTRICTED_STATUS, SUMMARY_INVOLVEMENT_NOTE } from '../../bot/chat/status';
import { handleMessage, SOMETHING_WENT_WRONG } from '../../bot/handleMessage';
import { conversationTypeOf, NOT_A_MEMBER, repliesForActivity } from '../../bot/host';
import type { BotDeps, BotReply, ConversationType } from '../../bot/types';
import { CASE_NOT_FOUND } from '../../src/queries';
import type { Store } from '../../src/store/port';
import { createActionOn, createOpenCase, createSubmittedReferral } from '../support/cases';
import { actorOf, createWorld, MEMBERS, type Persona, type World } from '../support/world';
import { parseCard, textBlocks, textRuns } from './cardSupport';

let world: World;
let deps: BotDeps;
let openCase: { id: string; ref: string };
let referral: { id: string; ref: string };
const LATER = new Date('2026-07-10T09:00:00Z');
// What the invented referral says about the adult: none of it may reach a bot answer.
const ADULT_DETAILS = ['Alex', 'Imaginary', 'Example', 'LU1 1AA', 'hoarding blocks', 'Weekly visit', 'stay at home', '1950'];

beforeAll(async () => {
  world = await createWorld();
  openCase = await createOpenCase(world, { referrer: 'police', riskLevel: 'high', nextReviewDate: '2026-07-20' });
  await createActionOn(world, openCase.id, 'police', { dueDate: '2026-06-20' });
  await createActionOn(world, openCase.id, 'policeLead', { dueDate: '2026-08-01', started: true });
  referral = await createSubmittedReferral(world, 'health');
  deps = botDepsFor(world.store, { refPrefix: 'CASPA', publicUrl: 'http://localhost:3978/' }, () => LATER);
});
afterAll(() => world.close());

const ask = (persona: Persona, text: string, conversationType: ConversationType = 'personal') =>
  handleMessage({ actor: actorOf(persona), conversationType, text }, deps);
const cardOf = (replies: BotReply[]) => {
  expect(replies).toHaveLength(1);
  const [reply] = replies;
  if (!reply || !('card' in reply)) throw new Error(`expected a card, got ${JSON.stringify(replies)}`);
  expect(parseCard(reply.card).problems).toEqual([]);
  return reply.card;
};
const auditOf = (recordId: string) =>
  world.store.transaction((tx) => tx.find('audit', { where: [{ field: 'recordId', op: 'eq', value: recordId }] }));

describe('status in a personal chat', () => {
  it.each(['coordinator', 'police', 'policeLead', 'chair'] as const)('gives %s the full card with review date and action counts', async (persona) => {
    const card = cardOf(await ask(persona, `status ${openCase.ref}`));
    expect(textRuns(card)).toEqual(['CASPA-2026-0001', ' \u00b7 ', 'A.I.E.', 'Open', 'High', 'Police', '20 Jul 2026', '2', '1', PERSONAL_NOTE]);
    expect(card.actions).toEqual([{ type: 'Action.OpenUrl', title: 'Open in RiskPanel', url: `http://localhost:3978/#/cases/${openCase.id}` }]);
    const json = JSON.stringify(card);
    for (const detail of ADULT_DETAILS) expect(json).not.toContain(detail);
  });

  it('reads the case as the person asking, and audits the read', async () => {
    const policeViews = async () => (await auditOf(openCase.id)).filter((a) => a.action === 'view' && a.actorId === MEMBERS.police.id);
    const before = (await policeViews()).length;
    await ask('police', `status ${openCase.ref.toLowerCase()}`);
    expect(await policeViews()).toHaveLength(before + 1);
  });

  it('accepts a reference typed in lower case with a short number', async () => {
    expect(textRuns(cardOf(await ask('coordinator', 'status caspa-2026-1')))[0]).toBe('CASPA-2026-0001');
  });

  it('marks a review date that has passed', async () => {
    const after = await statusReplies(
      { actor: actorOf('coordinator'), conversationType: 'personal', text: '' },
      openCase.ref,
      botDepsFor(world.store, deps.config, () => new Date('2026-07-25T09:00:00Z')),
    );
    expect(textRuns(cardOf(after))).toContain('20 Jul 2026 (overdue)');
  });

  it('shows a partner the summary of a new referral from another agency (no state: surface rule 1), and says what they can do', async () => {
    const card = cardOf(await ask('fire', `status ${referral.ref}`));
    expect(textRuns(card)).toEqual(['CASPA-2026-0002', ' \u00b7 ', 'A.I.E.', 'Summary only', SUMMARY_INVOLVEMENT_NOTE]);
    for (const detail of ADULT_DETAILS) expect(JSON.stringify(card)).not.toContain(detail);
  });

  it.each(['fire', 'health', 'viewer'] as const)('tells %s, who may not see the case, exactly what it tells anyone about a missing one', async (persona) => {
    const refused = await ask(persona, `status ${openCase.ref}`);
    expect(refused).toEqual([{ text: CASE_NOT_FOUND }]);
    expect(await ask(persona, 'status CASPA-2026-0099')).toEqual(refused);
    const denied = (await auditOf(openCase.id)).filter((a) => a.action === 'denied' && a.actorId === MEMBERS[persona].id);
    expect(denied.length).toBeGreaterThan(0);
  });
});

describe('status in a channel or group chat', () => {
  it.each([
    ['coordinator', 'channel'],
    ['police', 'groupChat'],
    ['chair', 'channel'],
    ['policeLead', 'groupChat'],
  ] as const)('gives %s in a %s only reference, initials and state: no risk level, no lead agency', async (persona, where) => {
    const card = cardOf(await ask(persona, `<at>RiskPanel</at> status ${openCase.ref}`, where));
    expect(textBlocks(card)).toEqual(['Case status', 'Status']);
    expect(textRuns(card)).toEqual(['CASPA-2026-0001', ' \u00b7 ', 'A.I.E.', 'Open', SHARED_NOTE]);
    const json = JSON.stringify(card);
    for (const detail of [...ADULT_DETAILS, '20 Jul', MEMBERS.police.name, 'High', 'Police']) expect(json).not.toContain(detail);
  });

  it('says only "Restricted case" for a restricted case, even to someone who may see it, and shows it in full in a personal chat', async () => {
    const restricted = await createOpenCase(world, { referrer: 'police', referral: { restricted: true } });
    for (const where of ['channel', 'groupChat'] as const) {
      const replies = await ask('coordinator', `status ${restricted.ref}`, where);
      expect(replies).toEqual([{ text: RESTRICTED_STATUS }]);
      expect(JSON.stringify(replies)).not.toContain(restricted.ref);
      expect(JSON.stringify(replies)).not.toContain(restricted.initials);
    }
    expect(textRuns(cardOf(await ask('coordinator', `status ${restricted.ref}`)))).toContain(restricted.ref);
    // Someone outside its circle gets the sentence for a missing case, in a channel too, and the refusal is audited.
    expect(await ask('fire', `status ${restricted.ref}`, 'channel')).toEqual([{ text: CASE_NOT_FOUND }]);
    expect((await auditOf(restricted.id)).some((a) => a.action === 'denied' && a.actorId === MEMBERS.fire.id)).toBe(true);
  });

  it('shows the summary of a new referral the same way, and refuses the uninvolved with the same sentence', async () => {
    const card = cardOf(await ask('fire', `status ${referral.ref}`, 'channel'));
    expect(textRuns(card)).toEqual(['CASPA-2026-0002', ' \u00b7 ', 'A.I.E.', 'Submitted', SHARED_NOTE]);
    expect(await ask('fire', `status ${openCase.ref}`, 'channel')).toEqual([{ text: CASE_NOT_FOUND }]);
  });
});

describe('help and what the bot does not understand', () => {
  it('answers help with the help card listing every command', async () => {
    const card = cardOf(await ask('police', 'help'));
    expect(textRuns(card).filter((_, i) => i % 2 === 0)).toEqual(['help', 'status <reference>', 'my actions', 'overdue [agency]', 'agenda', 'refer']);
    expect(await ask('police', 'help', 'channel')).toEqual(helpReplies());
  });

  it('says it did not understand, then shows help', async () => {
    const replies = await ask('coordinator', 'please close all the cases');
    expect(replies[0]).toEqual({ text: NOT_UNDERSTOOD });
    expect(replies[1]).toEqual(helpReplies()[0]);
    expect(replies).toHaveLength(2);
  });

  it('shows the usage when a command is missing its reference', async () => {
    expect(await ask('coordinator', 'status')).toEqual([
      { text: 'To use "status", say: status <reference> (for example: status CASPA-2026-0014).' },
    ]);
  });

  it('answers a failure it cannot explain with a generic sentence, and no detail', async () => {
    const broken: Store = { name: 'sqlite', transaction: () => Promise.reject(new Error('disk on fire at /var/secret')), listDataQualityIssues: async () => [], close: async () => {} };
    const errors = jest.spyOn(console, 'error').mockImplementation(() => {});
    const replies = await handleMessage({ actor: actorOf('coordinator'), conversationType: 'personal', text: 'status CASPA-2026-0001' }, botDepsFor(broken, deps.config, deps.now));
    expect(replies).toEqual([{ text: SOMETHING_WENT_WRONG }]);
    expect(errors.mock.calls.flat().join(' ')).not.toContain('secret');
    errors.mockRestore();
  });
});

describe('from activity to replies', () => {
  const activity = (aadObjectId: string | undefined, text = 'help', conversationType?: string) => ({
    text,
    from: { id: 'user-1', ...(aadObjectId === undefined ? {} : { aadObjectId }) },
    conversation: { id: 'conv-1', ...(conversationType ? { conversationType } : {}) },
  });

  it('asks anyone who is not an active member to see their coordinator', async () => {
    for (const id of [undefined, '', '11111111-2222-4333-8444-555555555555', MEMBERS.inactive.aadObjectId, 'x'.repeat(200)]) {
      expect(await repliesForActivity(activity(id, `status ${openCase.ref}`, 'personal'), deps)).toEqual([{ text: NOT_A_MEMBER }]);
    }
  });

  it('acts as the member the activity names, and treats an unknown conversation type as shared', async () => {
    const personal = await repliesForActivity(activity(MEMBERS.police.aadObjectId, `status ${openCase.ref}`, 'personal'), deps);
    expect(textRuns(cardOf(personal))).toContain('20 Jul 2026');
    const unknown = await repliesForActivity(activity(MEMBERS.police.aadObjectId, `status ${openCase.ref}`), deps);
    expect(textRuns(cardOf(unknown))).toContain(SHARED_NOTE);
    expect(await repliesForActivity(activity(MEMBERS.fire.aadObjectId, `status ${openCase.ref}`, 'personal'), deps)).toEqual([{ text: CASE_NOT_FOUND }]);
  });

  it('maps conversation types', () => {
    expect(['personal', 'groupChat', 'channel', undefined, 'meeting', 5].map(conversationTypeOf)).toEqual([
      'personal', 'groupChat', 'channel', 'channel', 'channel', 'channel',
    ]);
  });
});
