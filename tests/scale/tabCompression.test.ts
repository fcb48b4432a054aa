import express from 'express';
import fs from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import zlib from 'node:zlib';
import { mountTab } from '../../src/server/tab';

// The built tab goes out compressed, hashed assets cached for a year, the page itself always revalidated; a compressed
// answer decodes to the file on disk byte for byte. Checked on a tab directory of invented files.

let dir: string;
let server: http.Server;
let base: string;
const bundle = `export const invented = ${JSON.stringify('RiskPanel invented bundle line. '.repeat(800))};\n`;
const page = `<!doctype html><html><head><meta name="riskpanel-client-id" content="" /></head><body>${'<p>Invented</p>'.repeat(200)}</body></html>`;

beforeAll(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'riskpanel-tab-'));
  fs.mkdirSync(path.join(dir, 'assets'));
  fs.writeFileSync(path.join(dir, 'assets', 'index-AbC123xy.js'), bundle);
  fs.writeFileSync(path.join(dir, 'index.html'), page);
  const app = express();
  app.get('/api/ping', (_req, res) => res.json({ text: 'x'.repeat(5000) }));
  mountTab(app, dir);
  server = app.listen(0);
  await new Promise((r) => server.once('listening', r));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(async () => {
  await new Promise((r) => server.close(r));
  fs.rmSync(dir, { recursive: true, force: true });
});

function get(route: string, encoding: string): Promise<{ headers: http.IncomingHttpHeaders; body: Buffer }> {
  return new Promise((resolve, reject) => {
    http.get(`${base}${route}`, { headers: { 'accept-encoding': encoding } }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => resolve({ headers: res.headers, body: Buffer.concat(chunks) }));
    }).on('error', reject);
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

  it('sends plain bytes to a client that accepts no encoding, and leaves the API alone', async () => {
    const plain = await get('/assets/index-AbC123xy.js', 'identity');
    expect(plain.headers['content-encoding']).toBeUndefined();
    expect(plain.body.toString('utf8')).toBe(bundle);
    const api = await get('/api/ping', 'gzip');
    expect(api.headers['content-encoding']).toBeUndefined();
  });
});
