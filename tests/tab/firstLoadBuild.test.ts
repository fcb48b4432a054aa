import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';
import { ASSETS, DIST, firstLoadChunks, isBuilt, staticClosure } from './support/builtChunks';

// Issue 11: the tab's first load. In the build (tabs/vite.config.ts): every script the first load fetches has a
// brotli and a gzip twin that decode to it byte for byte (the server sends those, src/server/tabAssets.ts); the first
// load is a few chunk groups, not dozens of small files each paying its headers; and the code that draws the tab,
// which main.tsx imports dynamically, is preloaded by index.html rather than fetched after main.tsx has run.

beforeAll(() => {
  if (!isBuilt()) throw new Error('The tab is not built: run `npm run build:tab` first.');
});

describe('the built first load', () => {
  it('has a brotli and a gzip twin beside each of its scripts, each decoding to the script', () => {
    const chunks = firstLoadChunks().filter((chunk) => fs.statSync(path.join(ASSETS, chunk)).size >= 1024);
    expect(chunks.length).toBeGreaterThan(0);
    for (const chunk of chunks) {
      const raw = fs.readFileSync(path.join(ASSETS, chunk));
      expect(zlib.brotliDecompressSync(fs.readFileSync(path.join(ASSETS, `${chunk}.br`))).equals(raw)).toBe(true);
      expect(zlib.gunzipSync(fs.readFileSync(path.join(ASSETS, `${chunk}.gz`))).equals(raw)).toBe(true);
    }
  });

  it('is a handful of files, closed under their own imports', () => {
    const chunks = firstLoadChunks();
    expect(chunks.length).toBeLessThanOrEqual(6);
    // Nothing the first load needs before it runs is left for a later round trip.
    expect([...staticClosure(chunks)].sort()).toEqual([...chunks].sort());
  });

  it('preloads the shell that main.tsx imports dynamically', () => {
    const html = fs.readFileSync(path.join(DIST, 'index.html'), 'utf8');
    const shell = firstLoadChunks().filter((chunk) => chunk.startsWith('shell-'));
    expect(shell).toHaveLength(1);
    expect(html).toContain(`rel="modulepreload" crossorigin href="/assets/${shell[0]}"`);
  });
});
