import fs from 'node:fs';
import { apiRoutes } from '../../src/server/routes';
import { fakeTab, startServer, type TestServer } from './server';

// Issue 8 item 8: API answers can carry personal data, so no browser, web view or proxy may keep them.

describe('Cache-Control on API responses', () => {
  let server: TestServer;
  let tabDir: string;
  beforeAll(async () => {
    tabDir = fakeTab();
    server = await startServer({ tabDir });
  });
  afterAll(async () => {
    await server.close();
    fs.rmSync(tabDir, { recursive: true, force: true });
  });

  it('every GET route of the API answers with no-store, whatever the status', async () => {
    const gets = apiRoutes.filter((r) => r.method === 'get');
    expect(gets.length).toBeGreaterThan(5);
    const seen: { path: string; status: number; cacheControl: string | null }[] = [];
    for (const route of gets) {
      // Parameters name records that may not exist: a 404 answer must not be stored either.
      const path = route.path.replace(/:(\w+)/g, (_m, name: string) => `test-${name}`);
      const res = await server.call('GET', path, { as: 'coordinator' });
      await res.arrayBuffer();
      seen.push({ path, status: res.status, cacheControl: res.headers.get('cache-control') });
    }
    expect(seen.filter((s) => s.cacheControl !== 'no-store')).toEqual([]);
    expect(seen.some((s) => s.status === 200)).toBe(true);
  });

  it('refusals and errors under /api answer with no-store too', async () => {
    const answers = [
      await server.call('GET', '/api/cases'), // not signed in
      await server.call('GET', '/api/no-such-route', { as: 'coordinator' }),
      await server.call('POST', '/api/cases', { as: 'coordinator', body: '{not json', headers: { 'Content-Type': 'application/json' } }),
      await server.call('POST', '/api/messages', { json: {} }), // the bot endpoint
    ];
    for (const res of answers) {
      await res.arrayBuffer();
      expect({ status: res.status, cacheControl: res.headers.get('cache-control') }).toEqual({ status: res.status, cacheControl: 'no-store' });
    }
    expect(answers.every((res) => res.status >= 400)).toBe(true);
  });

  it('leaves the tab\'s own pages alone (their caching is decided separately)', async () => {
    const res = await server.call('GET', '/healthz');
    await res.arrayBuffer();
    expect(res.headers.get('cache-control')).not.toBe('no-store');
  });
});
