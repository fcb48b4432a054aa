import { DEMO_AGENCIES, DEMO_PERSONAS } from '../../src/demo/personas';
import { seedDemo } from '../../src/demo/seedDemo';
import type { Agency, Member } from '../../src/domain/records';
import { makeContext } from '../../src/kernel/context';
import type { Actor } from '../../src/policies/actor';
import { runQuery } from '../../src/queries';
import { listRegister, REGISTER_SORTS, type RegisterPage } from '../../src/queries/listRegister';
import type { Store } from '../../src/store/port';
import { fakeSharePoint } from '../fakes/sharePointHarness';
import { DEMO_NOW, demoWorld, type DemoWorld } from './demoWorld';

/*
 * The register on SharePoint (the production store on the Graph fake, the cases' derived fields answered from the
 * keys list) gives, for every demo persona, the same pages as on SQLite (whose answers registerPinned.test.ts pins):
 * visibility, searches, filters, sorts and pages alike.
 */

jest.setTimeout(300_000);

const INPUTS: Record<string, unknown>[] = [
  {},
  { pageSize: 7 },
  { pageSize: 7, page: 2 },
  { pageSize: 7, page: 40 },
  ...REGISTER_SORTS.flatMap((sort) => [{ sort, order: 'asc' }, { sort, order: 'desc', pageSize: 5, page: 2 }]),
  { status: 'open' },
  { status: 'submitted' },
  { riskLevel: 'high' },
  { agencyId: DEMO_AGENCIES[0]!.id },
  { q: 'caspa' },
  { q: '2026-00' },
  { q: 'a.' },
  { q: 'J' },
];

const rowsSeen = new Map<string, number>();
afterAll(() => {
  // Not equal by being empty: every persona but those who may see no case saw rows.
  expect([...rowsSeen].filter(([, n]) => n > 0).length).toBeGreaterThanOrEqual(DEMO_PERSONAS.length - 2);
});

let sqlite: DemoWorld;
let sharePoint: Store;
beforeAll(async () => {
  sqlite = await demoWorld();
  sharePoint = (await fakeSharePoint()).store;
  await seedDemo(sharePoint, { now: DEMO_NOW, refPrefix: 'CASPA' });
});
afterAll(async () => {
  await sqlite.close();
  await sharePoint.close();
});

async function ctxOn(store: Store, key: string) {
  const p = DEMO_PERSONAS.find((x) => x.key === key)!;
  const actor: Actor = await store.transaction(async (tx) => {
    const member = (await tx.get('members', p.id)) as Member;
    return { member, agency: (await tx.get('agencies', member.agencyId)) as Agency };
  });
  return makeContext({ store, actor, now: () => DEMO_NOW, correlationId: 'corr', newId: () => 'id' });
}

describe.each(DEMO_PERSONAS.map((p) => p.key))('register for %s on SharePoint', (key) => {
  it('gives the same pages as on SQLite', async () => {
    const [onSqlite, onSharePoint] = [await sqlite.ctxFor(key), await ctxOn(sharePoint, key)];
    for (const input of INPUTS) {
      const want = (await runQuery(listRegister, onSqlite, input)) as RegisterPage;
      const got = (await runQuery(listRegister, onSharePoint, input)) as RegisterPage;
      expect({ input, got }).toEqual({ input, got: want });
      rowsSeen.set(key, (rowsSeen.get(key) ?? 0) + got.items.length);
    }
  });
});
