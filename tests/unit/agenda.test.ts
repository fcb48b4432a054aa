import { buildAgenda, DEFAULT_MINUTES, agendaTiming, type AgendaAction, type AgendaCase, type AgendaSources } from '../../src/domain/agenda';
import { ValidationError } from '../../src/domain/errors';

// An invented panel on Thursday 10 June 2027 at 09:00 BST (08:00Z), 90 minutes.
const referral = (id: string, ref: string, receivedAt: string): AgendaCase =>
  ({ id, ref, initials: `${id.toUpperCase()}.`, status: 'listed', receivedAt, referrerAgencyId: 'police' });
const live = (id: string, ref: string, over: Partial<AgendaCase> = {}): AgendaCase =>
  ({ id, ref, initials: `${id.toUpperCase()}.`, status: 'open', leadAgencyId: 'council', ...over });
const action = (id: string, caseId: string, dueDate: string, over: Partial<AgendaAction> = {}): AgendaAction =>
  ({ id, parentKind: 'case', parentId: caseId, status: 'in_progress', dueDate, ...over });

const sources = (over: Partial<AgendaSources> = {}): AgendaSources => ({
  meeting: { startsAt: '2027-06-10T08:00:00Z', lengthMinutes: 90 },
  listedReferrals: [referral('r1', 'CASPA-2027-0010', '2027-05-20T10:00:00Z'), referral('r2', 'CASPA-2027-0008', '2027-05-02T10:00:00Z')],
  liveCases: [
    live('l1', 'CASPA-2026-0101', { nextReviewDate: '2027-06-10' }), // due on the meeting's date
    live('l2', 'CASPA-2026-0102', { nextReviewDate: '2027-06-11' }), // not yet due, but two overdue actions
    live('l3', 'CASPA-2026-0103', { status: 'escalated', nextReviewDate: '2027-06-01', leadAgencyId: 'nhs' }),
    live('l4', 'CASPA-2026-0104', { nextReviewDate: '2027-09-01' }), // nothing due
    live('l5', 'CASPA-2026-0105', { nextReviewDate: '2027-05-01' }),
    live('l6', 'CASPA-2026-0106', { nextReviewDate: '2027-08-01' }),
    live('l7', 'CASPA-2026-0107', { nextReviewDate: '2027-06-05' }),
  ],
  actions: [
    action('a1', 'l2', '2027-06-01'),
    action('a2', 'l2', '2027-05-20'),
    action('a3', 'l3', '2027-06-02', { status: 'not_started' }),
    action('a4', 'l4', '2027-06-10'), // due on the meeting's day: not overdue yet
    action('a5', 'l4', '2027-06-01', { status: 'completed' }), // finished: never overdue
    action('a6', 'l4', '2027-05-01', { parentKind: 'learning_review', parentId: 'l4' }), // not a case action
    action('a7', 'gone', '2027-05-01'), // a case that is not live
  ],
  closureProposals: [{ caseId: 'l6' }, { caseId: 'l7' }, { caseId: 'not-live' }],
  anyOtherBusiness: [{ title: 'Terms of reference refresh' }],
  ...over,
});

const summary = (s: AgendaSources) => buildAgenda(s).items.map((i) => [i.order, i.kind, i.ref ?? i.title, i.minutesAllotted]);

