import type { Client } from '@microsoft/microsoft-graph-client';
import { ResponseType } from '@microsoft/microsoft-graph-client';
import type { DocumentStore, StoredDocument } from '../kernel/documentStore';

/*
 * Production: documents in the partnership site's document library, through Graph. A simple upload
 * (PUT /drives/{id}/root:/{path}:/content) takes files up to 250 MB, far beyond any minutes document; it creates the
 * folders on the way and replaces the file at the same path, so a retried issue keeps one document. The library's
 * own permissions (the site's members) govern who opens the link; the app never copies the file anywhere else.
 */

const encodePath = (p: string) => p.split('/').map(encodeURIComponent).join('/');

/** The site as Graph addresses it: by id, or by its address (SHAREPOINT_SITE_ID may be either). */
const sitePath = (site: string): string => {
  if (!/^https:\/\//i.test(site)) return `/sites/${site}`;
  const u = new URL(site);
  return `/sites/${u.hostname}:${u.pathname.replace(/\/$/, '')}:`;
};

export class SharePointDocumentLibrary implements DocumentStore {
  readonly name = 'sharepoint' as const;
  private driveId: Promise<string> | undefined;

  /** `driveId` names the library; without it the site's default library ("Documents") is used. */
  constructor(private readonly graph: Client, private readonly siteId: string, driveId?: string) {
    if (driveId) this.driveId = Promise.resolve(driveId);
  }

  private drive(): Promise<string> {
    this.driveId ??= (this.graph.api(`${sitePath(this.siteId)}/drive`).select('id').get() as Promise<{ id: string }>)
      .then((d) => d.id)
      .catch((err: unknown) => {
        this.driveId = undefined;
        throw err;
      });
    return this.driveId;
  }

  async put(path: string, content: Buffer, contentType: string): Promise<StoredDocument> {
    const drive = await this.drive();
    const item = (await this.graph
      .api(`/drives/${drive}/root:/${encodePath(path)}:/content`)
      .header('Content-Type', contentType)
      .put(content)) as { id: string; webUrl?: string; size?: number };
    return { path, bytes: item.size ?? content.length, ...(item.webUrl ? { webUrl: item.webUrl } : {}) };
  }

  async get(path: string): Promise<Buffer | undefined> {
    const drive = await this.drive();
    try {
      const body = (await this.graph.api(`/drives/${drive}/root:/${encodePath(path)}:/content`).responseType(ResponseType.ARRAYBUFFER).get()) as ArrayBuffer;
      return Buffer.from(body);
    } catch (err) {
      if ((err as { statusCode?: number }).statusCode === 404) return undefined;
      throw err;
    }
  }
}
