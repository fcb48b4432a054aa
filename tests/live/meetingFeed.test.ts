import { execute } from '../../src/kernel/command';
import { makeContext } from '../../src/kernel/context';
import { commands } from '../../src/commands';
import { MeetingFeed } from '../../src/live/meetingFeed';
import { SqliteStore } from '../../src/store/sqlite/sqliteStore';
import { createListedReferral, insertMeeting } from '../support/cases';
import { actorOf, createWorld, type World } from '../support/world';

let world: World;
let other: SqliteStore;
let feed: MeetingFeed;
beforeEach(async () => {
  world = await createWorld();
  // A second instance: its own connection to the same SQLite file.
  other = new SqliteStore(world.file);
  feed = new MeetingFeed(other, 10);
});
afterEach(async () => {
  feed.stop();
  await other.close();
  await world.close();
});

/** Resolves with the next version the feed reports (waits on the event, never on a clock). */
const nextChange = (meetingId: string, since: number) => new Promise<number>((resolve) => {
  const off = feed.subscribe(meetingId, (v) => { off(); resolve(v); }, since);
});

describe('MeetingFeed across two instances on one store', () => {
  it('the instance that did not make the change still reports each of the chair\'s moves, in order', async () => {
    const meeting = await insertMeeting(world, { status: 'agenda_published' });
    await createListedReferral(world, 'police', { meetingId: meeting.id });
    await createListedReferral(world, 'health', { meetingId: meeting.id });
    const seen: number[] = [];
    const off = feed.subscribe(meeting.id, (v) => seen.push(v), meeting.version);
    await feed.poke(); // baseline
    const ctx = makeContext({ store: world.store, actor: actorOf('chair'), now: () => new Date('2026-07-01T09:31:00Z') });
    const started = execute(commands.startMeeting, ctx, { meetingId: meeting.id });
    const version = await Promise.all([nextChange(meeting.id, meeting.version), started]).then(([v]) => v);
    expect(version).toBe((await started).version);
    const items = await world.store.transaction((tx) => tx.find('agendaItems', { where: [{ field: 'meetingId', op: 'eq', value: meeting.id }] }));
    const second = items.sort((a, b) => a.order - b.order)[1]!;
    const moved = execute(commands.moveToItem, ctx, { meetingId: meeting.id, agendaItemId: second.id });
    const movedVersion = await nextChange(meeting.id, version);
    expect(movedVersion).toBe((await moved).version);
    off();
    expect(seen).toEqual([version, movedVersion]);
  });
});
