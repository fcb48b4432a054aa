import { z } from 'zod';

export const dataQualityIssueSchema = z.object({
  kind: z.string(),
  list: z.string(),
  itemId: z.string(),
  recordId: z.string().optional(),
  title: z.string().optional(),
  webUrl: z.string().optional(),
  problems: z.array(z.object({ field: z.string(), column: z.string(), message: z.string(), value: z.unknown().optional() })),
});
export const dataQualityListSchema = z.array(dataQualityIssueSchema);

const tally = z.object({ digests: z.number().int(), reminders: z.number().int(), escalations: z.number().int() });
/** What one overdue scan found and queued. */
export const overdueScanReportSchema = z.object({
  asOf: z.string(),
  partnershipChannels: z.number().int(),
  overdueActions: z.number().int(),
  dueSoonActions: z.number().int(),
  escalatedActions: z.number().int(),
  queued: tally,
  alreadyQueued: tally,
  withoutChat: tally.pick({ reminders: true, escalations: true }),
});
export type OverdueScanReport = z.infer<typeof overdueScanReportSchema>;

/** application/problem+json (RFC 9457), as every error from the API. */
export const problemSchema = z.object({
  type: z.string().optional(),
  title: z.string().optional(),
  status: z.number().int().optional(),
  detail: z.string().optional(),
  errors: z.array(z.object({ field: z.string(), message: z.string() })).optional(),
  /** The user (or an admin) must consent before the server can act for them: the tab offers consent. */
  consentRequired: z.boolean().optional(),
});
export type Problem = z.infer<typeof problemSchema>;
