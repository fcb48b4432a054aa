import { ValidationError } from '../../src/domain/errors';
import { runQuery } from '../../src/queries';
import { listRegister, type RegisterItem } from '../../src/queries/listRegister';
import { insert, makeAction, makeCase, makeOpenCase } from '../support/records';
import { createWorld, type Persona, type World } from '../support/world';

let world: World;
afterEach(() => world.close());

// FIXED_NOW is 2026-06-15, so "review due" means a next review date on or before 2026-06-29.
const known = (agencyId: string, memberId: string) => ({ agencyId, known: true, byMemberId: memberId, at: '2026-05-02T10:00:00.000Z' });
const CASES = [
  makeCase({ id: 'new-police', ref: 'CASPA-2026-0007', initials: 'A.B.', receivedAt: '2026-06-10T09:00:00.000Z' }),
  makeCase({
    id: 'new-health-restricted', ref: 'CASPA-2026-0008', initials: 'C.D.', receivedAt: '2026-06-11T09:00:00.000Z',
    referrerMemberId: 'health', referrerAgencyId: 'ag-health', restricted: true,
  }),
  makeOpenCase({
    id: 'open-police', ref: 'CASPA-2026-0002', initials: 'E.F.', receivedAt: '2026-03-01T09:00:00.000Z',
    riskLevel: 'high', nextReviewDate: '2026-06-25', involvements: [known('ag-health', 'health')],
  }),
  makeOpenCase({
    id: 'open-health', ref: 'CASPA-2026-0003', initials: 'G.H.', receivedAt: '2026-03-05T09:00:00.000Z',
    referrerMemberId: 'health', referrerAgencyId: 'ag-health', leadAgencyId: 'ag-health', leadProfessionalId: 'health',
    riskLevel: 'medium', nextReviewDate: '2026-06-30',
  }),
  makeOpenCase({
    id: 'escalated-fire', ref: 'CASPA-2025-0040', initials: 'I.J.', receivedAt: '2025-11-20T09:00:00.000Z', status: 'escalated',
    referrerMemberId: 'fire', referrerAgencyId: 'ag-fire', leadAgencyId: 'ag-fire', leadProfessionalId: 'fire',
    riskLevel: 'very_high', nextReviewDate: '2026-06-01',
  }),
  makeOpenCase({
    id: 'closed-police', ref: 'CASPA-2026-0001', initials: 'K.L.', receivedAt: '2026-01-10T09:00:00.000Z', status: 'closed',
    closureReason: 'risk_reduced', closedAt: '2026-05-01T09:00:00.000Z', riskLevel: 'low', nextReviewDate: '2026-06-20',
  }),
  makeCase({ id: 'draft-police', ref: 'CASPA-2026-0009', initials: 'M.N.', status: 'draft', receivedAt: undefined }),
];

beforeEach(async () => {
  world = await createWorld();
  await insert(world.store, 'cases', ...CASES);
  await insert(
    world.store,
    'actions',
    makeAction({ parentId: 'open-police', dueDate: '2026-06-14' }),
    makeAction({ parentId: 'open-police', dueDate: '2026-05-01', status: 'in_progress' }),
    makeAction({ parentId: 'open-police', dueDate: '2026-06-15' }),
    makeAction({ parentId: 'open-police', dueDate: '2026-06-01', status: 'completed' }),
    makeAction({ parentId: 'open-health', dueDate: '2026-06-01', ownerId: 'health', agencyId: 'ag-health' }),
    makeAction({ parentKind: 'board_plan', parentId: 'open-police', dueDate: '2026-01-01' }),
  );
});

const list = (persona: Persona, input: Record<string, unknown> = {}) => runQuery(listRegister, world.ctx(persona), input);
const refs = (items: RegisterItem[]) => items.map((i) => i.ref);

