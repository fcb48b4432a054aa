import type { Request, RequestHandler, Response } from 'express';
import { LIVE_HEARTBEAT_MS, type LiveEvent, type LiveView } from '../contract/meetings';
import { ValidationError } from '../domain/errors';
import type { Context } from '../kernel/context';
import { runQuery } from '../kernel/query';
import { queries } from '../queries';
import type { MeetingFeed } from './meetingFeed';

/** The snapshot one subscriber gets: their own meeting view, or the shared stage view. */
async function snapshotFor(ctx: Context, meetingId: string, view: LiveView): Promise<LiveEvent> {
  if (view === 'stage') {
    const stage = await runQuery(queries.getMeetingStage, ctx, { meetingId });
    return { view, meetingId, sequence: stage.version, stage };
  }
  const meeting = await runQuery(queries.getMeeting, ctx, { meetingId });
  return { view, meetingId, sequence: meeting.version, meeting };
}

const lastEventIdOf = (req: Request): number | undefined => {
  const given = req.get('last-event-id') ?? (typeof req.query.lastEventId === 'string' ? req.query.lastEventId : undefined);
  const n = given === undefined ? NaN : Number(given);
  return Number.isInteger(n) ? n : undefined;
};

/**
 * GET /api/meetings/:id/events (contract: liveEventSchema): Server-Sent Events from our own server. Signed in like the
 * API (the route sits behind the same identity middleware, which puts the caller's context in res.locals). The first
 * snapshot is read before any header is sent, so a meeting the caller may not see answers 404/403 as problem+json.
 * Every snapshot is made for this caller through the queries, so the stream never shows more than a GET would.
 */
export function meetingStreamHandler(feed: MeetingFeed, contextOf: (res: Response) => Context, heartbeatMs = LIVE_HEARTBEAT_MS): RequestHandler {
  return async (req, res) => {
    const view = (req.query.view ?? 'panel') as string;
    if (view !== 'panel' && view !== 'stage') throw new ValidationError([{ field: 'view', message: 'must be panel or stage' }]);
    const ctx = contextOf(res);
    const meetingId = String(req.params.id);
    const first = await snapshotFor(ctx, meetingId, view);

    res.status(200).set({ 'content-type': 'text/event-stream; charset=utf-8', 'cache-control': 'no-store', connection: 'keep-alive', 'x-accel-buffering': 'no' });
    res.flushHeaders();
    let sent = lastEventIdOf(req);
    const send = (event: LiveEvent) => {
      if (event.sequence === sent) return;
      sent = event.sequence;
      res.write(`event: snapshot\nid: ${event.sequence}\ndata: ${JSON.stringify(event)}\n\n`);
    };
    send(first);

    let closed = false;
    const heartbeat = setInterval(() => res.write(': heartbeat\n\n'), heartbeatMs);
    const unsubscribe = feed.subscribe(meetingId, () => {
      void snapshotFor(ctx, meetingId, view).then((event) => { if (!closed) send(event); }).catch(() => {
        // The caller may no longer see the meeting (or it is gone): say so once, and end the stream.
        if (!closed) res.end(`event: gone\ndata: ${JSON.stringify({ meetingId })}\n\n`);
      });
    }, first.sequence);
    req.on('close', () => {
      closed = true;
      clearInterval(heartbeat);
      unsubscribe();
    });
  };
}
