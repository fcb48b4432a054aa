import { useCallback, useEffect, useRef, useState } from 'react';
import {
  LIVE_HEARTBEAT_MS, type LiveEvent, type MeetingView, type StageView, liveEventSchema, meetingViewSchema, paths, stageViewSchema,
} from '../../../src/contract';
import { useApiClient } from '../auth/session';
import { type EventStream, type StreamStatus, openEventStream } from './eventStream';

interface Versioned { version: number; serverTime: string }

export interface Live<V> {
  /** The newest view known: from the first load, the stream, or the answer to the user's own command. */
  data?: V;
  /** The first load failed (nothing to show yet). */
  error?: Error;
  status: StreamStatus;
  /** Takes the view a command answered with, so the user's own press shows at once. */
  accept(view: V): void;
  reconnect(): void;
}

/**
 * One meeting, kept current: a first load over the API, then the server's live stream (snapshots of the whole view,
 * on connect and on every change). A view older than the one shown is ignored, so a slow first load or a late
 * snapshot cannot take the page back in time.
 */
function useLive<V extends Versioned>(
  id: string,
  view: 'panel' | 'stage',
  load: (signal: AbortSignal) => Promise<V>,
  pick: (event: LiveEvent) => V | undefined,
): Live<V> {
  const client = useApiClient();
  const [data, setData] = useState<V>();
  const [error, setError] = useState<Error>();
  const [status, setStatus] = useState<StreamStatus>({ state: 'connecting' });
  const stream = useRef<EventStream>(undefined);

  const accept = useCallback((next: V) => {
    // Equal versions are taken too: a newer snapshot of the same version carries a newer clock.
    setData((shown) => (!shown || next.version >= shown.version ? next : shown));
  }, []);

  useEffect(() => {
    const controller = new AbortController();
    setData(undefined);
    setError(undefined);
    load(controller.signal).then(
      (first) => !controller.signal.aborted && accept(first),
      (failure: unknown) => !controller.signal.aborted && setError(failure instanceof Error ? failure : new Error(String(failure))),
    );
    const opened = openEventStream({
      url: paths.meetingEvents(id, view),
      headers: () => client.headers(),
      idleMs: 2 * LIVE_HEARTBEAT_MS + 5_000,
      onStatus: setStatus,
      onMessage: (message) => {
        if (message.event === 'gone') {
          opened.close();
          setStatus({ state: 'failed', message: 'You can no longer follow this meeting.' });
          return;
        }
        if (message.event !== 'snapshot') return;
        let parsed: unknown;
        try {
          parsed = JSON.parse(message.data);
        } catch {
          return;
        }
        const event = liveEventSchema.safeParse(parsed);
        const next = event.success ? pick(event.data) : undefined;
        if (next) {
          setError(undefined);
          accept(next);
        }
      },
    });
    stream.current = opened;
    return () => {
      controller.abort();
      opened.close();
    };
    // `load` and `pick` are fresh closures each render; the meeting and the view name what they fetch.
  }, [client, id, view, accept]);

  const reconnect = useCallback(() => stream.current?.reconnect(), []);
  return { data, error, status, accept, reconnect };
}

/** The caller's own view of a meeting (side panel, meeting page), live. */
export function useLiveMeeting(id: string): Live<MeetingView> {
  const client = useApiClient();
  return useLive(id, 'panel', (signal) => client.get(paths.meeting(id), meetingViewSchema, signal), (e) => (e.view === 'panel' ? e.meeting : undefined));
}

/** The shared stage view, live: the same for every participant. */
export function useLiveStage(id: string): Live<StageView> {
  const client = useApiClient();
  return useLive(id, 'stage', (signal) => client.get(paths.meetingStage(id), stageViewSchema, signal), (e) => (e.view === 'stage' ? e.stage : undefined));
}
