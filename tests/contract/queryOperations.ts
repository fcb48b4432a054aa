import type { CaseRecord } from '../../src/domain/records';
import type { NewRecord, Query, ReadTx, Store, Tx } from '../../src/store/port';
import { caseAudience, memberAudience } from '../../src/store/caseAudience';
import { makeCase } from '../support/records';

/*
 * The port's query operations beyond plain filters, one expected answer for every adapter: `in`, orders with
 * emptyLast and a second field, keyset paging (`after`) that stays put when records are inserted before the
 * boundary, `offset`, `count`, the derived audience of a case, and `read` where the store has it.
 */

const ids = (records: { id: string }[]) => records.map((r) => r.id);
const { version: _v, ...base } = makeCase();

function invented(id: string, over: Partial<CaseRecord>): NewRecord<'cases'> {
  const { version: _ignored, ...c } = { ...base, id, ref: `CASPA-2026-${id.toUpperCase()}`, ...over } as CaseRecord;
  return c;
}

/** Six cases with received dates (two equal), a draft without one, references out of id order. */
const CASES: NewRecord<'cases'>[] = [
  invented('c1', { ref: 'CASPA-2026-0005', receivedAt: '2026-05-01T10:00:00.000Z', status: 'submitted', referrerAgencyId: 'ag-police' }),
  invented('c2', { ref: 'CASPA-2026-0002', receivedAt: '2026-05-03T10:00:00.000Z', status: 'open', leadAgencyId: 'ag-health', referrerAgencyId: 'ag-police' }),
  invented('c3', { ref: 'CASPA-2026-0001', receivedAt: '2026-05-03T10:00:00.000Z', status: 'open', leadAgencyId: 'ag-police', referrerAgencyId: 'ag-fire' }),
  invented('c4', { ref: 'CASPA-2026-0004', receivedAt: '2026-05-02T10:00:00.000Z', status: 'closed', referrerAgencyId: 'ag-fire', involvements: [{ agencyId: 'ag-council', known: true, byMemberId: 'council', at: '2026-05-02T11:00:00.000Z' }] }),
  invented('c5', { ref: 'CASPA-2026-0003', receivedAt: '2026-05-04T10:00:00.000Z', status: 'open', restricted: true, leadAgencyId: 'ag-health', referrerAgencyId: 'ag-police', namedMemberIds: ['fire'] }),
  (() => {
    const { receivedAt: _r, ...draft } = invented('c6', { ref: 'CASPA-2026-0006', status: 'draft', referrerMemberId: 'police' });
    return draft;
  })(),
];

