import type { Store } from '../store/port';

/** Called with the meeting's new version (its change sequence: every meeting command writes the meeting record). */
export type MeetingListener = (version: number) => void;

/**
 * Tells subscribers when a meeting changes, whichever server instance changed it. Each instance polls the stored
 * meeting's version (one indexed read per meeting with subscribers, every `intervalMs`), so two instances on one store
 * both see the chair's moves without talking to each other; `poke` lets the instance that made a change announce it
 * at once. Meetings nobody follows are not polled.
 */
export class MeetingFeed {
  private readonly watched = new Map<string, { version: number | undefined; listeners: Set<MeetingListener> }>();
  private timer: NodeJS.Timeout | undefined;
  private polling = false;

  constructor(private readonly store: Store, private readonly intervalMs = 500) {}

  subscribe(meetingId: string, listener: MeetingListener): () => void {
    const entry = this.watched.get(meetingId) ?? { version: undefined, listeners: new Set<MeetingListener>() };
    entry.listeners.add(listener);
    this.watched.set(meetingId, entry);
    this.timer ??= setInterval(() => void this.poll(), this.intervalMs);
    return () => {
      entry.listeners.delete(listener);
      if (entry.listeners.size === 0) this.watched.delete(meetingId);
      if (this.watched.size === 0) this.stop();
    };
  }

  /** Checks now (after a change this instance made), instead of at the next tick. */
  poke(): Promise<void> {
    return this.poll();
  }

  stop(): void {
    if (this.timer) clearInterval(this.timer);
    this.timer = undefined;
  }

  private async poll(): Promise<void> {
    if (this.polling) return;
    this.polling = true;
    try {
      for (const [meetingId, entry] of [...this.watched]) {
        const meeting = await this.store.transaction((tx) => tx.get('meetings', meetingId));
        const version = meeting?.version;
        if (version === undefined || version === entry.version) continue;
        const first = entry.version === undefined;
        entry.version = version;
        // The first read only sets the baseline: a subscriber gets its snapshot when it connects.
        if (!first) for (const listener of [...entry.listeners]) listener(version);
      }
    } finally {
      this.polling = false;
    }
  }
}
