import { queries } from '../../queries';
import { type RouteSpec, query } from '../routeTable';

export const meetingRoutes: RouteSpec[] = [
  { method: 'get', path: '/api/meetings', operationId: 'listMeetings', tag: 'meetings',
    summary: queries.listMeetings.summary, operation: query(queries.listMeetings) },
];
