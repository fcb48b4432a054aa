import { z } from 'zod';
import { ForbiddenError, NotFoundError } from '../domain/errors';
import { can } from '../policies';
import { type MinutesFile, minutesFileSchema } from '../contract/meetings';
import { DOCX_CONTENT_TYPE, minutesDocument, minutesDocumentPath } from '../documents/minutesDocument';
import { recordAudit } from '../kernel/audit';
import { documentsOf, safeSegment } from '../kernel/documentStore';
import { load } from '../kernel/loaders';
import { minutesViewOf } from '../kernel/minutesView';
import { defineQuery } from '../kernel/query';
import { id } from '../kernel/validation';

/**
 * The minutes as a Word document. Issued minutes are the stored document (they go to every panel member: whoever may
 * read the agenda); before issue the coordinators and the chair get the draft built from the record as it stands.
 * Every download is audited as an export: a file leaves the system.
 */
export const downloadMinutes = defineQuery({
  name: 'downloadMinutes',
  summary: 'The minutes as a Word document: issued minutes for panel members, the draft for coordinators and the chair (audited as an export)',
  output: minutesFileSchema,
  input: z.object({ meetingId: id }).strict(),
  async run(ctx, tx, input): Promise<MinutesFile> {
    const meeting = await load(tx, 'meetings', input.meetingId);
    const issued = meeting.status === 'minutes_issued';
    const allowed = issued
      ? can(ctx.actor, 'readAgenda', 'meeting', meeting)
      : can(ctx.actor, 'editMinutes', 'meeting', meeting) || can(ctx.actor, 'approveMinutes', 'meeting', meeting);
    if (!allowed) {
      throw new ForbiddenError(issued ? 'Only members of the panel can download its minutes.' : 'Only coordinators and the meeting\'s chair can download draft minutes.');
    }
    if (!issued && !meeting.minutes) throw new NotFoundError('This meeting has no minutes yet: they are drafted when it ends.');

    const path = minutesDocumentPath(meeting);
    // The stored document is the record of what was issued; one issued before documents were stored is built now.
    const stored = issued ? await documentsOf(ctx.store).get(path) : undefined;
    const content = stored ?? await minutesDocument(await minutesViewOf(tx, meeting, ctx.now()));
    await recordAudit(ctx, tx, {
      action: 'export', recordType: 'meeting', recordId: meeting.id,
      change: { document: 'minutes', status: meeting.status, bytes: content.length, ...(stored ? { stored: path } : { built: true }) },
    });
    return { fileName: `${safeSegment(meeting.title)} minutes${issued ? '' : ' (draft)'}.docx`, contentType: DOCX_CONTENT_TYPE, content };
  },
});
