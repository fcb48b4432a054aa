import type { ActionRecord, Agency, Attendance, CaseRecord, Decision, Meeting } from '../records';
import { type ActionsIndicator, actionsIndicator } from './actions';
import { type CapacityIndicator, capacityIndicator } from './capacity';
import { type ClosuresIndicator, closuresIndicator } from './closures';
import { type EscalationsIndicator, escalationsIndicator } from './escalations';
import { type MeetingsIndicator, meetingsIndicator } from './meetings';
import { type MinutesIndicator, minutesIndicator } from './minutes';
import { type OpenCasesIndicator, openCasesIndicator } from './openCases';
import type { Period } from './period';
import { type ReferralsIndicator, referralsIndicator } from './referrals';
import { type RepeatsIndicator, repeatsIndicator } from './repeats';
import type { IndicatorScope } from './scope';
import { INDICATOR_FAMILY_NAMES, type IndicatorFamilyName } from './vocabulary';
import { type ScreeningIndicator, screeningIndicator } from './screening';
import { type VoiceIndicator, voiceIndicator } from './voice';

/**
 * What a board wants to know (docs/domain.md), as pure functions over records handed in: the query decides what to
 * read, these decide what counts. Each family filters to the period and agency itself, so handing in more records
 * than needed changes nothing.
 */
export interface IndicatorData {
  agencies: readonly Pick<Agency, 'id' | 'kind'>[];
  /** Referrals received from 12 months before the period to its end, and every case open or closed in it. */
  cases: readonly CaseRecord[];
  decisions: readonly Pick<Decision, 'caseId' | 'outcome' | 'decidedAt'>[];
  actions: readonly Pick<ActionRecord, 'agencyId' | 'parentKind' | 'dueDate' | 'status' | 'completedAt'>[];
  meetings: readonly Meeting[];
  attendance: readonly Pick<Attendance, 'meetingId' | 'agencyId' | 'status' | 'memberId'>[];
}

export interface Indicators {
  period: Period;
  agencyId?: string;
  /** When they were computed (overdue and "open" are judged at this instant). */
  computedAt: string;
  referrals: ReferralsIndicator;
  screening: ScreeningIndicator;
  repeats: RepeatsIndicator;
  openCases: OpenCasesIndicator;
  actions: ActionsIndicator;
  meetings: MeetingsIndicator;
  minutes: MinutesIndicator;
  voice: VoiceIndicator;
  capacity: CapacityIndicator;
  closures: ClosuresIndicator;
  escalations: EscalationsIndicator;
}

export const INDICATOR_FAMILIES = INDICATOR_FAMILY_NAMES satisfies readonly (keyof Indicators)[];
export type IndicatorFamily = IndicatorFamilyName;

export function computeIndicators(data: IndicatorData, scope: IndicatorScope): Indicators {
  return {
    period: scope.period,
    ...(scope.agencyId ? { agencyId: scope.agencyId } : {}),
    computedAt: scope.now.toISOString(),
    referrals: referralsIndicator(data.cases, data.agencies, scope),
    screening: screeningIndicator(data.cases, data.decisions, scope),
    repeats: repeatsIndicator(data.cases, scope),
    openCases: openCasesIndicator(data.cases, scope),
    actions: actionsIndicator(data.actions, scope),
    meetings: meetingsIndicator(data.meetings, data.attendance, data.agencies.map((a) => a.id), scope),
    minutes: minutesIndicator(data.meetings, scope),
    voice: voiceIndicator(data.cases, scope),
    capacity: capacityIndicator(data.cases, scope),
    closures: closuresIndicator(data.cases, scope),
    escalations: escalationsIndicator(data.cases, data.decisions, scope),
  };
}

export { parsePeriod, periodInstants, monthsBefore, type Period } from './period';
export * from './vocabulary';
export type { IndicatorScope, Count } from './scope';
export { sameAdult } from './repeats';
export type {
  ActionsIndicator, CapacityIndicator, ClosuresIndicator, EscalationsIndicator, MeetingsIndicator, MinutesIndicator, OpenCasesIndicator,
  ReferralsIndicator, RepeatsIndicator, ScreeningIndicator, VoiceIndicator,
};
export { indicatorTables, percent, type ReportSection, type ReportSheet, type ReportTable, type TableCell } from './tables';
export { boardLog, boardLogSections, type BoardLog } from './boardLog';
