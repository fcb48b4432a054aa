import { z } from 'zod';

/** Importing a past log (docs/domain.md): the file travels base64 in JSON, like exports, so the API stays one contract. */

/** The case fields of a row (a referral or case of the past log). */
export const IMPORT_CASE_FIELDS = [
  'reference', 'adultName', 'dateOfBirth', 'nhsNumber', 'postcode', 'referringAgency', 'receivedDate', 'riskCategories', 'reasons',
  'status', 'leadAgency', 'closedDate', 'closureReason',
] as const;
/** The action fields of a row: an action of the case the row's reference names. */
export const IMPORT_ACTION_FIELDS = [
  'actionDescription', 'actionAgency', 'actionOwnerEmail', 'actionDueDate', 'actionStatus', 'actionCompletedDate',
] as const;
export const IMPORT_FIELD_NAMES = [...IMPORT_CASE_FIELDS, ...IMPORT_ACTION_FIELDS] as const;
export type ImportFieldName = (typeof IMPORT_FIELD_NAMES)[number];

/** A file of at most 2,000 rows: spreadsheet rows 2 to 2,001 (the header is row 1). */
const MAX_ROW_NUMBER = 2001;

export const importRequestSchema = z.object({
  fileName: z.string().trim().min(1, 'is required').max(200),
  /** The file's bytes, base64 (at most 1 MB of file). */
  base64: z.string().min(1, 'is required').max(1_400_000, 'the file is larger than 1 MB').regex(/^[A-Za-z0-9+/]*={0,2}$/, 'must be base64'),
  /** Field → the header of the column holding it; absent: guessed from the headers. */
  mapping: z.partialRecord(z.enum(IMPORT_FIELD_NAMES), z.string().max(200)).optional(),
  /**
   * Only these spreadsheet rows (absent: every row). The whole file is still judged, so a part is judged exactly as
   * the whole; the tab imports a large file in parts to show progress, which re-importing's idempotency makes safe.
   */
  rows: z.array(z.number().int().min(2).max(MAX_ROW_NUMBER)).min(1).max(MAX_ROW_NUMBER).optional(),
}).strict();
export type ImportRequest = z.infer<typeof importRequestSchema>;

export const importRowSchema = z.object({
  row: z.number().int(),
  reference: z.string().optional(),
  /** What the row holds: a case, an action of a case, or a case with its action. */
  kind: z.enum(['case', 'action', 'caseAndAction']),
  outcome: z.enum(['create', 'exists', 'refused']),
  /** Why a row is refused or already there; for a row that creates, anything worth knowing (its case already imported). */
  reasons: z.array(z.string()),
}).strict();
export type ImportRow = z.infer<typeof importRowSchema>;

const recordCountsSchema = z.object({ cases: z.number().int(), actions: z.number().int() }).strict();

export const importPreviewSchema = z.object({
  fileName: z.string(),
  headers: z.array(z.string()),
  mapping: z.partialRecord(z.enum(IMPORT_FIELD_NAMES), z.string()),
  required: z.array(z.enum(IMPORT_FIELD_NAMES)),
  rows: z.array(importRowSchema),
  counts: z.object({ create: z.number().int(), exists: z.number().int(), refused: z.number().int() }).strict(),
  /** The records the rows marked "create" would make. */
  records: recordCountsSchema,
}).strict();
export type ImportPreview = z.infer<typeof importPreviewSchema>;

export const importResultSchema = z.object({
  fileName: z.string(),
  rows: z.array(importRowSchema.extend({ caseId: z.string().optional(), ref: z.string().optional(), actionId: z.string().optional() })),
  counts: z.object({ created: z.number().int(), exists: z.number().int(), refused: z.number().int() }).strict(),
  /** The records created. */
  records: recordCountsSchema,
}).strict();
export type ImportResult = z.infer<typeof importResultSchema>;
