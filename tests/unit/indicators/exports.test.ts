import readXlsxFile from 'read-excel-file/node';
import { computeIndicators, indicatorTables } from '../../../src/domain/indicators';
import { reportCsv } from '../../../src/documents/reportCsv';
import { neutralise } from '../../../src/documents/reportCells';
import { reportWorkbook } from '../../../src/documents/reportWorkbook';
import { makeCase } from '../../support/records';
import { AGENCIES, scopeOf } from './support';

// An agency name is the one piece of typed text in the tables: make it a formula.
const NAMES: Record<string, string> = { 'ag-council': 'Council', 'ag-police': '=HYPERLINK("http://evil.example","Police")', 'ag-health': '@SUM(1+1)' };
const indicators = computeIndicators({
  agencies: AGENCIES,
  cases: [
    makeCase({ receivedAt: '2026-01-05T10:00:00.000Z', referrerAgencyId: 'ag-police' }),
    makeCase({ receivedAt: '2026-02-05T10:00:00.000Z', referrerAgencyId: 'ag-police' }),
    makeCase({ receivedAt: '2026-02-06T10:00:00.000Z', referrerAgencyId: 'ag-health' }),
  ],
  decisions: [], actions: [], meetings: [], attendance: [],
}, scopeOf('2026-Q1'));
/** read-excel-file pads every row to the sheet's width with nulls. */
const trim = (rows: unknown[][]) => rows.map((row) => { const r = [...row]; while (r.length && r[r.length - 1] === null) r.pop(); return r; });
const sections = indicatorTables(indicators, (id) => NAMES[id] ?? id);

describe('report exports', () => {
  it('neutralises text starting with = + - @ (and tab or CR), never numbers', () => {
    expect(['=1+1', '+1', '-1', '@A1', '\tx', '\rx', 'ok', 'a=b'].map(neutralise)).toEqual(["'=1+1", "'+1", "'-1", "'@A1", "'\tx", "'\rx", 'ok', 'a=b']);
    expect(neutralise(-3)).toBe(-3);
    expect(neutralise(null)).toBeNull();
  });

  it('writes one sheet per indicator family after a cover sheet, and the workbook reads back with its values', async () => {
    const file = await reportWorkbook(sections, { title: 'Board indicators', periodLabel: indicators.period.label, agencyLabel: 'All agencies', computedAt: indicators.computedAt });
    const sheets = await readXlsxFile(file);
    expect(sheets.map((s) => s.sheet)).toEqual([
      'About', 'Referrals', 'Screening', 'Repeat referrals', 'Open cases', 'Actions', 'Meetings', 'Minutes', "Adult's voice", 'Capacity', 'Closures', 'Escalations',
    ]);
    const about = trim(sheets[0]!.data);
    expect(about[1]).toEqual(['Period', 'Q1 2026 (January to March)']);
    const referrals = trim(sheets[1]!.data);
    expect(referrals[0]![0]).toBe('Referrals by month');
    expect(referrals[1]).toEqual(['Month', 'Referrals']);
    expect(referrals.slice(2, 5)).toEqual([['2026-01', 1], ['2026-02', 2], ['2026-03', 0]]);
    // The formula-looking agency names come back as text with the apostrophe, not as formulas.
    const byAgency = referrals.findIndex((row) => row[0] === 'Referrals by referring agency');
    expect(referrals.slice(byAgency + 2, byAgency + 4)).toEqual([[`'${NAMES['ag-police']}`, 2], [`'${NAMES['ag-health']}`, 1]]);
  });

  it('writes every table to CSV under its title, neutralised, with a byte-order mark for Excel', () => {
    const csv = reportCsv(sections);
    expect(csv.startsWith('\uFEFFReferrals by month\r\nMonth,Referrals\r\n2026-01,1\r\n2026-02,2\r\n2026-03,0\r\n\r\n')).toBe(true);
    expect(csv).toContain(`"'=HYPERLINK(""http://evil.example"",""Police"")",2\r\n`);
    expect(csv).toContain("'@SUM(1+1),1\r\n");
    expect(csv).not.toMatch(/(^|\n|,)[=+@]/);
  });
});
