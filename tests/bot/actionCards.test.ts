import { CARD_SCHEMA } from '../../src/cards/expandCard';
import { type DecisionCardData, decisionCard, CHANNEL_DECISION_TEMPLATE, PERSONAL_DECISION_TEMPLATE } from '../../src/cards/decisionCard';
import { type EscalationCardData, ESCALATION_TEMPLATE, escalationCard } from '../../src/cards/escalationCard';
import { LIST_TEMPLATE, listCard } from '../../src/cards/listCard';
import { NEW_REFERRAL_TEMPLATE, type NewReferralCardData, newReferralCard } from '../../src/cards/newReferralCard';
import { type ActionLine, MAX_DIGEST_LINES, OVERDUE_DIGEST_TEMPLATE, type OverdueDigestData, overdueDigestCard } from '../../src/cards/overdueDigestCard';
import { REFER_TEMPLATE, referCard } from '../../src/cards/referCard';
import { REMINDER_TEMPLATE, type ReminderCardData, reminderCard } from '../../src/cards/reminderCard';
import { visibleText } from '../../src/cards/safeText';
import { MAX_REFRESH_USERS, messageOf, refreshUserIds } from '../../src/cards/universalActions';
import type { AdaptiveCardJson } from '../../bot/types';
import { elementsOf, outline, parseCard, textBlocks, textRuns } from './cardSupport';
import { cut, HOSTILE } from './hostile';

// Every card template the bot and the outbox renderer send, parsed by the Adaptive Cards library for representative
// and hostile data: valid, the same outline whatever the text, the text shown literally, and under Teams' 28 KB.

const TEAMS_CARD_LIMIT = 28 * 1024;
const ID = (n: number) => `0b0b0b0b-1111-4222-8333-${String(n).padStart(12, '0')}`;

const line = (n: number, extra: Partial<ActionLine> = {}): ActionLine => ({
  actionId: `action-${n}`,
  ref: `CASPA-2026-${String(n).padStart(4, '0')}`,
  initials: 'A.I.E.',
  agency: 'Police',
  owner: 'Test Owner',
  dueDate: '2026-06-01',
  status: 'in_progress',
  daysOverdue: 14,
  ...extra,
});

const referral: NewReferralCardData = {
  caseId: 'case-1',
  ref: 'CASPA-2026-0014',
  initials: 'A.I.E.',
  referringAgency: 'Police',
  riskCategories: ['self_neglect', 'fire_risk'],
  expectedPanelDate: '2026-07-01T09:30:00Z',
  status: 'submitted',
  answeredCount: 2,
  openUrl: 'http://localhost:3978/#/cases/case-1',
  refreshUserIds: [ID(1), ID(2)],
};

const digest: OverdueDigestData = {
  digestId: 'outbox-1',
  asOf: '2026-06-15',
  actions: [line(1, { daysOverdue: 3 }), line(2, { agency: 'Fire', owner: 'Test Firefighter' }), line(3, { daysOverdue: 20 })],
  openUrl: 'http://localhost:3978/#/actions',
  refreshUserIds: [ID(1)],
};

const reminder: ReminderCardData = {
  ...line(1, { daysOverdue: 0, dueDate: '2026-06-18' }),
  description: 'Arrange a joint home visit.',
  daysUntilDue: 3,
  openUrl: 'http://localhost:3978/#/cases/case-1',
  refreshUserIds: [ID(1)],
};

const escalation: EscalationCardData = { ...line(1, { daysOverdue: 21 }), thresholdDays: 14, openUrl: 'http://localhost:3978/#/cases/case-1' };

const decision: DecisionCardData = {
  caseId: 'case-1',
  ref: 'CASPA-2026-0014',
  initials: 'A.I.E.',
  outcome: 'accept',
  leadAgency: 'Police',
  decidedAt: '2026-06-15T10:00:00Z',
  openUrl: 'http://localhost:3978/#/cases/case-1',
  rationale: 'Invented rationale: risk is unmanageable by one agency.',
};

const bytes = (card: unknown) => Buffer.byteLength(JSON.stringify(card), 'utf8');
const fixedTexts = (template: unknown) => new Set(textBlocks(template));
const runs = (card: unknown) => textRuns(card).map(visibleText);

