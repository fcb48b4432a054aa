import { z } from 'zod';
import { recordAudit } from '../kernel/audit';
import { defineQuery } from '../kernel/query';
import { id } from '../kernel/validation';
import { type IndicatorsView, indicatorsView, reportRecordId } from './indicators/indicatorsView';
import { optionalParam } from './queryString';
import { indicatorsSchema } from '../contract/reports';

export const indicatorsInput = z.object({ period: z.string().trim().min(1, 'is required').max(40), agencyId: optionalParam(id) });

/**
 * The board's indicators for a period (2026-03, 2026-Q1, 2026 or 2026-03-01..2026-04-15), optionally for one agency.
 * Counts only, never a person, so board members read them; the read is audited like any other.
 */
export const getIndicators = defineQuery({
  name: 'getIndicators',
  summary: "The board's indicators for a period (month, quarter, year or custom), optionally one agency",
  output: indicatorsSchema,
  input: indicatorsInput,
  async run(ctx, tx, input): Promise<IndicatorsView> {
    const view = await indicatorsView(ctx, tx, input);
    await recordAudit(ctx, tx, { action: 'view', recordType: 'indicators', recordId: reportRecordId(input), reason: 'getIndicators' });
    return view;
  },
});
