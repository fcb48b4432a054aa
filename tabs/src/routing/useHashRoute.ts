import { useEffect, useState } from 'react';

export type ActionScope = 'mine' | 'agency' | 'overdue';
export const ACTION_SCOPES: readonly ActionScope[] = ['mine', 'agency', 'overdue'];

export type Route =
  | { page: 'home' }
  | { page: 'register'; query: URLSearchParams }
  | { page: 'case'; id: string }
  | { page: 'caseByRef'; ref: string }
  | { page: 'refer'; draftId?: string }
  | { page: 'screening' }
  | { page: 'actions'; scope: ActionScope }
  | { page: 'meetings' }
  | { page: 'meeting'; id: string }
  | { page: 'meetingPanel'; id: string }
  | { page: 'meetingStage'; id: string }
  | { page: 'config' }
  | { page: 'reports' }
  | { page: 'learning'; id?: string }
  | { page: 'plan' }
  | { page: 'admin' }
  | { page: 'import' }
  | { page: 'notFound'; path: string };

export type PageName = Route['page'];

const segment = (value: string | undefined): string | undefined => {
  if (!value) return undefined;
  try {
    return decodeURIComponent(value);
  } catch {
    return undefined;
  }
};

/**
 * `#/` home, `#/register?…` the register (its filters in the query), `#/cases/<id>` and `#/cases/by-ref/<ref>` a
 * case, `#/refer` (or `#/refer/<draft id>`) the referral form, `#/screening`, `#/actions?scope=`, `#/meetings`.
 * `#/config` is the channel tab's configuration page (Teams opens it before anyone is signed in).
 * The register used to live at `#/?…`: such links still open it.
 */
export function parseHash(hash: string): Route {
  const raw = hash.replace(/^#/, '') || '/';
  const [rawPath = '/', search = ''] = raw.split('?', 2);
  const path = rawPath.length > 1 ? rawPath.replace(/\/+$/, '') : rawPath;
  const query = new URLSearchParams(search);
  if (path === '/' || path === '') return search ? { page: 'register', query } : { page: 'home' };
  if (path === '/register') return { page: 'register', query };
  const byRef = /^\/cases\/by-ref\/([^/]+)$/.exec(path);
  const ref = segment(byRef?.[1]);
  if (ref) return { page: 'caseByRef', ref };
  const caseMatch = /^\/cases\/([^/]+)$/.exec(path);
  const id = segment(caseMatch?.[1]);
  if (id) return { page: 'case', id };
  if (path === '/refer') return { page: 'refer' };
  const draft = segment(/^\/refer\/([^/]+)$/.exec(path)?.[1]);
  if (draft) return { page: 'refer', draftId: draft };
  if (path === '/screening') return { page: 'screening' };
  if (path === '/actions') {
    const scope = query.get('scope');
    return { page: 'actions', scope: ACTION_SCOPES.includes(scope as ActionScope) ? (scope as ActionScope) : 'mine' };
  }
  if (path === '/meetings') return { page: 'meetings' };
  const meeting = /^\/meetings\/([^/]+)(?:\/(panel|stage))?$/.exec(path);
  const meetingId = segment(meeting?.[1]);
  if (meetingId) return { page: meeting?.[2] === 'panel' ? 'meetingPanel' : meeting?.[2] === 'stage' ? 'meetingStage' : 'meeting', id: meetingId };
  if (path === '/config') return { page: 'config' };
  if (path === '/reports') return { page: 'reports' };
  if (path === '/learning') return { page: 'learning' };
  const review = segment(/^\/learning\/([^/]+)$/.exec(path)?.[1]);
  if (review) return { page: 'learning', id: review };
  if (path === '/plan') return { page: 'plan' };
  if (path === '/admin') return { page: 'admin' };
  if (path === '/import') return { page: 'import' };
  return { page: 'notFound', path };
}

export const homeHref = (): string => '#/';
export const caseHref = (id: string): string => `#/cases/${encodeURIComponent(id)}`;
export const caseByRefHref = (ref: string): string => `#/cases/by-ref/${encodeURIComponent(ref)}`;
export const referHref = (draftId?: string): string => (draftId ? `#/refer/${encodeURIComponent(draftId)}` : '#/refer');
export const screeningHref = (): string => '#/screening';
export const actionsHref = (scope: ActionScope = 'mine'): string => (scope === 'mine' ? '#/actions' : `#/actions?scope=${scope}`);
export const meetingsHref = (): string => '#/meetings';
/** A meeting's page (agenda, minutes); its side panel (`/panel`) and stage (`/stage`) open without the navigation. */
export const meetingHref = (id: string, surface?: 'panel' | 'stage'): string => `#/meetings/${encodeURIComponent(id)}${surface ? `/${surface}` : ''}`;
export const configHref = (): string => '#/config';
export const reportsHref = (): string => '#/reports';
/** The learning reviews, or one review. */
export const learningHref = (id?: string): string => (id ? `#/learning/${encodeURIComponent(id)}` : '#/learning');
export const planHref = (): string => '#/plan';
export const adminHref = (): string => '#/admin';
export const importHref = (): string => '#/import';
export const registerHref = (query?: URLSearchParams): string => {
  const search = query?.toString();
  return search ? `#/register?${search}` : '#/register';
};

/**
 * Inside Teams a deep link names the page in the tab's context (`page.subPageId`, e.g. "cases/<id>", "refer",
 * "actions"): the same paths as the hash routes. Undefined when it names no page the tab has.
 */
export function hashForSubPage(subPageId: string | undefined | null): string | undefined {
  const trimmed = subPageId?.trim().replace(/^#/, '').replace(/^\/+/, '');
  if (!trimmed) return undefined;
  const href = `#/${trimmed}`;
  return parseHash(href).page === 'notFound' ? undefined : href;
}

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
