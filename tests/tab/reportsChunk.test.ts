import fs from 'node:fs';
import path from 'node:path';
import { firstLoadChunks, importsOf, isBuilt, isChartsCode, jsChunks, staticClosure } from './support/builtChunks';

// Issue 14: the charts library (@fluentui/react-charts, ~70 KB gzipped) loads only with the Reports page, so the tab's
// first load stays within its budget. Checked twice: in the source (one module imports it, and only a dynamic import
// reaches that module) and in the build (its code is in chunks the first load never fetches, reached only from the
// Reports page's chunk).

const ROOT = path.resolve(__dirname, '../..');
const SRC = path.join(ROOT, 'tabs', 'src');

function sourceFiles(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const full = path.join(dir, e.name);
    return e.isDirectory() ? sourceFiles(full) : /\.tsx?$/.test(e.name) ? [full] : [];
  });
}

describe('the charts library in the source', () => {
  const files = sourceFiles(SRC).map((file) => ({ file: path.relative(ROOT, file), text: fs.readFileSync(file, 'utf8') }));

  it('is imported by ReportCharts.tsx alone', () => {
    expect(files.filter((f) => /from\s+['"]@fluentui\/react-charts['"]|import\(\s*['"]@fluentui\/react-charts/.test(f.text)).map((f) => f.file))
      .toEqual(['tabs/src/pages/reports/ReportCharts.tsx']);
  });

  it('whose module only the Reports page loads, lazily (type-only imports aside)', () => {
    const importers = files.filter((f) => /['"]\.\/ReportCharts['"]|reports\/ReportCharts['"]/.test(f.text));
    expect(importers.map((f) => f.file)).toEqual(['tabs/src/pages/reports/ReportsPage.tsx']);
    const page = importers[0]!.text;
    expect(page).toMatch(/lazy\(\(\) => import\('\.\/ReportCharts'\)\)/);
    expect(page).not.toMatch(/^import\s+(?!type\b)[^;]*from\s+'\.\/ReportCharts'/m);
  });
});

describe('the charts library in the built tab', () => {
  beforeAll(() => {
    if (!isBuilt()) throw new Error('The tab is not built: run `npm run build:tab` first.');
  });

  it('is in the Reports charts chunk only, which the first load never fetches and only the Reports page imports', () => {
    const chunks = jsChunks();
    const firstLoad = firstLoadChunks();
    expect(firstLoad.length).toBeGreaterThan(0);

    const charts = chunks.filter(isChartsCode);
    expect(charts).toHaveLength(1);
    expect(charts[0]).toMatch(/^ReportCharts-[\w-]+\.js$/);

    // Nothing the first load runs holds or statically imports the charts.
    const initial = staticClosure(firstLoad);
    expect([...initial].filter(isChartsCode)).toEqual([]);

    // Reached only by a dynamic import, and that import is in the Reports page's chunk alone.
    const importers = chunks.map((chunk) => ({ chunk, ...importsOf(chunk) }));
    expect(importers.filter((c) => c.statics.includes(charts[0]!)).map((c) => c.chunk)).toEqual([]);
    expect(importers.filter((c) => c.dynamics.includes(charts[0]!)).map((c) => c.chunk)).toEqual([expect.stringMatching(/^ReportsPage-[\w-]+\.js$/)]);
    // And the Reports page's chunk is itself loaded on demand, not with the first page.
    expect([...initial].filter((c) => c.startsWith('ReportsPage-'))).toEqual([]);
  });
});
