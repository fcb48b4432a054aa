import express from 'express';
import fs from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import zlib from 'node:zlib';
import { compressResponses } from '../../src/server/compressResponses';
import { mountTab } from '../../src/server/tab';

// The built tab goes out compressed, hashed assets cached for a year, the page itself always revalidated; a compressed
// answer decodes to the file on disk byte for byte. Assets the build compressed go out as those files (brotli or gzip,
// as the browser accepts), the rest are compressed per request, as are the API's JSON answers but never an event
// stream. Checked on a tab directory of invented files, mounted as src/server/app.ts mounts it.

let dir: string;
let server: http.Server;
let base: string;
const bundle = `export const invented = ${JSON.stringify('RiskPanel invented bundle line. '.repeat(800))};\n`;
// What the build writes beside a hashed asset: its brotli and gzip twins (here marked, to tell them from per-request work).
const prebuilt = `export const prebuilt = ${JSON.stringify('RiskPanel invented prebuilt chunk. '.repeat(800))};\n`;
const page = `<!doctype html><html><head><meta name="riskpanel-client-id" content="" /></head><body>${'<p>Invented</p>'.repeat(200)}</body></html>`;

beforeAll(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'riskpanel-tab-'));
  fs.mkdirSync(path.join(dir, 'assets'));
  fs.writeFileSync(path.join(dir, 'assets', 'index-AbC123xy.js'), bundle);
  fs.writeFileSync(path.join(dir, 'assets', 'chunk-Pre9uilt.js'), prebuilt);
  fs.writeFileSync(path.join(dir, 'assets', 'chunk-Pre9uilt.js.br'), zlib.brotliCompressSync(prebuilt));
  fs.writeFileSync(path.join(dir, 'assets', 'chunk-Pre9uilt.js.gz'), zlib.gzipSync(prebuilt, { level: 9 }));
  fs.writeFileSync(path.join(dir, 'index.html'), page);
  const app = express();
  app.use(compressResponses());
  app.get('/api/ping', (_req, res) => res.json({ text: 'x'.repeat(5000) }));
  app.get('/api/stream', (_req, res) => {
    res.status(200).set({ 'content-type': 'text/event-stream; charset=utf-8', 'cache-control': 'no-store' });
    res.flushHeaders();
    res.end(`data: ${'y'.repeat(5000)}\n\n`);
  });
  app.post('/api/messages', (_req, res) => res.json({ text: 'z'.repeat(5000) }));
  mountTab(app, dir);
  server = app.listen(0);
  await new Promise((r) => server.once('listening', r));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(async () => {
  await new Promise((r) => server.close(r));
  fs.rmSync(dir, { recursive: true, force: true });
});

function get(route: string, encoding: string, method = 'GET'): Promise<{ status: number; headers: http.IncomingHttpHeaders; body: Buffer }> {
  return new Promise((resolve, reject) => {
    http
      .request(`${base}${route}`, { method, headers: { 'accept-encoding': encoding } }, (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks) }));
      })
      .on('error', reject)
      .end();
  });
}

describe('the tab over the wire', () => {
  it.each([
    ['gzip', zlib.gunzipSync],
    ['br', zlib.brotliDecompressSync],
  ])('sends a hashed asset %s-compressed, cached for a year, decoding to the file', async (encoding, decode) => {
    const { headers, body } = await get('/assets/index-AbC123xy.js', encoding);
    expect(headers['content-encoding']).toBe(encoding);
    expect(headers['cache-control']).toBe('public, max-age=31536000, immutable');
    expect(body.length).toBeLessThan(bundle.length / 4);
    expect(decode(body).toString('utf8')).toBe(bundle);
  });

  it('sends the page compressed and never cached without revalidation, for its own routes too', async () => {
    for (const route of ['/', '/register']) {
      const { headers, body } = await get(route, 'gzip');
      expect(headers['content-encoding']).toBe('gzip');
      expect(headers['cache-control']).toBe('no-cache');
      expect(zlib.gunzipSync(body).toString('utf8')).toBe(page);
    }
  });

  it.each([
    ['br', 'gzip, deflate, br, zstd', '.br'],
    ['gzip', 'gzip, deflate', '.gz'],
    ['gzip', 'br;q=0, gzip', '.gz'],
  ])('sends the build\'s %s twin of an asset when the browser accepts "%s": the file itself, typed as the script', async (encoding, accepts, suffix) => {
    const { headers, body } = await get('/assets/chunk-Pre9uilt.js', accepts);
    expect(headers['content-encoding']).toBe(encoding);
    expect(headers['content-type']).toMatch(/^text\/javascript/);
    expect(headers['vary']).toMatch(/Accept-Encoding/i);
    expect(headers['cache-control']).toBe('public, max-age=31536000, immutable');
    // Byte for byte the file the build wrote, so no compression happened per request.
    expect(body.equals(fs.readFileSync(path.join(dir, 'assets', `chunk-Pre9uilt.js${suffix}`)))).toBe(true);
    expect(Number(headers['content-length'])).toBe(body.length);
  });

  it('answers HEAD for a pre-compressed asset with its headers and no body', async () => {
    const { status, headers, body } = await get('/assets/chunk-Pre9uilt.js', 'br', 'HEAD');
    expect(status).toBe(200);
    expect(headers['content-encoding']).toBe('br');
    expect(body.length).toBe(0);
  });

  it('sends plain bytes to a client that accepts no encoding', async () => {
    for (const asset of ['index-AbC123xy.js', 'chunk-Pre9uilt.js']) {
      const plain = await get(`/assets/${asset}`, 'identity');
      expect(plain.headers['content-encoding']).toBeUndefined();
      expect(plain.headers['cache-control']).toBe('public, max-age=31536000, immutable');
      expect(plain.body.toString('utf8')).toBe(fs.readFileSync(path.join(dir, 'assets', asset), 'utf8'));
    }
  });

  it('leaves a missing asset a 404, even when its name is asked for compressed', async () => {
    expect((await get('/assets/missing-Xyz.js', 'br')).status).toBe(404);
  });

  it('compresses the API\'s JSON, but never an event stream or the bot\'s endpoint', async () => {
    const api = await get('/api/ping', 'br');
    expect(api.headers['content-encoding']).toBe('br');
    expect(JSON.parse(zlib.brotliDecompressSync(api.body).toString('utf8'))).toEqual({ text: 'x'.repeat(5000) });
    const stream = await get('/api/stream', 'gzip, br');
    expect(stream.headers['content-encoding']).toBeUndefined();
    expect(stream.body.toString('utf8')).toBe(`data: ${'y'.repeat(5000)}\n\n`);
    const bot = await get('/api/messages', 'gzip, br', 'POST');
    expect(bot.headers['content-encoding']).toBeUndefined();
  });
});
