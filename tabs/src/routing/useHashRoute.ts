import { useEffect, useState } from 'react';

export type Route =
  | { page: 'register'; query: URLSearchParams }
  | { page: 'case'; id: string }
  | { page: 'notFound'; path: string };

/** `#/` the register (with its filters as a query), `#/cases/<id>` a case. */
export function parseHash(hash: string): Route {
  const raw = hash.replace(/^#/, '') || '/';
  const [path = '/', search = ''] = raw.split('?', 2);
  if (path === '/' || path === '') return { page: 'register', query: new URLSearchParams(search) };
  const caseMatch = /^\/cases\/([^/]+)$/.exec(path);
  if (caseMatch?.[1]) return { page: 'case', id: decodeURIComponent(caseMatch[1]) };
  return { page: 'notFound', path };
}

export const caseHref = (id: string): string => `#/cases/${encodeURIComponent(id)}`;
export const registerHref = (query?: URLSearchParams): string => {
  const search = query?.toString();
  return search ? `#/?${search}` : '#/';
};

/**
 * Replaces the current address without a new history entry: filter changes should not fill the Back button.
 * Dispatches hashchange itself, which replaceState does not.
 */
export function replaceHash(href: string): void {
  const url = new URL(window.location.href);
  url.hash = href;
  window.history.replaceState(window.history.state, '', url);
  window.dispatchEvent(new HashChangeEvent('hashchange'));
}

export function useHashRoute(): Route {
  const [route, setRoute] = useState(() => parseHash(window.location.hash));
  useEffect(() => {
    const onChange = () => setRoute(parseHash(window.location.hash));
    window.addEventListener('hashchange', onChange);
    return () => window.removeEventListener('hashchange', onChange);
  }, []);
  return route;
}
