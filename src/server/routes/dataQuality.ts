import { queries } from '../../queries';
import { type RouteSpec, query } from '../routeTable';

/** Hand edits in SharePoint that need a coordinator's attention. */
export const dataQualityRoutes: RouteSpec[] = [
  { method: 'get', path: '/api/data-quality', operationId: 'listDataQualityIssues', tag: 'dataQuality',
    summary: queries.listDataQualityIssues.summary, operation: query(queries.listDataQualityIssues),
    description: 'Each item names its list, SharePoint item id, record id (absent for an item added by hand) and problems. Coordinators only; empty on SQLite.' },
];
