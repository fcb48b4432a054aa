import { type FullCaseView, caseViewSchema, paths } from '../../../src/contract';
import type { ApiClient } from './client';

/**
 * The case as it now stands, when the member may read it in full; undefined if they now see only the summary.
 * Used after a conflict, to show what someone else changed.
 */
export async function fetchFullCase(client: ApiClient, caseId: string): Promise<FullCaseView | undefined> {
  const view = await client.get(paths.case(caseId), caseViewSchema);
  return view.access === 'full' ? view : undefined;
}
