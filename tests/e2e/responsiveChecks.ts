import type { AxeResults, Result } from 'axe-core';
import type { Locator, Page } from 'playwright-core';

/** The widths every page is tried at: the meeting side panel, a common phone, a laptop. */
export const WIDTHS = [320, 390, 1280] as const;
export const THEMES = ['light', 'dark', 'contrast'] as const;

/** A phone's height (390 × 844); the laptop keeps the other e2e tests' 900. */
export const viewportFor = (width: number) => ({ width, height: width >= 1280 ? 900 : 844 });

/** How far the page scrolls sideways: the document wider than the viewport. 0 when nothing sticks out. */
export async function sidewaysOverflow(page: Page): Promise<{ overflow: number; culprits: string[] }> {
  return page.evaluate(() => {
    const root = document.documentElement;
    const overflow = root.scrollWidth - root.clientWidth;
    const culprits: string[] = [];
    if (overflow > 0) {
      // Name the widest elements that reach past the right edge, to say what to fix.
      for (const el of Array.from(document.body.querySelectorAll<HTMLElement>('*'))) {
        const r = el.getBoundingClientRect();
        if (r.right > root.clientWidth + 1 && r.width > 0 && culprits.length < 5) {
          culprits.push(`${el.tagName.toLowerCase()}${el.id ? `#${el.id}` : ''}.${String(el.className).slice(0, 60)} right=${Math.round(r.right)}`);
        }
      }
    }
    return { overflow, culprits };
  });
}

/**
 * Whether a page's main action can be reached without scrolling sideways: once scrolled into view vertically, it
 * lies inside the viewport's width and nothing (a clipping box, a header) covers its middle.
 */
export async function reachableWithoutSidewaysScroll(action: Locator): Promise<string | undefined> {
  await action.scrollIntoViewIfNeeded();
  return action.evaluate((el) => {
    const r = el.getBoundingClientRect();
    const width = document.documentElement.clientWidth;
    if (r.width === 0 || r.height === 0) return 'it has no size';
    if (r.left < 0 || r.right > width + 0.5) return `it spans ${Math.round(r.left)}-${Math.round(r.right)} px of a ${width} px viewport`;
    const hit = document.elementFromPoint(r.left + r.width / 2, r.top + r.height / 2);
    if (!hit || !(el === hit || el.contains(hit) || hit.contains(el))) return `its middle is covered by ${hit?.tagName.toLowerCase() ?? 'nothing'}`;
    return undefined;
  });
}

const AXE = require.resolve('axe-core/axe.min.js');

/**
 * axe's serious and critical violations (WCAG 2.2 AA and best practice, as support/axe.ts checks) together with
 * WCAG 2.2's 2.5.8, target size (minimum), whose rule axe leaves off by default: targets under 24 × 24 CSS px pass
 * only with enough space around them, and inline links in text are exempt, as the criterion says. One axe run.
 * Fluent's focus-trap guards (tabster dummies) are dropped for the reason support/axe.ts gives.
 */
export async function axeProblems(page: Page): Promise<Result[]> {
  if (!(await page.evaluate(() => 'axe' in window))) await page.addScriptTag({ path: AXE });
  const results = await page.evaluate(async () => {
    const axe = (window as unknown as { axe: { run(context: Document, options: object): Promise<AxeResults> } }).axe;
    return axe.run(document, { resultTypes: ['violations'], rules: { 'target-size': { enabled: true } } });
  });
  return results.violations
    .map((v) => ({ ...v, nodes: v.nodes.filter((n) => !/^<i\s[^>]*\bdata-tabster-dummy\b/.test(n.html.trim())) }))
    .filter((v) => (v.impact === 'serious' || v.impact === 'critical') && v.nodes.length > 0);
}
