import { queries } from '../../queries';
import { type RouteSpec, query } from '../routeTable';

export const directoryRoutes: RouteSpec[] = [
  { method: 'get', path: '/api/me', operationId: 'getMe', tag: 'directory',
    summary: queries.getMe.summary, operation: query(queries.getMe) },
  { method: 'get', path: '/api/agencies', operationId: 'listAgencies', tag: 'directory',
    summary: queries.listAgencies.summary, operation: query(queries.listAgencies) },
  { method: 'get', path: '/api/members', operationId: 'listMembers', tag: 'directory',
    summary: queries.listMembers.summary, operation: query(queries.listMembers) },
];
