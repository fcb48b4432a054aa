import readXlsxFile from 'read-excel-file/node';
import { boardLog, boardLogSections, computeIndicators, indicatorTables } from '../../../src/domain/indicators';
import { reportWorkbook } from '../../../src/documents/reportWorkbook';
import { makeAction, makeCase, makeDecision } from '../../support/records';
import { AGENCIES, scopeOf } from './support';

const POLICE_CASE = makeCase({ id: 'c1', ref: 'SP-2026-0101', referrerAgencyId: 'ag-police' });
const HEALTH_CASE = makeCase({ id: 'c2', ref: 'SP-2026-0102', referrerAgencyId: 'ag-health', leadAgencyId: 'ag-council' });
const DECISIONS = [
  makeDecision({ caseId: 'c2', outcome: 'escalate_s42', decidedAt: '2026-02-10T11:00:00.000Z', inquorate: true, rationale: 'Invented: Ada Lovelace is at risk.' }),
  makeDecision({ caseId: 'c1', outcome: 'accept', decidedAt: '2026-01-20T11:00:00.000Z', infoSharing: { what: 'Invented: risk summary', withWhom: 'GP', why: 'Invented', basis: 'vital interests' } }),
  // Outside Q1 2026 (the first of April in London): not in the log.
  makeDecision({ caseId: 'c1', outcome: 'continue', decidedAt: '2026-03-31T23:30:00.000Z' }),
];
// Judged on 1 March 2026: due 2026-02-27 is overdue, due 2026-03-05 is open but not yet due.
const NOW = '2026-03-01T12:00:00.000Z';
const OPEN = [
  makeAction({ agencyId: 'ag-police', dueDate: '2026-02-27', status: 'in_progress' }),
  makeAction({ agencyId: 'ag-police', dueDate: '2026-03-05', status: 'not_started' }),
  makeAction({ agencyId: 'ag-health', parentKind: 'learning_review', dueDate: '2026-01-05', status: 'not_started' }),
];
const data = { cases: [POLICE_CASE, HEALTH_CASE], decisions: DECISIONS, openActions: OPEN };

describe("the board workbook's decision log and open actions", () => {
  it('lists the period\'s decisions by London date and reference only, and counts open and overdue actions by agency and source', () => {
    const log = boardLog(data, scopeOf('2026-Q1', undefined, NOW));
    expect(log.decisions).toEqual([
      { decidedOn: '2026-01-20', caseRef: 'SP-2026-0101', outcome: 'accept', inquorate: false, informationShared: true },
      { decidedOn: '2026-02-10', caseRef: 'SP-2026-0102', outcome: 'escalate_s42', inquorate: true, informationShared: false },
    ]);
    expect(log.openActions).toEqual([
      { agencyId: 'ag-health', parentKind: 'learning_review', open: 1, overdue: 1 },
      { agencyId: 'ag-police', parentKind: 'case', open: 2, overdue: 1 },
    ]);
  });

  it('with one agency, keeps the decisions on cases it referred or leads and only its own actions', () => {
    const council = boardLog(data, scopeOf('2026-Q1', 'ag-council', NOW));
    expect(council.decisions.map((d) => d.caseRef)).toEqual(['SP-2026-0102']);
    expect(council.openActions).toEqual([]);
    expect(boardLog(data, scopeOf('2026-04', undefined, NOW)).decisions.map((d) => d.outcome)).toEqual(['continue']);
  });

  it('adds both sheets to the workbook, with totals, and never the rationale', async () => {
    const scope = scopeOf('2026-Q1', undefined, NOW);
    const indicators = computeIndicators({ agencies: AGENCIES, cases: [], decisions: [], actions: [], meetings: [], attendance: [] }, scope);
    const name = (id: string) => ({ 'ag-police': 'Police', 'ag-health': 'Health' })[id] ?? id;
    const sheets = [...indicatorTables(indicators, name), ...boardLogSections(boardLog(data, scope), '2026-03-01', name)];
    const file = await reportWorkbook(sheets, { title: 'Board', periodLabel: indicators.period.label, agencyLabel: 'All agencies', computedAt: NOW });
    const read = await readXlsxFile(file);
    expect(read.map((s) => s.sheet).slice(-2)).toEqual(['Decision log', 'Open actions by agency']);
    const log = read.find((s) => s.sheet === 'Decision log')!.data.map((r) => r.filter((c) => c !== null));
    expect(log[2]).toEqual(['2026-01-20', 'SP-2026-0101', 'Accepted for the panel', 'No', 'Yes']);
    expect(log[3]).toEqual(['2026-02-10', 'SP-2026-0102', 'Escalated to a section 42 enquiry', 'Yes', 'No']);
    const open = read.find((s) => s.sheet === 'Open actions by agency')!.data.map((r) => r.filter((c) => c !== null));
    expect(open[0]).toEqual(['Actions open on 2026-03-01, by agency and source']);
    expect(open.slice(2)).toEqual([['Health', 'Learning reviews', 1, 1], ['Police', 'Panel cases', 2, 1], ['All agencies', 'All sources', 3, 2]]);
    expect(JSON.stringify(read)).not.toContain('Ada Lovelace');
  });
});
