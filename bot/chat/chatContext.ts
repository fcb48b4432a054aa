import type { Context } from '../../src/kernel/context';
import type { BotDeps, BotInput } from '../types';

/** The context a bot command runs its queries in: the actor of the authenticated activity, the bot's clock. */
export const contextFor = (input: Pick<BotInput, 'actor'>, deps: BotDeps): Context => deps.contextFor(input.actor);

/** What every answer in a channel or group chat ends with: the details are elsewhere. */
export const SHARED_DETAILS_NOTE = 'Only references, initials and states here: ask me in a personal chat or open the tab for details.';

/**
 * "CASPA-2026-0014 · A.I.E.", or what an answer says instead for an action with no case, or — in a channel or group
 * chat — for a restricted case (the queries flag it, so the bot reads no case itself).
 */
export function caseLabel(item: { caseId?: string; caseRef?: string; caseInitials?: string; caseRestricted?: true; sourceLabel?: string }, shared: boolean): string {
  if (!item.caseId || !item.caseRef) return item.sourceLabel ?? 'No case (board or review action)';
  if (shared && item.caseRestricted) return 'Restricted case';
  return `${item.caseRef} \u00b7 ${item.caseInitials ?? ''}`;
}
