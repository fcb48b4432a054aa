import { ACTION_STATUSES, CASE_STATUSES, MEETING_STATUSES } from '../../src/domain/enums';
import { IllegalTransitionError } from '../../src/domain/errors';
import {
  ACTION_TRANSITIONS, assertActionTransition, assertCaseTransition, assertMeetingTransition, CASE_TRANSITIONS, MEETING_TRANSITIONS,
} from '../../src/domain/lifecycle';

const spoken = (s: string) => s.replace(/_/g, ' ');

interface Lifecycle {
  entity: string;
  states: readonly string[];
  graph: Readonly<Record<string, readonly string[]>>;
  assert: (from: string, to: string) => void;
}

const LIFECYCLES: Lifecycle[] = [
  { entity: 'referral or case', states: CASE_STATUSES, graph: CASE_TRANSITIONS, assert: assertCaseTransition as Lifecycle['assert'] },
  { entity: 'action', states: ACTION_STATUSES, graph: ACTION_TRANSITIONS, assert: assertActionTransition as Lifecycle['assert'] },
  { entity: 'meeting', states: MEETING_STATUSES, graph: MEETING_TRANSITIONS, assert: assertMeetingTransition as Lifecycle['assert'] },
];

describe.each(LIFECYCLES)('the $entity lifecycle', ({ entity, states, graph, assert }) => {
  it('covers every state, and leads only to known states', () => {
    expect(Object.keys(graph).sort()).toEqual([...states].sort());
    for (const next of Object.values(graph)) for (const s of next) expect(states).toContain(s);
  });

  it('allows exactly the listed transitions; every other is refused naming the current state and the allowed next steps', () => {
    for (const from of states) {
      for (const to of states) {
        const allowed = graph[from]!;
        if (allowed.includes(to)) {
          expect(() => assert(from, to)).not.toThrow();
          continue;
        }
        let err: unknown;
        try {
          assert(from, to);
        } catch (e) {
          err = e;
        }
        expect(err).toBeInstanceOf(IllegalTransitionError);
        const e = err as IllegalTransitionError;
        expect(e).toMatchObject({ status: 409, entity, from, to, allowed });
        expect(e.message).toContain(` ${entity} that is ${spoken(from)} cannot become ${spoken(to)}. `);
        expect(e.message).toContain(allowed.length ? `Allowed next: ${allowed.map(spoken).join(', ')}.` : 'It allows no further change.');
      }
    }
  });
});

describe('lifecycle rules from docs/domain.md', () => {
  it('takes a referral through information gathering and screening to an open case, and a case to closure', () => {
    const path: [string, string][] = [
      ['submitted', 'info_requested'], ['info_requested', 'submitted'], ['submitted', 'listed'], ['listed', 'deferred'],
      ['deferred', 'listed'], ['listed', 'open'], ['open', 'escalated'], ['escalated', 'open'], ['open', 'closed'],
    ];
    for (const [from, to] of path) expect(() => assertCaseTransition(from as never, to as never)).not.toThrow();
  });

  it('never reopens a closed case in place (a new referral does that) and ends declined and withdrawn referrals', () => {
    for (const end of ['closed', 'declined', 'withdrawn'] as const) expect(CASE_TRANSITIONS[end]).toEqual([]);
  });

  it('says how to go on, in words people use', () => {
    expect(() => assertCaseTransition('info_requested', 'open')).toThrow(
      'A referral or case that is info requested cannot become open. Allowed next: submitted, withdrawn.',
    );
    expect(() => assertActionTransition('completed', 'in_progress')).toThrow(
      'An action that is completed cannot become in progress. It allows no further change.',
    );
    expect(() => assertMeetingTransition('planned', 'held')).toThrow('A meeting that is planned cannot become held. Allowed next: agenda published.');
  });

  it('lets every unfinished action end in any of the four ways, and finished ones never change', () => {
    for (const from of ['not_started', 'in_progress'] as const) {
      for (const to of ['completed', 'not_done_circumstance', 'not_done_agency', 'cancelled'] as const) {
        expect(() => assertActionTransition(from, to)).not.toThrow();
      }
    }
    expect(() => assertActionTransition('in_progress', 'not_started')).toThrow(IllegalTransitionError);
  });
});
