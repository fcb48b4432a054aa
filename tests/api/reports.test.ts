import readXlsxFile from 'read-excel-file/node';
import { indicatorsSchema, reportExportSchema } from '../../src/contract/reports';
import { insert, makeAction, makeCase, makeDecision, makeMeeting, makeOpenCase } from '../support/records';
import { type TestServer, problemOf, startServer } from './server';

// The world's clock is 15 June 2026; Q2 2026 is running.
describe('GET /api/reports and POST /api/reports/exports', () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startServer();
    const store = server.world.store;
    await insert(store, 'cases',
      makeCase({ id: 'r1', receivedAt: '2026-04-02T10:00:00.000Z', referrerAgencyId: 'ag-police' }),
      makeCase({ id: 'r2', receivedAt: '2026-05-02T10:00:00.000Z', referrerAgencyId: 'ag-council', status: 'declined' }),
      makeOpenCase({ id: 'o1', receivedAt: '2026-01-10T10:00:00.000Z', acceptedAt: '2026-02-01T10:00:00.000Z', leadAgencyId: 'ag-health', riskLevel: 'very_high' }),
      makeCase({ id: 'old', receivedAt: '2025-01-10T10:00:00.000Z' }));
    await insert(store, 'decisions', makeDecision({ caseId: 'r2', outcome: 'decline', decidedAt: '2026-05-12T10:00:00.000Z' }));
    await insert(store, 'actions',
      makeAction({ agencyId: 'ag-police', dueDate: '2026-05-01', status: 'completed', completedAt: '2026-04-30T10:00:00.000Z' }),
      makeAction({ agencyId: 'ag-health', dueDate: '2026-06-01', status: 'in_progress' }));
    await insert(store, 'meetings', makeMeeting({ id: 'm1', status: 'held', startsAt: '2026-05-07T09:30:00.000Z' }));
  });
  afterAll(() => server.close());

  const auditOf = async (action: string) => server.world.store.transaction(async (tx) =>
    (await tx.find('audit', { where: [{ field: 'actorId', op: 'eq', value: 'viewer' }] })).filter((e) => e.action === action && e.recordType === 'indicators'));

  it('gives a board member the quarter\'s indicators in the contract\'s shape, and audits the read', async () => {
    const res = await server.call('GET', '/api/reports?period=2026-Q2', { as: 'viewer' });
    expect(res.status).toBe(200);
    const view = indicatorsSchema.parse(await res.json());
    expect(view.period).toMatchObject({ kind: 'quarter', from: '2026-04-01', to: '2026-06-30' });
    expect(view.referrals).toMatchObject({ total: 2, fromOutsideCouncil: 1, byMonth: [{ month: '2026-04', count: 1 }, { month: '2026-05', count: 1 }, { month: '2026-06', count: 0 }] });
    expect(view.screening).toMatchObject({ declined: 1, acceptanceRate: 0, daysToScreening: { count: 1, max: 10 } });
    expect(view.openCases).toMatchObject({ asAt: '2026-06-15', total: 1 });
    expect(view.actions.total).toMatchObject({ due: 2, completedOnTime: 1, overdue: 1 });
    expect(view.meetings.held).toBe(1);
    expect(view.agencies.map((a) => a.shortName)).toContain('Police');
    expect(await auditOf('view')).toEqual([expect.objectContaining({ recordId: '2026-Q2', reason: 'getIndicators' })]);
  });

  it('filters to one agency', async () => {
    const view = indicatorsSchema.parse(await (await server.call('GET', '/api/reports?period=2026-Q2&agencyId=ag-police', { as: 'coordinator' })).json());
    expect(view.agencyId).toBe('ag-police');
    expect([view.referrals.total, view.actions.total.due, view.openCases.total]).toEqual([1, 1, 0]);
  });

  it('refuses partners (403), and a bad period or an unknown agency (400) without changing anything', async () => {
    expect((await server.call('GET', '/api/reports?period=2026-Q2', { as: 'police' })).status).toBe(403);
    const before = await server.counts();
    for (const query of ['period=2026-Q9', 'period=', '', 'period=2026-Q2&agencyId=ag-nowhere']) {
      const res = await server.call('GET', `/api/reports?${query}`, { as: 'chair' });
      expect(res.status).toBe(400);
      expect((await problemOf(res)).title).toBe('Invalid input');
    }
    expect(await server.counts()).toEqual(before);
  });

  it('exports the workbook with a reason: one sheet per family, values as on the page, audited as an export', async () => {
    const res = await server.call('POST', '/api/reports/exports', { as: 'viewer', json: { period: '2026-Q2', format: 'xlsx', reason: 'Board meeting, July' } });
    expect(res.status).toBe(200);
    const file = reportExportSchema.parse(await res.json());
    expect(file.fileName).toBe('riskpanel-indicators-2026-04-01-to-2026-06-30.xlsx');
    const sheets = await readXlsxFile(Buffer.from(file.base64, 'base64'));
    // One sheet per family after the cover, then the period's decision log and the actions open now, from the store.
    expect(sheets).toHaveLength(14);
    expect(sheets.slice(-2).map((s) => s.sheet)).toEqual(['Decision log', 'Open actions by agency']);
    expect(sheets[12]!.data.slice(2).map((r) => r[2])).toContain('Declined');
    expect(sheets[13]!.data.at(-1)!.slice(0, 2)).toEqual(['All agencies', 'All sources']);
    expect(sheets[1]!.data.slice(2, 5).map((r) => r.slice(0, 2))).toEqual([['2026-04', 1], ['2026-05', 1], ['2026-06', 0]]);
    expect(await auditOf('export')).toEqual([expect.objectContaining({ recordId: '2026-Q2', reason: 'Board meeting, July', change: { format: 'xlsx' } })]);
  });

  it('exports CSV; refuses an export without a reason or in an unknown format', async () => {
    const csv = reportExportSchema.parse(await (await server.call('POST', '/api/reports/exports', { as: 'chair', json: { period: '2026-05', format: 'csv', reason: 'Quarterly return' } })).json());
    expect(Buffer.from(csv.base64, 'base64').toString('utf8')).toContain('Referrals by month\r\nMonth,Referrals\r\n2026-05,1\r\n');
    for (const json of [{ period: '2026-05', format: 'csv' }, { period: '2026-05', format: 'pdf', reason: 'why not' }, { period: '2026-05', format: 'csv', reason: ' ' }]) {
      expect((await server.call('POST', '/api/reports/exports', { as: 'chair', json })).status).toBe(400);
    }
    expect((await server.call('POST', '/api/reports/exports', { as: 'health', json: { period: '2026-05', format: 'csv', reason: 'Curious' } })).status).toBe(403);
  });
});
