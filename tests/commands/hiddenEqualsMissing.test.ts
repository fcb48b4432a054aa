import { type Command, type CommandName, commands, execute } from '../../src/commands';
import { ForbiddenError, NotFoundError } from '../../src/domain/errors';
import { createActionOn, createOpenCase } from '../support/cases';
import { MEMBERS, createWorld, type World } from '../support/world';
import { expectHidden } from './expectHidden';

/*
 * Surface rule 4: a write on a case the actor may not read even in summary, or on an action the actor may not read,
 * answers exactly as for a missing record (same class, same sentence) and is audited as `denied`. Every command that
 * names a case or an action is in the table below; a new one that is not fails the completeness test.
 */

let world: World;
beforeEach(async () => (world = await createWorld()));
afterEach(() => world.close());

/** A valid body for each command, naming the record under test. */
const CASE_BODIES: Partial<Record<CommandName, (caseId: string) => Record<string, unknown>>> = {
  recordInvolvement: (caseId) => ({ caseId, known: true }),
  requestInformation: (caseId) => ({ caseId, question: 'Invented: who else visits?' }),
  provideInformation: (caseId) => ({ caseId, answer: 'Invented: a neighbour.' }),
  placeReferralOnAgenda: (caseId) => ({ caseId }),
  withdrawReferral: (caseId) => ({ caseId, reason: 'Invented: moved away.' }),
  recordScreeningDecision: (caseId) => ({ caseId, outcome: 'decline', rationale: 'Invented rationale.' }),
  addChronologyEntry: (caseId) => ({
    caseId, occurredAt: '2026-06-10T21:15:00+01:00', type: 'police_call_out', summary: 'Invented: call-out.', significance: 'high',
  }),
  createAction: (caseId) => ({
    caseId, description: 'Invented action.', successMeasure: 'Invented measure.', ownerId: MEMBERS.fire.id, dueDate: '2026-07-01',
  }),
  closeCase: (caseId) => ({ caseId, reason: 'risk_reduced', rationale: 'Invented rationale.' }),
  escalateCase: (caseId) => ({ caseId, rationale: 'Invented rationale.' }),
  deescalateCase: (caseId) => ({ caseId, rationale: 'Invented rationale.' }),
  updateReferralDraft: (caseId) => ({ caseId, expectedVersion: 1, reasons: 'Invented.' }),
  submitDraft: (caseId) => ({ caseId }),
  recordRiskAssessment: (caseId) => ({
    caseId,
    domains: [{ domain: 'home_environment', rating: 'red', evidence: 'Invented: exits blocked.' }],
    protectiveFactors: 'Invented.',
    overallLevel: 'high',
    adultView: 'Invented.',
  }),
  updateCasePlan: (caseId) => ({ caseId, expectedVersion: 1, contingencyPlan: 'Invented plan.' }),
  proposeClosure: (caseId) => ({ caseId, expectedVersion: 1, rationale: 'Invented: settled with support.' }),
  recordSharingDecision: (caseId) => ({ caseId, what: 'Invented: the risk summary.', withWhom: 'Invented GP practice', why: 'Invented: a home visit.', basis: 'Invented: UK GDPR 6(1)(e)' }),
};
const ACTION_BODIES: Partial<Record<CommandName, (actionId: string) => Record<string, unknown>>> = {
  addActionProgress: (actionId) => ({ actionId, note: 'Invented note.' }),
  completeAction: (actionId) => ({ actionId }),
  changeActionDueDate: (actionId) => ({ actionId, dueDate: '2026-07-20', reason: 'Invented reason.' }),
  setActionRag: (actionId) => ({ actionId, rating: 'amber', reason: 'Invented reason.' }),
};
/** Coordinator-only case commands: refused before the case is read, so hidden and missing answer the same 403. */
const COORDINATOR_CASE_BODIES: Partial<Record<CommandName, (caseId: string) => Record<string, unknown>>> = {
  restrictCase: (caseId) => ({ caseId, restricted: true, reason: 'Invented reason.', expectedVersion: 1 }),
  setLegalHold: (caseId) => ({ caseId, hold: true, reason: 'Invented reason.', expectedVersion: 1 }),
  proposeDisposal: (caseId) => ({ caseId, reason: 'Invented reason.', expectedVersion: 1 }),
};
/** Commands that name no case or action: new records, the scan, meetings (tests/security/accessMatrix.meetings), members and agencies. */
const NO_RECORD: CommandName[] = [
  'submitReferral', 'saveReferralDraft', 'runOverdueScan',
  'scheduleMeeting', 'buildAgenda', 'editAgenda', 'publishAgenda', 'startMeeting', 'moveToItem', 'recordDecision', 'recordAttendance',
  'endMeeting', 'editMinutes', 'approveMinutes', 'issueMinutes', 'joinMeeting',
  // Learning reviews and the board plan name a review or an objective, not a case; their actions are created new.
  'createLearningReview', 'addRecommendation', 'createReviewAction', 'addPlanObjective', 'createPlanAction',
  // Imports create records from a file (tests/import).
  'importLog',
  'addMember', 'changeMember', 'addAgency', 'changeAgency', 'confirmAccessReview',
  // Break-glass opens a case the member may not see, by its reference, on purpose (tests/governance/breakGlass.test.ts).
  'breakGlass',
  // Names a disposal proposal, not a case; coordinators only (tests/governance/disposal.test.ts).
  'approveDisposal',
  // RiskPanel's own SharePoint sync only (the system actor); people are refused (tests/store/sharepoint/deltaSync*.test.ts).
  'applySharePointEdit',
];

