import { AsyncLocalStorage } from 'node:async_hooks';
import pino, { type DestinationStream, type Logger } from 'pino';

/**
 * The one logger: pino, JSON lines on stdout (App Service ships them to Log Analytics). Level from LOG_LEVEL
 * (default info). Under Jest nothing is written unless a test captures the output (captureLogs), so test runs stay
 * quiet yet a test can still read every line the code under test wrote.
 *
 * Personal data must never reach the logs. Callers log ids, counts and error names, not records; as a second line
 * of defence the keys below are censored wherever they appear (up to four levels deep), whatever their value.
 */

/** Keys whose values are personal data or free text that may hold it (an adult's details, narrative, tokens). */
export const REDACTED_KEYS = [
  'name', 'names', 'firstName', 'lastName', 'givenName', 'familyName', 'fullName', 'preferredName', 'knownAs',
  'displayName', 'email', 'mail', 'upn', 'userPrincipalName', 'phone', 'telephone', 'mobile',
  'address', 'addressLine1', 'addressLine2', 'town', 'postcode', 'dateOfBirth', 'dob', 'nhsNumber',
  'summary', 'narrative', 'note', 'notes', 'text', 'rationale', 'body', 'description', 'details', 'concern',
  'adult', 'subject', 'title', 'value', 'reason', 'comment', 'progress',
  'authorization', 'cookie', 'token', 'accessToken', 'idToken', 'assertion', 'clientSecret', 'password',
] as const;

const DEPTHS = ['', '*.', '*.*.', '*.*.*.'];
/** fast-redact paths: each key at the top level and under up to three levels of objects. */
export const REDACT_PATHS: string[] = DEPTHS.flatMap((prefix) => REDACTED_KEYS.map((key) => `${prefix}${key}`)).concat([
  'req.headers.authorization', 'req.headers.cookie', 'headers.authorization', 'headers.cookie',
]);

const underJest = process.env.JEST_WORKER_ID !== undefined;

/** The correlation id of the request (or job, or bot turn) being handled, carried across awaits. */
const scope = new AsyncLocalStorage<{ correlationId: string }>();

/** Runs `fn` so every log line written during it (including after awaits) carries `correlationId`. */
export function withCorrelationId<T>(correlationId: string, fn: () => T): T {
  return scope.run({ correlationId }, fn);
}

/** The correlation id of the work in progress, if any. */
export const currentCorrelationId = (): string | undefined => scope.getStore()?.correlationId;

/**
 * Where lines go. Indirect so a test can capture them after modules have made their child loggers: a child
 * shares its parent's stream, so switching here switches them all.
 */
const stdout = pino.destination({ fd: 1, sync: false });
let target: DestinationStream | undefined = underJest ? undefined : stdout;
const switchable: DestinationStream = { write: (line: string) => void target?.write(line) };

function levelFromEnv(): pino.LevelWithSilentOrString {
  const wanted = process.env.LOG_LEVEL?.trim().toLowerCase();
  const known = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'];
  if (wanted && known.includes(wanted)) return wanted;
  // Under Jest, debug so a capturing test sees everything; nothing is written unless it captures.
  return underJest ? 'debug' : 'info';
}

export const log: Logger = pino(
  {
    level: levelFromEnv(),
    base: { service: 'riskpanel' },
    timestamp: pino.stdTimeFunctions.isoTime,
    formatters: { level: (label) => ({ level: label }) },
    mixin: () => {
      const correlationId = currentCorrelationId();
      return correlationId ? { correlationId } : {};
    },
    redact: { paths: REDACT_PATHS, censor: '[redacted]' },
  },
  switchable,
);

/** A child logger for one part of the system, e.g. `logger('notify')`; lines carry `component`. */
export const logger = (component: string): Logger => log.child({ component });

export interface CapturedLogs {
  /** Every line written since capture began, parsed. */
  readonly lines: Record<string, unknown>[];
  /** The raw text written, for scanning. */
  text(): string;
  /** Stops capturing; output goes back to where it went before. */
  stop(): void;
}

/** For tests (and tools): collects every log line until stop(). */
export function captureLogs(): CapturedLogs {
  const previous = target;
  const raw: string[] = [];
  target = { write: (line: string) => void raw.push(line) };
  return {
    get lines() {
      return raw.flatMap((chunk) => chunk.split('\n').filter(Boolean).map((l) => JSON.parse(l) as Record<string, unknown>));
    },
    text: () => raw.join(''),
    stop: () => {
      target = previous;
    },
  };
}

/** Writes pending lines before the process exits (the stdout stream is asynchronous). */
export function flushLogs(): void {
  if (target !== stdout) return;
  try {
    stdout.flushSync();
  } catch {
    // Not open yet: nothing has been buffered.
  }
}
