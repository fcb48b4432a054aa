import { type AuthenticationResult, InteractionRequiredAuthError, type OnBehalfOfRequest, ServerError } from '@azure/msal-node';
import { CONSENT_REQUIRED_MESSAGE, ConsentRequiredError } from '../../src/auth/consentRequiredError';
import { OnBehalfOfTokens, consentErrorOf, createOnBehalfOfTokens } from '../../src/auth/oboToken';
import { AppError } from '../../src/domain/errors';
import { CLIENT_ID, TENANT } from './support/entraFixtures';

const USER_TOKEN = 'validated.sso.token';
const GRAPH = ['https://graph.microsoft.com/User.Read'];

/** Stands in for ConfidentialClientApplication: records requests, answers from a script. No network. */
function stubClient(answer: (request: OnBehalfOfRequest) => Promise<AuthenticationResult | null>) {
  const requests: OnBehalfOfRequest[] = [];
  return {
    requests,
    client: {
      acquireTokenOnBehalfOf: (request: OnBehalfOfRequest) => {
        requests.push(request);
        return answer(request);
      },
    },
  };
}

const failingWith = (err: unknown) => stubClient(() => Promise.reject(err));

async function failureOf(tokens: OnBehalfOfTokens): Promise<unknown> {
  return tokens.acquire(USER_TOKEN, GRAPH).then(
    () => {
      throw new Error('expected the on-behalf-of exchange to fail');
    },
    (e: unknown) => e,
  );
}

describe('on-behalf-of tokens', () => {
  it('exchanges the user token for the scopes asked for', async () => {
    const expiresOn = new Date('2026-06-15T10:00:00Z');
    const stub = stubClient(async () => ({ accessToken: 'graph-token', expiresOn, scopes: GRAPH }) as unknown as AuthenticationResult);
    const token = await new OnBehalfOfTokens(stub.client).acquire(USER_TOKEN, GRAPH);
    expect(token).toEqual({ accessToken: 'graph-token', expiresOn, scopes: GRAPH });
    expect(stub.requests).toEqual([{ oboAssertion: USER_TOKEN, scopes: GRAPH }]);
  });

  it('fails plainly when MSAL returns no token', async () => {
    const err = await failureOf(new OnBehalfOfTokens(stubClient(async () => null).client));
    expect(err).toBeInstanceOf(Error);
    expect(err).not.toBeInstanceOf(AppError);
  });

  it.each([
    [
      'AADSTS65001 as MSAL raises it (invalid_grant, consent_required)',
      new InteractionRequiredAuthError('invalid_grant', '', 'AADSTS65001: The user or administrator has not consented to use the application.', 'consent_required', '', '', '{"access_token":{"polids":{"essential":true}}}'),
    ],
    ['invalid_grant as a ServerError', new ServerError('invalid_grant', '', 'Error(s): 50076 - Description: AADSTS50076: multi-factor authentication is required.', '', '50076', 400)],
    ['interaction_required', new ServerError('interaction_required', '', 'AADSTS50079: The user is required to use multi-factor authentication.')],
    ['AADSTS65001 named only in the message', new ServerError('unauthorized_client', '', 'Error(s): 65001 - Description: AADSTS65001: consent missing')],
    ['error number 65001', new ServerError('unknown', '', 'no description', '', '65001', 400)],
    ['a plain object shaped like an MSAL error', { errorCode: 'interaction_required', errorMessage: 'AADSTS50158: External security challenge not satisfied.' }],
  ])('turns %s into ConsentRequiredError (403) the tab can act on', async (_label, msalError) => {
    const err = await failureOf(new OnBehalfOfTokens(failingWith(msalError).client));
    expect(err).toBeInstanceOf(ConsentRequiredError);
    expect(err).toBeInstanceOf(AppError);
    const consent = err as ConsentRequiredError;
    expect(consent.status).toBe(403);
    expect(consent.title).toBe('Consent required');
    expect(consent.consentRequired).toBe(true);
    // The person sees what to do, never Entra's diagnostic text.
    expect(consent.message).toBe(CONSENT_REQUIRED_MESSAGE);
    expect(consent.message).not.toMatch(/AADSTS/);
  });

  it('passes a claims challenge on to the tab', () => {
    const claims = '{"access_token":{"capolids":{"essential":true,"values":["invented"]}}}';
    const mapped = consentErrorOf(new InteractionRequiredAuthError('interaction_required', 'AADSTS50076', '', '', '', '', claims));
    expect(mapped?.claims).toBe(claims);
    expect(consentErrorOf(new ServerError('invalid_grant', '', 'AADSTS65001'))?.claims).toBeUndefined();
  });

  it.each([
    ['a bad client secret', new ServerError('invalid_client', '', 'AADSTS7000215: Invalid client secret provided.')],
    ['a network failure', new TypeError('fetch failed')],
    ['Entra being unavailable', new ServerError('temporarily_unavailable', '', 'AADSTS90033: A transient error has occurred.', '', '90033', 503)],
  ])('lets %s through unchanged (a server fault, not a consent prompt)', async (_label, failure) => {
    const err = await failureOf(new OnBehalfOfTokens(failingWith(failure).client));
    expect(err).toBe(failure);
    expect(consentErrorOf(failure)).toBeUndefined();
  });

  it('ignores things that are not errors', () => {
    for (const thing of [undefined, null, 'invalid_grant', 65001]) expect(consentErrorOf(thing)).toBeUndefined();
  });

  it('builds the real MSAL client without touching the network, and insists on a credential', () => {
    expect(createOnBehalfOfTokens({ tenantId: TENANT, clientId: CLIENT_ID, clientSecret: 'invented-secret' })).toBeInstanceOf(OnBehalfOfTokens);
    expect(() => createOnBehalfOfTokens({ tenantId: TENANT, clientId: CLIENT_ID })).toThrow(/certificate or secret/);
  });
});
