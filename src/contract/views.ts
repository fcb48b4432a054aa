import { z } from 'zod';
import { ACTION_STATUSES, CASE_STATUSES, RISK_LEVELS } from '../domain/enums';

/*
 * The answers of the read models that the API does not serve: the card queries (what a card shows, for a press, a
 * refresh or the outbox) and the bot's status. Declared here, beside the API's answers (responses.ts), so every use
 * case's output is one schema in one place, checked by runQuery outside production. The views a shared surface shows
 * are strict objects: a field the surface may not carry (a name, a restricted case's reference) fails the check
 * rather than slipping through.
 */

/** Who gets a card's automatic refresh: Entra object ids, at most Teams' limit (60). */
const refreshUserIds = z.array(z.string()).max(60);

/** One action as a card line (src/cards/actionLine.ts); a restricted case on a shared line reads "Restricted case". */
export const actionLineSchema = z.object({
  actionId: z.string(),
  ref: z.string(),
  initials: z.string(),
  agency: z.string(),
  owner: z.string(),
  dueDate: z.string(),
  status: z.enum(ACTION_STATUSES),
  daysOverdue: z.number().int().min(0),
  finishedBy: z.string().optional(),
  finishedAt: z.string().optional(),
});

/** getNewReferralCard: the card's data, or on a shared surface only that the case is restricted (nothing else). */
export const newReferralCardViewSchema = z.discriminatedUnion('restricted', [
  z.strictObject({ restricted: z.literal(true) }),
  z.object({
    restricted: z.literal(false),
    caseId: z.string(),
    ref: z.string(),
    initials: z.string(),
    referringAgency: z.string(),
    riskCategories: z.array(z.string()),
    expectedPanelDate: z.string().optional(),
    status: z.enum(CASE_STATUSES),
    answeredCount: z.number().int().min(0),
    refreshUserIds,
  }),
]);

/** getOverdueDigestCard: a shared card, so its lines are shared lines and nothing more. */
export const overdueDigestViewSchema = z.strictObject({
  digestId: z.string(),
  asOf: z.string(),
  actions: z.array(actionLineSchema.strict()),
  refreshUserIds,
});

/** getActionReminderCard: the owner's reminder (the description is empty on a shared surface). */
export const reminderViewSchema = actionLineSchema.extend({
  description: z.string(),
  daysUntilDue: z.number().int(),
  caseId: z.string().optional(),
  refreshUserIds,
});

/** getActionEscalationCard: an overdue action flagged to the chairs. */
export const escalationViewSchema = actionLineSchema.extend({
  thresholdDays: z.number().int().min(0),
  caseId: z.string().optional(),
  refreshUserIds,
});

/** getCaseStatus, the bot's `status`: the shared and summary views are strict (reference, initials, state at most). */
export const caseStatusViewSchema = z.union([
  z.strictObject({ found: z.literal(false), suggestion: z.string().optional() }),
  z.strictObject({ found: z.literal(true), shown: z.literal('restricted') }),
  z.strictObject({ found: z.literal(true), shown: z.literal('shared'), caseId: z.string(), ref: z.string(), initials: z.string(), status: z.enum(CASE_STATUSES) }),
  z.strictObject({
    found: z.literal(true), shown: z.literal('summary'), caseId: z.string(), ref: z.string(), initials: z.string(), canRecordInvolvement: z.boolean(),
  }),
  z.object({
    found: z.literal(true),
    shown: z.literal('full'),
    caseId: z.string(),
    ref: z.string(),
    initials: z.string(),
    status: z.enum(CASE_STATUSES),
    riskLevel: z.enum(RISK_LEVELS).optional(),
    leadAgency: z.string().optional(),
    nextReviewDate: z.string().optional(),
    openActions: z.number().int().min(0),
    overdueActions: z.number().int().min(0),
  }),
]);