describe('listRegister: who sees which rows', () => {
  it('gives the coordinator every case, newest first by default, and writes no audit event', async () => {
    const page = await list('coordinator');
    expect(refs(page.items)).toEqual([
      'CASPA-2026-0008', 'CASPA-2026-0007', 'CASPA-2026-0003', 'CASPA-2026-0002', 'CASPA-2026-0001', 'CASPA-2025-0040', 'CASPA-2026-0009',
    ]);
    expect(page).toMatchObject({ total: 7, page: 1, pageSize: 50 });
    expect(page.items.every((i) => i.access === 'full')).toBe(true);
    expect(await world.store.transaction((tx) => tx.find('audit'))).toEqual([]);
  });

  it('gives a partner full rows for their agency and summary rows for other new referrals, hiding restricted ones', async () => {
    const fire = await list('fire', { sort: 'ref' });
    expect(fire.items.map((i) => [i.ref, i.access])).toEqual([
      ['CASPA-2025-0040', 'full'],
      ['CASPA-2026-0007', 'summary'],
    ]);
    const summary = fire.items[1]!;
    expect(summary).toEqual({
      id: 'new-police', ref: 'CASPA-2026-0007', initials: 'A.B.', referrerAgencyId: 'ag-police',
      overdueActions: 0, access: 'summary',
      can: expect.objectContaining({ recordInvolvement: true, withdraw: false, screen: false, readAudit: false }),
    });

    const health = await list('health', { sort: 'ref' });
    expect(health.items.map((i) => [i.ref, i.access])).toEqual([
      ['CASPA-2026-0002', 'full'], // said it is known
      ['CASPA-2026-0003', 'full'], // leads
      ['CASPA-2026-0007', 'summary'],
      ['CASPA-2026-0008', 'full'], // referred (restricted, no lead yet: the referrer sees it)
    ]);
    const police = await list('police', { sort: 'ref' });
    expect(refs(police.items)).toEqual(['CASPA-2026-0001', 'CASPA-2026-0002', 'CASPA-2026-0007', 'CASPA-2026-0009']);
    expect(refs((await list('policeLead', { sort: 'ref' })).items)).toEqual(['CASPA-2026-0001', 'CASPA-2026-0002', 'CASPA-2026-0007']);
    expect((await list('viewer')).total).toBe(0);
    expect((await list('inactive')).total).toBe(0);
  });

  it('counts overdue actions per case (due before today, unfinished, case actions only)', async () => {
    const items = (await list('coordinator')).items;
    const count = Object.fromEntries(items.map((i) => [i.id, i.overdueActions]));
    expect(count).toMatchObject({ 'open-police': 2, 'open-health': 1, 'new-police': 0, 'closed-police': 0 });
    expect(items.find((i) => i.id === 'open-police')).toMatchObject({
      riskLevel: 'high', leadAgencyId: 'ag-police', leadProfessionalId: 'police', nextReviewDate: '2026-06-25',
    });
  });
});

describe('listRegister: filters and search', () => {
  it('filters by status, risk level, lead professional and agency, with query-string values', async () => {
    expect(refs((await list('coordinator', { status: 'open', sort: 'ref' })).items)).toEqual(['CASPA-2026-0002', 'CASPA-2026-0003']);
    expect(refs((await list('coordinator', { riskLevel: 'very_high' })).items)).toEqual(['CASPA-2025-0040']);
    expect(refs((await list('coordinator', { leadProfessionalId: 'health' })).items)).toEqual(['CASPA-2026-0003']);
    expect(refs((await list('coordinator', { agencyId: 'ag-health', sort: 'ref' })).items)).toEqual([
      'CASPA-2026-0002', 'CASPA-2026-0003', 'CASPA-2026-0008',
    ]);
    // Blank query-string values mean "any".
    expect((await list('coordinator', { status: '', riskLevel: '', q: '', reviewDue: '' })).total).toBe(7);
  });

  it('never matches a summary row on a field it does not show', async () => {
    await insert(world.store, 'cases', makeCase({ id: 'new-with-level', ref: 'CASPA-2026-0010', riskLevel: 'very_high', nextReviewDate: '2026-06-16' }));
    expect(refs((await list('fire', { riskLevel: 'very_high', sort: 'ref' })).items)).toEqual(['CASPA-2025-0040']);
    expect(refs((await list('coordinator', { riskLevel: 'very_high', sort: 'ref' })).items)).toEqual(['CASPA-2025-0040', 'CASPA-2026-0010']);
    expect((await list('fire', { reviewDue: 'true' })).items.every((i) => i.access === 'full')).toBe(true);
  });

  it('finds cases due for review within 14 days (live cases only), and the rest with reviewDue=false', async () => {
    expect(refs((await list('coordinator', { reviewDue: 'true', sort: 'nextReviewDate' })).items)).toEqual([
      'CASPA-2025-0040', // overdue review
      'CASPA-2026-0002', // due in 10 days
    ]);
    const notDue = await list('coordinator', { reviewDue: 'false' });
    expect(notDue.total).toBe(5);
    expect(refs(notDue.items)).toContain('CASPA-2026-0003'); // due in 15 days
    expect(refs(notDue.items)).toContain('CASPA-2026-0001'); // closed
  });

  it('searches references and initials, ignoring case and punctuation', async () => {
    expect(refs((await list('coordinator', { q: 'caspa-2025' })).items)).toEqual(['CASPA-2025-0040']);
    expect(refs((await list('coordinator', { q: '0003' })).items)).toEqual(['CASPA-2026-0003']);
    expect(refs((await list('coordinator', { q: 'gh' })).items)).toEqual(['CASPA-2026-0003']);
    expect(refs((await list('coordinator', { q: 'i.j.' })).items)).toEqual(['CASPA-2025-0040']);
    expect((await list('coordinator', { q: 'nobody' })).total).toBe(0);
  });
});

