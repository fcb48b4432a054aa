import { z } from 'zod';
import { recordAudit } from '../kernel/audit';
import { defineQuery, HiddenRecordError } from '../kernel/query';
import { id } from '../kernel/validation';
import { ACTION_NOT_FOUND, loadReadableAction } from './actionCardAccess';
import { loadReminderView, type ReminderView } from './cardData';
import { surface } from './surface';
import { reminderViewSchema } from '../contract/views';

/**
 * The reminder card of one action, for someone who may read the action (surface rule 1); otherwise the answer for a
 * missing action, audited 'denied'. On a shared surface the line is the shared one and the description is left out.
 */
export const getActionReminderCard = defineQuery({
  name: 'getActionReminderCard',
  summary: 'The reminder card of one action, for an actor who may read it',
  output: reminderViewSchema,
  input: z.object({ actionId: id, surface }),
  async run(ctx, tx, input): Promise<ReminderView> {
    const { action } = await loadReadableAction(ctx, tx, input.actionId);
    const view = await loadReminderView(tx, action.id, { now: ctx.now(), shared: input.surface === 'shared' });
    if (!view) throw new HiddenRecordError(ACTION_NOT_FOUND, 'action', action.id);
    await recordAudit(ctx, tx, { action: 'view', recordType: 'action', recordId: action.id, reason: `reminderCard (${input.surface})` });
    return view;
  },
});
