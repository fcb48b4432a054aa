import type { AxeResults, Result } from 'axe-core';
import type { Page } from 'playwright-core';

const AXE = require.resolve('axe-core/axe.min.js');

/** Runs axe-core in the page and returns the serious and critical violations (WCAG 2.2 AA and best practice). */
export async function seriousViolations(page: Page): Promise<Result[]> {
  if (!(await page.evaluate(() => 'axe' in window))) await page.addScriptTag({ path: AXE });
  const results = await page.evaluate(async () => {
    const axe = (window as unknown as { axe: { run(context: Document, options: object): Promise<AxeResults> } }).axe;
    return axe.run(document, { resultTypes: ['violations'] });
  });
  return results.violations
    .map((v) => (v.id === 'aria-hidden-focus' ? { ...v, nodes: v.nodes.filter((n) => !isTabsterDummy(n.html)) } : v))
    .filter((v) => (v.impact === 'serious' || v.impact === 'critical') && v.nodes.length > 0);
}

/**
 * Fluent's focus management (tabster) puts empty `<i data-tabster-dummy tabindex="0" aria-hidden="true">` guards
 * around focus traps and groups; they pass focus on at once and are deliberately hidden from screen readers. axe
 * reports them under aria-hidden-focus, a known false positive that Accessibility Insights suppresses the same way
 * (microsoft/tabster#288, microsoft/accessibility-insights-web#7605). Only those elements are dropped.
 */
const isTabsterDummy = (html: string): boolean => /^<i\s[^>]*\bdata-tabster-dummy\b/.test(html.trim());

/** A readable list for a failing expectation: rule, impact, and where. */
export function describeViolations(violations: Result[]): string {
  return violations
    .map((v) => `${v.id} (${v.impact}): ${v.help}\n${v.nodes.slice(0, 5).map((n) => `   ${n.target.join(' ')}: ${n.failureSummary ?? ''}`).join('\n')}`)
    .join('\n');
}

/**
 * Waits until the page's finite animations (Fluent's dialogs, message bars, hover transitions) have run, so colours
 * and sizes are final. Endless ones (a spinner) never settle and do not change colours.
 */
export async function settled(page: Page): Promise<void> {
  await page.waitForFunction(() =>
    document.getAnimations().every((a) => a.playState !== 'running' || a.effect?.getComputedTiming().iterations === Infinity));
}

/** The page at rest has no serious or critical axe violation. */
export async function axeClean(page: Page): Promise<void> {
  await settled(page);
  expect(describeViolations(await seriousViolations(page))).toBe('');
}
