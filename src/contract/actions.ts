import { z } from 'zod';
import { ACTION_PARENT_KINDS, ACTION_STATUSES, RAG_RATINGS } from '../domain/enums';
import { actionAbilitiesSchema } from './abilities';
import { actionRecordSchema } from './records';

/** An action as the action lists carry it: its case by reference and initials only. */
export const actionItemSchema = z.object({
  id: z.string(),
  version: z.number().int(),
  description: z.string(),
  successMeasure: z.string(),
  ownerId: z.string(),
  ownerName: z.string(),
  agencyId: z.string(),
  dueDate: z.string(),
  status: z.enum(ACTION_STATUSES),
  overdue: z.boolean(),
  daysOverdue: z.number().int(),
  parentKind: z.enum(ACTION_PARENT_KINDS),
  parentId: z.string(),
  caseId: z.string().optional(),
  caseRef: z.string().optional(),
  caseInitials: z.string().optional(),
  /** The case is restricted: shared surfaces show no reference or initials for it. */
  caseRestricted: z.literal(true).optional(),
  /** Where a learning-review or board-plan action comes from: "SAR 2026-01 rec 3", "Board plan SAB1.2". */
  sourceLabel: z.string().optional(),
  recommendationNumber: z.number().int().optional(),
  rag: z.object({ rating: z.enum(RAG_RATINGS), reason: z.string(), at: z.string(), byMemberId: z.string() }).optional(),
  can: actionAbilitiesSchema,
});
export type ActionItem = z.infer<typeof actionItemSchema>;
export const actionListSchema = z.array(actionItemSchema);

/** What a command on an action answers: the action record as it now stands. */
export const savedActionSchema = actionRecordSchema;
