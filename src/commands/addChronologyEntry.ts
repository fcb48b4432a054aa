import { z } from 'zod';
import { CHRONOLOGY_TYPES, SIGNIFICANCE_LEVELS } from '../domain/enums';
import { ValidationError } from '../domain/errors';
import { authorize } from '../policies';
import { recordAudit } from '../kernel/audit';
import { appendChronology } from '../kernel/caseAppends';
import { defineCommand } from '../kernel/command';
import { requireActiveAgency } from '../kernel/guards';
import { id, isoDateTime, text } from '../kernel/validation';
import { loadCaseFor } from '../kernel/caseAccess';
import { chronologyEntrySchema } from '../contract/records';

/** Clocks differ a little between a user's device and the server; "now" on the device is not "the future". */
const CLOCK_SKEW_MS = 5 * 60_000;

export const addChronologyEntry = defineCommand({
  name: 'addChronologyEntry',
  summary: 'Add an event to a case\'s chronology (append-only; a mistake is corrected by a new entry)',
  output: chronologyEntrySchema,
  input: z
    .object({
      caseId: id,
      occurredAt: isoDateTime,
      type: z.enum(CHRONOLOGY_TYPES),
      summary: text(2000),
      significance: z.enum(SIGNIFICANCE_LEVELS),
      sourceAgencyId: id.optional(),
      correctsEntryId: id.optional(),
    })
    .strict(),
  async run(ctx, tx, input) {
    const c = await loadCaseFor(ctx, tx, input.caseId);
    authorize(ctx.actor, 'addChronology', 'case', c, 'Only coordinators, the chair and partners who can see this case can add to its chronology.');

    const occurredAt = new Date(input.occurredAt);
    if (occurredAt.getTime() > ctx.now().getTime() + CLOCK_SKEW_MS) {
      throw new ValidationError([{ field: 'occurredAt', message: 'must not be in the future' }]);
    }
    if (input.sourceAgencyId) await requireActiveAgency(tx, input.sourceAgencyId, 'sourceAgencyId');
    if (input.correctsEntryId) {
      const corrected = await tx.get('chronology', input.correctsEntryId);
      if (corrected?.caseId !== c.id) {
        throw new ValidationError([{ field: 'correctsEntryId', message: 'is not an entry of this case\'s chronology' }]);
      }
    }

    const entry = await appendChronology(ctx, tx, { ...input, occurredAt: occurredAt.toISOString() }, 'entry');
    // Audited on the case, so the case's trail shows its chronology growing.
    await recordAudit(ctx, tx, {
      action: 'update',
      recordType: 'case',
      recordId: c.id,
      change: {
        chronologyEntryId: entry.id,
        chronology: { type: entry.type, significance: entry.significance, occurredAt: entry.occurredAt, sourceAgencyId: entry.sourceAgencyId },
        ...(entry.correctsEntryId ? { correctsEntryId: entry.correctsEntryId } : {}),
      },
    });
    return entry;
  },
});
