import { z } from 'zod';
import { ValidationError } from '../domain/errors';
import { assertCaseTransition } from '../domain/lifecycle';
import type { AgendaItem } from '../domain/records';
import { authorize } from '../policies';
import { recordAudit } from '../kernel/audit';
import { defineCommand } from '../kernel/command';
import { stateLabel } from '../kernel/guards';
import { checkVersion } from '../kernel/loaders';
import { expectedVersion, id } from '../kernel/validation';
import { queueReferralCardRefresh } from '../kernel/notifications';
import { loadCaseFor } from '../kernel/caseAccess';
import { savedCaseSchema } from '../contract/cases';

/** The time a new referral gets on the agenda unless the coordinator changes it. */
export const NEW_REFERRAL_MINUTES = 10;

/**
 * The coordinator lists a referral for screening (status `listed`, the HTTP resource `/listing`) and, when a planned
 * meeting is named, places it on that meeting's agenda: a write, hence the verb.
 */
export const placeReferralOnAgenda = defineCommand({
  name: 'placeReferralOnAgenda',
  summary: 'Place a referral on the screening list, and on a planned meeting\'s agenda when one is named',
  output: savedCaseSchema,
  input: z.object({ caseId: id, meetingId: id.optional(), expectedVersion }).strict(),
  async run(ctx, tx, input) {
    const c = await loadCaseFor(ctx, tx, input.caseId);
    authorize(ctx.actor, 'list', 'case', c, 'Only coordinators can list referrals.');
    checkVersion(c, input.expectedVersion);
    assertCaseTransition(c.status, 'listed');

    let agendaItem: AgendaItem | undefined;
    if (input.meetingId) {
      const meeting = await tx.get('meetings', input.meetingId);
      if (!meeting) throw new ValidationError([{ field: 'meetingId', message: 'no meeting with this id' }]);
      if (meeting.status !== 'planned' && meeting.status !== 'agenda_published') {
        throw new ValidationError([
          { field: 'meetingId', message: `the meeting is ${stateLabel(meeting.status)}; choose a planned meeting` },
        ]);
      }
      const items = await tx.find('agendaItems', { where: [{ field: 'meetingId', op: 'eq', value: meeting.id }] });
      // A deferred referral listed again on the same meeting keeps its one item.
      agendaItem = items.find((i) => i.caseId === c.id && i.kind === 'new_referral');
      if (!agendaItem) {
        agendaItem = await tx.insert('agendaItems', {
          id: ctx.newId(),
          meetingId: meeting.id,
          order: Math.max(0, ...items.map((i) => i.order)) + 1,
          kind: 'new_referral',
          caseId: c.id,
          presentingAgencyId: c.referrerAgencyId,
          minutesAllotted: NEW_REFERRAL_MINUTES,
        });
        await recordAudit(ctx, tx, {
          action: 'create',
          recordType: 'agendaItem',
          recordId: agendaItem.id,
          change: { meetingId: meeting.id, caseId: c.id, order: agendaItem.order, kind: 'new_referral' },
        });
      }
    }

    const updated = await tx.update('cases', { ...c, status: 'listed', updatedAt: ctx.now().toISOString() });
    // The posted new-referral card shows who has answered and the state: refresh it in place.
    await queueReferralCardRefresh(tx, updated, ctx.now());
    await recordAudit(ctx, tx, {
      action: 'update',
      recordType: 'case',
      recordId: c.id,
      change: {
        status: { from: c.status, to: 'listed' },
        ...(agendaItem ? { meetingId: agendaItem.meetingId, agendaItemId: agendaItem.id } : {}),
      },
    });
    return updated;
  },
});
