import { z } from 'zod';
import { recordAudit } from '../kernel/audit';
import { defineQuery, HiddenRecordError } from '../kernel/query';
import { id } from '../kernel/validation';
import { ACTION_NOT_FOUND, loadReadableAction } from './actionCardAccess';
import { type EscalationView, loadEscalationView } from './cardData';
import { surface } from './surface';
import { escalationViewSchema } from '../contract/views';

/** The escalation card of one action, for someone who may read the action (surface rule 1); otherwise as missing. */
export const getActionEscalationCard = defineQuery({
  name: 'getActionEscalationCard',
  summary: 'The escalation card of one overdue action, for an actor who may read it',
  output: escalationViewSchema,
  input: z.object({ actionId: id, thresholdDays: z.coerce.number().int().min(0).max(365).default(0), surface }),
  async run(ctx, tx, input): Promise<EscalationView> {
    const { action } = await loadReadableAction(ctx, tx, input.actionId);
    const view = await loadEscalationView(tx, action.id, input.thresholdDays, { now: ctx.now(), shared: input.surface === 'shared' });
    if (!view) throw new HiddenRecordError(ACTION_NOT_FOUND, 'action', action.id);
    await recordAudit(ctx, tx, { action: 'view', recordType: 'action', recordId: action.id, reason: `escalationCard (${input.surface})` });
    return view;
  },
});
