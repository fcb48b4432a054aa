import type { FetchLike } from '../../src/store/sharepoint/graphClient';

/**
 * A SharePoint document library as Graph shows it, for the minutes document: the site's default drive
 * (GET /sites/{site}/drive), simple upload (PUT /drives/{id}/root:/{path}:/content, which creates folders and
 * replaces the file at the same path) and download (GET the same address; 404 itemNotFound when absent). It refuses
 * a request without a bearer token, as Graph does, and records every request so tests can count them.
 */
export class SharePointLibraryFake {
  readonly driveId = 'b!invented-drive-id';
  readonly webRoot = 'https://invented.sharepoint.com/sites/panel/Shared%20Documents';
  readonly files = new Map<string, { content: Buffer; contentType: string }>();
  readonly requests: { method: string; path: string }[] = [];

  constructor(readonly siteId = 'invented.sharepoint.com,site-guid,web-guid') {}

  fetch: FetchLike = async (input, init) => {
    const url = new URL(typeof input === 'string' ? input : input instanceof URL ? input.href : input.url);
    const method = (init?.method ?? 'GET').toUpperCase();
    const path = decodeURIComponent(url.pathname.replace(/^\/v1\.0/, ''));
    this.requests.push({ method, path });
    const headers = new Headers(init?.headers);
    if (!headers.get('authorization')?.startsWith('Bearer ')) return json(401, { error: { code: 'InvalidAuthenticationToken', message: 'Access token is empty.' } });

    if (method === 'GET' && path === `/sites/${this.siteId}/drive`) return json(200, { id: this.driveId, driveType: 'documentLibrary', name: 'Documents' });
    const m = /^\/drives\/([^/]+)\/root:\/(.+):\/content$/.exec(path);
    if (!m) return json(400, { error: { code: 'invalidRequest', message: `The fake library does not serve ${method} ${path}` } });
    const [, drive, file] = m as unknown as [string, string, string];
    if (drive !== this.driveId) return json(404, { error: { code: 'itemNotFound', message: 'The drive does not exist.' } });
    if (method === 'PUT') {
      const content = Buffer.from(await new Response(init?.body as BodyInit).arrayBuffer());
      const existed = this.files.has(file);
      this.files.set(file, { content, contentType: headers.get('content-type') ?? 'application/octet-stream' });
      return json(existed ? 200 : 201, {
        id: `item-${this.files.size}`, name: file.split('/').pop(), size: content.length,
        webUrl: `${this.webRoot}/${file.split('/').map(encodeURIComponent).join('/')}`,
      });
    }
    if (method === 'GET') {
      const stored = this.files.get(file);
      if (!stored) return json(404, { error: { code: 'itemNotFound', message: 'The resource could not be found.' } });
      return new Response(new Uint8Array(stored.content), { status: 200, headers: { 'Content-Type': stored.contentType } });
    }
    return json(405, { error: { code: 'invalidRequest', message: `${method} is not supported here` } });
  };
}

const json = (status: number, body: unknown) =>
  new Response(JSON.stringify(body), { status, headers: { 'Content-Type': 'application/json' } });
