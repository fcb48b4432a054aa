import { type ImportPreview, importPreviewSchema, importRequestSchema } from '../contract/imports';
import { planImportRequest, REQUIRED_FIELDS } from '../kernel/import/planImport';
import { defineQuery } from '../kernel/query';

/**
 * What importing a past log would do, row by row: created (a case, an action or both), already imported, or refused
 * and why; with the columns mapped (as given, or guessed from the headers). Nothing is written. Coordinators only.
 */
export const previewImport = defineQuery({
  name: 'previewImport',
  summary: 'Preview importing a past log (Excel or CSV): each row\'s case or action created, already imported or refused with its reasons',
  input: importRequestSchema,
  output: importPreviewSchema,
  async run(ctx, tx, input): Promise<ImportPreview> {
    const { file, mapping, planned } = await planImportRequest(ctx, tx, input);
    const rows = planned.map((p) => p.plan);
    const count = (o: string) => rows.filter((r) => r.outcome === o).length;
    return {
      fileName: file.fileName, headers: file.headers, mapping, required: [...REQUIRED_FIELDS], rows,
      counts: { create: count('create'), exists: count('exists'), refused: count('refused') },
      records: { cases: planned.filter((p) => p.case).length, actions: planned.filter((p) => p.action).length },
    };
  },
});
