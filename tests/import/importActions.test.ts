import { execute } from '../../src/kernel/command';
import { commands } from '../../src/commands';
import { queries, runQuery } from '../../src/queries';
import { createWorld, type World } from '../support/world';

let world: World;
beforeEach(async () => (world = await createWorld()));
afterEach(() => world.close());

// One invented log of cases and their actions; a row describing an action with no adult's name is an action of the
// case its reference names. Row numbers as in the spreadsheet (header is row 1).
const HEADERS = ['Reference', 'Name', 'Referring agency', 'Received', 'Status', 'Lead agency', 'Closed', 'Closure reason',
  'Action', 'Action agency', 'Owner email', 'Due date', 'Action status', 'Completed date'];
const ROWS = [
  /* 2 */ ['OLD-1', 'Ann Invented', 'Police', '2025-03-14', 'Closed', 'ASC', '2025-09-01', 'risk_reduced', '', '', '', '', '', ''],
  /* 3 */ ['OLD-2', 'Bo Invented', 'Health', '2025-04-02', 'Open', 'ASC', '', '', '', '', '', '', '', ''],
  /* 4 */ ['OLD-1', '', '', '', '', '', '', '', 'Invented: fit a smoke alarm', '', 'fire@example.test', '2025-05-01', 'Done', '2025-04-28'],
  /* 5 */ ['OLD-2', '', '', '', '', '', '', '', 'Invented: welfare visit', 'Police', '', '2026-07-01', 'Open', ''],
  /* 6 */ ['OLD-3', 'Cy Invented', 'Fire', '2025-05-05', 'Open', 'Health', '', '', 'Invented: GP review', '', 'health@example.test', '2026-08-01', 'Open', ''],
  /* 7 */ ['OLD-404', '', '', '', '', '', '', '', 'Invented: an action of no case', 'Police', '', '2026-07-01', 'Open', ''],
  /* 8 */ ['OLD-2', '', '', '', '', '', '', '', 'Invented: done but when?', 'Police', '', '2025-06-01', 'Done', ''],
  /* 9 */ ['OLD-2', '', '', '', '', '', '', '', 'Invented: nobody owns this', 'Fire', 'nobody@example.test', '2026-07-01', 'Open', ''],
  /* 10 */ ['OLD-1', '', '', '', '', '', '', '', 'Invented: still open on a closed case', 'Police', '', '2025-08-01', 'Open', ''],
  /* 11 */ ['OLD-2', '', '', '', '', '', '', '', 'Invented: WELFARE visit', 'Police', '', '01/07/2026', 'open', ''],
  /* 12 */ ['OLD-4', 'Di Invented', 'Police', '2025-06-06', 'Declined', '', '', '', '', '', '', '', '', ''],
  /* 13 */ ['OLD-4', '', '', '', '', '', '', '', 'Invented: on a declined referral', 'Police', '', '2025-07-01', 'Open', ''],
];
const csv = (rows: string[][], headers = HEADERS) =>
  Buffer.from([headers, ...rows].map((r) => r.map((c) => `"${c}"`).join(',')).join('\r\n')).toString('base64');
const count = (kind: 'cases' | 'actions') => world.store.transaction((tx) => tx.count(kind));