/** Every Action.Execute has an Action.Submit fallback with the same title and data, plus the verb. */
function expectFallbacks(card: AdaptiveCardJson): Record<string, unknown>[] {
  const executes = elementsOf(card, 'Action.Execute').filter((a) => a.verb !== 'refresh');
  for (const action of executes) {
    expect(action.fallback).toEqual({ type: 'Action.Submit', title: action.title, data: { verb: action.verb, ...(action.data as object) } });
  }
  return executes;
}

function expectValid(card: AdaptiveCardJson): void {
  expect(card).toMatchObject({ type: 'AdaptiveCard', $schema: CARD_SCHEMA, version: '1.5' });
  expect(parseCard(card).problems).toEqual([]);
  expect(bytes(card)).toBeLessThan(TEAMS_CARD_LIMIT);
  // Nothing in the card can be read as an expression by a template engine or a card renderer.
  expect(JSON.stringify(card)).not.toMatch(/\$\{|\{\{/);
}

describe('templates', () => {
  it.each([
    ['new referral', NEW_REFERRAL_TEMPLATE],
    ['overdue digest', OVERDUE_DIGEST_TEMPLATE],
    ['reminder', REMINDER_TEMPLATE],
    ['escalation', ESCALATION_TEMPLATE],
    ['channel decision', CHANNEL_DECISION_TEMPLATE],
    ['personal decision', PERSONAL_DECISION_TEMPLATE],
    ['list', LIST_TEMPLATE],
    ['refer', REFER_TEMPLATE],
  ])('%s: schema 1.5, and data bound only in TextRuns, urls, ids and conditions, never in a TextBlock', (_name, template) => {
    expect(template).toMatchObject({ type: 'AdaptiveCard', $schema: CARD_SCHEMA, version: '1.5' });
    for (const text of textBlocks(template)) expect(text).not.toContain('${');
    expect(JSON.stringify(template)).toMatch(/\$\{/);
  });
});

describe('new referral card', () => {
  it('shows reference, initials, referring agency, risks, panel date, state and how many have answered (not which), with the three actions', () => {
    const card = newReferralCard(referral);
    expectValid(card);
    expect(runs(card)).toEqual([
      'CASPA-2026-0014', ' \u00b7 ', 'A.I.E.',
      'Police', 'Self-neglect, Fire risk', '1 Jul 2026', 'Submitted',
      '2 agencies have answered.',
    ]);
    const executes = expectFallbacks(card);
    expect(executes.map((a) => [a.title, a.verb, a.data])).toEqual([
      ['Known to my agency', 'knownToAgency', { caseId: 'case-1', card: 'newReferral' }],
      ['Not known to us', 'notKnown', { caseId: 'case-1', card: 'newReferral' }],
    ]);
    expect(elementsOf(card, 'Action.ShowCard').map((a) => a.title)).toEqual(['Known to my agency']);
    expect(elementsOf(card, 'Input.Text')).toEqual([expect.objectContaining({ id: 'note', isMultiline: true })]);
    expect(card.actions).toEqual([{ type: 'Action.OpenUrl', title: 'Open', url: referral.openUrl }]);
    expect(card.refresh).toEqual({
      action: { type: 'Action.Execute', title: 'Refresh', verb: 'refresh', data: { card: 'newReferral', caseId: 'case-1' } },
      userIds: [`8:orgid:${ID(1)}`, `8:orgid:${ID(2)}`],
    });
  });

  it('says when nobody has answered, and stops asking once the referral is screened', () => {
    const fresh = newReferralCard({ ...referral, answeredCount: 0, expectedPanelDate: undefined });
    expectValid(fresh);
    expect(runs(fresh)).toEqual(expect.arrayContaining(['Not listed yet', 'No agency has answered yet.']));
    const accepted = newReferralCard({ ...referral, status: 'open' });
    expectValid(accepted);
    expect(elementsOf(accepted, 'Action.Execute').filter((a) => a.verb !== 'refresh')).toEqual([]);
    expect(runs(accepted)).toContain('This referral is open: answers are closed. Open it in RiskPanel for more.');
  });

  it('puts a message for the person who pressed at the top, outside the template', () => {
    const card = newReferralCard({ ...referral, message: 'Recorded: the adult is known to Police.', messageTone: 'good' });
    expectValid(card);
    expect(messageOf(card)).toBe('Recorded: the adult is known to Police.');
    expect((card.body as { style?: string }[])[0]?.style).toBe('good');
    expect(messageOf(newReferralCard(referral))).toBeUndefined();
  });

  it.each(HOSTILE)('stays valid, keeps its outline and shows %s literally', (_name, value, seen) => {
    const card = newReferralCard({
      ...referral,
      ref: value,
      initials: value,
      referringAgency: value,
      riskCategories: [value],
      message: value,
    });
    expectValid(card);
    expect(outline(card)).toEqual(outline(newReferralCard({ ...referral, message: 'Saved.' })));
    expect(parseCard(card).card.getItemCount()).toBe(parseCard(newReferralCard({ ...referral, message: 'x' })).card.getItemCount());
    const shown = runs(card);
    expect(shown.filter((r) => r === seen).length).toBeGreaterThanOrEqual(4); // message, ref, initials, risks (unlabelled value)
    expect(shown).toContain(cut(seen, 40)); // the referring agency's name is cut shorter
    const fixed = fixedTexts(NEW_REFERRAL_TEMPLATE);
    for (const text of textBlocks(card)) expect(fixed.has(text)).toBe(true);
  });
});

describe('overdue digest card', () => {
  it('groups by agency, longest overdue first, each line with owner, due date, days overdue and its three actions', () => {
    const card = overdueDigestCard(digest);
    expectValid(card);
    expect(runs(card)).toEqual([
      '3 actions were overdue on 15 Jun 2026',
      'Fire',
      'CASPA-2026-0002', ' \u00b7 ', 'A.I.E.', ' \u00b7 ', 'Fire', 'Test Firefighter', '1 Jun 2026', 'In progress, 14 days overdue',
      'Police',
      'CASPA-2026-0003', ' \u00b7 ', 'A.I.E.', ' \u00b7 ', 'Police', 'Test Owner', '1 Jun 2026', 'In progress, 20 days overdue',
      'CASPA-2026-0001', ' \u00b7 ', 'A.I.E.', ' \u00b7 ', 'Police', 'Test Owner', '1 Jun 2026', 'In progress, 3 days overdue',
    ]);
    const executes = expectFallbacks(card);
    expect(executes).toHaveLength(9);
    // Complete takes no inputs: a half-filled update or due date on the same card never blocks or rides along with it.
    expect(executes.filter((a) => a.verb === 'completeAction').map((a) => a.associatedInputs)).toEqual(['none', 'none', 'none']);
    expect(executes.slice(0, 3).map((a) => [a.verb, a.data])).toEqual([
      ['completeAction', { actionId: 'action-2', card: 'overdueDigest', digestId: 'outbox-1' }],
      ['addActionUpdate', { actionId: 'action-2', card: 'overdueDigest', digestId: 'outbox-1' }],
      ['changeDueDate', { actionId: 'action-2', card: 'overdueDigest', digestId: 'outbox-1' }],
    ]);
    // Input ids are unique in the card: each carries its action's id.
    const inputs = [...elementsOf(card, 'Input.Text'), ...elementsOf(card, 'Input.Date')].map((i) => i.id);
    expect(inputs).toHaveLength(9);
    expect(new Set(inputs).size).toBe(9);
    expect(inputs).toEqual(expect.arrayContaining(['note-action-2', 'dueDate-action-2', 'reason-action-2']));
    expect(card.refresh).toEqual({
      action: { type: 'Action.Execute', title: 'Refresh', verb: 'refresh', data: { card: 'overdueDigest', digestId: 'outbox-1' } },
      userIds: [`8:orgid:${ID(1)}`],
    });
    expect(card.actions).toEqual([{ type: 'Action.OpenUrl', title: 'Open actions in RiskPanel', url: digest.openUrl }]);
  });

  it('shows a finished action with who finished it and when, and no buttons for it', () => {
    const card = overdueDigestCard({
      ...digest,
      actions: [line(1, { status: 'completed', daysOverdue: 0, finishedBy: 'Test Police', finishedAt: '2026-06-15T09:05:00Z' }), line(2)],
    });
    expectValid(card);
    expect(runs(card)).toContain('Completed by Test Police on 15 Jun 2026, 10:05');
    expect(elementsOf(card, 'Action.Execute').filter((a) => a.verb === 'completeAction').map((a) => (a.data as { actionId: string }).actionId)).toEqual([
      'action-2',
    ]);
  });

  it(`shows at most ${MAX_DIGEST_LINES} lines and says how many more there are; each action once`, () => {
    const many = Array.from({ length: 20 }, (_, i) => line(i + 1, { daysOverdue: i + 1 }));
    const card = overdueDigestCard({ ...digest, actions: [...many, many[0]!] });
    expectValid(card);
    expect(elementsOf(card, 'Action.Execute').filter((a) => a.verb === 'completeAction')).toHaveLength(MAX_DIGEST_LINES);
    expect(runs(card)).toContain(`${20 - MAX_DIGEST_LINES} more in RiskPanel.`);
    expect(runs(card)[0]).toBe('20 actions were overdue on 15 Jun 2026');
  });

  it('refreshes by itself for at most 60 users, as Teams user ids', () => {
    const ids = Array.from({ length: 100 }, (_, i) => ID(i));
    const card = overdueDigestCard({ ...digest, refreshUserIds: [...ids, ids[0]!, 'not an id', '<b>x</b>'] });
    const { userIds } = card.refresh as { userIds: string[] };
    expect(userIds).toHaveLength(MAX_REFRESH_USERS);
    expect(userIds[0]).toBe(`8:orgid:${ID(0)}`);
    expect(refreshUserIds(['29:abc', '8:orgid:x', 'bad id', ''])).toEqual(['29:abc', '8:orgid:x']);
    expect((overdueDigestCard({ ...digest, refreshUserIds: undefined }).refresh as { userIds: string[] }).userIds).toEqual([]);
  });

  it.each(HOSTILE)(`stays valid and under 28 KB with ${MAX_DIGEST_LINES} lines of %s, and shows it literally`, (_name, value, seen) => {
    const hostileLines = Array.from({ length: MAX_DIGEST_LINES }, (_, i) =>
      line(i + 1, { ref: value, initials: value, agency: value, owner: value, ...(i === 0 ? { status: 'completed' as const, finishedBy: value, finishedAt: '2026-06-15T09:05:00Z' } : {}) }),
    );
    const plainLines = Array.from({ length: MAX_DIGEST_LINES }, (_, i) =>
      line(i + 1, i === 0 ? { status: 'completed', finishedBy: 'Test Police', finishedAt: '2026-06-15T09:05:00Z' } : {}),
    );
    const card = overdueDigestCard({ ...digest, actions: hostileLines, message: value });
    expectValid(card);
    expect(outline(card)).toEqual(outline(overdueDigestCard({ ...digest, actions: plainLines, message: 'Saved.' })));
    const shown = runs(card);
    expect(shown).toContain(seen); // the message
    expect(shown.filter((r) => r === cut(seen, 40)).length).toBeGreaterThanOrEqual(MAX_DIGEST_LINES * 3); // ref, initials, agency
    expect(shown.filter((r) => r === cut(seen, 80)).length).toBeGreaterThanOrEqual(MAX_DIGEST_LINES); // owner
    expect(shown.some((r) => r.startsWith(`Completed by ${cut(seen, 80)}`.slice(0, 60)))).toBe(true);
    const fixed = fixedTexts(OVERDUE_DIGEST_TEMPLATE);
    for (const text of textBlocks(card)) expect(fixed.has(text)).toBe(true);
  });
});

describe('size', () => {
  const heavy = ['\u{1F600}'.repeat(5000), '{{'.repeat(3000), '${'.repeat(3000), '\u05E9'.repeat(5000)];

  it.each(heavy.map((v) => [v.slice(0, 4), v]))('keeps a digest of heavy text (%s...) under 28 KB by showing fewer lines and counting the rest', (_n, value) => {
    const lines = Array.from({ length: MAX_DIGEST_LINES }, (_, i) => line(i + 1, { ref: value, initials: value, agency: `${value}${i}`, owner: value }));
    const card = overdueDigestCard({ ...digest, actions: lines, message: value, refreshUserIds: Array.from({ length: 60 }, (_, i) => ID(i)) });
    expectValid(card);
    const shown = elementsOf(card, 'Action.Execute').filter((a) => a.verb === 'completeAction').length;
    expect(shown).toBeGreaterThan(0);
    if (shown < MAX_DIGEST_LINES) expect(runs(card)).toContain(`${MAX_DIGEST_LINES - shown} more in RiskPanel.`);
  });

  it('keeps a long list of heavy descriptions under 28 KB the same way', () => {
    const value = heavy[0]!;
    const card = listCard({
      title: 'My actions',
      intro: '',
      groups: [{ heading: '', lines: Array.from({ length: 15 }, (_, i) => ({ main: `CASPA-2026-${i}`, detail: value, text: value })) }],
      note: 'n',
      links: [],
    });
    expectValid(card);
    expect(runs(card).some((r) => /^\d+ more in RiskPanel\.$/.test(r))).toBe(true);
  });
});

describe('reminder and escalation cards', () => {
  it('remind the owner personally with what the action is, when it is due and the three actions', () => {
    const card = reminderCard(reminder);
    expectValid(card);
    expect(runs(card)).toEqual([
      'Due in 3 days',
      'CASPA-2026-0001', ' \u00b7 ', 'A.I.E.', ' \u00b7 ', 'Police', 'Test Owner', '18 Jun 2026', 'In progress',
      'Arrange a joint home visit.',
    ]);
    expect(expectFallbacks(card).map((a) => [a.verb, a.data])).toEqual([
      ['completeAction', { actionId: 'action-1', card: 'reminder' }],
      ['addActionUpdate', { actionId: 'action-1', card: 'reminder' }],
      ['changeDueDate', { actionId: 'action-1', card: 'reminder' }],
    ]);
    expect((card.refresh as { action: { data: unknown } }).action.data).toEqual({ card: 'reminder', actionId: 'action-1' });
    expect(runs(reminderCard({ ...reminder, daysUntilDue: 0 }))[0]).toBe('Due today');
    expect(runs(reminderCard({ ...reminder, daysUntilDue: -2 }))[0]).toBe('2 days overdue');
    const done = reminderCard({ ...reminder, status: 'completed', finishedBy: 'Test Owner', finishedAt: '2026-06-15T09:05:00Z' });
    expectValid(done);
    expect(runs(done)[0]).toBe('Nothing more to do on this action.');
    expect(elementsOf(done, 'ActionSet')).toEqual([]);
  });

  it('flag an action overdue beyond the threshold to the chair, keeping the threshold on its buttons', () => {
    const card = escalationCard(escalation);
    expectValid(card);
    expect(runs(card)[0]).toBe('Overdue by 21 days (escalated after 14 days): the owner, their agency lead or the chair should act or agree a new date.');
    expect(expectFallbacks(card).map((a) => a.data)).toEqual(
      Array(3).fill({ actionId: 'action-1', card: 'escalation', thresholdDays: '14' }),
    );
    expect((card.refresh as { action: { data: unknown } }).action.data).toEqual({ card: 'escalation', actionId: 'action-1', thresholdDays: '14' });
  });

  describe.each(HOSTILE)('with %s', (_name, value, seen) => {
    it('the reminder stays valid, keeps its outline and shows it literally', () => {
      const card = reminderCard({ ...reminder, ref: value, initials: value, agency: value, owner: value, description: value, message: value });
      expectValid(card);
      expect(outline(card)).toEqual(outline(reminderCard({ ...reminder, message: 'Saved.' })));
      expect(runs(card)).toEqual(expect.arrayContaining([seen, cut(seen, 40), cut(seen, 80)]));
      expect(runs(card).filter((r) => r === seen).length).toBeGreaterThanOrEqual(2); // message and description
      const fixed = fixedTexts(REMINDER_TEMPLATE);
      for (const text of textBlocks(card)) expect(fixed.has(text)).toBe(true);
    });

    it('the escalation stays valid, keeps its outline and shows it literally', () => {
      const card = escalationCard({ ...escalation, ref: value, initials: value, agency: value, owner: value, message: value });
      expectValid(card);
      expect(outline(card)).toEqual(outline(escalationCard({ ...escalation, message: 'Saved.' })));
      expect(runs(card)).toEqual(expect.arrayContaining([seen, cut(seen, 40), cut(seen, 80)]));
      const fixed = fixedTexts(ESCALATION_TEMPLATE);
      for (const text of textBlocks(card)) expect(fixed.has(text)).toBe(true);
    });
  });
});

describe('decision card', () => {
  it('on the channel: outcome, reference, initials, lead agency and date, never the rationale', () => {
    const card = decisionCard(decision);
    expectValid(card);
    expect(runs(card)).toEqual(['CASPA-2026-0014', ' \u00b7 ', 'A.I.E.', 'Accepted for the panel', 'Police', '15 Jun 2026']);
    expect(JSON.stringify(card)).not.toContain('Invented rationale');
    expect(card.actions).toEqual([{ type: 'Action.OpenUrl', title: 'Open in RiskPanel', url: decision.openUrl }]);
    expect(runs(decisionCard({ ...decision, leadAgency: undefined, outcome: 'decline' }))).toEqual(expect.arrayContaining(['Declined', 'Not named']));
  });

  it("to the referrer personally: with the rationale", () => {
    const card = decisionCard({ ...decision, audience: 'personal' });
    expectValid(card);
    expect(runs(card)).toContain('Invented rationale: risk is unmanageable by one agency.');
  });

  it.each(HOSTILE)('stays valid and literal with %s on both audiences', (_name, value, seen) => {
    for (const audience of ['channel', 'personal'] as const) {
      const card = decisionCard({ ...decision, audience, ref: value, initials: value, leadAgency: value, rationale: value });
      expectValid(card);
      expect(outline(card)).toEqual(outline(decisionCard({ ...decision, audience })));
      expect(runs(card).filter((r) => r === seen).length).toBe(audience === 'personal' ? 4 : 3);
    }
  });
});

describe('list and refer cards', () => {
  const list = {
    title: 'My actions',
    intro: '2 open actions',
    groups: [{ heading: '', lines: [{ main: 'CASPA-2026-0001 \u00b7 A.I.E.', detail: 'In progress' }, { main: 'CASPA-2026-0002 \u00b7 B.B.', detail: 'Not started', text: 'Visit' }] }],
    note: 'Details are in the tab.',
    links: [{ title: 'Open my actions in RiskPanel', url: 'http://localhost:3978/#/actions' }],
  };

  it('lists lines in groups with a link, and counts what it leaves out', () => {
    const card = listCard(list);
    expectValid(card);
    expect(runs(card)).toEqual(['My actions', '2 open actions', 'CASPA-2026-0001 \u00b7 A.I.E.', 'In progress', 'CASPA-2026-0002 \u00b7 B.B.', 'Not started', 'Visit', 'Details are in the tab.']);
    expect(card.actions).toEqual([{ type: 'Action.OpenUrl', title: 'Open my actions in RiskPanel', url: 'http://localhost:3978/#/actions' }]);
    const long = listCard({ ...list, groups: [{ heading: 'Police', lines: Array.from({ length: 40 }, (_, i) => ({ main: `L${i}`, detail: 'd' })) }] });
    expectValid(long);
    expect(runs(long)).toContain('25 more in RiskPanel.');
  });

  it.each(HOSTILE)('stays valid and literal with %s', (_name, value, seen) => {
    const card = listCard({ ...list, title: value, intro: value, groups: [{ heading: value, lines: [{ main: value, detail: value, text: value }] }], note: value });
    expectValid(card);
    expect(runs(card)).toEqual(Array(7).fill(seen));
  });

  it('offers the referral form', () => {
    const card = referCard({ url: 'http://localhost:3978/#/refer' });
    expectValid(card);
    expect(card.actions).toEqual([{ type: 'Action.OpenUrl', title: 'Open the referral form', url: 'http://localhost:3978/#/refer' }]);
  });
});
