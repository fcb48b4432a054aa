import { useCallback, useEffect, useRef, useState } from 'react';
import { registerPageSchema, type RegisterItem, type RegisterPage } from '../../../../src/contract';
import { useApiClient } from '../../auth/session';
import { takePrefetched } from './registerPrefetch';
import { type RegisterQuery, apiPath, countPath } from './registerQuery';

export interface ProgressiveRegister {
  rows: RegisterItem[];
  /**
   * How many cases match: asked beside the first page and known when that answer comes (before or after the rows),
   * or once every row is in. Unknown meanwhile, and if the count could not be had.
   */
  total?: number;
  /** The count failed: the total stays unknown (the rows are still right). */
  countFailed?: boolean;
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
  /** The count's answer for the current query, once it has come; or that it failed. */
  total?: number;
  countFailed?: boolean;
  seen: Set<string>;
  failed?: { next: Next; first: boolean };
  signal?: AbortSignal;
  fetching: boolean;
}

/**
 * The cases matching the query, a page at a time as the user scrolls: the first page at once, the next only when
 * the table asks (its last rows are near), each page appended to what is already here; the total from its own
 * request, sent beside the first page's, so the rows never wait on a count. Never every page up front: at 50,000 cases a user reads the top of the register. A new query
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
        const answer: RegisterPage = await ((first ? takePrefetched(client, path) : undefined) ?? client.get(path, registerPageSchema, signal));
        if (signal.aborted) return;
        if (first) at.seen = new Set();
        // A case added while paging by number shifts the pages by one: never list it twice.
        const fresh = answer.items.filter((row) => !at.seen.has(row.id));
        for (const row of fresh) at.seen.add(row.id);
        if (answer.total !== undefined) at.total = answer.total;
        const more = answer.nextCursor !== undefined || (answer.items.length > 0 && at.total !== undefined && at.seen.size < at.total);
        at.next = more ? { page: next.page + 1, ...(answer.nextCursor ? { cursor: answer.nextCursor } : {}) } : undefined;
        setState((previous) => {
          const rows = first ? fresh : previous.rows.concat(fresh);
          // Every row in: their number is the total, whether or not the count has answered.
          const total = at.total ?? (more ? undefined : rows.length);
          return { rows, total, phase: more ? 'ready' : 'done', ...(at.countFailed ? { countFailed: true } : {}) };
        });
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

  // The count, asked at the same time as the first page and never in its way: the rows show as soon as they come,
  // the total when it comes. A failed count leaves the total unknown (the rows are still right).
  const fetchCount = useCallback(
    async (signal: AbortSignal) => {
      const path = countPath(query);
      try {
        const answer = await (takePrefetched(client, path) ?? client.get(path, registerPageSchema, signal));
        if (signal.aborted || answer.total === undefined) return;
        const total = answer.total;
        live.current.total = total;
        // While the old query's rows are still on screen (loading), they keep their own total.
        setState((previous) => (previous.phase === 'loading' ? previous : { ...previous, total }));
      } catch {
        if (signal.aborted) return;
        live.current.countFailed = true;
        setState((previous) => (previous.phase === 'loading' ? previous : { ...previous, countFailed: true }));
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
    void fetchCount(controller.signal);
    return () => controller.abort();
  }, [fetchPage, fetchCount]);

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
