import { type Context, makeContext } from '../../src/commands/context';
import type { BotDeps, BotInput } from '../types';

/** The context a bot command runs its queries in: the actor of the authenticated activity, the bot's clock. */
export const contextFor = (input: Pick<BotInput, 'actor'>, deps: BotDeps): Context =>
  makeContext({ store: deps.store, actor: input.actor, refPrefix: deps.config.refPrefix, ...(deps.now ? { now: deps.now } : {}) });

/** What every answer in a channel or group chat ends with: the details are elsewhere. */
export const SHARED_DETAILS_NOTE = 'Only references, initials and states here: ask me in a personal chat or open the tab for details.';

/** Of these case ids, the restricted ones: a shared answer never shows their reference or initials. */
export async function restrictedCaseIds(ctx: Context, caseIds: Iterable<string | undefined>): Promise<Set<string>> {
  const ids = [...new Set([...caseIds].filter((id): id is string => Boolean(id)))];
  if (!ids.length) return new Set();
  return ctx.store.transaction(async (tx) => {
    const restricted = new Set<string>();
    for (const id of ids) if ((await tx.get('cases', id))?.restricted) restricted.add(id);
    return restricted;
  });
}

/** "CASPA-2026-0014 · A.I.E.", or what a shared answer says instead for a restricted case or an action with no case. */
export function caseLabel(item: { caseId?: string; caseRef?: string; caseInitials?: string }, restricted: Set<string>): string {
  if (!item.caseId || !item.caseRef) return 'No case (board or review action)';
  if (restricted.has(item.caseId)) return 'Restricted case';
  return `${item.caseRef} \u00b7 ${item.caseInitials ?? ''}`;
}
