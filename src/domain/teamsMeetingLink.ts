import type { MeetingStatus } from './enums';

/*
 * Which RiskPanel meeting a Teams meeting is. Teams names one meeting several ways: the meeting chat's conversation id
 * (`19:meeting_…@thread.v2`), the meeting id in channelData and in meeting events (base64 of `0#19:meeting_…#0`), and
 * the join link (`…/meetup-join/19%3ameeting_…%40thread.v2/0?context=…`). All of them carry the chat thread, so the
 * thread is the key; a channel meeting's thread is the channel's, so its key adds the message that holds the meeting.
 */

const THREAD = /19:[A-Za-z0-9_\-.=]+@thread\.(?:v2|tacv2|skype)/;

/** The key of one name of a Teams meeting, or undefined when it names none. */
export function teamsMeetingKey(value: string | undefined): string | undefined {
  if (!value || value.length > 4000) return undefined;
  const text = safeDecode(value.trim());
  const direct = keyIn(text);
  if (direct) return direct;
  // A meeting id: base64 (plain or URL-safe) of "0#<thread>#<message>".
  if (/^[A-Za-z0-9+/_-]+={0,2}$/.test(text)) return keyIn(fromBase64(text));
  // A join link without the thread (the short /meet/ form): the link itself, without its query, is the key.
  if (/^https:\/\/teams\.microsoft\.com\//i.test(text)) return `link:${text.split(/[?#]/)[0]!.toLowerCase()}`;
  return undefined;
}

function keyIn(text: string): string | undefined {
  const match = THREAD.exec(text);
  if (!match) return undefined;
  const after = text.slice(match.index + match[0].length);
  // ";messageid=123" (conversation id), "/123" (join link), "#123" (meeting id); 0 means no message: a chat meeting.
  const message = /^(?:;messageid=|\/|#)(\d+)/.exec(after)?.[1];
  return message && message !== '0' ? `${match[0]};messageid=${message}` : match[0];
}

function fromBase64(text: string): string {
  try {
    return atob(text.replace(/-/g, '+').replace(/_/g, '/'));
  } catch {
    return '';
  }
}

function safeDecode(text: string): string {
  try {
    return decodeURIComponent(text);
  } catch {
    return text;
  }
}

/** The keys of every name of a Teams meeting that is known (repeats and unreadable ones dropped). */
export const teamsMeetingKeys = (values: readonly (string | undefined)[]): string[] =>
  [...new Set(values.map(teamsMeetingKey).filter((k): k is string => k !== undefined))];

/** A RiskPanel meeting linked to a Teams meeting, as far as choosing between them needs. */
export interface LinkedMeeting { id: string; status: MeetingStatus; startsAt: string }

/** What the bot wants the meeting for: the Teams meeting started, ended, or someone asked for its agenda. */
export type TeamsMeetingPurpose = 'start' | 'end' | 'agenda';

/** How far from its planned start a Teams meeting's start may still start a RiskPanel meeting. */
export const START_WINDOW_MS = 12 * 60 * 60 * 1000;

/**
 * One Teams meeting may be linked to several RiskPanel meetings: a recurring monthly meeting keeps one chat for every
 * occurrence. Which one is meant: the one in progress, if any; otherwise for a start the one planned nearest to now
 * within twelve hours (a start far from any planned panel starts nothing), for an end none (only a meeting in
 * progress can end, so a repeated end finds nothing to do), and for the agenda the next one not yet held, else the
 * last one held.
 */
export function pickLinkedMeeting(meetings: readonly LinkedMeeting[], purpose: TeamsMeetingPurpose, now: Date): LinkedMeeting | undefined {
  const running = meetings.find((m) => m.status === 'in_progress');
  if (running) return running;
  const t = now.getTime();
  const distance = (m: LinkedMeeting) => Math.abs(Date.parse(m.startsAt) - t);
  const byStart = [...meetings].sort((a, b) => Date.parse(a.startsAt) - Date.parse(b.startsAt));
  const notHeld = byStart.filter((m) => m.status === 'planned' || m.status === 'agenda_published');
  const held = byStart.filter((m) => m.status === 'held' || m.status === 'minutes_issued');
  switch (purpose) {
    case 'start':
      return notHeld.filter((m) => distance(m) <= START_WINDOW_MS).sort((a, b) => distance(a) - distance(b))[0];
    case 'end':
      return undefined;
    case 'agenda':
      return notHeld.find((m) => Date.parse(m.startsAt) >= t - START_WINDOW_MS) ?? held.at(-1);
  }
}
