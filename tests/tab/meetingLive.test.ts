import { backoffDelay } from '../../tabs/src/live/backoff';
import { type StreamStatus, openEventStream } from '../../tabs/src/live/eventStream';
import { type SseMessage, SseParser } from '../../tabs/src/live/sseParser';

// The meeting's live client: the text/event-stream parser, the backoff, and the stream that reconnects and resumes
// with Last-Event-ID after the server drops it. Streams are real ReadableStreams; nothing waits on the clock.

describe('SseParser', () => {
  test('frames events across arbitrary chunk boundaries, CRLF and CR included, dropping heartbeat comments', () => {
    const text = ': heartbeat\r\nevent: snapshot\r\nid: 7\r\ndata: {"a":\r\ndata: 1}\r\n\r\n: heartbeat\n\ndata: plain\r\rretry: 2000\nevent: gone\ndata: {}\n\n';
    // Every split point gives the same events.
    for (let cut = 0; cut <= text.length; cut++) {
      const parser = new SseParser();
      const got = [...parser.push(text.slice(0, cut)), ...parser.push(text.slice(cut))];
      expect(got).toEqual<SseMessage[]>([
        { event: 'snapshot', id: '7', data: '{"a":\n1}' },
        // The id carries over to later events, as EventSource's last event ID does.
        { event: 'message', id: '7', data: 'plain' },
        { event: 'gone', id: '7', data: '{}', retry: 2000 },
      ]);
    }
  });

  test('an event without data is not dispatched, and an unfinished event waits for its blank line', () => {
    const parser = new SseParser();
    expect(parser.push('event: snapshot\n\n')).toEqual([]);
    expect(parser.push('data: x\n')).toEqual([]);
    expect(parser.push('\n')).toEqual([{ event: 'message', data: 'x' }]);
  });
});

test('backoff doubles to its ceiling, with jitter within half of it', () => {
  expect(backoffDelay(1, { random: () => 0 })).toBe(250);
  expect(backoffDelay(1, { random: () => 1 })).toBe(500);
  expect(backoffDelay(3, { random: () => 1 })).toBe(2000);
  expect(backoffDelay(30, { random: () => 1 })).toBe(15_000);
  expect(backoffDelay(30, { random: () => 0 })).toBe(7_500);
});

/** A response whose body the test writes to and closes (the server dropping the connection). */
function streamingResponse() {
  let controller!: ReadableStreamDefaultController<Uint8Array>;
  const body = new ReadableStream<Uint8Array>({ start: (c) => void (controller = c) });
  const encoder = new TextEncoder();
  return {
    response: new Response(body, { status: 200, headers: { 'Content-Type': 'text/event-stream' } }),
    send: (text: string) => controller.enqueue(encoder.encode(text)),
    drop: () => controller.close(),
  };
}

/** Resolves when `predicate` holds for something pushed to `list`. */
function waitFor<T>(list: T[], predicate: (item: T) => boolean): Promise<T> {
  return new Promise((resolve) => {
    const found = list.find(predicate);
    if (found) return resolve(found);
    const push = list.push.bind(list);
    list.push = (...items: T[]) => {
      const n = push(...items);
      const hit = items.find(predicate);
      if (hit) resolve(hit);
      return n;
    };
  });
}

test('after the stream drops it reconnects, sends Last-Event-ID and the credentials again, and carries on', async () => {
  const first = streamingResponse();
  const second = streamingResponse();
  const requests: { url: string; headers: Record<string, string> }[] = [];
  const responses = [first.response, second.response];
  const fetchImpl = jest.fn(async (url: RequestInfo | URL, init?: RequestInit) => {
    requests.push({ url: String(url), headers: { ...(init?.headers as Record<string, string>) } });
    return responses.shift()!;
  }) as unknown as typeof fetch;
  const statuses: StreamStatus[] = [];
  const messages: SseMessage[] = [];
  let token = 0;
  const stream = openEventStream({
    url: '/api/meetings/mt-1/events?view=panel',
    headers: async () => ({ Authorization: `Bearer invented-${++token}` }),
    onMessage: (m) => messages.push(m),
    onStatus: (s) => statuses.push(s),
    delay: () => 0,
    fetchImpl,
  });

  await waitFor(statuses, (s) => s.state === 'live');
  first.send('event: snapshot\nid: 3\ndata: {"version":3}\n\n');
  await waitFor(messages, (m) => m.id === '3');
  first.drop();
  await waitFor(statuses, (s) => s.state === 'reconnecting');
  await waitFor(requests, (r) => r.headers['Last-Event-ID'] === '3');
  second.send('event: snapshot\nid: 4\ndata: {"version":4}\n\n');
  await waitFor(messages, (m) => m.id === '4');
  stream.close();

  expect(requests.map((r) => r.headers.Authorization)).toEqual(['Bearer invented-1', 'Bearer invented-2']);
  expect(requests[0]!.headers['Last-Event-ID']).toBeUndefined();
  expect(requests.every((r) => r.headers.Accept === 'text/event-stream')).toBe(true);
  expect(statuses.map((s) => s.state)).toEqual(['connecting', 'live', 'reconnecting', 'live']);
  expect(messages.map((m) => m.data)).toEqual(['{"version":3}', '{"version":4}']);
});

test('a refusal (403) stops for good with the server\'s words; a 503 is retried', async () => {
  const refused = new Response(JSON.stringify({ title: 'Forbidden', status: 403, detail: 'You are not a member of this panel.' }), { status: 403 });
  const unavailable = new Response('', { status: 503 });
  const answers = [unavailable, refused];
  const fetchImpl = jest.fn(async () => answers.shift()!) as unknown as typeof fetch;
  const statuses: StreamStatus[] = [];
  openEventStream({ url: '/x', headers: async () => ({}), onMessage: () => undefined, onStatus: (s) => statuses.push(s), delay: () => 0, fetchImpl });
  const failed = await waitFor(statuses, (s) => s.state === 'failed');
  expect(failed).toEqual({ state: 'failed', message: 'You are not a member of this panel.' });
  expect(statuses.map((s) => s.state)).toEqual(['connecting', 'reconnecting', 'failed']);
  expect(fetchImpl).toHaveBeenCalledTimes(2);
});