describe('the agenda builder', () => {
  it('lists every source in the default order, oldest first within a kind, with default minutes', () => {
    expect(summary(sources())).toEqual([
      [1, 'escalation', 'CASPA-2026-0103', 15],
      [2, 'new_referral', 'CASPA-2027-0008', 15], // received 2 May: waited longest
      [3, 'new_referral', 'CASPA-2027-0010', 15],
      [4, 'review', 'CASPA-2026-0105', 10], // due 1 May
      [5, 'review', 'CASPA-2026-0107', 10], // due 5 June
      [6, 'review', 'CASPA-2026-0101', 10], // due on the meeting's date
      [7, 'overdue_actions', 'CASPA-2026-0102', 5],
      [8, 'closure_proposal', 'CASPA-2026-0106', 5],
      [9, 'any_other_business', 'Terms of reference refresh', 5],
    ]);
  });

  it('never lists a case twice: it goes under its most urgent kind and notes the other reasons', () => {
    const { items } = buildAgenda(sources());
    const byRef = new Map(items.map((i) => [i.ref, i]));
    expect(byRef.get('CASPA-2026-0103')).toMatchObject({ kind: 'escalation', alsoBecause: ['review', 'overdue_actions'], overdueActions: 1, presentingAgencyId: 'nhs' });
    expect(byRef.get('CASPA-2026-0107')).toMatchObject({ kind: 'review', alsoBecause: ['closure_proposal'] });
    const caseIds = items.flatMap((i) => (i.caseId ? [i.caseId] : []));
    expect(new Set(caseIds).size).toBe(caseIds.length);
  });

  it('one overdue-actions item per case, counting its overdue actions; finished, not-yet-due and non-case actions make none', () => {
    const { items } = buildAgenda(sources());
    expect(items.filter((i) => i.kind === 'overdue_actions')).toEqual([
      expect.objectContaining({ caseId: 'l2', overdueActions: 2, alsoBecause: [] }),
    ]);
    expect(items.some((i) => i.caseId === 'l4' || i.caseId === 'gone')).toBe(false);
  });

  it('judges "overdue" and "due for review" in London at the meeting\'s start', () => {
    // 23:30Z on 9 June is 00:30 BST on 10 June: an action due on 9 June is overdue, a review on 10 June is due.
    const s = sources({
      meeting: { startsAt: '2027-06-09T23:30:00Z', lengthMinutes: 60 },
      listedReferrals: [],
      liveCases: [live('x', 'CASPA-2026-0200', { nextReviewDate: '2027-06-11' }), live('y', 'CASPA-2026-0201', { nextReviewDate: '2027-06-10' })],
      actions: [action('b1', 'x', '2027-06-09')],
      closureProposals: [],
      anyOtherBusiness: [],
    });
    expect(summary(s)).toEqual([[1, 'review', 'CASPA-2026-0201', 10], [2, 'overdue_actions', 'CASPA-2026-0200', 5]]);
    // One hour earlier it is still 9 June in London: neither qualifies.
    expect(summary({ ...s, meeting: { startsAt: '2027-06-09T22:30:00Z', lengthMinutes: 60 } })).toEqual([]);
  });

  it('new referrals are presented by the referrer\'s agency, case items by the lead agency', () => {
    const { items } = buildAgenda(sources());
    expect(items.find((i) => i.kind === 'new_referral')!.presentingAgencyId).toBe('police');
    expect(items.find((i) => i.ref === 'CASPA-2026-0101')!.presentingAgencyId).toBe('council');
  });

  it('fits exactly in 90 minutes: no warning', () => {
    expect(buildAgenda(sources())).toMatchObject({ totalMinutes: 90, lengthMinutes: 90, overrunMinutes: 0 });
    expect(buildAgenda(sources()).warning).toBeUndefined();
  });

  it('warns, saying by how much, when the items exceed the meeting\'s length', () => {
    const plan = buildAgenda(sources({ meeting: { startsAt: '2027-06-10T08:00:00Z', lengthMinutes: 60 } }));
    expect(plan).toMatchObject({ totalMinutes: 90, overrunMinutes: 30 });
    expect(plan.warning).toMatch(/90 minutes, 30 more than the meeting's 60/);
  });

  it('takes other minutes per kind when the partnership sets them', () => {
    const plan = buildAgenda(sources({ minutesPerKind: { review: 20 } }));
    expect(plan.items.filter((i) => i.kind === 'review').map((i) => i.minutesAllotted)).toEqual([20, 20, 20]);
    expect(plan.totalMinutes).toBe(120);
    expect(() => buildAgenda(sources({ minutesPerKind: { review: 0 } }))).toThrow(ValidationError);
  });

  it('is deterministic whatever order the records arrive in', () => {
    const s = sources();
    const reversed = { ...s, listedReferrals: [...s.listedReferrals].reverse(), liveCases: [...s.liveCases].reverse(), actions: [...s.actions].reverse() };
    expect(buildAgenda(reversed)).toEqual(buildAgenda(s));
  });

  it('an empty panel gives an empty agenda; a bad meeting is refused', () => {
    expect(buildAgenda(sources({ listedReferrals: [], liveCases: [], actions: [], closureProposals: [], anyOtherBusiness: [] }))).toEqual({
      items: [], totalMinutes: 0, lengthMinutes: 90, overrunMinutes: 0,
    });
    expect(() => buildAgenda(sources({ meeting: { startsAt: 'soon', lengthMinutes: 90 } }))).toThrow(ValidationError);
    expect(() => buildAgenda(sources({ meeting: { startsAt: '2027-06-10T08:00:00Z', lengthMinutes: 0 } }))).toThrow(ValidationError);
  });

  it('uses the documented default minutes', () => {
    expect(DEFAULT_MINUTES).toEqual({ escalation: 15, new_referral: 15, review: 10, overdue_actions: 5, closure_proposal: 5, any_other_business: 5 });
    expect(agendaTiming([{ minutesAllotted: 50 }, { minutesAllotted: 20 }], 60)).toMatchObject({ totalMinutes: 70, overrunMinutes: 10 });
  });
});
