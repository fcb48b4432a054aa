import type { ActionRecord, CaseRecord } from '../../src/domain/records';
import { type Ability, type Entity, type Subjects, allow, authorize, can } from '../../src/policies';
import { makeAction, makeCase, makeOpenCase } from '../support/records';
import { actorOf, type Persona } from '../support/world';

/*
 * The policy matrix: every persona × every ability × representative records, written out as tables.
 * Derived from docs/domain.md ("Who may see what") and the issue:
 *  - A partner sees in full the cases their agency referred, leads, or has said it is involved in ("known to us").
 *  - For a new referral every partner sees only the minimal summary (reference, initials, risk categories, referring agency).
 *  - A restricted case is visible only to coordinators, the lead agency and named members (before screening names a
 *    lead, the member who referred it stands in for the lead agency).
 *  - A draft is its author's until submitted (and the coordinator's, who may submit it for them).
 *  - Only the owner, their agency's lead, a coordinator or the chair may act on an action; nobody acts on what they may not see.
 *  - Viewers change nothing; an inactive member can do nothing.
 * Policies answer "who"; "when" (may an open case still be withdrawn?) is the lifecycle's answer, a 409 naming the
 * allowed steps. So withdraw/screen/close/list show Y for the right person whatever the status, except where the rule
 * itself is about the status (submit: drafts only; recordInvolvement: new referrals and live cases only).
 *
 * Y = allowed, . = refused.
 */

const PERSONAS: Persona[] = ['coordinator', 'chair', 'police', 'policeLead', 'health', 'fire', 'viewer', 'inactive'];

const CASE_COLUMNS = {
  read: 'read',
  summ: 'readSummary',
  subm: 'submit',
  invl: 'recordInvolvement',
  reqI: 'requestInfo',
  list: 'list',
  wdrw: 'withdraw',
  scrn: 'screen',
  clos: 'close',
  chrn: 'addChronology',
  actn: 'createAction',
  plan: 'updatePlan',
  audt: 'readAudit',
} as const;
const ACTION_COLUMNS = { read: 'read', prog: 'addProgress', done: 'complete', due: 'changeDueDate' } as const;

const known = (agencyId: string, memberId: string, isKnown = true) => ({ agencyId, known: isKnown, byMemberId: memberId, at: '2026-05-02T10:00:00.000Z' });

const CASES: Record<string, CaseRecord> = {
  // A new referral submitted by the police member: no lead yet, nobody has answered.
  newReferral: makeCase({ id: 'new', status: 'submitted' }),
  // A draft the police member has not submitted yet.
  draft: makeCase({ id: 'draft', status: 'draft', receivedAt: undefined }),
  // Open, referred and led by police; health said "known to us", fire said "not known".
  openPoliceLed: makeOpenCase({ id: 'open', involvements: [known('ag-health', 'health'), known('ag-fire', 'fire', false)] }),
  // Open and restricted, referred by police (who also said known), led by health, with the fire member named.
  restrictedHealthLed: makeOpenCase({
    id: 'restricted',
    restricted: true,
    leadAgencyId: 'ag-health',
    leadProfessionalId: 'health',
    namedMemberIds: ['fire'],
    involvements: [known('ag-police', 'police')],
  }),
  // Closed, referred and led by police; a viewer (say an auditor) is named on it.
  closed: makeOpenCase({ id: 'closed', status: 'closed', closureReason: 'risk_reduced', closedAt: '2026-06-01T10:00:00.000Z', namedMemberIds: ['viewer'] }),
  // A restricted referral submitted by the police member, not yet screened.
  restrictedReferral: makeCase({ id: 'restricted-new', status: 'submitted', restricted: true }),
};

