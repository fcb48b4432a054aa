import path from 'node:path';
// The root tsconfig resolves modules like Node 10 (no package "exports"), so it cannot see the types of these two
// ESM-only packages; the types are imported below with resolution-mode instead, and the value is cast to them.
// @ts-expect-error -- ESM-only package, typed through typedReactPlugin below
import reactPlugin from '@vitejs/plugin-react';
import type typedReactPlugin from '@vitejs/plugin-react' with { 'resolution-mode': 'import' };
import type { UserConfig } from 'vite' with { 'resolution-mode': 'import' };

const react = reactPlugin as typeof typedReactPlugin;

// Run from the repository root: `vite build --config tabs/vite.config.ts`. Vite substitutes __dirname in config files.
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

export default config;
