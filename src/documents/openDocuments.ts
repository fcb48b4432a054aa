import path from 'node:path';
import type { Config } from '../config';
import type { DocumentStore } from '../kernel/documentStore';
import { createGraphClient } from '../store/sharepoint/graphClient';
import { userAgent } from '../store/sharepoint/sharePointStore';
import { GRAPH_SCOPE, type TokenProvider } from '../store/sharepoint/tokenProvider';
import { LocalDocumentFolder } from './localDocumentFolder';
import { SharePointDocumentLibrary } from './sharePointDocumentLibrary';

/** Where this deployment keeps documents: the site's document library with the SharePoint store, else the data folder. */
export function openDocuments(config: Config, graphTokens?: TokenProvider): DocumentStore {
  if (config.store === 'sharepoint' && config.sharepoint && graphTokens) {
    const graph = createGraphClient({ tokens: graphTokens, scope: GRAPH_SCOPE, userAgent: userAgent(config.sharepoint.org) });
    return new SharePointDocumentLibrary(graph, config.sharepoint.siteId);
  }
  return new LocalDocumentFolder(path.join(path.dirname(path.resolve(config.sqlitePath)), 'documents'));
}
