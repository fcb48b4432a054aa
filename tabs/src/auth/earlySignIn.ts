import { ApiClient } from '../api/client';
import { type Me, type Persona, meSchema, personaListSchema } from '../../../src/contract/directory';
import { paths } from '../../../src/contract/paths';
import { loadPersona } from './personaStorage';

// Signing in takes two round trips (is this local mode? who am I?). Both are started here, by the tab's first script
// (main.tsx), before React has even downloaded, and run side by side when a demo persona is already chosen;
// SignInGate takes the answers when it mounts. Only the first sign-in of a page load uses them.

let personas: Promise<Persona[]> | undefined;
let me: { email: string; client: ApiClient; answer: Promise<Me> } | undefined;

export function startEarlySignIn(): void {
  personas = new ApiClient({ kind: 'none' }).get(paths.personas(), personaListSchema);
  // Unhandled here on purpose only until taken: SignInGate handles the outcome.
  personas.catch(() => undefined);
  const saved = loadPersona()?.toLowerCase();
  if (saved) {
    const client = new ApiClient({ kind: 'dev', email: saved });
    const answer = client.get(paths.me(), meSchema);
    answer.catch(() => undefined);
    me = { email: saved, client, answer };
    // A saved persona's credentials are known now: the opening page's data need not wait for /api/me. If the server
    // refuses the persona, SignInGate offers the picker and that head start is only wasted.
    announceSignedIn(client);
  }
}

/** The early /api/personas answer, once. */
export function takeEarlyPersonas(): Promise<Persona[]> | undefined {
  const taken = personas;
  personas = undefined;
  return taken;
}

/**
 * The early /api/me answer for this persona, once, with the client that asked: the session keeps using that client, so
 * the opening page finds the answers prefetched for it.
 */
export function takeEarlyMe(email: string): { client: ApiClient; answer: Promise<Me> } | undefined {
  const taken = me?.email === email.toLowerCase() ? me : undefined;
  me = undefined;
  return taken;
}

type SignedInListener = (client: ApiClient) => void;
const listeners: SignedInListener[] = [];
let announced: ApiClient | undefined;

/**
 * Called with the signed-in client the moment the user's credentials are known, before the tab renders its pages, so
 * the opening page's data can be asked for while the page itself is still being drawn. Once per client.
 */
export function onSignedIn(listener: SignedInListener): void {
  listeners.push(listener);
}

export function announceSignedIn(client: ApiClient): void {
  if (announced === client) return;
  announced = client;
  for (const listener of listeners) {
    try {
      listener(client);
    } catch {
      // A prefetch that cannot start is only a missed head start.
    }
  }
}
