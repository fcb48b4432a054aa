import type { RouteSpec } from '../routeTable';
import { actionRoutes } from './actions';
import { boardWorkRoutes } from './boardWork';
import { adminRoutes, governanceCaseRoutes } from './admin';
import { caseRoutes } from './cases';
import { dataQualityRoutes } from './dataQuality';
import { directoryRoutes } from './directory';
import { meetingRoutes } from './meetings';
import { personaRoutes } from './personas';
import { reportRoutes } from './reports';
import { importRoutes } from './imports';
import { retentionRoutes } from './retention';
import { subjectAccessRoutes } from './subjectAccess';

/** The whole JSON API as data: app.ts registers it and openapi.ts documents it, so the two cannot drift apart. */
export const apiRoutes: readonly RouteSpec[] = [...caseRoutes, ...actionRoutes, ...boardWorkRoutes, ...meetingRoutes, ...directoryRoutes, ...personaRoutes, ...dataQualityRoutes, ...reportRoutes, ...importRoutes, ...adminRoutes, ...governanceCaseRoutes, ...retentionRoutes, ...subjectAccessRoutes];
