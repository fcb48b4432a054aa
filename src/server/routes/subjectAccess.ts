import { DOCX_CONTENT_TYPE } from '../../documents/subjectAccessDocument';
import { queries } from '../../queries';
import { type RouteSpec, query } from '../routeTable';

/** Subject access: the file itself, sent as an attachment (Content-Disposition) under its own name. */
export const subjectAccessRoutes: RouteSpec[] = [
  { method: 'post', path: '/api/cases/:id/subject-access', operationId: 'exportSubjectAccess', tag: 'cases', params: { id: 'caseId' },
    summary: queries.exportSubjectAccess.summary, produces: DOCX_CONTENT_TYPE, operation: query(queries.exportSubjectAccess),
    description: 'reason: why (audited with the export); format: docx (a Word document the adult can read, as declared here) or json '
      + '(the same content for machines, sent as application/json). Both are attachments. Covers the adult\'s other cases found by NHS '
      + 'number or name and date of birth; third-party information is marked for redaction review. Coordinators only; a case you '
      + 'cannot see answers 404 like a missing one.' },
];
