import type { z } from 'zod';
import { type Command, commands, execute } from '../../src/commands';
import { type Context, makeContext } from '../../src/kernel/context';
import { AppError, ConflictError, ForbiddenError, NotFoundError, ValidationError } from '../../src/domain/errors';
import { can } from '../../src/policies';
import type { Actor } from '../../src/policies/actor';
import { caseAccess } from '../../src/kernel/caseAccess';
import { escalationCard } from '../cards/escalationCard';
import { newReferralCard } from '../cards/newReferralCard';
import { overdueDigestCard } from '../cards/overdueDigestCard';
import { reminderCard } from '../cards/reminderCard';
import {
  loadEscalationView, loadNewReferralView, loadOverdueDigestView, loadReminderView, type ViewOptions,
} from '../cards/cardViews';
import { type MessageTone, withMessage } from '../cards/universalActions';
import { formatDate } from '../format';
import type { AdaptiveCardJson, BotDeps, ConversationType } from '../types';
import { actionData, type CardRef, cardRef, inputOf, involvementData, verbSchema } from './cardActionData';

/** One press of a card button (or one refresh), as the host hands it over. */
export interface CardActionInput {
  /** From the authenticated activity (from.aadObjectId → resolveActor), never from the card's data. */
  actor: Actor;
  verb: string;
  /** The action's data as the client sent it (card data merged with the inputs): checked here. */
  data: unknown;
  conversationType: ConversationType;
}

/**
 * The answer: the card rebuilt from the store (with a sentence at its top for the person who pressed), or only a
 * message when there is no card to show. `sharedCard` (the same card without the personal sentence) is there when
 * something changed, so a host may update the card in place for everyone in a shared conversation.
 */
export type CardActionResult =
  | { card: AdaptiveCardJson; message?: string; changed: boolean; sharedCard?: AdaptiveCardJson }
  | { message: string };

export const CARD_OUT_OF_DATE = 'This card is out of date, so nothing was changed. Open RiskPanel to carry on.';
export const CARD_RECORD_GONE = 'What this card is about no longer exists, or you are not permitted to see it.';
export const CARD_FAILED = 'Sorry, something went wrong on my side and nothing was changed. Please try again, or use the RiskPanel tab.';

export const INVOLVEMENT_REFUSED = 'Only members of partner agencies, a coordinator or the chair can answer for their agency on this referral.';
const GENERIC_REFUSAL = /^You are not permitted to /;

const FIELD_LABELS: Record<string, string> = { note: 'Update', dueDate: 'New due date', reason: 'Reason', evidence: 'Evidence' };

interface Outcome {
  message?: string;
  tone: MessageTone;
  changed: boolean;
}

/**
 * Runs one card action as the actor, then rebuilds the card it came from. Every change goes through the real command
 * (validated, authorised, audited); a refusal changes nothing and is told on the card.
 */
export async function handleCardAction(input: CardActionInput, deps: BotDeps): Promise<CardActionResult> {
  try {
    return await run(input, deps);
  } catch (err) {
    if (err instanceof AppError && err.status < 500) return { message: err.message };
    console.error(`bot: card action ${verbSchema.safeParse(input.verb).success ? input.verb : '(unknown)'} failed: ${err instanceof Error ? err.name : typeof err}`);
    return { message: CARD_FAILED };
  }
}

