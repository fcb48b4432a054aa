import { ConfidentialClientApplication, type Configuration } from '@azure/msal-node';
import fs from 'node:fs';
import { X509Certificate } from 'node:crypto';

/** App-only access tokens for one resource scope, e.g. `https://graph.microsoft.com/.default`. */
export interface TokenProvider {
  getToken(scope: string): Promise<string>;
}

export const GRAPH_SCOPE = 'https://graph.microsoft.com/.default';
export const sharePointScope = (hostname: string) => `https://${hostname}/.default`;

export interface AppCredentials {
  tenantId: string;
  clientId: string;
  /** A PEM file holding the private key and the certificate uploaded to the app registration. Preferred. */
  clientCertPath?: string;
  /** The same PEM bundle as text, e.g. a Key Vault certificate App Service hands over as CLIENT_CERT_PEM. */
  clientCertPem?: string;
  clientSecret?: string;
}

/** Reads a PEM bundle into what MSAL needs: the key, the SHA-256 thumbprint and the x5c chain. */
export function certificateFromPem(pem: string): { privateKey: string; thumbprintSha256: string; x5c: string } {
  const key = /-----BEGIN (?:RSA |EC |ENCRYPTED )?PRIVATE KEY-----[\s\S]+?-----END (?:RSA |EC |ENCRYPTED )?PRIVATE KEY-----/.exec(pem)?.[0];
  const cert = /-----BEGIN CERTIFICATE-----[\s\S]+?-----END CERTIFICATE-----/.exec(pem)?.[0];
  if (!key || !cert) throw new Error('CLIENT_CERT_PATH must be a PEM file with both the private key and the certificate');
  return { privateKey: key, thumbprintSha256: new X509Certificate(cert).fingerprint256.replace(/:/g, ''), x5c: cert };
}

/**
 * Client-credential tokens from Entra ID through MSAL. One ConfidentialClientApplication is kept for the life of the
 * process, so its in-memory token cache answers until a token nears expiry. A certificate is preferred: SharePoint's
 * own REST API (used by provisioning for views) refuses app-only tokens obtained with a client secret.
 */
export class MsalTokenProvider implements TokenProvider {
  private readonly app: ConfidentialClientApplication;
  readonly usesCertificate: boolean;

  constructor(creds: AppCredentials) {
    const auth: Configuration['auth'] = { clientId: creds.clientId, authority: `https://login.microsoftonline.com/${creds.tenantId}` };
    const pem = creds.clientCertPem ?? (creds.clientCertPath ? fs.readFileSync(creds.clientCertPath, 'utf8') : undefined);
    if (pem) {
      auth.clientCertificate = certificateFromPem(pem);
      this.usesCertificate = true;
    } else if (creds.clientSecret) {
      auth.clientSecret = creds.clientSecret;
      this.usesCertificate = false;
    } else {
      throw new Error('SharePoint needs CLIENT_CERT_PATH (preferred) or CLIENT_SECRET');
    }
    this.app = new ConfidentialClientApplication({ auth });
  }

  async getToken(scope: string): Promise<string> {
    const result = await this.app.acquireTokenByClientCredential({ scopes: [scope] });
    if (!result?.accessToken) throw new Error(`Entra ID returned no token for ${scope}`);
    return result.accessToken;
  }
}

/** A fixed token, for tests against the Graph fake (which accepts any bearer but requires one). */
export class StaticTokenProvider implements TokenProvider {
  readonly requested: string[] = [];
  constructor(private readonly token = 'fake-token') {}
  async getToken(scope: string): Promise<string> {
    this.requested.push(scope);
    return `${this.token}:${scope}`;
  }
}
