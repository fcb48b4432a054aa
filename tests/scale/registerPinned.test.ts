import { createHash } from 'node:crypto';
import { DEMO_AGENCIES, DEMO_PERSONAS } from '../../src/demo/personas';
import { CASE_STATUSES, RISK_LEVELS } from '../../src/domain/enums';
import { runQuery } from '../../src/queries';
import { listRegister, REGISTER_SORTS, type RegisterAnswer, type RegisterPage } from '../../src/queries/listRegister';
import { demoWorld, type DemoWorld } from './demoWorld';

/*
 * The register's answers on the demo data, pinned before the register moved its filtering, visibility, sorting and
 * paging into the store (issue 11): every persona, every filter and sort, several pages. The snapshot was written by
 * the register as it was (reading every case), so the store-driven register must give the same pages, item by item.
 */

jest.setTimeout(120_000);

let world: DemoWorld;
beforeAll(async () => {
  world = await demoWorld();
});
afterAll(() => world.close());

const INPUTS: Record<string, unknown>[] = [
  {},
  { pageSize: 7 },
  { pageSize: 7, page: 2 },
  { pageSize: 7, page: 3 },
  { pageSize: 7, page: 40 },
  ...REGISTER_SORTS.flatMap((sort) => [{ sort }, { sort, order: 'asc' }, { sort, order: 'desc' }, { sort, order: 'desc', pageSize: 5, page: 2 }]),
  { order: 'asc' },
  ...CASE_STATUSES.map((status) => ({ status })),
  ...DEMO_AGENCIES.map((a) => ({ agencyId: a.id })),
  ...RISK_LEVELS.map((riskLevel) => ({ riskLevel })),
  { reviewDue: 'true' },
  { reviewDue: 'false' },
  { leadProfessionalId: DEMO_PERSONAS.find((p) => p.key === 'elft')!.id },
  { q: 'caspa' },
  { q: '2026-00' },
  { q: 'a.' },
  { q: 'J' },
  { status: 'open', sort: 'riskLevel', order: 'desc' },
  { agencyId: 'ag-police', sort: 'nextReviewDate', pageSize: 3, page: 2 },
];

/** A page in a form a person can read in the snapshot, with a digest of every field of every item. */
const pin = (p: RegisterPage) => ({
  total: p.total,
  page: p.page,
  pageSize: p.pageSize,
  rows: p.items.map((i) => `${i.ref} ${i.access}${i.overdueActions ? ` overdue:${i.overdueActions}` : ''}`),
  digest: createHash('sha256').update(JSON.stringify(p.items)).digest('hex').slice(0, 16),
});

describe.each(DEMO_PERSONAS.map((p) => p.key))('register for %s on the demo data', (key) => {
  it('gives the pinned pages for every filter, sort and page', async () => {
    const ctx = await world.ctxFor(key);
    const answers: Record<string, unknown> = {};
    for (const input of INPUTS) {
      const page = (await runQuery(listRegister, ctx, input)) as RegisterPage;
      answers[JSON.stringify(input)] = pin(page);
    }
    expect(answers).toMatchSnapshot();
  });
});

/*
 * The tab asks for the same register as two requests (issue 11): its rows with total=false and the count alone with
 * pageSize=0. Together they give exactly the pinned answer above, for every persona, filter, sort and page.
 */
describe.each(DEMO_PERSONAS.map((p) => p.key))('register for %s asked as rows and count apart', (key) => {
  it('gives the same rows without the total, and the same total alone', async () => {
    const ctx = await world.ctxFor(key);
    for (const input of INPUTS) {
      const whole = (await runQuery(listRegister, ctx, input)) as RegisterPage;
      const rows = (await runQuery(listRegister, ctx, { ...input, total: 'false' })) as RegisterAnswer;
      const count = (await runQuery(listRegister, ctx, { ...input, pageSize: '0' })) as RegisterAnswer;
      const { total, ...rest } = whole;
      expect({ input, rows, count: count.total, countItems: count.items.length }).toEqual({ input, rows: rest, count: total, countItems: 0 });
    }
  });
});
