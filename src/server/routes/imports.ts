import { runQuery } from '../../kernel/query';
import { commands } from '../../commands';
import { queries } from '../../queries';
import { command, type RouteSpec } from '../routeTable';

const FILE_NOTE = 'The file (an .xlsx workbook, its first sheet, or a UTF-8 .csv; at most 1 MB and 2,000 rows) travels base64 in JSON. ' +
  'mapping: field → column header (absent: guessed from the headers); rows: only these spreadsheet rows (the whole file is still judged). ' +
  'A row holds a case, an action of the case its reference names (in the file or already stored), or both. Coordinators only; a bad file is a 400 and writes nothing.';

export const importRoutes: RouteSpec[] = [
  { method: 'post', path: '/api/imports/preview', operationId: 'previewImport', tag: 'imports', summary: queries.previewImport.summary,
    operation: { kind: 'handler', input: queries.previewImport.input, run: ({ ctx, input }) => runQuery(queries.previewImport, ctx!, input) },
    description: `Nothing is written. ${FILE_NOTE}` },
  { method: 'post', path: '/api/imports', operationId: 'importLog', tag: 'imports', summary: commands.importLog.summary, status: 201,
    operation: command(commands.importLog),
    description: `Rows already imported (a case by the log's reference, an action by its case, wording and due date) or refused are reported, not written; each record created is audited as imported with the file and row. ${FILE_NOTE}` },
];
