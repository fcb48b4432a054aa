import { CASE_STATUSES, RISK_LEVELS } from '../../../../src/domain/enums';
import { paths } from '../../../../src/contract/paths';

export const SORT_FIELDS = ['ref', 'status', 'riskLevel', 'nextReviewDate', 'receivedAt'] as const;
export type SortField = (typeof SORT_FIELDS)[number];
export type SortOrder = 'asc' | 'desc';

/**
 * Cases a page: the register fetches a page at a time as the user scrolls. Enough to fill a tall screen twice over
 * and keep scrolling smooth; small enough that the first rows come quickly at any size of register.
 */
export const FETCH_PAGE_SIZE = 100;

/** The register's filters and sort: kept in the address so Back and shared links restore them. */
export interface RegisterQuery {
  status: string;
  agencyId: string;
  riskLevel: string;
  leadProfessionalId: string;
  reviewDue: boolean;
  q: string;
  sort: SortField;
  order: SortOrder;
}

const pick = <T extends string>(allowed: readonly T[], value: string | null, fallback: T | ''): T | '' =>
  allowed.includes(value as T) ? (value as T) : fallback;

export function readQuery(params: URLSearchParams): RegisterQuery {
  return {
    status: pick(CASE_STATUSES, params.get('status'), ''),
    agencyId: params.get('agencyId') ?? '',
    riskLevel: pick(RISK_LEVELS, params.get('riskLevel'), ''),
    leadProfessionalId: params.get('leadProfessionalId') ?? '',
    reviewDue: params.get('reviewDue') === 'true',
    q: params.get('q') ?? '',
    sort: pick(SORT_FIELDS, params.get('sort'), 'receivedAt') || 'receivedAt',
    order: params.get('order') === 'asc' ? 'asc' : 'desc',
  };
}

/** Only what differs from the defaults goes into the address. */
export function writeQuery(query: RegisterQuery): URLSearchParams {
  const params = new URLSearchParams();
  if (query.status) params.set('status', query.status);
  if (query.agencyId) params.set('agencyId', query.agencyId);
  if (query.riskLevel) params.set('riskLevel', query.riskLevel);
  if (query.leadProfessionalId) params.set('leadProfessionalId', query.leadProfessionalId);
  if (query.reviewDue) params.set('reviewDue', 'true');
  if (query.q.trim()) params.set('q', query.q.trim());
  if (query.sort !== 'receivedAt' || query.order !== 'desc') {
    params.set('sort', query.sort);
    params.set('order', query.order);
  }
  return params;
}

export const isFiltered = (query: RegisterQuery): boolean =>
  Boolean(query.status || query.agencyId || query.riskLevel || query.leadProfessionalId || query.reviewDue || query.q.trim());

function apiParams(query: RegisterQuery): URLSearchParams {
  const params = writeQuery(query);
  if (!params.has('sort')) {
    params.set('sort', query.sort);
    params.set('order', query.order);
  }
  return params;
}

/**
 * The API call for one page of a query: the same names, plus the page and its size, and the previous page's cursor
 * for any page after the first (the server then ignores the page number, and cases added meanwhile do not shift it).
 * Rows only (total=false): the count is its own request (countPath), so the rows never wait on it; on SharePoint a
 * count reads every matching case.
 */
export function apiPath(query: RegisterQuery, page = 1, pageSize = FETCH_PAGE_SIZE, cursor?: string): string {
  const params = apiParams(query);
  params.set('page', String(page));
  params.set('pageSize', String(pageSize));
  params.set('total', 'false');
  if (cursor) params.set('cursor', cursor);
  return paths.register(params);
}

/**
 * The API call for how many cases match a query, and no rows (pageSize=0): asked beside the first page. The order
 * does not change the count, so it is left to the server's default (the one its store answers best).
 */
export function countPath(query: RegisterQuery): string {
  const params = writeQuery(query);
  params.delete('sort');
  params.delete('order');
  params.set('pageSize', '0');
  return paths.register(params);
}
