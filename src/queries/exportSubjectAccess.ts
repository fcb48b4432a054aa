import { authorize } from '../policies';
import { type SubjectAccessFile, subjectAccessFileSchema, subjectAccessRequestSchema } from '../contract/subjectAccess';
import { DOCX_CONTENT_TYPE, subjectAccessDocument } from '../documents/subjectAccessDocument';
import { recordAudit } from '../kernel/audit';
import { loadVisibleCase } from '../kernel/caseAccess';
import { defineQuery } from '../kernel/query';
import { subjectAccessViewOf } from '../kernel/subjectAccessView';
import { id } from '../kernel/validation';

export const SUBJECT_ACCESS_JSON_TYPE = 'application/json';

/**
 * Subject access: everything held about the case's adult (their other cases too), as a Word document to read or a
 * JSON file for machines, with third-party information flagged for redaction review. Coordinators only; a case the
 * caller cannot see answers as a missing one, one they can see but not export is refused (both audited as denied by
 * the query runner). Every export is audited as an export of the case with its reason, format, size and flag count:
 * a file about a person leaves the system.
 */
export const exportSubjectAccess = defineQuery({
  name: 'exportSubjectAccess',
  summary: 'Subject access: everything held about a case\'s adult as a Word document or JSON, third-party information flagged (coordinators; audited with the reason)',
  output: subjectAccessFileSchema,
  input: subjectAccessRequestSchema.safeExtend({ caseId: id }).strict(),
  async run(ctx, tx, { caseId, reason, format }): Promise<SubjectAccessFile> {
    const { record: c } = await loadVisibleCase(ctx, tx, { caseId });
    authorize(ctx.actor, 'exportSubjectAccess', 'case', c, 'Only coordinators can export what is held about an adult (subject access).');
    const view = await subjectAccessViewOf(tx, c, ctx.actor.member, ctx.now());
    const content = format === 'docx'
      ? new Uint8Array(await subjectAccessDocument(view))
      : new Uint8Array(Buffer.from(JSON.stringify(view, null, 2), 'utf8'));
    await recordAudit(ctx, tx, {
      action: 'export', recordType: 'case', recordId: c.id, reason,
      change: {
        document: 'subjectAccess', format, bytes: content.length, cases: view.cases.map((s) => s.case.ref),
        flaggedForReview: view.redactionReview.length,
      },
    });
    const stem = `${c.ref} subject access ${ctx.now().toISOString().slice(0, 10)}`.replace(/[^A-Za-z0-9._-]+/g, '-');
    return format === 'docx'
      ? { fileName: `${stem}.docx`, contentType: DOCX_CONTENT_TYPE, content }
      : { fileName: `${stem}.json`, contentType: SUBJECT_ACCESS_JSON_TYPE, content };
  },
});
