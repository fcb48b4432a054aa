// CommonJS on purpose (require, module.exports): Vite loads a .ts config beside a package.json without
// "type": "module" as CommonJS, and warns on every start when such a file uses ESM syntax.
// Run from the repository root: `vite build --config tabs/vite.config.ts`.
/* eslint-disable @typescript-eslint/no-require-imports, @typescript-eslint/consistent-type-imports -- CommonJS, as above */
const fs: typeof import('node:fs') = require('node:fs');
const path: typeof import('node:path') = require('node:path');
const zlib: typeof import('node:zlib') = require('node:zlib');

// Types only; the root tsconfig resolves modules like Node 10, so these ESM-only packages are typed as imports.
type ReactPlugin = typeof import('@vitejs/plugin-react', { with: { 'resolution-mode': 'import' } }).default;
type UserConfig = import('vite', { with: { 'resolution-mode': 'import' } }).UserConfig;
type VitePlugin = import('vite', { with: { 'resolution-mode': 'import' } }).Plugin;

// An ESM-only package: Node (20.19 and later) hands require() its namespace, whose default is the plugin.
const react = (require('@vitejs/plugin-react') as { default: ReactPlugin }).default;

/**
 * Writes a brotli (.br, best quality) and a gzip (.gz, level 9) twin beside every hashed script and style sheet, so the
 * server sends them without compressing per request (src/server/tabAssets.ts). Small files are left alone: their
 * headers outweigh what compression saves.
 */
function precompress(): VitePlugin {
  return {
    name: 'riskpanel-precompress',
    apply: 'build',
    writeBundle(options, bundle) {
      const dir = options.dir ?? path.join(__dirname, 'dist');
      for (const file of Object.keys(bundle)) {
        if (!/^assets\/[^/]+\.(?:js|css|svg|json)$/.test(file)) continue;
        const full = path.join(dir, file);
        const raw = fs.readFileSync(full);
        if (raw.length < 1024) continue;
        const brotli = zlib.brotliCompressSync(raw, {
          params: { [zlib.constants.BROTLI_PARAM_QUALITY]: 11, [zlib.constants.BROTLI_PARAM_MODE]: zlib.constants.BROTLI_MODE_TEXT, [zlib.constants.BROTLI_PARAM_SIZE_HINT]: raw.length },
        });
        fs.writeFileSync(`${full}.br`, brotli);
        fs.writeFileSync(`${full}.gz`, zlib.gzipSync(raw, { level: 9 }));
      }
    },
  };
}

const config: UserConfig = {
  root: __dirname,
  base: '/',
  plugins: [react(), precompress()],
  build: {
    outDir: path.join(__dirname, 'dist'),
    emptyOutDir: true,
    // The tab is served by our own server under a strict Content-Security-Policy: no inline scripts.
    modulePreload: { polyfill: false },
    sourcemap: false,
    chunkSizeWarningLimit: 1500,
  },
  server: {
    // `vite --config tabs/vite.config.ts` for quick UI work against a running `npm run dev` on the default port.
    proxy: { '/api': 'http://127.0.0.1:3978', '/healthz': 'http://127.0.0.1:3978' },
  },
};

module.exports = config;
