// CommonJS on purpose (require, module.exports): Vite loads a .ts config beside a package.json without
// "type": "module" as CommonJS, and warns on every start when such a file uses ESM syntax.
// Run from the repository root: `vite build --config tabs/vite.config.ts`.
/* eslint-disable @typescript-eslint/no-require-imports, @typescript-eslint/consistent-type-imports -- CommonJS, as above */
const path: typeof import('node:path') = require('node:path');

// Types only; the root tsconfig resolves modules like Node 10, so these ESM-only packages are typed as imports.
type ReactPlugin = typeof import('@vitejs/plugin-react', { with: { 'resolution-mode': 'import' } }).default;
type UserConfig = import('vite', { with: { 'resolution-mode': 'import' } }).UserConfig;

// An ESM-only package: Node (20.19 and later) hands require() its namespace, whose default is the plugin.
const react = (require('@vitejs/plugin-react') as { default: ReactPlugin }).default;

const config: UserConfig = {
  root: __dirname,
  base: '/',
  plugins: [react()],
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
