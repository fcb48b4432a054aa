import { type Context, makeContext } from '../../src/kernel/context';
import { NotFoundError } from '../../src/domain/errors';
import { isActionFinished, isoDate } from '../../src/domain/rules';
import { CASE_NOT_FOUND, normalizeRef, queries, runQuery, type CaseView } from '../../src/queries';
import { caseAccess } from '../../src/kernel/caseAccess';
import { formatDate } from '../format';
import { caseUrl } from '../links';
import { personalStatusCard, sharedStatusCard, type StatusCardData } from '../cards/statusCard';
import { RISK_LEVEL_LABELS, STATUS_LABELS } from '../../src/domain/labels';
import { type BotDeps, type BotInput, type BotReply, isShared } from '../types';
import { defineBotCommand } from './command';
import { nearest } from './fuzzy';
import { parseTypedRef, refParts, resolveRef, type TypedRef } from './reference';

export { caseUrl } from '../links';
export { formatDate } from '../format';

export const statusCommand = defineBotCommand<TypedRef>({
  name: 'status',
  aliases: ['case'],
  usage: 'status <reference>',
  example: 'status CASPA-2026-0014',
  summary: 'Where a case stands: status, risk level, lead agency; in a personal chat also the review date and actions. A case number alone works too ("status 14").',
  parseArgs: (rest) => parseTypedRef(rest),
  run: (input, typed, deps) => statusReplies(input, resolveRef(typed, deps.config.refPrefix, (deps.now ?? (() => new Date()))()), deps),
});

const NOT_SET = 'Not set yet';
export const SHARED_NOTE = 'Details are in the RiskPanel tab, or ask me in a personal chat.';
export const PERSONAL_NOTE = 'The chronology, plan and actions are in the RiskPanel tab.';
export const SUMMARY_NOTE = 'You can see the summary of this new referral only.';
export const SUMMARY_INVOLVEMENT_NOTE = `${SUMMARY_NOTE} Open it in RiskPanel to say whether the adult is known to your agency.`;

/**
 * The status of one case, read through getCase as the person asking (so it is authorised and audited like the tab).
 * In a channel or group chat many people see the answer, so the card carries reference, initials, status, risk level
 * and lead agency only. Anyone who may not see the case gets the same sentence as for a case that does not exist.
 */
export async function statusReplies(input: BotInput, ref: string, deps: BotDeps): Promise<BotReply[]> {
  const ctx = makeContext({
    store: deps.store,
    actor: input.actor,
    refPrefix: deps.config.refPrefix,
    ...(deps.now ? { now: deps.now } : {}),
  });
  let view: CaseView;
  try {
    view = await runQuery(queries.getCase, ctx, { ref });
  } catch (err) {
    if (!(err instanceof NotFoundError)) throw err;
    const suggestion = await nearestVisibleRef(ctx, ref);
    return [{ text: suggestion ? `${CASE_NOT_FOUND} Did you mean ${suggestion}? Say: status ${suggestion}` : CASE_NOT_FOUND }];
  }
  const agencies = await runQuery(queries.listAgencies, ctx, {});
  const leadAgencyId = view.access === 'full' ? view.case.leadAgencyId : undefined;
  const shared: StatusCardData = {
    ref: view.case.ref,
    initials: view.case.initials,
    status: STATUS_LABELS[view.case.status],
    riskLevel: view.access === 'full' && view.case.riskLevel ? RISK_LEVEL_LABELS[view.case.riskLevel] : NOT_SET,
    leadAgency: agencies.find((a) => a.id === leadAgencyId)?.shortName ?? NOT_SET,
    note: SHARED_NOTE,
    url: caseUrl(deps.config.publicUrl, view.case.id),
  };
  if (isShared(input.conversationType)) return [{ card: sharedStatusCard(shared) }];
  if (view.access === 'summary') {
    return [{ card: sharedStatusCard({ ...shared, note: view.can.recordInvolvement ? SUMMARY_INVOLVEMENT_NOTE : SUMMARY_NOTE }) }];
  }

  const today = isoDate(ctx.now());
  const review = view.case.nextReviewDate;
  return [
    {
      card: personalStatusCard({
        ...shared,
        note: PERSONAL_NOTE,
        nextReview: review ? `${formatDate(review)}${review < today ? ' (overdue)' : ''}` : NOT_SET,
        openActions: view.actions.filter((a) => !isActionFinished(a)).length,
        overdueActions: view.actions.filter((a) => a.overdue).length,
      }),
    },
  ];
}

/**
 * The reference they probably meant: a case the actor may see with the same number and a prefix and year within two
 * slips ("CASP-2026-14", "CASPA-2025-0014"). Only cases the actor may see are candidates, so a suggestion never tells
 * anyone that a case they may not see exists; a number alone is never "corrected" to a neighbouring number.
 */
export async function nearestVisibleRef(ctx: Context, typed: string): Promise<string | undefined> {
  const exact = normalizeRef(typed);
  const wanted = refParts(exact);
  if (!wanted) return undefined;
  const cases = await ctx.store.transaction((tx) => tx.find('cases'));
  const byHead = new Map<string, string>();
  for (const c of cases) {
    const parts = refParts(c.ref);
    if (parts?.number === wanted.number && c.ref !== exact && caseAccess(ctx.actor, c)) byHead.set(`${parts.prefix}-${parts.year}`, c.ref);
  }
  const head = nearest(`${wanted.prefix}-${wanted.year}`, [...byHead.keys()], 2);
  return head ? byHead.get(head) : undefined;
}
