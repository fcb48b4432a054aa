import { mayBeInTeams } from '../../theme/teamsHost';

/*
 * Every teams-js call the meeting surfaces make, each with a timeout and a plain answer when it fails: stage sharing
 * fails on some clients (500s on Windows, callbacks that never fire on iOS), and the meeting must never depend on it.
 */

export const TEAMS_TIMEOUT_MS = 8_000;

/** Teams did not answer in time (as opposed to answering no). */
export class TeamsTimeout extends Error {}

/** `work` settled within `ms`, or a TeamsTimeout with `message`. */
export function withTimeout<T>(work: Promise<T>, ms: number, message: string): Promise<T> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new TeamsTimeout(message)), ms);
  });
  return Promise.race([work, timeout]).finally(() => clearTimeout(timer));
}

export type ShareOutcome = { ok: true } | { ok: false; message: string };

const SHARE_FAILED = 'Teams could not share the stage view. The meeting carries on: open the stage from the meeting instead, or share your screen.';

/**
 * Asks Teams to show `url` (the meeting's stage page) on the meeting stage for everyone. Resolves with a plain
 * outcome, never throws: a failure is something to tell the chair, not an error page.
 */
export async function shareToStage(url: string, timeoutMs = TEAMS_TIMEOUT_MS): Promise<ShareOutcome> {
  if (!mayBeInTeams()) return { ok: false, message: 'Sharing to the stage works inside a Teams meeting. Here, open the stage view in its own window.' };
  try {
    const { meeting } = await withTimeout(import('@microsoft/teams-js'), timeoutMs, 'The Teams library did not load, so the stage cannot be shared. The meeting carries on without it.');
    const shared = await withTimeout(
      new Promise<boolean>((resolve, reject) => {
        meeting.shareAppContentToStage((error, result) => (error ? reject(new Error(error.message || `error ${error.errorCode}`)) : resolve(result === true)), url);
      }),
      timeoutMs,
      'Teams did not answer the request to share to the stage. The meeting carries on without it.',
    );
    return shared ? { ok: true } : { ok: false, message: SHARE_FAILED };
  } catch (error) {
    if (error instanceof TeamsTimeout) return { ok: false, message: error.message };
    const said = error instanceof Error && error.message ? ` (Teams said: ${error.message})` : '';
    return { ok: false, message: `${SHARE_FAILED}${said}` };
  }
}

export interface MeetingFrame {
  /** Where Teams shows this page: 'sidePanel', 'meetingStage', 'content', 'settings'… */
  frameContext?: string;
  /** The Teams meeting (and its chat) the page runs in, when in one. */
  meetingId?: string;
  chatId?: string;
  channelId?: string;
}

/** Where in Teams the page runs; undefined in a plain browser, or when Teams does not answer in time. */
export async function meetingFrame(timeoutMs = TEAMS_TIMEOUT_MS): Promise<MeetingFrame | undefined> {
  if (!mayBeInTeams()) return undefined;
  try {
    const { app } = await withTimeout(import('@microsoft/teams-js'), timeoutMs, 'teams-js did not load');
    // Initialising twice is harmless: the host detection has normally done it already.
    await withTimeout(app.initialize(), timeoutMs, 'Teams did not answer');
    const context = await withTimeout(app.getContext(), timeoutMs, 'Teams did not answer');
    return {
      frameContext: context.page?.frameContext,
      meetingId: context.meeting?.id,
      chatId: context.chat?.id,
      channelId: context.channel?.id,
    };
  } catch {
    return undefined;
  }
}
