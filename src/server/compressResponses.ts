import compression from 'compression';
import type { Request, RequestHandler, Response } from 'express';

/**
 * Compresses what the server sends (brotli or gzip, as the browser accepts): the API's JSON (a register page of 100
 * cases is about 45 KB as text, under 8 KB compressed) and the tab's files that are not compressed at build time
 * (index.html, tabs/public). The tab's hashed assets go out pre-compressed (src/server/tabAssets.ts) and pass through
 * untouched (already encoded).
 *
 * Never compressed: event streams (a compressor holds bytes back until its buffer fills, so a meeting's live
 * snapshots would arrive late) and the bot's endpoint (the Bot Framework connector's traffic, left as it was).
 * Compressing API answers is safe from BREACH-style guessing: the API authenticates with a header the page adds, not
 * a cookie, so another site cannot make the browser send signed-in requests whose compressed sizes it could watch.
 */
export function compressResponses(): RequestHandler {
  return compression({ threshold: 1024, filter: shouldCompress });
}

function shouldCompress(req: Request, res: Response): boolean {
  if (req.path === '/api/messages') return false;
  const type = String(res.getHeader('Content-Type') ?? '');
  if (type.startsWith('text/event-stream')) return false;
  return compression.filter(req, res);
}
