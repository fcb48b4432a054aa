import { z } from 'zod';

/**
 * What the signed-in member may do next, as the server's policy judged it for each record it sends. The tab shows a
 * button only when its ability is true, so the tab holds no copy of the policy or of the lifecycle.
 */
export const CASE_ABILITIES = [
  'recordInvolvement', 'requestInfo', 'list', 'withdraw', 'screen', 'close', 'addChronology', 'createAction', 'updatePlan', 'readAudit', 'submit',
] as const;
export type CaseAbility = (typeof CASE_ABILITIES)[number];

const abilitiesOf = <K extends string>(keys: readonly [K, ...K[]]) =>
  z.object(Object.fromEntries(keys.map((k) => [k, z.boolean()])) as Record<K, z.ZodBoolean>);

export const caseAbilitiesSchema = abilitiesOf(CASE_ABILITIES);
export type CaseAbilities = z.infer<typeof caseAbilitiesSchema>;
