import { z } from 'zod';
import { recordAudit } from '../kernel/audit';
import { defineQuery } from '../kernel/query';
import { plainText } from '../kernel/validation';
import { EXPORT_FORMATS, indicatorsSchema } from '../contract/reports';
import { indicatorsInput } from './getIndicators';
import { type IndicatorsView, indicatorsView, reportRecordId } from './indicators/indicatorsView';

/**
 * The indicators for an export (the host renders the workbook or CSV). Every export is audited as an export, with
 * the reason the member gave and the format: a file leaves the system, so the audit trail says why.
 */
export const exportIndicators = defineQuery({
  name: 'exportIndicators',
  summary: "Export the board's indicators for a period as an Excel workbook or CSV, with the reason for the export",
  output: indicatorsSchema,
  input: indicatorsInput.extend({
    format: z.enum(EXPORT_FORMATS),
    reason: plainText().min(3, 'say why you are exporting (at least 3 characters)').max(300, 'must be at most 300 characters'),
  }).strict(),
  async run(ctx, tx, input): Promise<IndicatorsView> {
    const view = await indicatorsView(ctx, tx, input);
    await recordAudit(ctx, tx, {
      action: 'export', recordType: 'indicators', recordId: reportRecordId(input), reason: input.reason, change: { format: input.format },
    });
    return view;
  },
});