export function describeQueryOperations(getStore: () => Store): void {
  const run = <T>(work: (tx: Tx) => Promise<T>) => getStore().transaction(work);
  const seed = () => run(async (tx) => { for (const c of CASES) await tx.insert('cases', c); });
  const find = (q: Query) => run((tx) => tx.find('cases', q));

  describe('query operations', () => {
    it('`in` matches any of the listed values; an empty list matches nothing', async () => {
      await seed();
      expect(ids(await find({ where: [{ field: 'status', op: 'in', value: ['open', 'closed'] }] }))).toEqual(['c2', 'c3', 'c4', 'c5']);
      expect(ids(await find({ where: [{ field: 'status', op: 'in', value: ['open'] }, { field: 'leadAgencyId', op: 'in', value: ['ag-police', 'ag-fire'] }] }))).toEqual(['c3']);
      expect(await find({ where: [{ field: 'status', op: 'in', value: [] }] })).toEqual([]);
    });

    it('orders by a field descending with empty values last, ties by a second field, then id', async () => {
      await seed();
      const order = { field: 'receivedAt', direction: 'desc', emptyLast: true, then: 'ref' } as const;
      expect(ids(await find({ orderBy: order }))).toEqual(['c5', 'c3', 'c2', 'c4', 'c1', 'c6']);
      expect(ids(await find({ orderBy: { ...order, direction: 'asc' } }))).toEqual(['c1', 'c4', 'c3', 'c2', 'c5', 'c6']);
      // Without emptyLast an empty value sorts lowest, as SQLite's.
      expect(ids(await find({ orderBy: { field: 'receivedAt', direction: 'asc', then: 'ref' } }))).toEqual(['c6', 'c1', 'c4', 'c3', 'c2', 'c5']);
      expect(ids(await find({ orderBy: { field: 'receivedAt', direction: 'desc', emptyLast: true, then: 'ref' }, limit: 2 }))).toEqual(['c5', 'c3']);
    });

    it('pages by keyset: every record once, in order, and a boundary that stays put when records are inserted before it', async () => {
      await seed();
      const orderBy = { field: 'receivedAt', direction: 'desc', emptyLast: true, then: 'ref' } as const;
      const first = await find({ orderBy, limit: 2 });
      expect(ids(first)).toEqual(['c5', 'c3']);
      // Two records arrive, one before the boundary and one after it.
      await run(async (tx) => {
        await tx.insert('cases', invented('c7', { ref: 'CASPA-2026-0007', receivedAt: '2026-05-09T10:00:00.000Z' }));
        await tx.insert('cases', invented('c8', { ref: 'CASPA-2026-0008', receivedAt: '2026-05-02T10:00:00.000Z' }));
      });
      const seen: string[] = [];
      let after: CaseRecord | undefined = first[first.length - 1];
      for (;;) {
        const page: CaseRecord[] = await find({ orderBy, limit: 2, ...(after ? { after: { ...after } } : {}) });
        if (page.length === 0) break;
        seen.push(...ids(page));
        after = page[page.length - 1];
      }
      expect(seen).toEqual(['c2', 'c4', 'c8', 'c1', 'c6']);
      // Ascending and plain id order page the same way.
      const byId = await find({ limit: 3, after: { id: 'c3' } });
      expect(ids(byId)).toEqual(['c4', 'c5', 'c6']);
      expect(ids(await find({ orderBy: { field: 'ref', direction: 'asc' }, after: { id: 'c5', ref: 'CASPA-2026-0003' }, limit: 2 }))).toEqual(['c4', 'c1']);
    });

    it('skips by offset in the query order', async () => {
      await seed();
      expect(ids(await find({ orderBy: { field: 'ref', direction: 'asc' }, offset: 2, limit: 2 }))).toEqual(['c5', 'c4']);
      expect(ids(await find({ orderBy: { field: 'ref', direction: 'asc' }, offset: 4 }))).toEqual(['c1', 'c6']);
    });

    it('counts the records that match, ignoring order and limit', async () => {
      await seed();
      const count = (q?: Pick<Query, 'where'>) => run((tx) => tx.count('cases', q));
      expect(await count()).toBe(6);
      expect(await count({ where: [{ field: 'status', op: 'eq', value: 'open' }] })).toBe(3);
      expect(await count({ where: [{ field: 'status', op: 'in', value: ['open', 'draft'] }, { field: 'referrerAgencyId', op: 'eq', value: 'ag-police' }] })).toBe(3);
      expect(await count({ where: [{ field: 'audience', op: 'in', value: ['p:a:ag-council'] }] })).toBe(1);
    });

    it("answers visibility from a case's audience: referrer, lead, said known, named on a restricted case, drafts", async () => {
      await seed();
      const visible = async (keys: string[] | null) =>
        ids(await find(keys ? { where: [{ field: 'audience', op: 'in', value: keys }], orderBy: { field: 'ref', direction: 'asc' } } : { orderBy: { field: 'ref', direction: 'asc' } }));
      const partner = (id: string, agencyId: string) => memberAudience({ id, agencyId, roles: ['partner'], active: true });
      // Police: referred c1, c2; leads c3; wrote the draft c6. Not c5 (restricted, led by health) nor c4.
      expect(await visible(partner('police', 'ag-police'))).toEqual(['c3', 'c2', 'c1', 'c6']);
      // Council said it knows the adult of c4; it also sees the summary of the referral awaiting screening (c1).
      expect(await visible(partner('council', 'ag-council'))).toEqual(['c4', 'c1']);
      // Fire referred c3 and c4, and is named on the restricted c5.
      expect(await visible(partner('fire', 'ag-fire'))).toEqual(['c3', 'c5', 'c4', 'c1']);
      // Health leads c2 and the restricted c5.
      expect(await visible(partner('health', 'ag-health'))).toEqual(['c2', 'c5', 'c1']);
      expect(await visible(memberAudience({ id: 'coord', agencyId: 'ag-council', roles: ['coordinator'], active: true }))).toEqual(['c3', 'c2', 'c5', 'c4', 'c1', 'c6']);
      // An update moves the case between audiences: health stops leading c2.
      await run(async (tx) => {
        const c2 = (await tx.get('cases', 'c2'))!;
        await tx.update('cases', { ...c2, leadAgencyId: 'ag-fire' });
      });
      expect(await visible(partner('health', 'ag-health'))).toEqual(['c5', 'c1']);
      expect(await visible(partner('fire', 'ag-fire'))).toEqual(['c3', 'c2', 'c5', 'c4', 'c1']);
      // The audience is index data, never part of the record.
      expect(await run((tx) => tx.get('cases', 'c2'))).not.toHaveProperty('audience');
      expect(caseAudience(CASES[0]! as CaseRecord)).toContain('pc:screenable');
    });

    it('pages and counts by audience in the register order, and keeps both right across updates and removals', async () => {
      await seed();
      const keys = memberAudience({ id: 'fire', agencyId: 'ag-fire', roles: ['partner'], active: true })!;
      const where = [{ field: 'audience', op: 'in', value: keys } as const];
      const newest = { field: 'receivedAt', direction: 'desc', emptyLast: true, then: 'ref' } as const;
      const count = () => run((tx) => tx.count('cases', { where }));
      // Fire: c3 and c4 (referred), c5 (named), c1 (awaiting screening); c2 and c3 received at the same time.
      expect(ids(await find({ where, orderBy: newest, limit: 2 }))).toEqual(['c5', 'c3']);
      expect(ids(await find({ where, orderBy: newest, limit: 2, offset: 2 }))).toEqual(['c4', 'c1']);
      const [, second] = await find({ where, orderBy: newest, limit: 2 });
      expect(ids(await find({ where, orderBy: newest, limit: 5, after: second as unknown as Record<string, unknown> }))).toEqual(['c4', 'c1']);
      expect(ids(await find({ where: [...where, { field: 'receivedAt', op: 'lt', value: '2026-05-03' }], orderBy: newest, limit: 5 }))).toEqual(['c4', 'c1']);
      expect(ids(await find({ where: [...where, { field: 'status', op: 'eq', value: 'open' }], orderBy: { field: 'ref', direction: 'desc' }, limit: 5 }))).toEqual(['c5', 'c3']);
      expect(await count()).toBe(4);
      expect(await run((tx) => tx.count('cases', { where: [...where, { field: 'receivedAt', op: 'ge', value: '2026-05-03' }] }))).toBe(2);
      await run(async (tx) => {
        const c2 = (await tx.get('cases', 'c2'))!;
        await tx.update('cases', { ...c2, leadAgencyId: 'ag-fire' });
      });
      expect(await count()).toBe(5);
      expect(ids(await find({ where, orderBy: newest, limit: 3 }))).toEqual(['c5', 'c3', 'c2']);
      await run(async (tx) => {
        const c4 = (await tx.get('cases', 'c4'))!;
        await tx.remove('cases', 'c4', c4.version);
      });
      expect(await count()).toBe(4);
      expect(ids(await find({ where, orderBy: newest, limit: 5 }))).toEqual(['c5', 'c3', 'c2', 'c1']);
    });

    it("pages a partner's cases, undated drafts included, newest first, oldest first and by reference, by keyset across inserts and visibility changes", async () => {
      await seed();
      const keys = memberAudience({ id: 'police', agencyId: 'ag-police', roles: ['partner'], active: true })!.filter((k) => k !== 'pc:screenable');
      const where = [{ field: 'audience', op: 'in', value: keys } as const];
      const newest = { field: 'receivedAt', direction: 'desc', emptyLast: true, then: 'ref' } as const;
      const oldest = { ...newest, direction: 'asc' } as const;
      const byRef = { field: 'ref', direction: 'asc' } as const;
      const page = async (orderBy: Query['orderBy'], after?: CaseRecord) => ids(await find({ where, orderBy, limit: 2, ...(after ? { after: { ...after } } : {}) }));
      const all = async (orderBy: Query['orderBy']) => {
        const out: string[] = [];
        let after: CaseRecord | undefined;
        for (;;) {
          const got: CaseRecord[] = await find({ where, orderBy, limit: 2, ...(after ? { after: { ...after } } : {}) });
          if (!got.length) return out;
          out.push(...ids(got));
          after = got[got.length - 1];
        }
      };
      // Police referred c1 and c2, leads c3, and wrote the draft c6 (no received date: last either way).
      expect(await all(newest)).toEqual(['c3', 'c2', 'c1', 'c6']);
      expect(await all(oldest)).toEqual(['c1', 'c3', 'c2', 'c6']);
      expect(await all(byRef)).toEqual(['c3', 'c2', 'c1', 'c6']);
      const [first] = await find({ where, orderBy: newest, limit: 2 });
      const second = (await find({ where, orderBy: newest, limit: 2 }))[1]!;
      expect(first!.id).toBe('c3');
      // Two police referrals arrive, one before the boundary and one after it; the next page starts where it was.
      await run(async (tx) => {
        await tx.insert('cases', invented('c9', { ref: 'CASPA-2026-0009', receivedAt: '2026-05-02T10:00:00.000Z', status: 'open', referrerAgencyId: 'ag-police' }));
        await tx.insert('cases', invented('c10', { ref: 'CASPA-2026-0010', receivedAt: '2026-05-09T10:00:00.000Z', status: 'open', referrerAgencyId: 'ag-police' }));
      });
      expect(await page(newest, second)).toEqual(['c9', 'c1']);
      expect(await all(newest)).toEqual(['c10', 'c3', 'c2', 'c9', 'c1', 'c6']);
      expect(await all(oldest)).toEqual(['c1', 'c9', 'c3', 'c2', 'c10', 'c6']);
      expect(await page(byRef, (await find({ where, orderBy: byRef, limit: 4 }))[3])).toEqual(['c9', 'c10']);
      expect(await run((tx) => tx.count('cases', { where }))).toBe(6);
      // Visibility changes at once: c9 becomes restricted to its lead (health); fire's c4 names police as involved.
      await run(async (tx) => {
        const c9 = (await tx.get('cases', 'c9'))!;
        await tx.update('cases', { ...c9, restricted: true, leadAgencyId: 'ag-health' });
        const c4 = (await tx.get('cases', 'c4'))!;
        await tx.update('cases', { ...c4, involvements: [...c4.involvements, { agencyId: 'ag-police', known: true, byMemberId: 'police', at: '2026-05-05T10:00:00.000Z' }] });
      });
      expect(await all(newest)).toEqual(['c10', 'c3', 'c2', 'c4', 'c1', 'c6']);
      expect(await run((tx) => tx.count('cases', { where }))).toBe(6);
      expect(await run((tx) => tx.count('cases', { where: [...where, { field: 'receivedAt', op: 'ge', value: '' }] }))).toBe(5);
      // A draft submitted gets its received date: it moves from the end to the top.
      await run(async (tx) => {
        const c6 = (await tx.get('cases', 'c6'))!;
        await tx.update('cases', { ...c6, status: 'submitted', receivedAt: '2026-05-10T10:00:00.000Z' });
      });
      expect(await page(newest)).toEqual(['c6', 'c10']);
    });

    it("finds cases by search keys: the reference's number, and text in the reference or initials (startsWith)", async () => {
      await seed();
      await run(async (tx) => {
        const c1 = (await tx.get('cases', 'c1'))!;
        await tx.update('cases', { ...c1, initials: 'J.B.' });
      });
      const search = async (op: 'eq' | 'startsWith', value: string) => ids(await find({ where: [{ field: 'search', op, value } as never], orderBy: { field: 'ref', direction: 'asc' } }));
      expect(await search('eq', 'n:4')).toEqual(['c4']);
      expect(await search('eq', 'n:99')).toEqual([]);
      expect(await search('startsWith', 'r:2026-000')).toEqual(['c3', 'c2', 'c5', 'c4', 'c1', 'c6']);
      expect(await search('startsWith', 'r:0005')).toEqual(['c1']);
      expect(await search('startsWith', 'i:jb')).toEqual(['c1']);
      expect(await search('startsWith', 'i:b')).toEqual(['c1']);
      expect(await search('startsWith', 'r:caspb')).toEqual([]);
      expect(await run((tx) => tx.get('cases', 'c1'))).not.toHaveProperty('search');
    });

    it('reads through `read` when the store has it, seeing what was committed', async () => {
      await seed();
      const store = getStore();
      const read = store.read ? <T>(w: (tx: ReadTx) => Promise<T>) => store.read!(w) : run;
      expect(ids(await read((tx) => tx.find('cases', { where: [{ field: 'status', op: 'eq', value: 'open' }] })))).toEqual(['c2', 'c3', 'c5']);
      expect(await read((tx) => tx.count('cases'))).toBe(6);
    });
  });
}
