import { useCallback, useEffect, useState } from 'react';
import { registerPageSchema, type RegisterItem } from '../../../../src/contract';
import { useApiClient } from '../../auth/session';
import { takeFirstPage } from './registerPrefetch';
import { type RegisterQuery, apiPath } from './registerQuery';

export interface ProgressiveRegister {
  rows: RegisterItem[];
  /** Unknown until the first page has answered. */
  total?: number;
  /** loading: nothing of this query yet; more: some pages in, fetching the rest; done: all in. */
  phase: 'loading' | 'more' | 'done' | 'error';
  error?: Error;
  retry(): void;
}

/**
 * Every case matching the query, fetched page by page (the API's largest page is 200) so the first rows show at
 * once and the rest arrive behind them. A new query cancels the old one; rows of the old query stay on screen
 * (marked busy) until the first page of the new one arrives, so the table does not flash empty.
 */
export function useProgressiveRegister(query: RegisterQuery): ProgressiveRegister {
  const client = useApiClient();
  const key = apiPath(query);
  const [attempt, setAttempt] = useState(0);
  const [state, setState] = useState<Omit<ProgressiveRegister, 'retry'>>({ rows: [], phase: 'loading' });
  const retry = useCallback(() => setAttempt((n) => n + 1), []);

  useEffect(() => {
    const controller = new AbortController();
    const { signal } = controller;
    setState((previous) => ({ rows: previous.rows, total: previous.total, phase: 'loading' }));
    void (async () => {
      let rows: RegisterItem[] = [];
      const seen = new Set<string>();
      for (let page = 1; ; page++) {
        const path = apiPath(query, page);
        const answer = await ((page === 1 ? takeFirstPage(client, path) : undefined) ?? client.get(path, registerPageSchema, signal));
        if (signal.aborted) return;
        // A case added while paging shifts the pages by one: never list it twice.
        const fresh = answer.items.filter((row) => !seen.has(row.id));
        for (const row of fresh) seen.add(row.id);
        rows = rows.concat(fresh);
        const done = answer.items.length === 0 || page * answer.pageSize >= answer.total;
        setState({ rows, total: answer.total, phase: done ? 'done' : 'more' });
        if (done) return;
      }
    })().catch((error: unknown) => {
      if (signal.aborted) return;
      setState((previous) => ({ ...previous, phase: 'error', error: error instanceof Error ? error : new Error(String(error)) }));
    });
    return () => controller.abort();
    // `key` is the query, as the API sees it.
  }, [client, key, attempt]);

  return { ...state, retry };
}
