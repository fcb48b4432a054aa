import { z } from 'zod';
import { ForbiddenError } from '../domain/errors';
import { can } from '../policies';
import type { DataQualityIssue } from '../store/port';
import { defineQuery } from '../kernel/query';
import { dataQualityListSchema } from '../contract/operations';

/**
 * Every stored item a hand edit in SharePoint left in a state RiskPanel could not fully accept, with what is wrong and
 * where to put it right. Coordinators only: they keep the lists, and a problem quotes what was typed, which may be
 * personal data. Always empty on SQLite, which nobody edits by hand.
 */
export const listDataQualityIssues = defineQuery({
  name: 'listDataQualityIssues',
  summary: 'Items edited in SharePoint that RiskPanel could not fully accept, and why (coordinators)',
  output: dataQualityListSchema,
  input: z.object({}),
  async run(ctx): Promise<DataQualityIssue[]> {
    if (!can(ctx.actor, 'readDataQuality', 'partnership', null)) {
      throw new ForbiddenError('Only coordinators can list the records that need correcting in SharePoint.');
    }
    // Reads every list in full: there is no index on "broken". A coordinator's occasional page, not a hot path.
    return ctx.store.listDataQualityIssues();
  },
});
