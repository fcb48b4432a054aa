import { buildAgenda as buildDefaultAgenda, type AgendaCase } from '../domain/agenda';
import { type DecisionOutcome, FINISHED_ACTION_STATUSES } from '../domain/enums';
import { paths } from '../contract/paths';
import type { NewRecord } from '../store/port';
import { DECISION_RATIONALE, LAWFUL_BASIS } from './demoText';
import { DEMO_PERSONAS } from './personas';
import { type CaseBuild, CHAIR, pad, type Seed, STATUS_AFTER } from './seedContext';

/**
 * The panel meetings: two held (agendas, decisions, attendance; the first with issued minutes and their document),
 * one planned next week (its agenda for the coordinator to reorder and publish), and next month's with its agenda
 * built by the real agenda builder over the demo's cases and actions, and published.
 */
export function seedMeetings(seed: Seed) {
  const { opts, clock, data, panelDay, builds, audit } = seed;
  return { buildMeetings, decision, publishNextMonth };


  function buildMeetings(): { m1: string; m2: string; m3: string } {
    const quorum = { coreAgencyIds: ['ag-asc', 'ag-icb', 'ag-elft', 'ag-police', 'ag-fire', 'ag-probation'], minCoreShare: 0.5, chairRequired: true };
    const title = (day: number) =>
      `${opts.refPrefix} panel, ${clock.at(day).toLocaleString('en-GB', { month: 'long', year: 'numeric', timeZone: 'UTC' })}`;
    const ids = { m1: 'mtg-01', m2: 'mtg-02', m3: 'mtg-03' };
    data.meetings.push(
      {
        id: ids.m1, title: title(panelDay.m1), startsAt: clock.at(panelDay.m1, 10).toISOString(), chairId: CHAIR().id,
        status: 'minutes_issued', quorum, papersIssuedAt: clock.past(panelDay.m1 - 5, 16),
        minutesIssuedAt: clock.past(panelDay.m1 + 2, 15),
        // Built from the record when downloaded (the seed writes no files).
        minutesDocumentUrl: paths.meetingMinutesDocument(ids.m1),
      },
      // Held, minutes not issued yet: the product shows that they are due.
      {
        id: ids.m2, title: title(panelDay.m2), startsAt: clock.at(panelDay.m2, 10).toISOString(), chairId: CHAIR().id,
        status: 'held', quorum, papersIssuedAt: clock.past(panelDay.m2 - 5, 16),
      },
      { id: ids.m3, title: title(panelDay.m3), startsAt: clock.at(panelDay.m3, 10).toISOString(), chairId: CHAIR().id, status: 'planned', quorum },
    );

    for (const which of ['m1', 'm2'] as const) heldAgenda(which, ids[which]);
    plannedAgenda(ids.m3);
    attendance(ids.m1, 'm1');
    attendance(ids.m2, 'm2');
    return ids;
  }

  /**
   * Next month's panel, its agenda built by the same builder the coordinator's "Build the agenda" runs: the referrals
   * being screened now (lined up for it), reviews falling due, escalations, cases with overdue actions, and two items
   * of any other business; then published, as a coordinator would. Called once the actions exist.
   */
  function publishNextMonth(): string {
    const id = 'mtg-04';
    const day = clock.weekday(panelDay.m3 + 28);
    const quorum = data.meetings[0]!.quorum;
    const startsAt = clock.at(day, 10).toISOString();
    const title = `${opts.refPrefix} panel, ${clock.at(day).toLocaleString('en-GB', { month: 'long', year: 'numeric', timeZone: 'UTC' })}`;
    const asCase = (c: (typeof data.cases)[number]): AgendaCase => ({
      id: c.id, ref: c.ref, initials: c.initials, status: c.status,
      ...(c.receivedAt ? { receivedAt: c.receivedAt } : {}),
      ...(c.nextReviewDate ? { nextReviewDate: c.nextReviewDate } : {}),
      ...(c.referrerAgencyId ? { referrerAgencyId: c.referrerAgencyId } : {}),
      ...(c.leadAgencyId ? { leadAgencyId: c.leadAgencyId } : {}),
    });
    const live = data.cases.filter((c) => c.status === 'open' || c.status === 'escalated');
    const liveIds = new Set(live.map((c) => c.id));
    const plan = buildDefaultAgenda({
      meeting: { startsAt, lengthMinutes: 150 },
      listedReferrals: data.cases.filter((c) => c.status === 'submitted').map(asCase),
      liveCases: live.map(asCase),
      actions: data.actions.filter((a) => a.parentKind === 'case' && liveIds.has(a.parentId) && !FINISHED_ACTION_STATUSES.includes(a.status)),
      closureProposals: [],
      anyOtherBusiness: [{ title: 'Training dates for 2027' }, { title: 'Information-sharing agreement: annual refresh' }],
    });
    data.meetings.push({
      id, title, startsAt, lengthMinutes: 150, chairId: CHAIR().id, status: 'agenda_published', quorum,
      papersIssuedAt: clock.past(day - 5, 16),
    });
    for (const item of plan.items) {
      data.agendaItems.push({
        id: `agi-${id.slice(4)}-${pad(item.order)}`, meetingId: id, order: item.order, kind: item.kind, minutesAllotted: item.minutesAllotted,
        ...(item.caseId ? { caseId: item.caseId } : {}),
        ...(item.presentingAgencyId ? { presentingAgencyId: item.presentingAgencyId } : {}),
        ...(item.alsoBecause.length ? { alsoBecause: item.alsoBecause } : {}),
        ...(item.title ? { title: item.title } : {}),
      });
    }
    return id;
  }

  function heldAgenda(which: 'm1' | 'm2', meetingId: string): void {
    let order = 0;
    const item = (kind: NewRecord<'agendaItems'>['kind'], b?: CaseBuild, outcome?: DecisionOutcome) => {
      order += 1;
      const id = `agi-${meetingId.slice(4)}-${pad(order)}`;
      data.agendaItems.push({
        id, meetingId, order, kind, caseId: b?.record.id, presentingAgencyId: b?.record.referrerAgencyId,
        minutesAllotted: kind === 'new_referral' ? 15 : kind === 'overdue_actions' ? 10 : kind === 'closure_proposal' ? 5 : 10,
      });
      if (b && outcome) decision(b, outcome, which, meetingId, id, order);
    };
    const screenedHere = builds.filter((b) => b.spec.accepted === which || b.spec.screened === which);
    for (const b of screenedHere) {
      const outcome: DecisionOutcome = b.spec.accepted ? 'accept' : b.spec.status === 'declined' ? 'decline' : 'defer';
      item('new_referral', b, outcome);
    }
    for (const b of builds.filter((x) => x.spec.reviewedAt === which)) {
      const outcome = b.spec.reviewOutcome ?? 'continue';
      item(outcome === 'escalate_s42' ? 'escalation' : 'review', b, outcome);
    }
    if (which === 'm2') item('overdue_actions');
    for (const b of builds.filter((x) => x.spec.closure?.at === which)) {
      item('closure_proposal', b, b.spec.closure!.reason === 'moved_to_marac' ? 'refer_marac' : 'close');
    }
    item('any_other_business');
  }

  function plannedAgenda(meetingId: string): void {
    let order = 0;
    const item = (kind: NewRecord<'agendaItems'>['kind'], b?: CaseBuild) => {
      order += 1;
      data.agendaItems.push({
        id: `agi-${meetingId.slice(4)}-${pad(order)}`, meetingId, order, kind, caseId: b?.record.id,
        presentingAgencyId: b ? (b.record.leadAgencyId ?? b.record.referrerAgencyId) : undefined,
        minutesAllotted: kind === 'new_referral' ? 15 : 10,
      });
    };
    for (const b of builds.filter((x) => x.spec.status === 'listed')) item('new_referral', b);
    for (const b of builds.filter((x) => x.spec.status === 'escalated')) item('escalation', b);
    const m3Date = clock.date(panelDay.m3);
    for (const b of builds.filter((x) => x.spec.status === 'open' && x.record.nextReviewDate! <= m3Date)) item('review', b);
    item('overdue_actions');
    item('any_other_business');
  }

  function decision(b: CaseBuild, outcome: DecisionOutcome, which: 'm1' | 'm2' | 'old', meetingId?: string, agendaItemId?: string, order = 1): void {
    const day = which === 'old' ? b.acceptedDay! : panelDay[which];
    const decidedAt = clock.past(day, 10, Math.min(59, order * 7));
    const id = `dec-${pad(data.decisions.length + 1, 3)}`;
    const notified = clock.at(day + 1, 9);
    const consentGiven = b.record.consent === 'given';
    data.decisions.push({
      id, idempotencyKey: `seed:${id}`, caseId: b.record.id, meetingId, agendaItemId, outcome,
      rationale: DECISION_RATIONALE[outcome] ?? 'Decision recorded by the panel.',
      alternativesConsidered: outcome === 'decline' ? 'A single-agency plan with advice; a section 42 enquiry was considered and the criteria are not met.' : undefined,
      dissent: outcome === 'decline' && which === 'm1' ? 'The police partner would have accepted: further call-outs are expected.' : undefined,
      infoSharing: outcome === 'accept' ? {
        what: 'Chronology, risk assessment and the action plan', withWhom: 'The agencies named in the plan',
        why: 'To manage the risk jointly', basis: consentGiven ? "The adult's consent" : LAWFUL_BASIS,
      } : undefined,
      decidedById: CHAIR().id,
      decidedAt,
      referrerNotifiedAt: notified < opts.now ? notified.toISOString() : undefined,
    });
    const status = STATUS_AFTER[outcome];
    audit({
      at: decidedAt, actor: CHAIR(), action: 'update', recordType: 'case', recordId: b.record.id,
      change: status ? { decision: outcome, status } : { decision: outcome },
    });
  }

  function attendance(meetingId: string, which: 'm1' | 'm2'): void {
    const statuses: Record<string, NewRecord<'attendance'>['status']> = which === 'm1'
      ? { fire: 'present', ccs: 'present', probation: 'apologies_info_sent', noah: 'absent', police: 'present', policelead: 'apologies_info_sent' }
      : { fire: 'apologies_info_sent', ccs: 'apologies_no_info', probation: 'present', noah: 'present', police: 'apologies_info_sent', policelead: 'present' };
    let n = 0;
    const row = (name: string, agencyId: string, status: NewRecord<'attendance'>['status'], memberId?: string) => {
      n += 1;
      data.attendance.push({
        id: `att-${meetingId.slice(4)}-${pad(n)}`, meetingId, memberId, name, agencyId, status,
        confidentialityAgreed: status === 'present' || status === 'observer',
      });
    };
    // The auditor is no member of the panel and attends no meeting.
    for (const p of DEMO_PERSONAS.filter((d) => !d.roles.includes('auditor'))) {
      const status = p.key === 'viewer' ? 'observer' : statuses[p.key] ?? 'present';
      row(p.name, p.agencyId, status, p.id);
    }
    // Azalea has no member in the demo: its representative is recorded by name only.
    row('Frankie Harbourne (Azalea)', 'ag-azalea', which === 'm1' ? 'apologies_no_info' : 'present');
  }
}
