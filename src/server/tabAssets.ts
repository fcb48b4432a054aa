import fs from 'node:fs';
import path from 'node:path';
import type { Request, RequestHandler } from 'express';

/** Hashed file names change with their content: a browser may keep them for a year without asking again. */
export const IMMUTABLE = 'public, max-age=31536000, immutable';

/** What the tab's build writes beside each hashed asset (tabs/vite.config.ts): brotli first, gzip for the rest. */
const ENCODINGS = [
  { name: 'br', suffix: '.br' },
  { name: 'gzip', suffix: '.gz' },
] as const;

/**
 * Serves the tab's hashed assets (tabs/dist/assets) from the files compressed at build time, brotli or gzip as the
 * browser accepts (q-values honoured), with Content-Encoding, Vary: Accept-Encoding and the long-lived cache. Nothing is
 * compressed per request: on a busy two-core server that work used to hold back every script of a cold load. A file
 * without a compressed twin, or a browser that accepts neither, falls through to the plain static files.
 */
export function precompressedAssets(assetsDir: string): RequestHandler {
  return (req, res, next) => {
    if (req.method !== 'GET' && req.method !== 'HEAD') return next();
    const file = assetFile(req);
    if (!file) return next();
    res.vary('Accept-Encoding');
    // Our order, not the browser's: Chromium lists gzip before br at equal weight, and brotli is the smaller.
    const encoding = ENCODINGS.find((e) => req.acceptsEncodings(e.name) === e.name && fs.existsSync(path.join(assetsDir, file + e.suffix)));
    if (!encoding) return next();
    // The type is the original file's; sendFile would otherwise name the .br file's.
    res.type(path.extname(file));
    res.setHeader('Content-Encoding', encoding.name);
    res.setHeader('Cache-Control', IMMUTABLE);
    res.sendFile(file + encoding.suffix, { root: assetsDir, dotfiles: 'deny', cacheControl: false }, (error?: NodeJS.ErrnoException) => {
      if (!error) return;
      // Gone between the check and the read (a rebuild): the plain file, or a 404, follows.
      if (!res.headersSent) {
        res.removeHeader('Content-Encoding');
        return next();
      }
      next(error);
    });
  };
}

/** The request's file inside the assets folder: one plain name (hashed chunks live flat there), else undefined. */
function assetFile(req: Request): string | undefined {
  let name: string;
  try {
    name = decodeURIComponent(req.path.replace(/^\//, ''));
  } catch {
    return undefined;
  }
  return /^[\w.-]+\.(?:js|css|svg|json)$/.test(name) && !name.startsWith('.') ? name : undefined;
}
