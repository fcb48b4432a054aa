import { makeContext } from '../../src/kernel/context';
import { fakeSharePoint, type FakeSharePoint } from '../fakes/sharePointHarness';
import { actorOf, AGENCIES, FIXED_NOW, MEMBERS, type World } from './world';

/**
 * The test partnership (agencies, members) on a provisioned Graph fake with the production SharePointStore, as a
 * World: the shared builders (tests/support/cases.ts) then run the real commands on SharePoint.
 */
export async function sharePointWorld(options: Parameters<typeof fakeSharePoint>[0] = {}): Promise<FakeSharePoint & { world: World }> {
  const sp = await fakeSharePoint(options);
  const { store } = sp;
  await store.transaction(async (tx) => {
    await Promise.all(AGENCIES.map(({ version: _v, ...a }) => tx.insert('agencies', a)));
    await Promise.all(Object.values(MEMBERS).map(({ version: _v, ...m }) => tx.insert('members', m)));
  });
  let seq = 0;
  const world: World = {
    store,
    file: '(SharePoint on the Graph fake)',
    ctx: (persona, now = FIXED_NOW) => makeContext({ store, actor: actorOf(persona), now: () => now, newId: () => `sp-${++seq}`, correlationId: `corr-sp-${++seq}` }),
    close: () => store.close(),
  };
  return { ...sp, world };
}
