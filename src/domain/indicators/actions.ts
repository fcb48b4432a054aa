import { ACTION_PARENT_KINDS, type ActionParentKind } from '../enums';
import type { ActionRecord } from '../records';
import { londonDay, londonDayEnded } from './londonDays';
import { dateInPeriod } from './period';
import { type IndicatorScope, share } from './scope';

export type ActionFields = Pick<ActionRecord, 'agencyId' | 'parentKind' | 'dueDate' | 'status' | 'completedAt'>;

export interface ActionCounts {
  due: number;
  completedOnTime: number;
  completedLate: number;
  /** Still open after its due date. */
  overdue: number;
  /** Still open, due later than today. */
  notYetDue: number;
  /** Not done, and the agency answers for it. */
  notDoneAgency: number;
  /** Not done because the adult's circumstances changed. */
  notDoneCircumstance: number;
  cancelled: number;
  /** Completed on time out of those whose date has come (cancelled and not-yet-due left out). */
  onTimeShare: number | null;
}

export interface ActionsIndicator {
  total: ActionCounts;
  /** By owning agency, in agency-id order. */
  byAgency: (ActionCounts & { agencyId: string })[];
  /** Panel case actions, learning-review actions and board-plan actions. */
  byParentKind: (ActionCounts & { parentKind: ActionParentKind })[];
}

type Outcome = Exclude<keyof ActionCounts, 'due' | 'onTimeShare'>;

function outcomeOf(a: ActionFields, now: Date): Outcome {
  switch (a.status) {
    case 'completed':
      // On time means done by the end of the London day it was due (the current due date: a change has its reason).
      return a.completedAt && londonDay(a.completedAt) <= a.dueDate ? 'completedOnTime' : 'completedLate';
    case 'not_done_agency': return 'notDoneAgency';
    case 'not_done_circumstance': return 'notDoneCircumstance';
    case 'cancelled': return 'cancelled';
    default: return londonDayEnded(a.dueDate, now) ? 'overdue' : 'notYetDue';
  }
}

function tally(actions: readonly ActionFields[], now: Date): ActionCounts {
  const c: ActionCounts = {
    due: actions.length, completedOnTime: 0, completedLate: 0, overdue: 0, notYetDue: 0, notDoneAgency: 0, notDoneCircumstance: 0,
    cancelled: 0, onTimeShare: null,
  };
  for (const a of actions) c[outcomeOf(a, now)]++;
  c.onTimeShare = share(c.completedOnTime, c.due - c.cancelled - c.notYetDue);
  return c;
}

/**
 * Actions due in the period: completed on time, late, overdue, and not done by agency failure against changed
 * circumstance, by owning agency and by what they came from (case, learning review, board plan). One agency: its own.
 */
export function actionsIndicator(actions: readonly ActionFields[], scope: IndicatorScope): ActionsIndicator {
  const due = actions.filter((a) => dateInPeriod(a.dueDate, scope.period) && (!scope.agencyId || a.agencyId === scope.agencyId));
  const agencyIds = [...new Set(due.map((a) => a.agencyId))].sort();
  return {
    total: tally(due, scope.now),
    byAgency: agencyIds.map((agencyId) => ({ agencyId, ...tally(due.filter((a) => a.agencyId === agencyId), scope.now) })),
    byParentKind: ACTION_PARENT_KINDS.map((parentKind) => ({ parentKind, ...tally(due.filter((a) => a.parentKind === parentKind), scope.now) })),
  };
}
