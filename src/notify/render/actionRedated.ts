import { refreshCardsListing } from './actionCompleted';
import type { KindRenderer } from './rendering';

/** A re-dated action (a change made in SharePoint): the reminder, escalation and digest cards listing it are rebuilt. */
export const renderActionRedated: KindRenderer<'actionRedated'> = (r, p) => refreshCardsListing(r, p.actionId, 'Action re-dated');
