import type { CaseRecord } from '../../src/domain/records';
import { CASE_KEYS_LIST, caseKeyItems, keyItemFields } from '../../src/store/sharepoint/caseKeys';
import { toFields } from '../../src/store/sharepoint/itemMapping';
import { LISTS } from '../../src/store/sharepoint/listSchema';
import type { GraphFake } from './graphFake';

/**
 * Seeds cases straight into the fake's Cases list (fast, for large lists) together with their items in the
 * companion keys list, as the SharePoint store writes them: a case seeded without its keys is invisible to every
 * query on its audience, search or adult keys (as on a site upgraded without running provisioning).
 */
export function seedCases(fake: GraphFake, cases: readonly (CaseRecord | Omit<CaseRecord, 'version'>)[]): void {
  const stored = cases.map((c) => ({ ...c, version: 1 }) as CaseRecord);
  fake.seedItems(LISTS.cases.displayName, stored.map((c) => toFields(LISTS.cases, c as unknown as Record<string, unknown>)));
  fake.seedItems(CASE_KEYS_LIST, stored.flatMap((c) => caseKeyItems(c).map(keyItemFields)));
}
