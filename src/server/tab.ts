import fs from 'node:fs';
import path from 'node:path';
import express, { type Express } from 'express';
import { IMMUTABLE, precompressedAssets } from './tabAssets';

const NOT_BUILT = `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>RiskPanel</title></head>
<body><main><h1>RiskPanel</h1>
<p>The tab has not been built yet. Run <code>npm run build:tab</code>, then reload this page.</p>
<p>The API is running: see <a href="/api/openapi.json">/api/openapi.json</a>.</p></main></body></html>`;

/**
 * Serves the built tab at `/` and answers every other non-API GET with index.html, so the tab's own routes survive
 * a reload. Paths that look like files (an extension) are not rewritten: a missing asset stays a 404.
 */
const CLIENT_ID_META = '<meta name="riskpanel-client-id" content="" />';
const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export function mountTab(app: Express, tabDir: string, clientId?: string): void {
  if (clientId !== undefined && !GUID.test(clientId)) throw new Error('The SSO client id must be a GUID');
  const index = path.join(tabDir, 'index.html');
  // Hashed assets go out as compressed at build time; everything else is compressed per request by
  // compressResponses (src/server/compressResponses.ts), mounted before the API.
  app.use('/assets', precompressedAssets(path.join(tabDir, 'assets')));
  app.use(
    express.static(tabDir, {
      index: false,
      setHeaders: (res, file) => {
        // Hashed assets can be cached for ever; anything else is revalidated.
        res.setHeader('Cache-Control', /[\\/]assets[\\/]/.test(file) ? IMMUTABLE : 'no-cache');
      },
    }),
  );
  app.use((req, res, next) => {
    if (req.method !== 'GET' && req.method !== 'HEAD') return next();
    if (req.path === '/api' || req.path.startsWith('/api/') || path.extname(req.path)) return next();
    // Checked per request so a tab built after the server started is picked up.
    if (!fs.existsSync(index)) return res.status(200).type('html').send(NOT_BUILT);
    res.setHeader('Cache-Control', 'no-cache');
    if (!clientId) return res.sendFile(index);
    res.type('html').send(fs.readFileSync(index, 'utf8').replace(CLIENT_ID_META, `<meta name="riskpanel-client-id" content="${clientId}" />`));
  });
}
