import type { AddressInfo } from 'node:net';
import type { Server } from 'node:http';
import express from 'express';
import { execute } from '../../src/kernel/command';
import { commands } from '../../src/commands';
import type { Context } from '../../src/kernel/context';
import { NotFoundError } from '../../src/domain/errors';
import { liveEventSchema, type LiveEvent } from '../../src/contract/meetings';
import { MeetingFeed } from '../../src/live/meetingFeed';
import { meetingStreamHandler } from '../../src/live/meetingStream';
import { createListedReferral, insertMeeting } from '../support/cases';
import { createWorld, type Persona, type World } from '../support/world';

let world: World;
let feed: MeetingFeed;
let server: Server;
let url: string;
beforeEach(async () => {
  world = await createWorld();
  feed = new MeetingFeed(world.store, 10);
  const app = express();
  // Stands in for the API's identity middleware: the persona in the header becomes the request's context.
  app.use((req, res, next) => { res.locals.ctx = world.ctx(req.get('x-persona') as Persona); next(); });
  app.get('/api/meetings/:id/events', meetingStreamHandler(feed, (res) => res.locals.ctx as Context, 60_000));
  app.use((err: Error, _req: express.Request, res: express.Response, _next: express.NextFunction) => res.status(err instanceof NotFoundError ? 404 : 400).end(err.message));
  server = await new Promise((resolve) => { const s = app.listen(0, '127.0.0.1', () => resolve(s)); });
  url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterEach(async () => {
  feed.stop();
  server.closeAllConnections();
  await new Promise((resolve) => server.close(resolve));
  await world.close();
});

/** Reads SSE events from a stream, one at a time. */
function reader(res: Response) {
  const body = res.body!.getReader();
  const decoder = new TextDecoder();
  let buffer = '';
  return {
    async next(): Promise<{ id: string; event: LiveEvent }> {
      for (;;) {
        const end = buffer.indexOf('\n\n');
        if (end >= 0) {
          const block = buffer.slice(0, end);
          buffer = buffer.slice(end + 2);
          if (block.startsWith(':')) continue;
          const field = (name: string) => block.split('\n').find((l) => l.startsWith(`${name}: `))?.slice(name.length + 2) ?? '';
          return { id: field('id'), event: liveEventSchema.parse(JSON.parse(field('data'))) };
        }
        const { value, done } = await body.read();
        if (done) throw new Error('stream ended');
        buffer += decoder.decode(value, { stream: true });
      }
    },
    cancel: () => body.cancel(),
  };
}

const open = (meetingId: string, persona: Persona, view = 'panel', headers: Record<string, string> = {}) =>
  fetch(`${url}/api/meetings/${meetingId}/events?view=${view}`, { headers: { 'x-persona': persona, ...headers } });

describe('the meeting event stream', () => {
  it('sends a snapshot on connect and on every change; a reconnect with Last-Event-ID catches up', async () => {
    const meeting = await insertMeeting(world, { status: 'agenda_published' });
    await createListedReferral(world, 'police', { meetingId: meeting.id });
    await createListedReferral(world, 'health', { meetingId: meeting.id });
    const res = await open(meeting.id, 'fire', 'stage');
    expect(res.headers.get('content-type')).toContain('text/event-stream');
    const events = reader(res);
    const first = await events.next();
    expect(first.event.view).toBe('stage');
    expect(first.id).toBe(String(meeting.version));

    const started = await execute(commands.startMeeting, world.ctx('chair'), { meetingId: meeting.id });
    const second = await events.next();
    expect(second.id).toBe(String(started.version));
    expect(second.event.view === 'stage' && second.event.stage.current?.order).toBe(1);
    await events.cancel();

    // Dropped; the chair moves on meanwhile; the client comes back with the last id it saw and gets the change at once.
    const items = await world.store.transaction((tx) => tx.find('agendaItems', { where: [{ field: 'meetingId', op: 'eq', value: meeting.id }] }));
    const moved = await execute(commands.moveToItem, world.ctx('chair'), { meetingId: meeting.id, agendaItemId: items.sort((a, b) => a.order - b.order)[1]!.id });
    const again = reader(await open(meeting.id, 'fire', 'stage', { 'last-event-id': second.id }));
    const caughtUp = await again.next();
    expect(caughtUp.id).toBe(String(moved.version));
    expect(caughtUp.event.view === 'stage' && caughtUp.event.stage.current?.order).toBe(2);
    await again.cancel();
  });

  it('answers 404 before streaming for a meeting that does not exist', async () => {
    const res = await open('no-such-meeting', 'fire');
    expect(res.status).toBe(404);
  });
});
