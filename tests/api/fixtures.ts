import { execute } from '../../src/kernel/command';
import { createAction } from '../../src/commands/createAction';
import { recordScreeningDecision } from '../../src/commands/recordScreeningDecision';
import { submitReferral } from '../../src/commands/submitReferral';
import { type World, referralInput } from '../support/world';

/** A referral from the police, accepted with the police as lead agency, with one police action. Fire is not involved. */
export async function policeCase(world: World) {
  const referral = await execute(submitReferral, world.ctx('police'), referralInput());
  const accepted = await execute(recordScreeningDecision, world.ctx('coordinator'), {
    caseId: referral.id,
    outcome: 'accept',
    rationale: 'Invented rationale: risk cannot be managed by one agency.',
    leadAgencyId: 'ag-police',
    leadProfessionalId: 'police',
    riskLevel: 'high',
    nextReviewDate: '2026-07-15',
  });
  const action = await execute(createAction, world.ctx('coordinator'), {
    caseId: referral.id,
    description: 'Invented action: arrange a joint visit.',
    successMeasure: 'Visit recorded in the chronology.',
    ownerId: 'police',
    dueDate: '2026-07-01',
  });
  return { caseId: referral.id, ref: referral.ref, caseVersion: accepted.version, actionId: action.id, actionVersion: action.version };
}

/** A new referral (submitted, awaiting screening) from health. */
export async function healthReferral(world: World) {
  const referral = await execute(submitReferral, world.ctx('health'), referralInput({ adult: { name: 'Sam Invented Person' } }));
  return { caseId: referral.id, ref: referral.ref, version: referral.version };
}
