/**
 * Makes a value from the store or a person safe to put into an Adaptive Card through adaptivecards-templating.
 *
 * The threats, and what answers each:
 * - Template expressions. `${...}` in data is not evaluated by one expand() call, but a card that is expanded again
 *   (refreshed, re-rendered from stored JSON) would evaluate it, and a field left undefined stays as `${field}`.
 *   So every `${` and `{{` (the card renderers' DATE()/TIME() functions) gets an invisible WORD JOINER (U+2060) between
 *   its two characters: it looks the same to a reader and never parses as an expression. Missing values become ''.
 * - Markdown. TextBlock and FactSet text is markdown in Teams; TextRun text is not ("Markdown is not supported", card
 *   schema). Cards therefore put data only in TextRun, so `**bold**`, links and lists show literally, character for
 *   character, with no escape characters a reader would see. (Card tests check that no TextBlock carries data.)
 * - HTML. Adaptive Cards never render HTML; it shows as text.
 * - Control characters and direction overrides. C0/C1 controls are removed (a newline becomes a space unless the
 *   field is multi-line), and the explicit bidi embedding/override/isolate controls (U+202A-U+202E, U+2066-U+2069) are
 *   removed so a value cannot reorder the text around it ("Trojan Source"). Right-to-left letters themselves pass
 *   through unchanged.
 * - Size. A card must stay under Teams' 28 KB, so a value is cut at `max` code points (never inside an emoji's
 *   surrogate pair) and ends with an ellipsis.
 */

export const WORD_JOINER = '\u2060';
export const DEFAULT_MAX_CHARS = 500;
const ELLIPSIS = '\u2026';

export interface SafeTextOptions {
  /** Longest value in code points, ellipsis included. */
  max?: number;
  /** Keep line breaks (as \n) instead of turning them into spaces. */
  multiline?: boolean;
}

// eslint-disable-next-line no-control-regex
const CONTROLS = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F]/g;
const BIDI_CONTROLS = /[\u202A-\u202E\u2066-\u2069]/g;
const LINE_BREAKS = /\r\n|[\r\n\u2028\u2029]/g;

export function safeText(value: unknown, options: SafeTextOptions = {}): string {
  const max = options.max ?? DEFAULT_MAX_CHARS;
  let text = toText(value)
    .replace(LINE_BREAKS, options.multiline ? '\n' : ' ')
    .replace(/\t/g, ' ')
    .replace(CONTROLS, '')
    .replace(BIDI_CONTROLS, '');
  const points = [...text];
  if (points.length > max) text = points.slice(0, Math.max(0, max - 1)).join('') + ELLIPSIS;
  return breakExpressions(text);
}

/**
 * Card data made safe: every value through safeText (numbers become text). Arrays (for `$data` repetition) keep their
 * shape, each item a record treated the same way. A record nested anywhere else is not a value a card can show: it
 * becomes '' so that data can never turn into card elements (templating would put an object bound to `text` into
 * the card as-is).
 */
export function safeData(data: Record<string, unknown>, options: SafeTextOptions = {}): Record<string, SafeValue> {
  return Object.fromEntries(Object.entries(data).map(([key, value]) => [key, safeValue(value, options)]));
}
export type SafeValue = string | SafeValue[] | { [key: string]: SafeValue };

function safeValue(value: unknown, options: SafeTextOptions): SafeValue {
  if (!Array.isArray(value)) return safeText(value, options);
  return value.map((item) => (isRecord(item) ? safeData(item, options) : safeText(item, options)));
}

const isRecord = (value: unknown): value is Record<string, unknown> =>
  value !== null && typeof value === 'object' && !Array.isArray(value);

/** What a reader sees: the text without the joiners safeText inserted. For tests and logs. */
export const visibleText = (text: string): string => text.split(WORD_JOINER).join('');

function toText(value: unknown): string {
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'bigint') return Number.isFinite(Number(value)) ? String(value) : '';
  if (typeof value === 'boolean') return value ? 'Yes' : 'No';
  // Objects, functions, null and undefined have no text of their own: they must never reach a card as a structure.
  return '';
}

/** Inserts a joiner into every `${` and `{{`, including overlapping runs such as `{{{` or `$${{`. */
function breakExpressions(text: string): string {
  return text.replace(/\$(?=\{)|\{(?=\{)/g, (opener) => opener + WORD_JOINER);
}
