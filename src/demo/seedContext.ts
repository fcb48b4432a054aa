import type { ChronologyType, DecisionOutcome, Significance } from '../domain/enums';
import { isoDate } from '../domain/rules';
import type { NewRecord } from '../store/port';
import type { CaseSpec } from './caseSpecs';
import { DEMO_AGENCIES, demoPersona, type DemoPersona } from './personas';
import type { Prng } from './prng';

/*
 * What every part of the demo seed shares: the options, the one seeded random sequence (every part draws from it in
 * a fixed order, so the output is the same for the same clock), the clock, the records built so far and the audit
 * writer. The parts are by data set: seedCases, seedMeetings, seedCaseHistory, seedActions.
 */

export interface SeedOptions { now: Date; refPrefix: string }

/** Everything the seed writes, as plain records: built without I/O so it can be inspected and compared. */
export interface DemoData {
  agencies: NewRecord<'agencies'>[];
  members: NewRecord<'members'>[];
  cases: NewRecord<'cases'>[];
  riskAssessments: NewRecord<'riskAssessments'>[];
  actions: NewRecord<'actions'>[];
  chronology: NewRecord<'chronology'>[];
  meetings: NewRecord<'meetings'>[];
  agendaItems: NewRecord<'agendaItems'>[];
  decisions: NewRecord<'decisions'>[];
  attendance: NewRecord<'attendance'>[];
  audit: NewRecord<'audit'>[];
  counters: NewRecord<'counters'>[];
}

export type SeedCounts = { [K in keyof DemoData]: number } & { overdueActions: number };

export const DAY = 86_400_000;
export const HOUR = 3_600_000;
export const SEED = 0x5eed2026;
export const CORRELATION = 'seed-demo';
export const pad = (n: number, width = 2) => String(n).padStart(width, '0');

/** Days are counted from today (0), in UTC; every past event is kept strictly before `now`. */
export class Clock {
  readonly midnight: number;
  constructor(readonly now: Date) {
    this.midnight = Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate());
  }
  at(day: number, hour = 10, minute = 0): Date {
    return new Date(this.midnight + day * DAY + hour * HOUR + minute * 60_000);
  }
  /** An instant in the past: never later than an hour before now. */
  past(day: number, hour = 10, minute = 0): string {
    return new Date(Math.min(this.at(day, hour, minute).getTime(), this.now.getTime() - HOUR)).toISOString();
  }
  date(day: number): string {
    return isoDate(this.at(day, 12));
  }
  /** Panels meet on weekdays. */
  weekday(day: number): number {
    const dow = this.at(day).getUTCDay();
    return dow === 6 ? day - 1 : dow === 0 ? day + 1 : day;
  }
}

export interface CaseBuild {
  spec: CaseSpec;
  index: number;
  record: NewRecord<'cases'>;
  createdDay: number;
  receivedDay?: number;
  acceptedDay?: number;
  closedDay?: number;
  escalatedDay?: number;
}

export const persona = (key: string): DemoPersona => demoPersona(key);
export const SIGNIFICANCE: Record<ChronologyType, Significance> = {
  incident: 'high', contact: 'low', police_call_out: 'high', fire_visit: 'medium', hospital_admission: 'high',
  safeguarding_concern: 'high', missed_appointment: 'medium', capacity_assessment: 'medium', panel_decision: 'high',
  agency_information: 'low',
};
/** The status a panel decision moves the case to, for the audit trail. */
export const STATUS_AFTER: Partial<Record<DecisionOutcome, string>> = {
  accept: 'open', decline: 'declined', defer: 'deferred', close: 'closed', refer_marac: 'closed', escalate_s42: 'escalated',
};
export const agencyShort = (id: string) => DEMO_AGENCIES.find((a) => a.id === id)!.shortName;
export const COORDINATOR = () => persona('coordinator');
export const CHAIR = () => persona('chair');

export type AuditInput = Omit<NewRecord<'audit'>, 'id' | 'idempotencyKey' | 'correlationId' | 'actorId' | 'actorAgencyId'>;

export interface Seed {
  opts: SeedOptions;
  rng: Prng;
  clock: Clock;
  data: DemoData;
  /** The three panel meetings' days: two held, one planned. */
  panelDay: { m1: number; m2: number; m3: number };
  /** Every case as it is built, in CASE_SPECS order. */
  builds: CaseBuild[];
  audit(entry: AuditInput & { actor: DemoPersona }): void;
}
