import { z } from 'zod';
import { plainText } from './fields';

/*
 * Subject access (POST /api/cases/:id/subject-access): a coordinator exports everything held about the case's adult,
 * as a Word document to read or a JSON file for machines, with the reason for the export (it is audited with it).
 */

export const SUBJECT_ACCESS_FORMATS = ['docx', 'json'] as const;
export type SubjectAccessFormat = (typeof SUBJECT_ACCESS_FORMATS)[number];

/** The request body: why the export is made (the request's reference, say) and which file. */
export const subjectAccessRequestSchema = z.object({
  reason: plainText().min(3, 'say why you are exporting (at least 3 characters)').max(300, 'must be at most 300 characters'),
  format: z.enum(SUBJECT_ACCESS_FORMATS, { message: 'must be docx or json' }),
}).strict();
export type SubjectAccessRequest = z.infer<typeof subjectAccessRequestSchema>;

/** The answer: the file itself (the route sends `content` as the body, with Content-Disposition: attachment). */
export const subjectAccessFileSchema = z.object({
  fileName: z.string(),
  contentType: z.string(),
  content: z.custom<Uint8Array>((v) => v instanceof Uint8Array, 'must be the file'),
}).strict();
export type SubjectAccessFile = z.infer<typeof subjectAccessFileSchema>;