const errorOf = (run: () => Promise<unknown>) => run().then(() => undefined, (e: unknown) => e as Error);

it('covers every command', () => {
  expect(Object.keys(commands).sort()).toEqual(
    [...Object.keys(CASE_BODIES), ...Object.keys(COORDINATOR_CASE_BODIES), ...Object.keys(ACTION_BODIES), ...NO_RECORD].sort(),
  );
});

describe.each(Object.entries(CASE_BODIES))('%s on a case the fire partner may not see', (name, body) => {
  it('answers exactly as for a missing case, changes nothing and audits the refusal', async () => {
    const command = commands[name as CommandName] as Command;
    // Referred and led by police; fire has said nothing: not even the summary is fire's.
    const hidden = await createOpenCase(world, { referrer: 'police' });
    const missing = await errorOf(() => execute(command, world.ctx('fire'), body!('case-that-does-not-exist')));
    expect(missing).toBeInstanceOf(NotFoundError);
    await expectHidden(world, () => execute(command, world.ctx('fire'), body!(hidden.id)), { type: 'case', id: hidden.id });
    const refused = await errorOf(() => execute(command, world.ctx('fire'), body!(hidden.id)));
    expect([refused?.constructor.name, refused?.message]).toEqual(['HiddenRecordError', missing!.message]);
    expect(Object.getPrototypeOf(refused!.constructor)).toBe(missing!.constructor);
  });
});

describe.each(Object.entries(ACTION_BODIES))('%s on an action the fire partner may not see', (name, body) => {
  it('answers exactly as for a missing action, changes nothing and audits the refusal', async () => {
    const command = commands[name as CommandName] as Command;
    const open = await createOpenCase(world, { referrer: 'police' });
    const hidden = await createActionOn(world, open.id, 'police');
    const missing = await errorOf(() => execute(command, world.ctx('fire'), body!('action-that-does-not-exist')));
    expect(missing).toBeInstanceOf(NotFoundError);
    await expectHidden(world, () => execute(command, world.ctx('fire'), body!(hidden.id)), { type: 'action', id: hidden.id });
    const refused = await errorOf(() => execute(command, world.ctx('fire'), body!(hidden.id)));
    expect(refused?.message).toBe(missing!.message);
  });
});

describe.each(Object.entries(COORDINATOR_CASE_BODIES))('%s by the fire partner', (name, body) => {
  it('is refused before the case is read: the same answer for a hidden case and a missing one', async () => {
    const command = commands[name as CommandName] as Command;
    const hidden = await createOpenCase(world, { referrer: 'police' });
    const missing = await errorOf(() => execute(command, world.ctx('fire'), body!('case-that-does-not-exist')));
    const refused = await errorOf(() => execute(command, world.ctx('fire'), body!(hidden.id)));
    expect(missing).toBeInstanceOf(ForbiddenError);
    expect([refused?.constructor.name, refused?.message]).toEqual([missing!.constructor.name, missing!.message]);
  });
});
