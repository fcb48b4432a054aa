import { log } from '../../src/log';
import type { z } from 'zod';
import {
  escalationCardOf, newReferralCardOf, overdueDigestCardOf, reminderCardOf, restrictedReferralCard,
} from '../../src/cards/cardsFromViews';
import { formatDate } from '../../src/cards/format';
import { type MessageTone, withMessage } from '../../src/cards/universalActions';
import { type Command, commands, execute } from '../../src/commands';
import { AppError, ConflictError, ForbiddenError, NotFoundError, ValidationError } from '../../src/domain/errors';
import type { Context } from '../../src/kernel/context';
import { queries, runQuery, type Surface } from '../../src/queries';
import type { Actor, AdaptiveCardJson, BotDeps, ConversationType } from '../types';
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
    log.error({ event: 'bot.cardActionFailed', verb: verbSchema.safeParse(input.verb).success ? input.verb : '(unknown)', error: err instanceof Error ? err.name : typeof err }, 'bot: card action failed');
    return { message: CARD_FAILED };
  }
}

async function run(input: CardActionInput, deps: BotDeps): Promise<CardActionResult> {
  const verb = verbSchema.safeParse(input.verb);
  const data = isRecord(input.data) ? input.data : {};
  const ref = cardRef.safeParse(data);
  if (!verb.success || !ref.success) return { message: CARD_OUT_OF_DATE };
  const ctx = deps.contextFor(input.actor);

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

  // The answer goes to the one person who pressed (surface rule 1); the card that replaces the message for everyone in
  // a channel or group chat is the shared view (rules 2 and 3), read again for that surface.
  const card = await rebuild(ctx, ref.data, 'personal', deps.config.publicUrl);
  if (!card) return { message: outcome.message && outcome.changed ? outcome.message : CARD_RECORD_GONE };
  const sharedCard = outcome.changed && input.conversationType !== 'personal' ? await rebuild(ctx, ref.data, 'shared', deps.config.publicUrl) : undefined;
  return {
    card: withMessage(card, outcome.message, outcome.tone),
    ...(outcome.message ? { message: outcome.message } : {}),
    changed: outcome.changed,
    ...(sharedCard ? { sharedCard } : {}),
  };
}

/**
 * Runs the command. A clash with a change made at the same moment (the other of two simultaneous presses) is tried
 * once more from a fresh read, so the person is told what actually happened ("already completed by ...") rather than
 * that the record changed. Refusals a person can act on become the card's message; anything else is thrown.
 */
async function attempt<S extends z.ZodType, O extends z.ZodType, R extends z.output<O>>(
  ctx: Context,
  command: Command<S, O, R>,
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
 * The card the button was on, rebuilt through the card queries as the actor: the ids on the card are only lookup keys,
 * the policies decide (a case the actor may not see at least in summary, or an action they may not read, gives no
 * card: the query answers as for a missing record and audits 'denied'). Every rebuild is audited like any other read.
 */
async function rebuild(ctx: Context, ref: CardRef, surface: Surface, publicUrl: string): Promise<AdaptiveCardJson | undefined> {
  try {
    switch (ref.card) {
      case 'newReferral': {
        const view = await runQuery(queries.getNewReferralCard, ctx, { caseId: ref.caseId, surface });
        return view.restricted ? restrictedReferralCard() : newReferralCardOf(view, publicUrl);
      }
      case 'overdueDigest':
        return overdueDigestCardOf(await runQuery(queries.getOverdueDigestCard, ctx, { digestId: ref.digestId, surface }), publicUrl);
      case 'reminder':
        return reminderCardOf(await runQuery(queries.getActionReminderCard, ctx, { actionId: ref.actionId, surface }), publicUrl);
      case 'escalation':
        return escalationCardOf(
          await runQuery(queries.getActionEscalationCard, ctx, { actionId: ref.actionId, thresholdDays: ref.thresholdDays ?? 0, surface }),
          publicUrl,
        );
    }
  } catch (err) {
    if (err instanceof NotFoundError) return undefined;
    throw err;
  }
}

const isRecord = (value: unknown): value is Record<string, unknown> => value !== null && typeof value === 'object' && !Array.isArray(value);