async function run(input: CardActionInput, deps: BotDeps): Promise<CardActionResult> {
  const verb = verbSchema.safeParse(input.verb);
  const data = isRecord(input.data) ? input.data : {};
  const ref = cardRef.safeParse(data);
  if (!verb.success || !ref.success) return { message: CARD_OUT_OF_DATE };
  const ctx = makeContext({ store: deps.store, actor: input.actor, refPrefix: deps.config.refPrefix, ...(deps.now ? { now: deps.now } : {}) });

  let outcome: Outcome = { tone: 'info', changed: false };
  switch (verb.data) {
    case 'refresh':
      break;
    case 'knownToAgency':
    case 'notKnown': {
      const parsed = involvementData.safeParse(data);
      if (!parsed.success) return { message: CARD_OUT_OF_DATE };
      const known = verb.data === 'knownToAgency';
      const note = known ? parsed.data.note?.trim() : undefined;
      outcome = await attempt(
        ctx,
        commands.recordInvolvement,
        { caseId: parsed.data.caseId, known, ...(note ? { note } : {}) },
        () =>
          known
            ? `Recorded: the adult is known to ${input.actor.agency.shortName}.${note ? ' Your note is in the case chronology.' : ''}`
            : `Recorded: the adult is not known to ${input.actor.agency.shortName}.`,
        INVOLVEMENT_REFUSED,
      );
      break;
    }
    case 'completeAction':
    case 'addActionUpdate':
    case 'changeDueDate': {
      const parsed = actionData.safeParse(data);
      if (!parsed.success || ref.data.card === 'newReferral') return { message: CARD_OUT_OF_DATE };
      const { actionId } = parsed.data;
      if (verb.data === 'completeAction') {
        outcome = await attempt(ctx, commands.completeAction, { actionId }, () => 'Marked as completed. Thank you.');
      } else if (verb.data === 'addActionUpdate') {
        outcome = await attempt(ctx, commands.addActionProgress, { actionId, note: inputOf(data, 'note', actionId) ?? '' }, () => 'Update saved.');
      } else {
        const dueDate = inputOf(data, 'dueDate', actionId) ?? '';
        const reason = inputOf(data, 'reason', actionId) ?? '';
        outcome = await attempt(ctx, commands.changeActionDueDate, { actionId, dueDate, reason }, () => `Due date moved to ${formatDate(dueDate)}.`);
      }
      break;
    }
  }

  const card = await rebuild(ctx, ref.data, { now: ctx.now(), publicUrl: deps.config.publicUrl });
  if (!card) return { message: outcome.message && outcome.changed ? outcome.message : CARD_RECORD_GONE };
  return {
    card: withMessage(card, outcome.message, outcome.tone),
    ...(outcome.message ? { message: outcome.message } : {}),
    changed: outcome.changed,
    ...(outcome.changed && input.conversationType !== 'personal' ? { sharedCard: card } : {}),
  };
}

/**
 * Runs the command. A clash with a change made at the same moment (the other of two simultaneous presses) is tried
 * once more from a fresh read, so the person is told what actually happened ("already completed by ...") rather than
 * that the record changed. Refusals a person can act on become the card's message; anything else is thrown.
 */
async function attempt<S extends z.ZodType, R>(
  ctx: Context,
  command: Command<S, R>,
  raw: unknown,
  success: () => string,
  /** Said instead of the policy's generic "You are not permitted to ..." (a specific reason, e.g. the state, is kept). */
  refused?: string,
): Promise<Outcome> {
  for (let tries = 1; ; tries++) {
    try {
      await execute(command, ctx, raw);
      return { message: success(), tone: 'good', changed: true };
    } catch (err) {
      if (err instanceof ConflictError && tries < 2) continue;
      if (err instanceof ValidationError) return { message: `Nothing was saved: ${describeProblems(err)}`, tone: 'attention', changed: false };
      if (err instanceof NotFoundError) return { message: CARD_RECORD_GONE, tone: 'attention', changed: false };
      if (err instanceof ForbiddenError && refused && GENERIC_REFUSAL.test(err.message)) return { message: refused, tone: 'attention', changed: false };
      if (err instanceof AppError && err.status < 500) return { message: err.message, tone: 'attention', changed: false };
      throw err;
    }
  }
}

function describeProblems(err: ValidationError): string {
  const lines = err.problems.map((p) => `${FIELD_LABELS[p.field] ?? (p.field || 'Input')} ${p.message}`);
  return `${lines.join('; ')}.`;
}

/**
 * The card the button was on, rebuilt from the store. Shared cards (new referral, digest) show only what any member of
 * the partnership channel already saw, but a restricted case is rebuilt only for those who may see it; the personal
 * cards (reminder, escalation) only for someone who may read the action.
 */
async function rebuild(ctx: Context, ref: CardRef, options: ViewOptions): Promise<AdaptiveCardJson | undefined> {
  return ctx.store.transaction(async (tx) => {
    switch (ref.card) {
      case 'newReferral': {
        const c = await tx.get('cases', ref.caseId);
        if (!c || (c.restricted && !caseAccess(ctx.actor, c))) return undefined;
        const view = await loadNewReferralView(tx, ref.caseId, options);
        return view && newReferralCard(view);
      }
      case 'overdueDigest': {
        const view = await loadOverdueDigestView(tx, ref.digestId, options);
        return view && overdueDigestCard(view);
      }
      case 'reminder':
      case 'escalation': {
        const action = await tx.get('actions', ref.actionId);
        const parentCase = action?.parentKind === 'case' ? await tx.get('cases', action.parentId) : undefined;
        if (!action || !can(ctx.actor, 'read', 'action', { action, parentCase })) return undefined;
        if (ref.card === 'reminder') {
          const view = await loadReminderView(tx, ref.actionId, options);
          return view && reminderCard(view);
        }
        const view = await loadEscalationView(tx, ref.actionId, ref.thresholdDays ?? 0, options);
        return view && escalationCard(view);
      }
    }
  });
}

const isRecord = (value: unknown): value is Record<string, unknown> => value !== null && typeof value === 'object' && !Array.isArray(value);
