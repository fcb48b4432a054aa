import type { FieldProblem } from '../api/client';

/** Field name (the server's, e.g. "adult.postcode") → what is wrong with it. */
export type FieldErrors = Record<string, string>;

/** The server says "is required"; next to a field labelled with its name, "This is required" reads better. */
export function sentenceOf(message: string): string {
  const trimmed = message.trim();
  if (!trimmed) return trimmed;
  if (/^(is|must|has|are) /.test(trimmed)) return `This ${trimmed}.`.replace(/\.\.$/, '.');
  const sentence = trimmed[0]!.toUpperCase() + trimmed.slice(1);
  return /[.!?]$/.test(sentence) ? sentence : `${sentence}.`;
}

/**
 * Server problems as field errors. `known` maps the server's field names to the form's (a prefix match, so
 * "domains.3.evidence" can land on "domains.3"); problems for no known field are returned apart, to be shown
 * above the form.
 */
export function problemsToFields(problems: FieldProblem[], known: readonly string[]): { fields: FieldErrors; other: string[] } {
  const fields: FieldErrors = {};
  const other: string[] = [];
  for (const problem of problems) {
    const target = known.includes(problem.field)
      ? problem.field
      : known.filter((k) => problem.field.startsWith(`${k}.`)).sort((a, b) => b.length - a.length)[0];
    if (target && !fields[target]) fields[target] = sentenceOf(problem.message);
    else if (!target) other.push(problem.field ? `${problem.field}: ${problem.message}` : problem.message);
  }
  return { fields, other };
}

/** A field's control id, from the form's id and the field's name: what error summaries link to. */
export const controlId = (form: string, field: string): string => `${form}-${field.replace(/[^A-Za-z0-9_-]/g, '-')}`;

/** Moves focus to a field's control (the first input inside a group), scrolling it into view. */
export function focusControl(id: string): void {
  const element = document.getElementById(id);
  if (!element) return;
  const target = element.matches('input, select, textarea, button, [tabindex]')
    ? element
    : element.querySelector<HTMLElement>('input:not([type=hidden]), select, textarea, button');
  (target ?? element).focus();
  (target ?? element).scrollIntoView?.({ block: 'center' });
}
