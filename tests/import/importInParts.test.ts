import { mergeResults, partsOf } from '../../tabs/src/pages/import/importInParts';

const row = (n: number, kind: 'case' | 'action' | 'caseAndAction') => ({ row: n, kind });

describe('the import page sends a file in parts', () => {
  it('sends the rows holding cases before the action rows, in at most ten parts of at least five rows', () => {
    const rows = [row(2, 'action'), row(3, 'case'), row(4, 'caseAndAction'), row(5, 'action'), row(6, 'case'), row(7, 'case'), row(8, 'case')];
    expect(partsOf(rows)).toEqual([[3, 4, 6, 7, 8], [2, 5]]);
    const many = Array.from({ length: 95 }, (_, i) => row(i + 2, 'case'));
    const parts = partsOf(many);
    expect(parts).toHaveLength(10);
    expect(parts.flat()).toEqual(many.map((r) => r.row));
  });

  it('adds the parts\' answers up into one, rows in the file\'s order', () => {
    const part = (rows: { row: number; outcome: 'create' | 'exists' | 'refused' }[], cases: number, actions: number) => ({
      fileName: 'log.csv', rows: rows.map((r) => ({ ...r, kind: 'case' as const, reasons: [] })),
      counts: { created: 0, exists: 0, refused: 0 }, records: { cases, actions },
    });
    const merged = mergeResults('log.csv', [part([{ row: 3, outcome: 'create' }, { row: 4, outcome: 'refused' }], 1, 0), part([{ row: 2, outcome: 'exists' }], 0, 2)]);
    expect(merged.rows.map((r) => r.row)).toEqual([2, 3, 4]);
    expect(merged.counts).toEqual({ created: 1, exists: 1, refused: 1 });
    expect(merged.records).toEqual({ cases: 1, actions: 2 });
  });
});
