import { UnauthenticatedError } from '../../src/domain/errors';
import { MEMBERS } from '../support/world';
import { type TestServer, problemOf, startServer } from './server';

describe('sign-in in local mode', () => {
  let server: TestServer;
  beforeAll(async () => (server = await startServer()));
  afterAll(() => server.close());

  it('refuses a request without credentials with 401 and says how to sign in', async () => {
    const res = await server.call('GET', '/api/me');
    expect(res.status).toBe(401);
    expect(res.headers.get('www-authenticate')).toContain('Dev');
    expect((await problemOf(res)).title).toBe('Sign-in required');
  });

  it('refuses an email that is not an active member', async () => {
    for (const email of ['nobody@example.test', MEMBERS.inactive.email]) {
      const res = await server.call('GET', '/api/me', { headers: { authorization: `Dev ${email}` } });
      expect(res.status).toBe(401);
      expect((await problemOf(res)).detail).toMatch(/not a member of this partnership/);
    }
  });

  it('refuses a malformed Dev header, an unknown scheme, and a Bearer token while Teams sign-in is not configured', async () => {
    const cases: [string, RegExp][] = [
      ['Dev', /must name a member by email/],
      ['Dev not-an-email', /must name a member by email/],
      ['Basic dXNlcjpwYXNz', /Unsupported authorization scheme/],
      ['Bearer eyJhbGciOiJub25lIn0.e30.', /Teams sign-in is not configured yet/],
    ];
    for (const [authorization, detail] of cases) {
      const res = await server.call('GET', '/api/me', { headers: { authorization } });
      expect(res.status).toBe(401);
      expect((await problemOf(res)).detail).toMatch(detail);
    }
  });

  it('signs in a persona by email, whatever its case, and says who they are', async () => {
    const res = await server.call('GET', '/api/me', { headers: { authorization: `dev ${MEMBERS.policeLead.email.toUpperCase()}` } });
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({
      member: { id: 'policelead', name: 'Test policelead', email: 'policelead@example.test', roles: ['partner'], agencyLead: true },
      agency: { id: 'ag-police', name: 'Test Police', shortName: 'Police' },
      // What the tab may offer this member, from the policies (a partner refers; screening is the coordinator's).
      can: expect.objectContaining({ refer: true, screen: false, coordinate: false }),
    });
  });

  it('lists the active members for the persona picker without sign-in', async () => {
    const res = await server.call('GET', '/api/personas');
    expect(res.status).toBe(200);
    const personas = (await res.json()) as { email: string; name: string; agency: string; roles: string[] }[];
    expect(personas).toHaveLength(Object.values(MEMBERS).filter((m) => m.active).length);
    expect(personas.map((p) => p.email)).not.toContain(MEMBERS.inactive.email);
    expect(personas).toContainEqual({ email: 'fire@example.test', name: 'Test fire', agency: 'Fire', roles: ['partner'] });
  });
});

describe('sign-in in production mode', () => {
  let server: TestServer;
  beforeAll(async () => (server = await startServer({ mode: 'production' })));
  afterAll(() => server.close());

  it('refuses demo personas, even for a real member', async () => {
    const before = await server.counts();
    for (const [method, route] of [['GET', '/api/me'], ['GET', '/api/cases'], ['POST', '/api/referrals']] as const) {
      const res = await server.call(method, route, { as: 'coordinator', json: method === 'POST' ? {} : undefined });
      expect(res.status).toBe(401);
      expect(res.headers.get('www-authenticate')).toBe('Bearer');
      expect((await problemOf(res)).detail).toBe('Demo personas are only accepted in local mode.');
    }
    expect(await server.counts()).toEqual(before);
  });

  it('refuses a Bearer token until a validator is configured', async () => {
    const res = await server.call('GET', '/api/me', { headers: { authorization: 'Bearer some.jwt.token' } });
    expect(res.status).toBe(401);
    expect((await problemOf(res)).detail).toMatch(/Teams sign-in is not configured yet/);
  });
});

describe('a plugged-in bearer validator', () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startServer({
      mode: 'production',
      verifyBearer: async (token) => {
        if (token !== 'valid-test-token') throw new UnauthenticatedError('The Teams sign-in token is not valid.');
        return { aadObjectId: MEMBERS.health.aadObjectId };
      },
    });
  });
  afterAll(() => server.close());

  it('signs in the member the token names, and refuses a token it rejects', async () => {
    const ok = await server.call('GET', '/api/me', { headers: { authorization: 'Bearer valid-test-token' } });
    expect(ok.status).toBe(200);
    expect(((await ok.json()) as { member: { id: string } }).member.id).toBe('health');
    const bad = await server.call('GET', '/api/me', { headers: { authorization: 'Bearer forged' } });
    expect(bad.status).toBe(401);
    expect((await problemOf(bad)).detail).toBe('The Teams sign-in token is not valid.');
  });
});
