import { useCallback, useEffect, useState } from 'react';
import { useApiClient } from '../auth/session';
import type { ApiClient } from '../api/client';

export type Loadable<T> =
  | { state: 'loading'; data?: T }
  | { state: 'ready'; data: T }
  | { state: 'error'; error: Error; data?: T };

/**
 * Loads `load(client, signal)` whenever `key` changes; a newer load cancels the older one so a slow answer
 * cannot overwrite a fresh one. Keeps the last data while reloading so a table does not flash empty.
 */
export function useApi<T>(key: string, load: (client: ApiClient, signal: AbortSignal) => Promise<T>): Loadable<T> & { reload(): void } {
  const client = useApiClient();
  const [result, setResult] = useState<Loadable<T>>({ state: 'loading' });
  const [attempt, setAttempt] = useState(0);
  const reload = useCallback(() => setAttempt((n) => n + 1), []);

  useEffect(() => {
    const controller = new AbortController();
    setResult((previous) => ({ state: 'loading', data: previous.data }));
    load(client, controller.signal).then(
      (data) => !controller.signal.aborted && setResult({ state: 'ready', data }),
      (error: unknown) =>
        !controller.signal.aborted && setResult((previous) => ({ state: 'error', error: error instanceof Error ? error : new Error(String(error)), data: previous.data })),
    );
    return () => controller.abort();
    // `load` is a new closure each render on purpose: `key` names what it loads.
  }, [client, key, attempt]);

  return { ...result, reload };
}
