import writeXlsxFile from 'write-excel-file/node';
import { execute } from '../../src/kernel/command';
import { commands } from '../../src/commands';
import { queries, runQuery } from '../../src/queries';
import { createWorld, type World } from '../support/world';

let world: World;
beforeEach(async () => (world = await createWorld()));
afterEach(() => world.close());

const HEADERS = ['Reference', 'Name', 'DOB', 'NHS number', 'Referring agency', 'Received', 'Status', 'Lead agency', 'Closed', 'Closure reason'];
// Invented people. Row 2 and 3 are good; 4 has a bad date and an unknown agency; 5 repeats row 2's reference.
const ROWS = [
  ['OLD-1', 'Ann Invented', '1950-01-01', '943 476 5919', 'Police', '14/03/2025', 'Closed', 'ASC', '2025-09-01', 'risk_reduced'],
  ['OLD-2', 'Bo Invented', '', '', 'Health', '2025-04-02', 'Declined', '', '', ''],
  ['OLD-3', 'Cy Invented', '', '', 'Nowhere Trust', '31/02/2025', 'Open', 'ASC', '', ''],
  ['OLD-1', 'Ann Invented', '1950-01-01', '', 'Police', '2025-03-14', 'Declined', '', '', ''],
];

async function workbook(): Promise<string> {
  const data = [HEADERS, ...ROWS].map((r) => r.map((value) => ({ value })));
  return (await writeXlsxFile(data).toBuffer()).toString('base64');
}
const csv = (rows: string[][]) => Buffer.from([HEADERS, ...rows].map((r) => r.map((c) => `"${c}"`).join(',')).join('\r\n')).toString('base64');

describe('importing a past log', () => {
  it('previews row by row: what would be created, and what is refused and why; nothing is written', async () => {
    const preview = await runQuery(queries.previewImport, world.ctx('coordinator'), { fileName: 'past.xlsx', base64: await workbook() });
    expect(preview.mapping).toMatchObject({ reference: 'Reference', adultName: 'Name', receivedDate: 'Received', referringAgency: 'Referring agency' });
    expect(preview.rows.map((r) => [r.row, r.outcome])).toEqual([[2, 'create'], [3, 'create'], [4, 'refused'], [5, 'refused']]);
    expect(preview.rows[2]!.reasons).toEqual(expect.arrayContaining([expect.stringContaining('is not a date'), 'no member agency called "Nowhere Trust"']));
    expect(preview.rows[3]!.reasons).toEqual(['reference OLD-1 is also on row 2']);
    expect(await world.store.transaction((tx) => tx.count('cases'))).toBe(0);
  });

  it('imports the good rows, audited as imported with file and row; importing again creates nothing twice', async () => {
    const base64 = await workbook();
    const first = await execute(commands.importLog, world.ctx('coordinator'), { fileName: 'past.xlsx', base64 });
    expect(first.counts).toEqual({ created: 2, exists: 0, refused: 2 });
    const ann = await world.store.transaction((tx) => tx.get('cases', first.rows[0]!.caseId!));
    expect(ann).toMatchObject({ status: 'closed', closureReason: 'risk_reduced', leadAgencyId: 'ag-council', referrerAgencyId: 'ag-police', initials: 'A.I.' });
    const audit = await world.store.transaction((tx) => tx.find('audit', { where: [{ field: 'recordId', op: 'eq', value: ann!.id }] }));
    expect(audit).toEqual([expect.objectContaining({ action: 'create', reason: 'imported from past.xlsx, row 2', change: expect.objectContaining({ imported: true, row: 2 }) })]);

    const again = await execute(commands.importLog, world.ctx('coordinator'), { fileName: 'past-copy.csv', base64: csv(ROWS.slice(0, 2)) });
    expect(again.counts).toEqual({ created: 0, exists: 2, refused: 0 });
    expect(await world.store.transaction((tx) => tx.count('cases'))).toBe(2);
  });

  it('refuses a bad file with a clear message and writes nothing; only coordinators may import', async () => {
    const ctx = world.ctx('coordinator');
    await expect(execute(commands.importLog, ctx, { fileName: 'past.xlsx', base64: Buffer.from('not a workbook').toString('base64') })).rejects.toThrow(/not an Excel workbook|invalid/i);
    await expect(execute(commands.importLog, ctx, { fileName: 'past.pdf', base64: csv(ROWS) })).rejects.toThrow();
    await expect(execute(commands.importLog, ctx, { fileName: 'past.csv', base64: Buffer.from('Reference\n').toString('base64') })).rejects.toThrow();
    await expect(execute(commands.importLog, world.ctx('chair'), { fileName: 'past.csv', base64: csv(ROWS) })).rejects.toThrow(/coordinators/);
    expect(await world.store.transaction((tx) => tx.count('cases'))).toBe(0);
  });
});
