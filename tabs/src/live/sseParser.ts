/** One Server-Sent Event as the stream framed it. */
export interface SseMessage {
  /** The `id:` field, when the server sent one: the stream resumes after it (Last-Event-ID). */
  id?: string;
  /** The `event:` field; "message" when none was given, as in EventSource. */
  event: string;
  data: string;
  /** The server's `retry:` advice in milliseconds, when given. */
  retry?: number;
}

/**
 * The text/event-stream format (WHATWG HTML, "Server-sent events"), parsed incrementally: chunks may split a line or
 * an event anywhere. Comment lines (":" heartbeats) are dropped; an event is dispatched at a blank line and only when
 * it carried data. Our own parser rather than EventSource, because EventSource cannot send the Authorization header
 * every other API call sends (a token in the address would end up in logs).
 */
export class SseParser {
  private buffer = '';
  private data: string[] = [];
  private event = '';
  private id: string | undefined;
  private retry: number | undefined;

  push(chunk: string): SseMessage[] {
    this.buffer += chunk;
    const out: SseMessage[] = [];
    for (;;) {
      const match = /\r\n|\r|\n/.exec(this.buffer);
      // A lone "\r" at the very end may be the first half of "\r\n": wait for the next chunk.
      if (!match || (match[0] === '\r' && match.index === this.buffer.length - 1)) break;
      const line = this.buffer.slice(0, match.index);
      this.buffer = this.buffer.slice(match.index + match[0].length);
      const message = this.line(line);
      if (message) out.push(message);
    }
    return out;
  }

  private line(line: string): SseMessage | undefined {
    if (line === '') return this.dispatch();
    if (line.startsWith(':')) return undefined;
    const colon = line.indexOf(':');
    const field = colon < 0 ? line : line.slice(0, colon);
    let value = colon < 0 ? '' : line.slice(colon + 1);
    if (value.startsWith(' ')) value = value.slice(1);
    if (field === 'data') this.data.push(value);
    else if (field === 'event') this.event = value;
    else if (field === 'id' && !value.includes('\0')) this.id = value;
    else if (field === 'retry' && /^\d+$/.test(value)) this.retry = Number(value);
    return undefined;
  }

  private dispatch(): SseMessage | undefined {
    const message: SseMessage | undefined = this.data.length
      ? { event: this.event || 'message', data: this.data.join('\n'), ...(this.id !== undefined ? { id: this.id } : {}), ...(this.retry !== undefined ? { retry: this.retry } : {}) }
      : undefined;
    this.data = [];
    this.event = '';
    this.retry = undefined;
    // The id persists across events (the spec's "last event ID buffer"), so it is not cleared here.
    return message;
  }
}