const CASE_MATRIX: Record<keyof typeof CASES, string> = {
  newReferral: `
                read summ subm invl reqI list wdrw scrn clos chrn actn plan audt
    coordinator  Y    Y    .    Y    Y    Y    Y    Y    Y    Y    Y    Y    Y
    chair        Y    Y    .    Y    .    .    .    Y    Y    Y    Y    Y    .
    police       Y    Y    .    Y    .    .    Y    .    .    Y    .    .    .
    policeLead   Y    Y    .    Y    .    .    .    .    .    Y    .    .    .
    health       .    Y    .    Y    .    .    .    .    .    .    .    .    .
    fire         .    Y    .    Y    .    .    .    .    .    .    .    .    .
    viewer       .    .    .    .    .    .    .    .    .    .    .    .    .
    inactive     .    .    .    .    .    .    .    .    .    .    .    .    .`,
  draft: `
                read summ subm invl reqI list wdrw scrn clos chrn actn plan audt
    coordinator  Y    Y    Y    .    Y    Y    Y    Y    Y    Y    Y    Y    Y
    chair        .    .    .    .    .    .    .    .    .    .    .    .    .
    police       Y    Y    Y    .    .    .    Y    .    .    Y    .    .    .
    policeLead   .    .    .    .    .    .    .    .    .    .    .    .    .
    health       .    .    .    .    .    .    .    .    .    .    .    .    .
    fire         .    .    .    .    .    .    .    .    .    .    .    .    .
    viewer       .    .    .    .    .    .    .    .    .    .    .    .    .
    inactive     .    .    .    .    .    .    .    .    .    .    .    .    .`,
  openPoliceLed: `
                read summ subm invl reqI list wdrw scrn clos chrn actn plan audt
    coordinator  Y    Y    .    Y    Y    Y    Y    Y    Y    Y    Y    Y    Y
    chair        Y    Y    .    Y    .    .    .    Y    Y    Y    Y    Y    .
    police       Y    Y    .    Y    .    .    Y    .    .    Y    Y    Y    .
    policeLead   Y    Y    .    Y    .    .    .    .    .    Y    Y    Y    .
    health       Y    Y    .    Y    .    .    .    .    .    Y    .    .    .
    fire         .    .    .    .    .    .    .    .    .    .    .    .    .
    viewer       .    .    .    .    .    .    .    .    .    .    .    .    .
    inactive     .    .    .    .    .    .    .    .    .    .    .    .    .`,
  restrictedHealthLed: `
                read summ subm invl reqI list wdrw scrn clos chrn actn plan audt
    coordinator  Y    Y    .    Y    Y    Y    Y    Y    Y    Y    Y    Y    Y
    chair        .    .    .    .    .    .    .    .    .    .    .    .    .
    police       .    .    .    .    .    .    .    .    .    .    .    .    .
    policeLead   .    .    .    .    .    .    .    .    .    .    .    .    .
    health       Y    Y    .    Y    .    .    .    .    .    Y    Y    Y    .
    fire         Y    Y    .    Y    .    .    .    .    .    Y    .    .    .
    viewer       .    .    .    .    .    .    .    .    .    .    .    .    .
    inactive     .    .    .    .    .    .    .    .    .    .    .    .    .`,
  closed: `
                read summ subm invl reqI list wdrw scrn clos chrn actn plan audt
    coordinator  Y    Y    .    .    Y    Y    Y    Y    Y    Y    Y    Y    Y
    chair        Y    Y    .    .    .    .    .    Y    Y    Y    Y    Y    .
    police       Y    Y    .    .    .    .    Y    .    .    Y    Y    Y    .
    policeLead   Y    Y    .    .    .    .    .    .    .    Y    Y    Y    .
    health       .    .    .    .    .    .    .    .    .    .    .    .    .
    fire         .    .    .    .    .    .    .    .    .    .    .    .    .
    viewer       Y    Y    .    .    .    .    .    .    .    .    .    .    .
    inactive     .    .    .    .    .    .    .    .    .    .    .    .    .`,
  restrictedReferral: `
                read summ subm invl reqI list wdrw scrn clos chrn actn plan audt
    coordinator  Y    Y    .    Y    Y    Y    Y    Y    Y    Y    Y    Y    Y
    chair        .    .    .    .    .    .    .    .    .    .    .    .    .
    police       Y    Y    .    Y    .    .    Y    .    .    Y    .    .    .
    policeLead   .    .    .    .    .    .    .    .    .    .    .    .    .
    health       .    .    .    .    .    .    .    .    .    .    .    .    .
    fire         .    .    .    .    .    .    .    .    .    .    .    .    .
    viewer       .    .    .    .    .    .    .    .    .    .    .    .    .
    inactive     .    .    .    .    .    .    .    .    .    .    .    .    .`,
};

const ACTIONS: Record<string, { action: ActionRecord; parentCase?: CaseRecord }> = {
  policeOwnedOnOpenCase: { action: makeAction({ parentId: 'open', ownerId: 'police', agencyId: 'ag-police' }), parentCase: CASES.openPoliceLed },
  healthOwnedOnOpenCase: { action: makeAction({ parentId: 'open', ownerId: 'health', agencyId: 'ag-health' }), parentCase: CASES.openPoliceLed },
  healthOwnedOnRestrictedCase: {
    action: makeAction({ parentId: 'restricted', ownerId: 'health', agencyId: 'ag-health' }),
    parentCase: CASES.restrictedHealthLed,
  },
  // Board-plan actions hold no adult's data: the board (chair, viewers) and the owning agency see them.
  boardPlanOwnedByPolice: { action: makeAction({ parentKind: 'board_plan', parentId: 'plan-2026', ownerId: 'police', agencyId: 'ag-police' }) },
};

