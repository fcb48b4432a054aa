import { makeContext } from '../../src/commands/context';
import { NotFoundError } from '../../src/domain/errors';
import { isActionFinished, isoDate } from '../../src/domain/rules';
import { CASE_NOT_FOUND, queries, runQuery, type CaseView } from '../../src/queries';
import { personalStatusCard, sharedStatusCard, type StatusCardData } from '../cards/statusCard';
import { RISK_LEVEL_LABELS, STATUS_LABELS } from '../labels';
import { type BotDeps, type BotInput, type BotReply, isShared } from '../types';
import { defineBotCommand } from './command';

/** PREFIX-YYYY-N as people type it; getCase upper-cases it and pads the number. */
const REFERENCE = /^[A-Za-z][A-Za-z0-9]{1,9}-\d{4}-\d{1,6}$/;

export const statusCommand = defineBotCommand<{ ref: string }>({
  name: 'status',
  usage: 'status <reference>',
  example: 'status CASPA-2026-0014',
  summary: 'Where a case stands: status, risk level, lead agency; in a personal chat also the review date and actions.',
  parseArgs(rest) {
    const ref = rest.trim();
    return REFERENCE.test(ref) ? { ref: ref.toUpperCase() } : undefined;
  },
  run: (input, { ref }, deps) => statusReplies(input, ref, deps),
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
    if (err instanceof NotFoundError) return [{ text: CASE_NOT_FOUND }];
    throw err;
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

/** The case in the tab. The id is the store's; encoded anyway, so the link can only ever point at one case. */
export function caseUrl(publicUrl: string, caseId: string): string {
  return `${publicUrl.replace(/\/+$/, '')}/#/cases/${encodeURIComponent(caseId)}`;
}

/** 2026-07-15 → "15 Jul 2026": a date has no time zone, so it is formatted as the UTC day it names. */
export function formatDate(iso: string): string {
  const date = new Date(`${iso.slice(0, 10)}T00:00:00Z`);
  if (Number.isNaN(date.getTime())) return iso;
  return date.toLocaleDateString('en-GB', { day: 'numeric', month: 'short', year: 'numeric', timeZone: 'UTC' });
}
