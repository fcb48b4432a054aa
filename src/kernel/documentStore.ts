import type { Store } from '../store/port';

/*
 * Where documents the product produces for the record (the issued minutes) are kept: a SharePoint document library
 * through Graph in production, a folder under the data folder locally (adapters in src/documents). The records hold
 * a link, never the file: a card or a list item points at the document.
 *
 * The store a unit of work runs on decides where its documents go (the composition root attaches the adapter that
 * belongs with it), so commands and queries reach documents from their context's store without every host having to
 * thread one more dependency through. A store nothing was attached to (tests, scripts) keeps documents in memory.
 */

export interface StoredDocument {
  /** The path inside the library or folder, e.g. "Minutes/2026/mtg-03 minutes.docx". */
  path: string;
  /** Where a person opens it (the library's web address); absent locally, where the API serves it. */
  webUrl?: string;
  bytes: number;
}

export interface DocumentStore {
  readonly name: 'memory' | 'folder' | 'sharepoint';
  /** Writes (or replaces) the document at the path: the same path twice keeps one document, so a retry is harmless. */
  put(path: string, content: Buffer, contentType: string): Promise<StoredDocument>;
  /** The document's bytes, or undefined when there is none at the path. */
  get(path: string): Promise<Buffer | undefined>;
}

/** Documents kept in the process (tests, scripts): gone when it ends. */
export class MemoryDocuments implements DocumentStore {
  readonly name = 'memory' as const;
  readonly files = new Map<string, { content: Buffer; contentType: string }>();
  async put(path: string, content: Buffer, contentType: string): Promise<StoredDocument> {
    this.files.set(path, { content: Buffer.from(content), contentType });
    return { path, bytes: content.length };
  }
  async get(path: string): Promise<Buffer | undefined> {
    return this.files.get(path)?.content;
  }
}

const attached = new WeakMap<Store, DocumentStore>();

/** Called by the composition root (src/main.ts) once it has opened the store. */
export function attachDocuments(store: Store, documents: DocumentStore): void {
  attached.set(store, documents);
}

/** The documents that go with this store (a memory one, made once, when nothing was attached). */
export function documentsOf(store: Store): DocumentStore {
  let documents = attached.get(store);
  if (!documents) {
    documents = new MemoryDocuments();
    attached.set(store, documents);
  }
  return documents;
}

/** A path segment made safe for SharePoint and file systems alike (no / \ : * ? " < > | # % or leading dot). */
export const safeSegment = (s: string): string => s.replace(/[\\/:*?"<>|#%]+/g, '-').replace(/^\.+/, '').trim() || 'document';
