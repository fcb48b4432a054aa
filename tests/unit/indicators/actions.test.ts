import { actionsIndicator } from '../../../src/domain/indicators/actions';
import { makeAction } from '../../support/records';
import { scopeOf } from './support';

const NOW = '2026-06-20T09:00:00.000Z';
const actions = [
  // Completed at 23:30 BST on the due date: on time (the London day had not ended).
  makeAction({ agencyId: 'ag-police', dueDate: '2026-06-05', status: 'completed', completedAt: '2026-06-05T22:30:00.000Z' }),
  makeAction({ agencyId: 'ag-police', dueDate: '2026-06-05', status: 'completed', completedAt: '2026-06-05T23:30:00.000Z' }), // 6 June: late
  makeAction({ agencyId: 'ag-police', dueDate: '2026-06-10', status: 'in_progress' }), // overdue
  makeAction({ agencyId: 'ag-police', dueDate: '2026-06-28', status: 'not_started' }), // not yet due
  makeAction({ agencyId: 'ag-health', dueDate: '2026-06-01', status: 'not_done_agency' }),
  makeAction({ agencyId: 'ag-health', dueDate: '2026-06-02', status: 'not_done_circumstance', parentKind: 'learning_review' }),
  makeAction({ agencyId: 'ag-health', dueDate: '2026-06-03', status: 'cancelled', parentKind: 'board_plan' }),
  makeAction({ agencyId: 'ag-health', dueDate: '2026-06-19', status: 'completed', completedAt: '2026-06-18T10:00:00.000Z', parentKind: 'board_plan' }),
  makeAction({ agencyId: 'ag-health', dueDate: '2026-07-01', status: 'not_started' }), // outside June
];

describe('indicator: actions completed on time and overdue by agency', () => {
  it('classifies each action due in the period, by agency and by what it came from', () => {
    const r = actionsIndicator(actions, scopeOf('2026-06', undefined, NOW));
    expect(r.total).toEqual({
      due: 8, completedOnTime: 2, completedLate: 1, overdue: 1, notYetDue: 1, notDoneAgency: 1, notDoneCircumstance: 1, cancelled: 1,
      onTimeShare: 0.333, // 2 of the 6 whose date has come and that were not cancelled
    });
    expect(r.byAgency.map((a) => [a.agencyId, a.due, a.completedOnTime, a.overdue, a.notDoneAgency])).toEqual([
      ['ag-health', 4, 1, 0, 1],
      ['ag-police', 4, 1, 1, 0],
    ]);
    expect(r.byParentKind.map((k) => [k.parentKind, k.due, k.completedOnTime, k.onTimeShare])).toEqual([
      ['case', 5, 1, 0.25], ['learning_review', 1, 0, 0], ['board_plan', 2, 1, 1],
    ]);
  });

  it('one agency: its own actions only', () => {
    const r = actionsIndicator(actions, scopeOf('2026-06', 'ag-police', NOW));
    expect(r.total.due).toBe(4);
    expect(r.byAgency.map((a) => a.agencyId)).toEqual(['ag-police']);
  });

  it('an empty period: nothing due, no share', () => {
    const r = actionsIndicator(actions, scopeOf('2026-02', undefined, NOW));
    expect(r.total).toMatchObject({ due: 0, onTimeShare: null });
    expect(r.byAgency).toEqual([]);
  });
});
