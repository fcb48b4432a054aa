import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';

/**
 * The built tab's JavaScript chunks and how they import one another, read from tabs/dist: which chunks the first load
 * fetches, which a page needs, which only one page needs. Shared by the test that keeps the charts library out of the
 * first load (tests/tab/reportsChunk.test.ts) and by `npm run bench:reports`, which weighs the Reports page's part.
 */

export const DIST = path.resolve(__dirname, '../../../tabs/dist');
export const ASSETS = path.join(DIST, 'assets');

export const isBuilt = (): boolean => fs.existsSync(path.join(DIST, 'index.html'));

const read = (chunk: string) => fs.readFileSync(path.join(ASSETS, chunk), 'utf8');

export const jsChunks = (): string[] => fs.readdirSync(ASSETS).filter((f) => f.endsWith('.js'));

/** The one chunk whose name starts with `prefix` (Vite names a chunk after its module: ReportsPage-<hash>.js). */
export function chunkNamed(prefix: string): string {
  const found = jsChunks().filter((f) => f.startsWith(`${prefix}-`));
  if (found.length !== 1) throw new Error(`Expected one ${prefix}-*.js chunk in ${ASSETS}, found ${found.length}`);
  return found[0]!;
}

/** A chunk's static imports (`import{…}from"./x.js"`, `import"./x.js"`) and dynamic ones (`import("./x.js")`). */
export function importsOf(chunk: string): { statics: string[]; dynamics: string[] } {
  const text = read(chunk);
  return {
    statics: [...text.matchAll(/(?:^|[;}\s])import\s*(?:[\w${},\s*]+from\s*)?["'`]\.\/([^"'`]+\.js)["'`]/g)].map((m) => m[1]!),
    dynamics: [...text.matchAll(/\bimport\(\s*["'`]\.\/([^"'`]+\.js)["'`]\s*\)/g)].map((m) => m[1]!),
  };
}

/** The scripts index.html loads or preloads: what the browser fetches before the first page renders. */
export function firstLoadChunks(): string[] {
  const html = fs.readFileSync(path.join(DIST, 'index.html'), 'utf8');
  return [...html.matchAll(/<(?:script[^>]+src|link[^>]+rel="modulepreload"[^>]+href)="\/assets\/([^"]+\.js)"/g)].map((m) => m[1]!);
}

/** Every chunk the given ones need before they run: themselves and their static imports, transitively. */
export function staticClosure(start: readonly string[]): Set<string> {
  const seen = new Set<string>();
  const queue = [...start];
  while (queue.length) {
    const chunk = queue.pop()!;
    if (seen.has(chunk)) continue;
    seen.add(chunk);
    queue.push(...importsOf(chunk).statics);
  }
  return seen;
}

/** Whether a chunk holds the charts library's code: its cartesian charts' class prefix, or their spoken description. */
export function isChartsCode(chunk: string): boolean {
  const text = read(chunk);
  return text.includes('fui-cart__') || text.includes('Vertical bar chart with');
}

/** Gzipped size at level 9, as `npm run bench:tab` weighs the first load. */
export const gzipBytes = (chunk: string): number => zlib.gzipSync(fs.readFileSync(path.join(ASSETS, chunk)), { level: 9 }).length;
