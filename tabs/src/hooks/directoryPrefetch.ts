import type { ApiClient } from '../api/client';
import { type AgencyItem, type MemberItem, agencyListSchema, memberListSchema } from '../../../src/contract/directory';
import { paths } from '../../../src/contract/paths';

// Every signed-in page names agencies and members, and DirectoryProvider would only ask for them once the shell has
// downloaded and mounted. The tab's first script (main.tsx) starts both requests as soon as the user's credentials are
// known; DirectoryProvider takes the answer when it mounts. Taken once, only by the client that asked, only while fresh
// (direct module paths, not the contract barrel, keep the first script small).

export interface DirectoryLists {
  agencies: AgencyItem[];
  members: MemberItem[];
}

const FRESH_MS = 10_000;
let pending: { client: ApiClient; at: number; answer: Promise<DirectoryLists> } | undefined;

/** Asks for both lists now, side by side, with this client. */
export function loadDirectoryLists(client: ApiClient, signal?: AbortSignal): Promise<DirectoryLists> {
  return Promise.all([client.get(paths.agencies(), agencyListSchema, signal), client.get(paths.members(), memberListSchema, signal)]).then(
    ([agencies, members]) => ({ agencies, members }),
  );
}

export function prefetchDirectory(client: ApiClient): void {
  if (pending?.client === client) return;
  const answer = loadDirectoryLists(client);
  // Handled by whoever takes it; a prefetch nobody takes must not report an unhandled rejection.
  answer.catch(() => undefined);
  pending = { client, at: Date.now(), answer };
}

/** The prefetched lists, if this client asked for them and they are fresh; once. */
export function takePrefetchedDirectory(client: ApiClient): Promise<DirectoryLists> | undefined {
  const found = pending;
  pending = undefined;
  return found && found.client === client && Date.now() - found.at < FRESH_MS ? found.answer : undefined;
}
