import fs from 'node:fs/promises';
import path from 'node:path';
import type { DocumentStore, StoredDocument } from '../kernel/documentStore';

/** Local mode: documents as files under the data folder (next to the SQLite file), served to members by the API. */
export class LocalDocumentFolder implements DocumentStore {
  readonly name = 'folder' as const;
  constructor(private readonly root: string) {}

  private fileOf(docPath: string): string {
    const file = path.resolve(this.root, ...docPath.split('/'));
    // A path is made by the product, never by a caller; still, nothing may land outside the folder.
    if (!file.startsWith(path.resolve(this.root) + path.sep)) throw new Error(`Document path outside the documents folder: ${docPath}`);
    return file;
  }

  async put(docPath: string, content: Buffer, _contentType?: string): Promise<StoredDocument> {
    const file = this.fileOf(docPath);
    await fs.mkdir(path.dirname(file), { recursive: true });
    // Written beside, then renamed: a reader never sees half a document.
    const partial = `${file}.${process.pid}.partial`;
    await fs.writeFile(partial, content);
    await fs.rename(partial, file);
    return { path: docPath, bytes: content.length };
  }

  async get(docPath: string): Promise<Buffer | undefined> {
    try {
      return await fs.readFile(this.fileOf(docPath));
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
      throw err;
    }
  }
}
