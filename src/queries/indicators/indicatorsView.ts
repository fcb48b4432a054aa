import { ValidationError } from '../../domain/errors';
import { computeIndicators, type Indicators, parsePeriod } from '../../domain/indicators';
import type { Context } from '../../kernel/context';
import { authorize } from '../../policies';
import type { Tx } from '../../store/port';
import { readIndicatorData } from './readIndicatorData';

export interface IndicatorsView extends Indicators {
  /** The agencies the figures name, for labels (names are the partnership's, not personal data). */
  agencies: { id: string; name: string; shortName: string }[];
}

/** The indicators for a period and optionally one agency, for whoever may read reports. Audit is the caller's. */
export async function indicatorsView(ctx: Context, tx: Tx, input: { period: string; agencyId?: string | undefined }): Promise<IndicatorsView> {
  return (await indicatorsWithData(ctx, tx, input)).view;
}

/** The same, with the records it was computed from (the board's export builds its decision log from them). */
export async function indicatorsWithData(ctx: Context, tx: Tx, input: { period: string; agencyId?: string | undefined }) {
  authorize(ctx.actor, 'readReports', 'partnership', null);
  const period = parsePeriod(input.period);
  const data = await readIndicatorData(tx, period);
  if (input.agencyId && !data.agencies.some((a) => a.id === input.agencyId)) {
    throw new ValidationError([{ field: 'agencyId', message: 'no agency with this id' }]);
  }
  const scope = { period, ...(input.agencyId ? { agencyId: input.agencyId } : {}), now: ctx.now() };
  const view: IndicatorsView = { ...computeIndicators(data, scope), agencies: data.agencies.map((a) => ({ id: a.id, name: a.name, shortName: a.shortName })) };
  return { view, data, scope };
}

/** What an audit event says the report covered: the period as asked, and the agency if one. */
export const reportRecordId = (input: { period: string; agencyId?: string | undefined }): string =>
  `${input.period}${input.agencyId ? `:${input.agencyId}` : ''}`;
