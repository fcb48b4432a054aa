import { z } from 'zod';
import { reportExportSchema, type ReportExport } from '../../contract/reports';
import { boardLogSections, type BoardLog, indicatorTables } from '../../domain/indicators';
import { CSV_CONTENT_TYPE, reportCsv } from '../../documents/reportCsv';
import { reportWorkbook, XLSX_CONTENT_TYPE } from '../../documents/reportWorkbook';
import { runQuery } from '../../kernel/query';
import { queries } from '../../queries';
import type { IndicatorsView } from '../../queries/indicators/indicatorsView';
import { type RouteSpec, query } from '../routeTable';

const fileStem = (view: IndicatorsView) =>
  `riskpanel-indicators-${view.period.from}-to-${view.period.to}${view.agencyId ? `-${view.agencies.find((a) => a.id === view.agencyId)?.shortName ?? view.agencyId}` : ''}`
    .replace(/[^A-Za-z0-9._-]+/g, '-');

/** Renders the export the query audited: the file travels base64 in JSON, so the API stays one JSON contract. */
async function renderExport(view: IndicatorsView & { boardLog: BoardLog }, format: 'xlsx' | 'csv'): Promise<ReportExport> {
  const name = (id: string) => view.agencies.find((a) => a.id === id)?.name ?? id;
  const sections = [...indicatorTables(view, name), ...boardLogSections(view.boardLog, view.openCases.asAt, name)];
  const file = format === 'xlsx'
    ? await reportWorkbook(sections, {
      title: 'RiskPanel: board indicators', periodLabel: view.period.label, agencyLabel: view.agencyId ? name(view.agencyId) : 'All agencies',
      computedAt: view.computedAt,
    })
    : Buffer.from(reportCsv(sections), 'utf8');
  return reportExportSchema.parse({
    fileName: `${fileStem(view)}.${format}`,
    contentType: format === 'xlsx' ? XLSX_CONTENT_TYPE : CSV_CONTENT_TYPE,
    base64: file.toString('base64'),
    bytes: file.length,
  });
}

export const reportRoutes: RouteSpec[] = [
  { method: 'get', path: '/api/reports', operationId: 'getIndicators', tag: 'reports',
    summary: queries.getIndicators.summary, operation: query(queries.getIndicators),
    description: 'period: 2026-03 (month), 2026-Q1 (quarter), 2026 (year) or 2026-03-01..2026-04-15 (custom, both days included), in UK dates. ' +
      'agencyId: one agency. Board members (viewers), coordinators and chairs; counts only.' },
  { method: 'post', path: '/api/reports/exports', operationId: 'exportIndicators', tag: 'reports',
    summary: queries.exportIndicators.summary,
    operation: {
      kind: 'handler',
      input: queries.exportIndicators.input,
      run: async ({ ctx, input }) => {
        const view = await runQuery(queries.exportIndicators, ctx!, input);
        return renderExport(view, z.object({ format: z.enum(['xlsx', 'csv']) }).parse(input).format);
      },
    },
    description: 'The indicators as an Excel workbook (one sheet per indicator family, then the decision log of the period and the actions open now by agency) or CSV, base64 in JSON with its file name and type. ' +
      'Text cells starting with = + - @ are neutralised. Audited as an export with the reason given.' },
];