const ACTION_MATRIX: Record<keyof typeof ACTIONS, string> = {
  policeOwnedOnOpenCase: `
                read prog done due
    coordinator  Y    Y    Y    Y
    chair        Y    Y    Y    Y
    police       Y    Y    Y    Y
    policeLead   Y    Y    Y    Y
    health       Y    .    .    .
    fire         .    .    .    .
    viewer       .    .    .    .
    inactive     .    .    .    .`,
  healthOwnedOnOpenCase: `
                read prog done due
    coordinator  Y    Y    Y    Y
    chair        Y    Y    Y    Y
    police       Y    .    .    .
    policeLead   Y    .    .    .
    health       Y    Y    Y    Y
    fire         .    .    .    .
    viewer       .    .    .    .
    inactive     .    .    .    .`,
  healthOwnedOnRestrictedCase: `
                read prog done due
    coordinator  Y    Y    Y    Y
    chair        .    .    .    .
    police       .    .    .    .
    policeLead   .    .    .    .
    health       Y    Y    Y    Y
    fire         Y    .    .    .
    viewer       .    .    .    .
    inactive     .    .    .    .`,
  boardPlanOwnedByPolice: `
                read prog done due
    coordinator  Y    Y    Y    Y
    chair        Y    Y    Y    Y
    police       Y    Y    Y    Y
    policeLead   Y    Y    Y    Y
    health       .    .    .    .
    fire         .    .    .    .
    viewer       Y    .    .    .
    inactive     .    .    .    .`,
};

const REFERRAL_CREATE = `
                create
    coordinator  Y
    chair        Y
    police       Y
    policeLead   Y
    health       Y
    fire         Y
    viewer       .
    inactive     .`;

/** Parses a table into "persona: cells" lines, checking its header, so a diff shows exactly which cells differ. */
function normalise(table: string, columns: Record<string, string>): string[] {
  const [header, ...rows] = table.trim().split('\n').map((line) => line.trim().split(/\s+/));
  expect(header).toEqual(Object.keys(columns));
  expect(rows.map((r) => r[0])).toEqual(PERSONAS);
  for (const r of rows) expect(r.slice(1).every((cell) => cell === 'Y' || cell === '.')).toBe(true);
  return rows.map((r) => `${r[0]}: ${r.slice(1).join(' ')}`);
}

function actual<E extends Entity>(columns: Record<string, Ability<E>>, entity: E, subject: Subjects[E]): string[] {
  return PERSONAS.map((p) => `${p}: ${Object.values(columns).map((ability) => (can<E>(actorOf(p), ability, entity, subject) ? 'Y' : '.')).join(' ')}`);
}

describe('policy matrix: case', () => {
  it.each(Object.keys(CASES))('%s', (name) => {
    expect(actual(CASE_COLUMNS, 'case', CASES[name]!)).toEqual(normalise(CASE_MATRIX[name]!, CASE_COLUMNS));
  });
});

describe('policy matrix: action', () => {
  it.each(Object.keys(ACTIONS))('%s', (name) => {
    expect(actual(ACTION_COLUMNS, 'action', ACTIONS[name]!)).toEqual(normalise(ACTION_MATRIX[name]!, ACTION_COLUMNS));
  });
});

describe('policy matrix: referral', () => {
  it('create', () => {
    expect(actual({ create: 'create' }, 'referral', null)).toEqual(normalise(REFERRAL_CREATE, { create: 'create' }));
  });
});

describe('policy matrix: sanity', () => {
  it('names only abilities that exist: every column is allowed to someone somewhere', () => {
    const anyone = <E extends Entity>(entity: E, ability: Ability<E>, subjects: Subjects[E][]) =>
      PERSONAS.some((p) => subjects.some((s) => can<E>(actorOf(p), ability, entity, s)));
    for (const ability of Object.values(CASE_COLUMNS)) expect([ability, anyone('case', ability, Object.values(CASES))]).toEqual([ability, true]);
    for (const ability of Object.values(ACTION_COLUMNS)) expect([ability, anyone('action', ability, Object.values(ACTIONS))]).toEqual([ability, true]);
  });

  it('refuses a misspelt ability or entity at compile time, and denies it at run time even to the coordinator', () => {
    // @ts-expect-error 'delete' is not an ability on a case: the typo does not compile.
    expect(can(actorOf('coordinator'), 'delete', 'case', CASES.openPoliceLed!)).toBe(false);
    // @ts-expect-error 'nonsense' is not an entity.
    expect(can(actorOf('coordinator'), 'read', 'nonsense', CASES.openPoliceLed!)).toBe(false);
    // @ts-expect-error 'raed' is a misspelt ability: authorize refuses it too.
    expect(() => authorize(actorOf('coordinator'), 'raed', 'case', CASES.openPoliceLed!)).toThrow();
    // @ts-expect-error a rule cannot be declared for an ability that does not exist.
    allow('action', ['approve'], () => false);
  });

  it('keeps a viewer named on a case to reading: viewers change nothing', () => {
    const named = makeOpenCase({ id: 'named-viewer', namedMemberIds: ['viewer'] });
    const allowed = Object.values(CASE_COLUMNS).filter((ability) => can(actorOf('viewer'), ability, 'case', named));
    expect(allowed).toEqual(['read', 'readSummary']);
    const owned = { action: makeAction({ parentKind: 'board_plan', parentId: 'plan-2026', ownerId: 'viewer', agencyId: 'ag-council' }) };
    expect(Object.values(ACTION_COLUMNS).filter((ability) => can(actorOf('viewer'), ability, 'action', owned))).toEqual(['read']);
  });
});