describe('importing past actions', () => {
  it('previews each action row: created on a case of the file, or refused with its reason; nothing is written', async () => {
    const preview = await runQuery(queries.previewImport, world.ctx('coordinator'), { fileName: 'log.csv', base64: csv(ROWS) });
    expect(preview.mapping).toMatchObject({
      actionDescription: 'Action', actionAgency: 'Action agency', actionOwnerEmail: 'Owner email', actionDueDate: 'Due date',
      actionStatus: 'Action status', actionCompletedDate: 'Completed date',
    });
    const byRow = Object.fromEntries(preview.rows.map((r) => [r.row, r]));
    expect(preview.rows.map((r) => [r.row, r.kind, r.outcome])).toEqual([
      [2, 'case', 'create'], [3, 'case', 'create'], [4, 'action', 'create'], [5, 'action', 'create'], [6, 'caseAndAction', 'create'],
      [7, 'action', 'refused'], [8, 'action', 'refused'], [9, 'action', 'refused'], [10, 'action', 'refused'], [11, 'action', 'refused'],
      [12, 'case', 'create'], [13, 'action', 'refused'],
    ]);
    expect(byRow[7]!.reasons).toEqual(['no case with reference OLD-404 in this file or in RiskPanel']);
    expect(byRow[8]!.reasons).toEqual(['a finished action needs its actionCompletedDate']);
    expect(byRow[9]!.reasons).toEqual(['no member with the email nobody@example.test']);
    expect(byRow[10]!.reasons).toEqual(['case OLD-1 is closed: its actions must be finished (done, not done or cancelled)']);
    // The same case, wording (however capitalised) and due date (however written) is one action.
    expect(byRow[11]!.reasons).toEqual(['the same action (case, wording and due date) is also on row 5']);
    expect(byRow[13]!.reasons).toEqual(['case OLD-4 is declined: only open or closed cases have actions']);
    expect(preview.counts).toEqual({ create: 6, exists: 0, refused: 6 });
    expect(preview.records).toEqual({ cases: 4, actions: 3 });
    expect([await count('cases'), await count('actions')]).toEqual([0, 0]);
  });

  it('refuses an action with no owner, no due date or an unknown agency, and one whose agency has no lead to own it', async () => {
    const rows = [
      ['OLD-2', 'Bo Invented', 'Health', '2025-04-02', 'Open', 'ASC', '', '', '', '', '', '', '', ''],
      ['OLD-2', '', '', '', '', '', '', '', 'Invented: no owner', '', '', '2026-07-01', 'Open', ''],
      ['OLD-2', '', '', '', '', '', '', '', 'Invented: no date', 'Police', '', '', 'Open', ''],
      ['OLD-2', '', '', '', '', '', '', '', 'Invented: odd agency', 'Nowhere Trust', '', '2026-07-01', 'Maybe', ''],
      ['OLD-2', '', '', '', '', '', '', '', 'Invented: leaderless', 'Fire', '', '2026-07-01', 'Open', ''],
      ['OLD-2', '', '', '', '', '', '', '', 'Invented: wrong agency', 'Health', 'police@example.test', '2026-07-01', 'Open', ''],
    ];
    const preview = await runQuery(queries.previewImport, world.ctx('coordinator'), { fileName: 'log.csv', base64: csv(rows) });
    expect(preview.rows.slice(1).map((r) => r.reasons)).toEqual([
      ['an action needs its actionAgency or actionOwnerEmail'],
      ['actionDueDate is empty'],
      ['actionStatus "Maybe" is not open, done or one of the panel\'s action statuses', 'no member agency called "Nowhere Trust"'],
      ['Fire has no agency lead to own the action: give actionOwnerEmail'],
      ['police@example.test is not a member of Health'],
    ]);
  });

  it('imports actions onto their cases, audited as imported with file and row; importing again creates nothing twice', async () => {
    const first = await execute(commands.importLog, world.ctx('coordinator'), { fileName: 'log.csv', base64: csv(ROWS) });
    expect(first.records).toEqual({ cases: 4, actions: 3 });
    expect(first.counts).toEqual({ created: 6, exists: 0, refused: 6 });
    const row = (n: number) => first.rows.find((r) => r.row === n)!;
    const [smokeAlarm, visit] = await world.store.transaction(async (tx) => [await tx.get('actions', row(4).actionId!), await tx.get('actions', row(5).actionId!)]);
    expect(smokeAlarm).toMatchObject({
      parentKind: 'case', parentId: row(2).caseId, ownerId: 'fire', agencyId: 'ag-fire', dueDate: '2025-05-01', status: 'completed',
      completedAt: '2025-04-28T11:00:00.000Z', completedById: 'coordinator',
    });
    // Named by agency only: the agency's lead owns it.
    expect(visit).toMatchObject({ parentId: row(3).caseId, ownerId: 'policelead', agencyId: 'ag-police', status: 'not_started', dueDate: '2026-07-01' });
    expect(row(6)).toMatchObject({ kind: 'caseAndAction', outcome: 'create', caseId: expect.any(String), actionId: expect.any(String) });
    const audit = await world.store.transaction((tx) => tx.find('audit', { where: [{ field: 'recordId', op: 'eq', value: visit!.id }] }));
    expect(audit).toEqual([expect.objectContaining({
      action: 'create', recordType: 'action', reason: 'imported from log.csv, row 5',
      change: expect.objectContaining({ imported: true, fileName: 'log.csv', row: 5, parentId: row(3).caseId }),
    })]);

    const again = await execute(commands.importLog, world.ctx('coordinator'), { fileName: 'log-again.csv', base64: csv(ROWS) });
    expect(again.records).toEqual({ cases: 0, actions: 0 });
    expect(again.counts).toEqual({ created: 0, exists: 6, refused: 6 });
    expect([await count('cases'), await count('actions')]).toEqual([4, 3]);
  });

  it('attaches a later file\'s actions to cases already in RiskPanel, by the log\'s reference or RiskPanel\'s', async () => {
    const cases = await execute(commands.importLog, world.ctx('coordinator'), { fileName: 'cases.csv', base64: csv(ROWS.slice(0, 2)) });
    const riskPanelRef = cases.rows[1]!.ref!;
    const later = [
      ['OLD-2', '', '', '', '', '', '', '', 'Invented: by the log reference', 'Police', '', '2026-07-01', 'Open', ''],
      [riskPanelRef.toLowerCase(), '', '', '', '', '', '', '', 'Invented: by the RiskPanel reference', 'Police', '', '2026-07-02', 'In progress', ''],
    ];
    const result = await execute(commands.importLog, world.ctx('coordinator'), { fileName: 'actions.csv', base64: csv(later) });
    expect(result.rows.map((r) => [r.outcome, r.caseId])).toEqual([['create', cases.rows[1]!.caseId], ['create', cases.rows[1]!.caseId]]);
    expect((await world.store.transaction((tx) => tx.get('actions', result.rows[1]!.actionId!)))!.status).toBe('in_progress');
  });

  it('imports in parts, judged as the whole: an action whose case is in a later part waits for it, then is created once', async () => {
    const ctx = world.ctx('coordinator');
    const base64 = csv(ROWS);
    const early = await execute(commands.importLog, ctx, { fileName: 'log.csv', base64, rows: [4, 5] });
    expect(early.rows.map((r) => [r.row, r.outcome, r.reasons])).toEqual([
      [4, 'refused', ["its case OLD-1 is not imported yet: import the case's row first"]],
      [5, 'refused', ["its case OLD-2 is not imported yet: import the case's row first"]],
    ]);
    expect(await count('actions')).toBe(0);
    const partCases = await execute(commands.importLog, ctx, { fileName: 'log.csv', base64, rows: [2, 3] });
    expect(partCases.records).toEqual({ cases: 2, actions: 0 });
    const partActions = await execute(commands.importLog, ctx, { fileName: 'log.csv', base64, rows: [4, 5] });
    expect(partActions.records).toEqual({ cases: 0, actions: 2 });
    const rest = await execute(commands.importLog, ctx, { fileName: 'log.csv', base64, rows: [2, 3, 4, 5, 6, 7] });
    expect(rest.rows.map((r) => r.outcome)).toEqual(['exists', 'exists', 'exists', 'exists', 'create', 'refused']);
    expect([await count('cases'), await count('actions')]).toEqual([3, 3]);
  });
});
