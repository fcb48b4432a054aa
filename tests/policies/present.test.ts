import type { CASE_STATUSES } from '../../src/domain/enums';
import { CASE_ABILITIES, presentAction, presentApp, presentCase, presentMeeting } from '../../src/policies';
import { makeAction, makeCase, makeOpenCase } from '../support/records';
import { actorOf } from '../support/world';

/*
 * The presented abilities fold the policy and the record's state together: a button is offered only when both allow
 * it, so the tab never needs the lifecycle graph.
 */
describe('presentCase', () => {
  const coordinator = actorOf('coordinator');

  it('offers a coordinator each step only in the states the lifecycle allows it', () => {
    const offered = (status: (typeof CASE_STATUSES)[number]) => {
      const can = presentCase(coordinator, makeCase({ status, ...(status === 'open' || status === 'escalated' || status === 'closed' ? { leadAgencyId: 'ag-police' } : {}) }));
      return CASE_ABILITIES.filter((a) => can[a]).sort();
    };
    expect(offered('draft')).toEqual(['addChronology', 'exportSubjectAccess', 'readAudit', 'submit', 'withdraw']);
    expect(offered('submitted')).toEqual(['addChronology', 'exportSubjectAccess', 'list', 'readAudit', 'recordInvolvement', 'requestInfo', 'screen', 'withdraw']);
    expect(offered('info_requested')).toEqual(['addChronology', 'exportSubjectAccess', 'provideInformation', 'readAudit', 'recordInvolvement', 'withdraw']);
    expect(offered('open')).toEqual(['addChronology', 'close', 'createAction', 'escalate', 'exportSubjectAccess', 'proposeClosure', 'readAudit', 'recordInvolvement', 'updatePlan']);
    expect(offered('escalated')).toEqual(['addChronology', 'close', 'createAction', 'deescalate', 'exportSubjectAccess', 'proposeClosure', 'readAudit', 'recordInvolvement', 'updatePlan']);
    for (const finished of ['closed', 'declined', 'withdrawn'] as const) expect(offered(finished)).toEqual(['addChronology', 'exportSubjectAccess', 'readAudit']);
    // One standing proposal at a time: once closure is proposed, the panel decides and the button goes.
    const proposed = makeCase({ status: 'open', leadAgencyId: 'ag-police', closureProposal: { proposedAt: '2026-06-01T10:00:00Z', proposedById: 'coordinator', rationale: 'Invented.' } });
    expect(presentCase(coordinator, proposed).proposeClosure).toBe(false);
  });

  it('offers nothing the policy refuses, whatever the state', () => {
    const can = presentCase(actorOf('viewer'), makeOpenCase({ namedMemberIds: ['viewer'] }));
    expect(Object.values(can).some(Boolean)).toBe(false);
    const partner = presentCase(actorOf('fire'), makeCase({ status: 'submitted' }));
    expect(CASE_ABILITIES.filter((a) => partner[a])).toEqual(['recordInvolvement']);
  });
});

describe('presentAction', () => {
  it('offers progress, outcome and a new due date on an open action to its owner, and nothing once it is finished', () => {
    const parentCase = makeOpenCase({ id: 'p' });
    const open = makeAction({ parentId: 'p', ownerId: 'police', agencyId: 'ag-police', status: 'in_progress' });
    expect(presentAction(actorOf('police'), { action: open, parentCase })).toEqual({ addProgress: true, complete: true, changeDueDate: true });
    for (const status of ['completed', 'not_done_agency', 'cancelled'] as const) {
      expect(presentAction(actorOf('coordinator'), { action: { ...open, status }, parentCase })).toEqual({ addProgress: false, complete: false, changeDueDate: false });
    }
    expect(presentAction(actorOf('viewer'), { action: open, parentCase })).toEqual({ addProgress: false, complete: false, changeDueDate: false });
  });
});

describe('presentMeeting and presentApp', () => {
  it('lets coordinators and chairs run a meeting until its minutes are issued', () => {
    expect(presentMeeting(actorOf('chair'), { status: 'planned' })).toEqual({ manage: true });
    expect(presentMeeting(actorOf('chair'), { status: 'minutes_issued' })).toEqual({ manage: false });
    expect(presentMeeting(actorOf('police'), { status: 'planned' })).toEqual({ manage: false });
  });

  it('presents the app-level abilities by role, and none to an inactive member', () => {
    expect(presentApp(actorOf('coordinator'))).toEqual({
      refer: true, screen: true, coordinate: true, readScreeningQueue: true, readAgencyActions: true, readDataQuality: true,
      runOverdueScan: true, readAuditTrail: true, readMemberEmails: true, readMeetings: true, manageMeetings: true, readReports: true,
      manageMembers: true, reviewAccess: true, breakGlass: false,
    });
    expect(presentApp(actorOf('chair'))).toMatchObject({ refer: true, screen: true, coordinate: false, readAgencyActions: true, runOverdueScan: false });
    expect(presentApp(actorOf('police'))).toMatchObject({ refer: true, screen: false, coordinate: false, readAgencyActions: false, readMeetings: true, manageMeetings: false });
    expect(presentApp(actorOf('viewer'))).toMatchObject({ refer: false, screen: false, readMeetings: true, readReports: true });
    expect(presentApp(actorOf('police'))).toMatchObject({ readReports: false });
    // The access review: an agency's lead for their own agency; other partners not at all.
    expect(presentApp(actorOf('policeLead'))).toMatchObject({ reviewAccess: true, manageMembers: false });
    expect(presentApp(actorOf('police'))).toMatchObject({ reviewAccess: false, manageMembers: false });
    // Break-glass is for practitioners the rules keep out: partners and chairs; coordinators already see every case.
    expect(presentApp(actorOf('police'))).toMatchObject({ breakGlass: true });
    expect(presentApp(actorOf('chair'))).toMatchObject({ breakGlass: true });
    expect(presentApp(actorOf('viewer'))).toMatchObject({ breakGlass: false });
    expect(Object.values(presentApp(actorOf('inactive'))).some(Boolean)).toBe(false);
  });
});
