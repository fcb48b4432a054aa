import { ValidationError } from '../../src/domain/errors';
import { runQuery } from '../../src/queries';
import { listRegister, type RegisterAnswer, type RegisterPage } from '../../src/queries/listRegister';
import { insert, makeCase, makeOpenCase } from '../support/records';
import { demoWorld, type DemoWorld } from './demoWorld';

/*
 * The register's cursor (keyset paging) and what a page costs: walking the register by cursor gives every row once,
 * in the register's order, also when cases arrive meanwhile; a first page reads at most twice its size in rows
 * however many cases the store holds.
 */

jest.setTimeout(120_000);

let world: DemoWorld;
beforeEach(async () => {
  world = await demoWorld();
});
afterEach(() => world.close());

const refs = (p: RegisterPage) => p.items.map((i) => i.ref);

async function walk(key: string, input: Record<string, unknown>, during?: (pageNo: number) => Promise<void>): Promise<string[]> {
  const ctx = await world.ctxFor(key);
  const seen: string[] = [];
  let cursor: string | undefined;
  for (let n = 1; n < 100; n++) {
    const page = (await runQuery(listRegister, ctx, { ...input, pageSize: 4, ...(cursor ? { cursor } : {}) })) as RegisterPage;
    seen.push(...refs(page));
    await during?.(n);
    if (!page.nextCursor) return seen;
    cursor = page.nextCursor;
  }
  throw new Error('the cursor never ended');
}

describe('register cursor', () => {
  it.each([
    ['coordinator', {}],
    ['police', {}],
    ['fire', {}],
    ['chair', { sort: 'ref', order: 'desc' }],
    ['elft', { status: 'open' }],
    ['noah', { agencyId: 'ag-noah' }],
    ['socialworker', { sort: 'riskLevel' }],
  ])('%s %j: walking by cursor gives the one-page register, row for row', async (key, input) => {
    const ctx = await world.ctxFor(key);
    const whole = (await runQuery(listRegister, ctx, { ...input, pageSize: 200 })) as RegisterPage;
    expect(whole.items.length).toBeGreaterThan(0);
    expect(await walk(key, input)).toEqual(refs(whole));
  });

  it('stays put when cases arrive before and after the boundary while a partner pages', async () => {
    const before = await walk('police', {});
    const added = [
      makeCase({ id: 'late-new', ref: 'CASPA-2026-9001', receivedAt: '2026-06-14T09:00:00.000Z' }),
      makeOpenCase({ id: 'late-old', ref: 'CASPA-2020-9002', receivedAt: '2020-01-01T09:00:00.000Z' }),
    ];
    const seen = await walk('police', {}, async (n) => {
      if (n === 2) await insert(world.store, 'cases', ...added);
    });
    // The newer one sorts before the pages already read (not seen); the older one comes at its place; none twice.
    expect(new Set(seen).size).toBe(seen.length);
    expect(seen).toContain('CASPA-2020-9002');
    expect(seen).not.toContain('CASPA-2026-9001');
    expect(seen.filter((r) => r !== 'CASPA-2020-9002')).toEqual(before);
  });

  it('refuses a cursor it did not give, or one given for another order, with a 400', async () => {
    const ctx = await world.ctxFor('coordinator');
    await expect(runQuery(listRegister, ctx, { cursor: 'not-a-cursor' })).rejects.toBeInstanceOf(ValidationError);
    const first = (await runQuery(listRegister, ctx, { pageSize: 3 })) as RegisterPage;
    await expect(runQuery(listRegister, ctx, { q: 'caspa', cursor: first.nextCursor })).rejects.toBeInstanceOf(ValidationError);
  });
});

describe('what a register page costs', () => {
  it('reads at most twice the page size in rows for a first page, with thousands of cases held', async () => {
    const many = Array.from({ length: 3000 }, (_, i) =>
      makeOpenCase({
        id: `bulk-${i}`,
        ref: `BULK-2024-${String(i).padStart(5, '0')}`,
        receivedAt: new Date(Date.UTC(2024, 0, 1) + i * 3_600_000).toISOString(),
        referrerAgencyId: i % 3 === 0 ? 'ag-police' : 'ag-fire',
        leadAgencyId: i % 5 === 0 ? 'ag-police' : 'ag-elft',
      }),
    );
    await insert(world.store, 'cases', ...many);
    for (const key of ['coordinator', 'police', 'chair', 'viewer']) {
      const ctx = await world.ctxFor(key);
      const before = world.store.stats.rowsRead;
      const page = (await runQuery(listRegister, ctx, { pageSize: 50 })) as RegisterPage;
      const read = world.store.stats.rowsRead - before;
      expect({ key, readAtMost100: read <= 100 }).toEqual({ key, readAtMost100: true });
      if (key !== 'viewer') expect(page.total).toBeGreaterThan(1000);
      // As the tab asks: the rows without the total, and the total alone, which SQLite counts without reading rows.
      const rowsAt = world.store.stats.rowsRead;
      const rows = (await runQuery(listRegister, ctx, { pageSize: 50, total: false })) as RegisterAnswer;
      const countAt = world.store.stats.rowsRead;
      const count = (await runQuery(listRegister, ctx, { pageSize: 0 })) as RegisterAnswer;
      expect({ key, rowsRead: countAt - rowsAt <= 100, countRead: world.store.stats.rowsRead - countAt, total: count.total, rows: rows.items.length })
        .toEqual({ key, rowsRead: true, countRead: 0, total: page.total, rows: page.items.length });
    }
  });
});