describe('listRegister: sorting and paging', () => {
  it('sorts by each column in either order, blanks last', async () => {
    const sorted = async (sort: string, order?: string) => refs((await list('coordinator', { sort, ...(order ? { order } : {}) })).items);
    expect(await sorted('ref')).toEqual([
      'CASPA-2025-0040', 'CASPA-2026-0001', 'CASPA-2026-0002', 'CASPA-2026-0003', 'CASPA-2026-0007', 'CASPA-2026-0008', 'CASPA-2026-0009',
    ]);
    expect((await sorted('ref', 'desc'))[0]).toBe('CASPA-2026-0009');
    expect(await sorted('riskLevel', 'desc')).toEqual([
      'CASPA-2025-0040', 'CASPA-2026-0002', 'CASPA-2026-0003', 'CASPA-2026-0001', 'CASPA-2026-0007', 'CASPA-2026-0008', 'CASPA-2026-0009',
    ]);
    expect((await sorted('nextReviewDate')).slice(0, 4)).toEqual(['CASPA-2025-0040', 'CASPA-2026-0001', 'CASPA-2026-0002', 'CASPA-2026-0003']);
    // Lifecycle order: draft, submitted ..., open, escalated, closed.
    expect(await sorted('status')).toEqual([
      'CASPA-2026-0009', 'CASPA-2026-0007', 'CASPA-2026-0008', 'CASPA-2026-0002', 'CASPA-2026-0003', 'CASPA-2025-0040', 'CASPA-2026-0001',
    ]);
    expect((await sorted('receivedAt', 'asc'))[0]).toBe('CASPA-2025-0040');
  });

  it('pages with 1-based page numbers and a page size of at most 200', async () => {
    const second = await list('coordinator', { sort: 'ref', page: '2', pageSize: '3' });
    expect(second).toMatchObject({ total: 7, page: 2, pageSize: 3 });
    expect(refs(second.items)).toEqual(['CASPA-2026-0003', 'CASPA-2026-0007', 'CASPA-2026-0008']);
    expect(refs((await list('coordinator', { sort: 'ref', page: 3, pageSize: 3 })).items)).toEqual(['CASPA-2026-0009']);
    expect((await list('coordinator', { page: 9 })).items).toEqual([]);
  });

  it('refuses an unknown sort, order, status or a page size over 200, naming the field', async () => {
    const fields = async (input: Record<string, unknown>) => {
      const err = await list('coordinator', input).catch((e: unknown) => e);
      expect(err).toBeInstanceOf(ValidationError);
      return (err as ValidationError).problems.map((p) => p.field);
    };
    expect(await fields({ sort: 'adult.name' })).toEqual(['sort']);
    expect(await fields({ order: 'sideways' })).toEqual(['order']);
    expect(await fields({ status: 'lost' })).toEqual(['status']);
    expect(await fields({ pageSize: '201' })).toEqual(['pageSize']);
    expect(await fields({ page: '0' })).toEqual(['page']);
    expect(await fields({ page: 'two' })).toEqual(['page']);
    expect(await fields({ reviewDue: 'maybe' })).toEqual(['reviewDue']);
    expect(await fields({ pageSize: '-1' })).toEqual(['pageSize']);
    expect(await fields({ total: 'perhaps' })).toEqual(['total']);
  });

  it('leaves the total out when asked (total=false), and gives the total alone for pageSize=0', async () => {
    const rows = await list('police', { sort: 'ref', pageSize: '3', total: 'false' });
    expect(rows).not.toHaveProperty('total');
    expect(refs(rows.items)).toEqual(refs((await list('police', { sort: 'ref', pageSize: '3' })).items));
    for (const persona of ['coordinator', 'police', 'health', 'viewer'] as const) {
      for (const input of [{}, { status: 'open' }, { q: 'caspa-2026' }, { reviewDue: 'true' }]) {
        const count = await list(persona, { ...input, pageSize: '0' });
        const whole = await list(persona, { ...input, pageSize: '200' });
        expect({ persona, input, count }).toEqual({ persona, input, count: { items: [], total: whole.total, page: 1, pageSize: 0 } });
      }
    }
  });
});
