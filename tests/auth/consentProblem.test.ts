import { ConsentRequiredError } from '../../src/auth/consentRequiredError';
import { SigningKeysUnavailableError } from '../../src/auth/jwks';
import { type TestServer, problemOf, startServer } from '../api/server';

/** What the tab receives when sign-in cannot complete: a consent prompt flag, or a 503 outage, never a dead 500. */
describe('sign-in problems reaching the tab', () => {
  let server: TestServer | undefined;
  afterEach(async () => server?.close());

  async function start(error: Error): Promise<TestServer> {
    return startServer({ mode: 'production', verifyBearer: async () => { throw error; } });
  }

  it('flags consent (with the claims challenge) so the tab can prompt instead of failing', async () => {
    server = await start(new ConsentRequiredError(undefined, '{"access_token":{}}'));
    const res = await server.call('GET', '/api/me', { headers: { authorization: 'Bearer x.y.z' } });
    expect(res.status).toBe(403);
    const problem = (await problemOf(res)) as unknown as { consentRequired?: boolean; claims?: string };
    expect(problem.consentRequired).toBe(true);
    expect(problem.claims).toBe('{"access_token":{}}');
  });

  it('answers 503 when Entra ID signing keys cannot be fetched', async () => {
    server = await start(new SigningKeysUnavailableError('Entra ID signing keys are unavailable; try again shortly.'));
    const res = await server.call('GET', '/api/me', { headers: { authorization: 'Bearer x.y.z' } });
    expect(res.status).toBe(503);
    expect((await problemOf(res)) as unknown as { consentRequired?: boolean }).not.toHaveProperty('consentRequired');
  });
});
