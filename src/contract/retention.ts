import { z } from 'zod';

/*
 * Retention and subject access: what coordinators see of cases due for disposal, the disposal records (the minimal
 * trace kept of a disposed case), and the subject access export.
 */

/** A closed case whose retention date has passed: due for disposal unless under a legal hold. */
export const disposalDueSchema = z.object({
  caseId: z.string(),
  ref: z.string(),
  closedAt: z.string().optional(),
  retentionDate: z.string(),
  legalHold: z.boolean(),
  /** The open proposal for this case, if one is waiting for a second coordinator. */
  proposalId: z.string().optional(),
});

export const disposalSchema = z.object({
  id: z.string(),
  version: z.number().int(),
  caseId: z.string(),
  ref: z.string(),
  status: z.enum(['proposed', 'approved', 'cancelled']),
  closedAt: z.string().optional(),
  retentionDate: z.string(),
  proposedAt: z.string(),
  proposedById: z.string(),
  reason: z.string(),
  approvedAt: z.string().optional(),
  approvedById: z.string().optional(),
  removed: z.record(z.string(), z.number().int()).optional(),
  kept: z.record(z.string(), z.number().int()).optional(),
});
export type DisposalView = z.infer<typeof disposalSchema>;

export const disposalsViewSchema = z.object({
  asOf: z.string(),
  due: z.array(disposalDueSchema),
  proposed: z.array(disposalSchema),
  done: z.array(disposalSchema),
});
export type DisposalsView = z.infer<typeof disposalsViewSchema>;
