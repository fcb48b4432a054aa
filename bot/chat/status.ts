import { formatDate } from '../../src/cards/format';
import { caseUrl } from '../../src/cards/links';
import { personalStatusCard, sharedStatusCard, type StatusCardData } from '../../src/cards/statusCard';
import { RISK_LEVEL_LABELS, STATUS_LABELS } from '../../src/domain/labels';
import { isoDate } from '../../src/domain/rules';
import { CASE_NOT_FOUND, queries, RESTRICTED_CASE, runQuery } from '../../src/queries';
import { type BotDeps, type BotInput, type BotReply, isShared } from '../types';
import { contextFor, SHARED_DETAILS_NOTE } from './chatContext';
import { defineBotCommand } from './command';
import { parseTypedRef, resolveRef, type TypedRef } from './reference';

export const statusCommand = defineBotCommand<TypedRef>({
  name: 'status',
  aliases: ['case'],
  usage: 'status <reference>',
  example: 'status CASPA-2026-0014',
  summary: 'Where a case stands: in a personal chat its state, risk level, lead agency, review date and actions; in a channel the state only. A case number alone works too ("status 14").',
  parseArgs: (rest) => parseTypedRef(rest),
  run: (input, typed, deps) => statusReplies(input, resolveRef(typed, deps.config.refPrefix, (deps.now ?? (() => new Date()))()), deps),
});

const NOT_SET = 'Not set yet';
export const SHARED_NOTE = SHARED_DETAILS_NOTE;
export const PERSONAL_NOTE = 'The chronology, plan and actions are in the RiskPanel tab.';
export const SUMMARY_NOTE = 'You can see the summary of this new referral only.';
export const SUMMARY_INVOLVEMENT_NOTE = `${SUMMARY_NOTE} Open it in RiskPanel to say whether the adult is known to your agency.`;
/** What a channel or group chat is told about a restricted case, whoever asks (surface rule 2). */
export const RESTRICTED_STATUS = `${RESTRICTED_CASE}: ask me in a personal chat, or open the RiskPanel tab.`;
/** Said instead of a state a summary may not show (surface rule 1). */
const SUMMARY_ONLY = 'Summary only';

/**
 * The status of one case, read through the getCaseStatus query as the person asking (authorised and audited like the
 * tab). In a channel or group chat many people see the answer: reference, initials and state only, and a restricted
 * case is only "Restricted case". Anyone who may not see the case gets the same sentence as for a missing one.
 */
export async function statusReplies(input: BotInput, ref: string, deps: BotDeps): Promise<BotReply[]> {
  const ctx = contextFor(input, deps);
  const view = await runQuery(queries.getCaseStatus, ctx, { ref, surface: isShared(input.conversationType) ? 'shared' : 'personal' });
  if (!view.found) {
    return [{ text: view.suggestion ? `${CASE_NOT_FOUND} Did you mean ${view.suggestion}? Say: status ${view.suggestion}` : CASE_NOT_FOUND }];
  }
  if (view.shown === 'restricted') return [{ text: RESTRICTED_STATUS }];
  const url = caseUrl(deps.config.publicUrl, view.caseId);
  if (view.shown === 'shared') {
    return [{ card: sharedStatusCard({ ref: view.ref, initials: view.initials, status: STATUS_LABELS[view.status], note: SHARED_NOTE, url }) }];
  }
  if (view.shown === 'summary') {
    const note = view.canRecordInvolvement ? SUMMARY_INVOLVEMENT_NOTE : SUMMARY_NOTE;
    return [{ card: sharedStatusCard({ ref: view.ref, initials: view.initials, status: SUMMARY_ONLY, note, url }) }];
  }
  const facts: StatusCardData = {
    ref: view.ref,
    initials: view.initials,
    status: STATUS_LABELS[view.status],
    riskLevel: view.riskLevel ? RISK_LEVEL_LABELS[view.riskLevel] : NOT_SET,
    leadAgency: view.leadAgency ?? NOT_SET,
    note: PERSONAL_NOTE,
    url,
  };
  const today = isoDate(ctx.now());
  const review = view.nextReviewDate;
  return [
    {
      card: personalStatusCard({
        ...facts,
        nextReview: review ? `${formatDate(review)}${review < today ? ' (overdue)' : ''}` : NOT_SET,
        openActions: view.openActions,
        overdueActions: view.overdueActions,
      }),
    },
  ];
}
