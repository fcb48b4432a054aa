import { ForbiddenError } from '../../src/domain/errors';
import { queries, runQuery } from '../../src/queries';
import type { DataQualityIssue, Store } from '../../src/store/port';
import { createWorld, type Persona, type World } from '../support/world';

// The query on SQLite (always empty there) and on a store that reports issues; the SharePoint end of it, with real
// hand edits through the HTTP API, is tests/store/sharepoint/handEdits.test.ts.

let world: World;
beforeEach(async () => (world = await createWorld()));
afterEach(() => world.close());

const ISSUE: DataQualityIssue = {
  kind: 'actions',
  list: 'Actions',
  itemId: '7',
  recordId: 'a1',
  problems: [{ field: 'status', column: 'Status', message: '"Waiting" is not one of the choices for Status.', value: 'Waiting' }],
};

/** The world's store, reporting one issue as the SharePoint store would. */
const reporting = (store: Store): Store => ({
  name: 'sharepoint',
  transaction: (work) => store.transaction(work),
  listDataQualityIssues: async () => [ISSUE],
  close: () => store.close(),
});

const denials = () => world.store.transaction((tx) => tx.find('audit')).then((rows) => rows.filter((r) => r.action === 'denied'));

describe('listDataQualityIssues', () => {
  it('gives a coordinator what the store reports: nothing on SQLite, every issue elsewhere', async () => {
    expect(await runQuery(queries.listDataQualityIssues, world.ctx('coordinator'), {})).toEqual([]);
    const ctx = { ...world.ctx('coordinator'), store: reporting(world.store) };
    expect(await runQuery(queries.listDataQualityIssues, ctx, {})).toEqual([ISSUE]);
  });

  it.each<Persona>(['chair', 'police', 'policeLead', 'viewer', 'inactive'])('refuses %s with a ForbiddenError, and audits the refusal', async (persona) => {
    const ctx = { ...world.ctx(persona), store: reporting(world.store) };
    await expect(runQuery(queries.listDataQualityIssues, ctx, {})).rejects.toBeInstanceOf(ForbiddenError);
    expect((await denials()).map((d) => [d.actorId, d.recordType])).toEqual([[ctx.actor.member.id, 'listDataQualityIssues']]);
  });
});
