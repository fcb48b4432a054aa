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
  /** Per meeting, each listener with the last version it knows (undefined: the next read sets it). */
  private readonly watched = new Map<string, Map<MeetingListener, number | undefined>>();
  private timer: NodeJS.Timeout | undefined;
  private polling = false;

  constructor(private readonly store: Store, private readonly intervalMs = 500) {}

  /**
   * `since` is the version the subscriber already has (the snapshot it was sent): any later change is reported, even
   * one made before the first poll. Without it, the first read only sets the baseline.
   */
  subscribe(meetingId: string, listener: MeetingListener, since?: number): () => void {
    const entry = this.watched.get(meetingId) ?? new Map<MeetingListener, number | undefined>();
    entry.set(listener, since);
    this.watched.set(meetingId, entry);
    this.timer ??= setInterval(() => void this.poll(), this.intervalMs);
    return () => {
      entry.delete(listener);
      if (entry.size === 0) this.watched.delete(meetingId);
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
        if (version === undefined) continue;
        for (const [listener, known] of [...entry]) {
          if (known === version || !entry.has(listener)) continue;
          entry.set(listener, version);
          if (known !== undefined) listener(version);
        }
      }
    } finally {
      this.polling = false;
    }
  }
}
