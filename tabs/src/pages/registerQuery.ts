import { CASE_STATUSES, RISK_LEVELS } from '../../../src/domain/enums';

export const SORT_FIELDS = ['ref', 'status', 'riskLevel', 'nextReviewDate', 'receivedAt'] as const;
export type SortField = (typeof SORT_FIELDS)[number];
export type SortOrder = 'asc' | 'desc';

export const PAGE_SIZE = 25;

/** The register's filters, sort and page: kept in the address so Back and shared links restore them. */
export interface RegisterQuery {
  status: string;
  agencyId: string;
  riskLevel: string;
  reviewDue: boolean;
  q: string;
  sort: SortField;
  order: SortOrder;
  page: number;
}

const pick = <T extends string>(allowed: readonly T[], value: string | null, fallback: T | ''): T | '' =>
  allowed.includes(value as T) ? (value as T) : fallback;

export function readQuery(params: URLSearchParams): RegisterQuery {
  const page = Number(params.get('page') ?? '1');
  return {
    status: pick(CASE_STATUSES, params.get('status'), ''),
    agencyId: params.get('agencyId') ?? '',
    riskLevel: pick(RISK_LEVELS, params.get('riskLevel'), ''),
    reviewDue: params.get('reviewDue') === 'true',
    q: params.get('q') ?? '',
    sort: pick(SORT_FIELDS, params.get('sort'), 'receivedAt') || 'receivedAt',
    order: params.get('order') === 'asc' ? 'asc' : 'desc',
    page: Number.isInteger(page) && page > 0 ? page : 1,
  };
}

/** Only what differs from the defaults goes into the address. */
export function writeQuery(query: RegisterQuery): URLSearchParams {
  const params = new URLSearchParams();
  if (query.status) params.set('status', query.status);
  if (query.agencyId) params.set('agencyId', query.agencyId);
  if (query.riskLevel) params.set('riskLevel', query.riskLevel);
  if (query.reviewDue) params.set('reviewDue', 'true');
  if (query.q.trim()) params.set('q', query.q.trim());
  if (query.sort !== 'receivedAt' || query.order !== 'desc') {
    params.set('sort', query.sort);
    params.set('order', query.order);
  }
  if (query.page > 1) params.set('page', String(query.page));
  return params;
}

/** The API call for a query: the same names, plus the page size. */
export function apiPath(query: RegisterQuery): string {
  const params = writeQuery(query);
  if (!params.has('sort')) {
    params.set('sort', query.sort);
    params.set('order', query.order);
  }
  params.set('page', String(query.page));
  params.set('pageSize', String(PAGE_SIZE));
  return `/api/cases?${params.toString()}`;
}
