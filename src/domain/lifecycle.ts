import type { ActionStatus, CaseStatus, MeetingStatus } from './enums';
import { IllegalTransitionError } from './errors';

type Graph<S extends string> = Readonly<Record<S, readonly S[]>>;

/** Referral → case (docs/domain.md "Lifecycle"); acceptance opens the case. */
export const CASE_TRANSITIONS: Graph<CaseStatus> = {
  draft: ['submitted', 'withdrawn'],
  submitted: ['info_requested', 'listed', 'open', 'declined', 'deferred', 'withdrawn'],
  info_requested: ['submitted', 'withdrawn'],
  listed: ['open', 'declined', 'deferred', 'info_requested', 'withdrawn'],
  deferred: ['listed', 'info_requested', 'open', 'declined', 'withdrawn'],
  declined: [],
  withdrawn: [],
  open: ['escalated', 'closed'],
  escalated: ['open', 'closed'],
  // A closed case is reopened by a new referral, never in place.
  closed: [],
};

export const ACTION_TRANSITIONS: Graph<ActionStatus> = {
  not_started: ['in_progress', 'completed', 'not_done_circumstance', 'not_done_agency', 'cancelled'],
  in_progress: ['completed', 'not_done_circumstance', 'not_done_agency', 'cancelled'],
  completed: [],
  not_done_circumstance: [],
  not_done_agency: [],
  cancelled: [],
};

export const MEETING_TRANSITIONS: Graph<MeetingStatus> = {
  planned: ['agenda_published'],
  agenda_published: ['planned', 'in_progress'],
  in_progress: ['held'],
  held: ['minutes_issued'],
  minutes_issued: [],
};

function check<S extends string>(entity: string, graph: Graph<S>, from: S, to: S): void {
  if (!graph[from].includes(to)) throw new IllegalTransitionError(entity, from, to, graph[from]);
}

export const assertCaseTransition = (from: CaseStatus, to: CaseStatus) => check('referral or case', CASE_TRANSITIONS, from, to);
export const assertActionTransition = (from: ActionStatus, to: ActionStatus) => check('action', ACTION_TRANSITIONS, from, to);
export const assertMeetingTransition = (from: MeetingStatus, to: MeetingStatus) => check('meeting', MEETING_TRANSITIONS, from, to);
