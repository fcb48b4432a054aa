import type { ApiClient } from '../../api/client';
import { type RegisterPage, registerPageSchema } from '../../../../src/contract/cases';
import { type RegisterQuery, apiPath, countPath } from './registerQuery';

// The register's first page is what its first rows wait for, and its count what "N cases" waits for. When the
// register is where the tab opens, both requests start as soon as the user is known, alongside the download of the
// register's own code, and the register takes the answers when it mounts. Each taken once, and only while fresh.

const FRESH_MS = 10_000;
interface Pending {
  client: ApiClient;
  at: number;
  answer: Promise<RegisterPage>;
}
const pending = new Map<string, Pending>();

function prefetch(client: ApiClient, path: string): void {
  if (pending.get(path)?.client === client) return;
  const answer = client.get(path, registerPageSchema);
  answer.catch(() => undefined);
  pending.set(path, { client, at: Date.now(), answer });
}

export function prefetchFirstPage(client: ApiClient, query: RegisterQuery): void {
  // Another query's prefetches are stale: only the latest register asked for is kept.
  const page = apiPath(query, 1);
  const count = countPath(query);
  for (const path of pending.keys()) if (path !== page && path !== count) pending.delete(path);
  prefetch(client, page);
  prefetch(client, count);
}

/** The prefetched answer for this path (the first page's or the count's), if it is this client's and fresh. */
export function takePrefetched(client: ApiClient, path: string): Promise<RegisterPage> | undefined {
  const found = pending.get(path);
  pending.delete(path);
  return found && found.client === client && Date.now() - found.at < FRESH_MS ? found.answer : undefined;
}
