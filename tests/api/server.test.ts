import fs from 'node:fs';
import { captureLogs } from '../../src/log';
import { referralInput } from '../support/world';
import { type TestServer, fakeTab, problemOf, startServer } from './server';

describe('the HTTP server', () => {
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

  it('answers /healthz with the store and mode', async () => {
    const res = await server.call('GET', '/healthz');
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ status: 'ok', store: 'sqlite', mode: 'local' });
  });

  it('sends security headers that let Teams and Microsoft 365 frame the tab, and nobody else', async () => {
    const res = await server.call('GET', '/');
    const csp = res.headers.get('content-security-policy') ?? '';
    const ancestors = /frame-ancestors ([^;]+)/.exec(csp)?.[1]?.split(' ') ?? [];
    expect(ancestors).toEqual(
      expect.arrayContaining(["'self'", 'https://teams.microsoft.com', 'https://*.teams.microsoft.com', 'https://*.office.com', 'https://*.cloud.microsoft']),
    );
    expect(ancestors).not.toContain('*');
    expect(csp).toContain("default-src 'self'");
    expect(csp).toContain("object-src 'none'");
    // Local mode is http on loopback: the upgrade directive would break it.
    expect(csp).not.toContain('upgrade-insecure-requests');
    expect(res.headers.get('x-frame-options')).toBeNull();
    expect(res.headers.get('x-content-type-options')).toBe('nosniff');
    expect(res.headers.get('x-powered-by')).toBeNull();
  });

  it('serves the built tab at / and falls back to index.html for the tab\'s own routes', async () => {
    for (const route of ['/', '/cases/some-case', '/actions?scope=mine']) {
      const res = await server.call('GET', route);
      expect(res.status).toBe(200);
      expect(res.headers.get('content-type')).toMatch(/text\/html/);
      expect(await res.text()).toContain('RiskPanel tab');
    }
    const asset = await server.call('GET', '/assets/app-abc123.js');
    expect(asset.status).toBe(200);
    expect(asset.headers.get('cache-control')).toContain('immutable');
    // A missing file is a 404, not the tab's HTML under a .js name.
    const missing = await server.call('GET', '/assets/missing.js');
    expect(missing.status).toBe(404);
    await problemOf(missing);
  });

  it('answers an unknown API route with a 404 problem, not the tab', async () => {
    for (const [method, route] of [['GET', '/api/nothing-here'], ['POST', '/api/cases'], ['GET', '/api'], ['DELETE', '/api/cases/x']] as const) {
      const res = await server.call(method, route, { as: 'coordinator' });
      expect(res.status).toBe(404);
      const problem = await problemOf(res);
      expect(problem.detail).toMatch(/^No API route/);
    }
  });

  it('echoes a UUID correlation id and replaces anything else', async () => {
    const id = '3f2b8c1e-9d4a-4e6b-8f1a-2b3c4d5e6f70';
    const given = await server.call('GET', '/healthz', { headers: { 'x-correlation-id': id } });
    expect(given.headers.get('x-correlation-id')).toBe(id);
    const junk = await server.call('GET', '/healthz', { headers: { 'x-correlation-id': 'drop table; <script>' } });
    expect(junk.headers.get('x-correlation-id')).toMatch(/^[0-9a-f-]{36}$/);
    expect(junk.headers.get('x-correlation-id')).not.toBe(id);
  });

  it('threads the correlation id into the audit trail of the request', async () => {
    const id = 'a1b2c3d4-e5f6-4a7b-8c9d-0e1f2a3b4c5d';
    const res = await server.call('GET', '/api/cases', { as: 'coordinator', headers: { 'x-correlation-id': id } });
    expect(res.status).toBe(200);
    const created = await server.call('POST', '/api/referrals', {
      as: 'police',
      headers: { 'x-correlation-id': id },
      json: referralInput(),
    });
    expect(created.status).toBe(201);
    const audit = await server.world.store.transaction((tx) => tx.find('audit'));
    expect(audit.find((a) => a.action === 'create')?.correlationId).toBe(id);
  });
});

describe('the HTTP server without a built tab', () => {
  let server: TestServer;
  beforeAll(async () => (server = await startServer()));
  afterAll(() => server.close());

  it('says how to build the tab', async () => {
    const res = await server.call('GET', '/');
    expect(res.status).toBe(200);
    expect(await res.text()).toContain('npm run build:tab');
  });
});

describe('the HTTP server in production mode', () => {
  let server: TestServer;
  beforeAll(async () => (server = await startServer({ mode: 'production' })));
  afterAll(() => server.close());

  it('reports its mode and keeps upgrade-insecure-requests and HSTS', async () => {
    const res = await server.call('GET', '/healthz');
    expect(await res.json()).toEqual({ status: 'ok', store: 'sqlite', mode: 'production' });
    expect(res.headers.get('content-security-policy')).toContain('upgrade-insecure-requests');
    expect(res.headers.get('strict-transport-security')).toMatch(/max-age=\d+/);
  });

  it('has no persona picker', async () => {
    const res = await server.call('GET', '/api/personas');
    expect(res.status).toBe(404);
    expect((await problemOf(res)).detail).toMatch(/^No API route/);
  });
});

describe('an unexpected failure', () => {
  let server: TestServer;
  let calls = 0;
  beforeAll(async () => {
    server = await startServer({
      // Sign-in (the first unit of work of each request) works; the command's own unit of work then fails.
      wrapStore: (store) => ({
        name: store.name,
        close: () => store.close(),
        listDataQualityIssues: () => store.listDataQualityIssues(),
        transaction: (work) => (++calls % 2 === 1 ? store.transaction(work) : Promise.reject(new TypeError('store exploded'))),
      }),
    });
  });
  afterAll(() => server.close());

  it('is a 500 problem with a generic message, logged without the request body or query string', async () => {
    const logs = captureLogs();
    try {
      const res = await server.call('POST', '/api/referrals?q=Alex%20Imaginary', { as: 'police', json: referralInput() });
      expect(res.status).toBe(500);
      const problem = await problemOf(res);
      expect(problem.title).toBe('Something went wrong');
      expect(problem.detail).not.toContain('exploded');
      const failures = logs.lines.filter((l) => l.level === 'error');
      expect(failures).toHaveLength(1);
      expect(failures[0]).toMatchObject({ method: 'POST', route: '/api/referrals', errorName: 'TypeError', correlationId: res.headers.get('x-correlation-id') });
      expect(logs.text()).not.toMatch(/Alex|Imaginary|hoarding|exploded/);
    } finally {
      logs.stop();
    }
  });
});
