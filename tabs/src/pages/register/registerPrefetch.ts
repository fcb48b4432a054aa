import type { ApiClient } from '../../api/client';
import { type RegisterPage, registerPageSchema } from '../../../../src/contract';
import { type RegisterQuery, apiPath } from './registerQuery';

// The register's first page is what its first rows wait for. When the register is where the tab opens, that request
// starts as soon as the user is known, alongside the download of the register's own code, and the register takes the
// answer when it mounts. Taken once, and only while fresh.

const FRESH_MS = 10_000;
let pending: { client: ApiClient; path: string; at: number; answer: Promise<RegisterPage> } | undefined;

export function prefetchFirstPage(client: ApiClient, query: RegisterQuery): void {
  const path = apiPath(query, 1);
  if (pending?.client === client && pending.path === path) return;
  const answer = client.get(path, registerPageSchema);
  answer.catch(() => undefined);
  pending = { client, path, at: Date.now(), answer };
}

export function takeFirstPage(client: ApiClient, path: string): Promise<RegisterPage> | undefined {
  const found = pending;
  pending = undefined;
  return found && found.client === client && found.path === path && Date.now() - found.at < FRESH_MS ? found.answer : undefined;
}
