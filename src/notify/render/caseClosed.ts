import { renderDecisionOf } from './decision';
import type { KindRenderer } from './rendering';

/** A closing: the partnership channel (not for a restricted case), and the posted referral card updated. */
export const renderCaseClosed: KindRenderer<'caseClosed'> = (r, p) => renderDecisionOf(r, p.caseId, p.decisionId, false);
