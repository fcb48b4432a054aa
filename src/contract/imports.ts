import { z } from 'zod';

/** Importing a past log (docs/domain.md): the file travels base64 in JSON, like exports, so the API stays one contract. */

export const IMPORT_FIELD_NAMES = [
  'reference', 'adultName', 'dateOfBirth', 'nhsNumber', 'postcode', 'referringAgency', 'receivedDate', 'riskCategories', 'reasons',
  'status', 'leadAgency', 'closedDate', 'closureReason',
] as const;

export const importRequestSchema = z.object({
  fileName: z.string().trim().min(1, 'is required').max(200),
  /** The file's bytes, base64 (at most 1 MB of file). */
  base64: z.string().min(1, 'is required').max(1_400_000, 'the file is larger than 1 MB').regex(/^[A-Za-z0-9+/]*={0,2}$/, 'must be base64'),
  /** Field → the header of the column holding it; absent: guessed from the headers. */
  mapping: z.partialRecord(z.enum(IMPORT_FIELD_NAMES), z.string().max(200)).optional(),
}).strict();
export type ImportRequest = z.infer<typeof importRequestSchema>;

export const importRowSchema = z.object({
  row: z.number().int(),
  reference: z.string().optional(),
  outcome: z.enum(['create', 'exists', 'refused']),
  reasons: z.array(z.string()),
}).strict();

export const importPreviewSchema = z.object({
  fileName: z.string(),
  headers: z.array(z.string()),
  mapping: z.partialRecord(z.enum(IMPORT_FIELD_NAMES), z.string()),
  required: z.array(z.enum(IMPORT_FIELD_NAMES)),
  rows: z.array(importRowSchema),
  counts: z.object({ create: z.number().int(), exists: z.number().int(), refused: z.number().int() }).strict(),
}).strict();
export type ImportPreview = z.infer<typeof importPreviewSchema>;

export const importResultSchema = z.object({
  fileName: z.string(),
  rows: z.array(importRowSchema.extend({ caseId: z.string().optional(), ref: z.string().optional() })),
  counts: z.object({ created: z.number().int(), exists: z.number().int(), refused: z.number().int() }).strict(),
}).strict();
export type ImportResult = z.infer<typeof importResultSchema>;
