import { execute } from '../../../src/kernel/command';
import { completeAction } from '../../../src/commands/completeAction';
import { createAction } from '../../../src/commands/createAction';
import { recordScreeningDecision } from '../../../src/commands/recordScreeningDecision';
import { submitReferral } from '../../../src/commands/submitReferral';
import type { ActionRecord, CaseRecord } from '../../../src/domain/records';
import { captureConversation } from '../../../src/notify/captureConversation';
import { MEMBERS, type Persona, referralInput, type World } from '../../support/world';
import { personalInstall, teamInstall } from './teamsActivities';

/** The scan day: Monday 15 June 2026, 07:00 UK time (BST). */
export const SCAN_AT = new Date('2026-06-15T06:00:00Z');
/** When the case and its actions were set up: five weeks earlier, so due dates could be set that are now past. */
export const SETUP_AT = new Date('2026-05-04T09:00:00Z');

/** The adult's details in the scenario: none may appear on a shared card. */
export const ADULT_NAME = 'Alex Imaginary Example';
export const ADULT_DETAILS = ['Alex', 'Imaginary', 'LU1 1AA', 'hoarding blocks', 'stay at home', '1950-02-03'];
/** Free text of the actions (may name the adult): never on a shared card. */
export const ACTION_TEXT = 'Invented action:';

export interface Scenario {
  caseRecord: CaseRecord;
  /** police, 5 days overdue on the scan day. */
  policeOverdue: ActionRecord;
  /** health, 26 days overdue: beyond the 14-day escalation threshold. */
  healthLongOverdue: ActionRecord;
  /** police lead, due in 2 days: inside the 3-day reminder window. */
  leadDueSoon: ActionRecord;
  /** fire, due in 15 days: nothing yet. */
  fireLater: ActionRecord;
  /** police, overdue but completed: chased nowhere. */
  policeDone: ActionRecord;
}

const action = (world: World, caseId: string, owner: Persona, dueDate: string, n: number) =>
  execute(createAction, world.ctx('coordinator', SETUP_AT), {
    caseId,
    description: `${ACTION_TEXT} visit ${ADULT_NAME} at home (${n}).`,
    successMeasure: 'Visit recorded.',
    ownerId: MEMBERS[owner].id,
    dueDate,
  });

/** An accepted police case with five actions around the scan day, built with the real commands. */
export async function buildScenario(world: World): Promise<Scenario> {
  const referral = await execute(submitReferral, world.ctx('police', SETUP_AT), referralInput());
  const caseRecord = await execute(recordScreeningDecision, world.ctx('coordinator', SETUP_AT), {
    caseId: referral.id,
    outcome: 'accept',
    rationale: 'Invented rationale: the risk is beyond one agency.',
    leadAgencyId: 'ag-police',
    leadProfessionalId: MEMBERS.police.id,
    riskLevel: 'high',
  });
  const policeOverdue = await action(world, caseRecord.id, 'police', '2026-06-10', 1);
  const healthLongOverdue = await action(world, caseRecord.id, 'health', '2026-05-20', 2);
  const leadDueSoon = await action(world, caseRecord.id, 'policeLead', '2026-06-17', 3);
  const fireLater = await action(world, caseRecord.id, 'fire', '2026-06-30', 4);
  const done = await action(world, caseRecord.id, 'police', '2026-06-01', 5);
  const policeDone = await execute(completeAction, world.ctx('police', new Date('2026-06-03T10:00:00Z')), { actionId: done.id });
  // The setup's own cards (new referral, decision, assignments) are not what these tests are about.
  await world.store.transaction(async (tx) => {
    for (const row of await tx.find('outbox')) await tx.update('outbox', { ...row, status: 'sent' });
  });
  return { caseRecord, policeOverdue, healthLongOverdue, leadDueSoon, fireLater, policeDone };
}

/**
 * Installs the app as people would: in the partnership team (its General channel becomes the partnership channel)
 * and in the personal chats of the given personas, through captureConversation with Teams-shaped activities.
 */
export async function installApp(world: World, serviceUrl: string, personas: Persona[] = ['coordinator', 'chair', 'police', 'policeLead', 'health', 'fire']) {
  await captureConversation(world.store, teamInstall(serviceUrl, MEMBERS.coordinator), SETUP_AT);
  for (const p of personas) await captureConversation(world.store, personalInstall(serviceUrl, MEMBERS[p]), SETUP_AT);
}

export const SETTINGS = { reminderDaysBefore: 3, escalationDaysOverdue: 14 };

export const outboxRows = (world: World, kind?: string) =>
  world.store.transaction((tx) => tx.find('outbox')).then((rows) => rows.filter((r) => !kind || r.kind === kind));
