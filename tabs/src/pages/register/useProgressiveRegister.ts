import { useCallback, useEffect, useRef, useState } from 'react';
import { registerPageSchema, type RegisterItem, type RegisterPage } from '../../../../src/contract';
import { useApiClient } from '../../auth/session';
import { takeFirstPage } from './registerPrefetch';
import { type RegisterQuery, apiPath } from './registerQuery';

export interface ProgressiveRegister {
  rows: RegisterItem[];
  /** Unknown until the first page has answered. */
  total?: number;
  /**
   * loading: nothing of this query yet; ready: some pages in, more to fetch when asked; more: fetching the next page;
   * done: every matching case is in; error: the last fetch failed (rows already in stay).
   */
  phase: 'loading' | 'ready' | 'more' | 'done' | 'error';
  error?: Error;
  /** Fetches the next page, if there is one and none is on its way (the table calls it as the user nears the end). */
  loadMore(): void;
  /** After an error: fetches again what failed (the next page, or the first). */
  retry(): void;
}

type State = Omit<ProgressiveRegister, 'loadMore' | 'retry'>;

/** Where the next page starts: the server's cursor, or (from a server that gives none) the next page number. */
interface Next {
  page: number;
  cursor?: string;
}

interface Live {
  next?: Next;
  seen: Set<string>;
  failed?: { next: Next; first: boolean };
  signal?: AbortSignal;
  fetching: boolean;
}

/**
 * The cases matching the query, a page at a time as the user scrolls: the first page at once, the next only when
 * the table asks (its last rows are near), each page appended to what is already here, with the total from the
 * first answer. Never every page up front: at 50,000 cases a user reads the top of the register. A new query
 * cancels the old one; rows of the old query stay on screen (marked busy) until the first page of the new one
 * arrives, so the table does not flash empty.
 */
export function useProgressiveRegister(query: RegisterQuery): ProgressiveRegister {
  const client = useApiClient();
  const key = apiPath(query);
  const [state, setState] = useState<State>({ rows: [], phase: 'loading' });
  // What the fetching needs between renders: where the next page starts, the ids already listed, the page that
  // failed (for retry), and the current query's signal.
  const live = useRef<Live>({ seen: new Set(), fetching: false });

  const fetchPage = useCallback(
    async (next: Next, signal: AbortSignal, first: boolean) => {
      const at = live.current;
      at.fetching = true;
      at.failed = undefined;
      try {
        const path = apiPath(query, next.page, undefined, next.cursor);
        const answer: RegisterPage = await ((first ? takeFirstPage(client, path) : undefined) ?? client.get(path, registerPageSchema, signal));
        if (signal.aborted) return;
        if (first) at.seen = new Set();
        // A case added while paging by number shifts the pages by one: never list it twice.
        const fresh = answer.items.filter((row) => !at.seen.has(row.id));
        for (const row of fresh) at.seen.add(row.id);
        const more = answer.nextCursor !== undefined || (answer.items.length > 0 && at.seen.size < answer.total);
        at.next = more ? { page: next.page + 1, ...(answer.nextCursor ? { cursor: answer.nextCursor } : {}) } : undefined;
        setState((previous) => ({ rows: first ? fresh : previous.rows.concat(fresh), total: answer.total, phase: more ? 'ready' : 'done' }));
      } catch (error: unknown) {
        if (signal.aborted) return;
        at.next = undefined;
        at.failed = { next, first };
        setState((previous) => ({ ...previous, phase: 'error', error: error instanceof Error ? error : new Error(String(error)) }));
      } finally {
        at.fetching = false;
      }
    },
    // `key` is the query, as the API sees it.
    [client, key],
  );

  useEffect(() => {
    const controller = new AbortController();
    live.current = { seen: new Set(), signal: controller.signal, fetching: false };
    setState((previous) => ({ rows: previous.rows, total: previous.total, phase: 'loading' }));
    void fetchPage({ page: 1 }, controller.signal, true);
    return () => controller.abort();
  }, [fetchPage]);

  const loadMore = useCallback(() => {
    const { next, signal, fetching } = live.current;
    if (!next || !signal || signal.aborted || fetching) return;
    setState((previous) => (previous.phase === 'ready' ? { ...previous, phase: 'more' } : previous));
    void fetchPage(next, signal, false);
  }, [fetchPage]);

  const retry = useCallback(() => {
    const { failed, signal } = live.current;
    if (!failed || !signal || signal.aborted) return;
    // Rows already in stay: only the page that failed is fetched again.
    setState((previous) => ({ ...previous, phase: failed.first ? 'loading' : 'more' }));
    void fetchPage(failed.next, signal, failed.first);
  }, [fetchPage]);

  return { ...state, loadMore, retry };
}
