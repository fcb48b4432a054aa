import { parsePeriod } from '../../../src/domain/indicators/period';
import type { IndicatorScope } from '../../../src/domain/indicators/scope';

/** A scope for a period written as the API takes it, judged at `now` (default: long after every test period). */
export const scopeOf = (period: string, agencyId?: string, now = '2027-06-01T12:00:00.000Z'): IndicatorScope =>
  ({ period: parsePeriod(period), ...(agencyId ? { agencyId } : {}), now: new Date(now) });

export const AGENCIES = [
  { id: 'ag-council', kind: 'council' as const },
  { id: 'ag-police', kind: 'police' as const },
  { id: 'ag-health', kind: 'health' as const },
];
