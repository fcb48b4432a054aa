/**
 * How long each kind of record is kept, counted from an event (DOMAIN.md: "retention is configurable and counted from
 * an event"). The defaults follow common practice for adult safeguarding records (kept for years after the work ends,
 * the formal decision log and minutes longer); a partnership sets its own in its Information Sharing Agreement.
 */
export const RETENTION_KINDS = ['case', 'referralNotAccepted', 'decision', 'minutes'] as const;
export type RetentionKind = (typeof RETENTION_KINDS)[number];

export interface RetentionRule {
  years: number;
  /** The event the period is counted from. */
  from: 'closure' | 'decision' | 'meeting';
  /** What the rule covers, for the README and the data map. */
  covers: string;
}

export type RetentionSchedule = Readonly<Record<RetentionKind, RetentionRule>>;

export const DEFAULT_RETENTION: RetentionSchedule = {
  case: { years: 8, from: 'closure', covers: 'an accepted case with its referral, chronology, risk assessments, plan and actions' },
  referralNotAccepted: { years: 8, from: 'decision', covers: 'a referral declined or withdrawn, with its information from partners' },
  decision: { years: 12, from: 'decision', covers: 'the panel decision log (each accept, decline, close, escalation and its rationale)' },
  minutes: { years: 12, from: 'meeting', covers: 'a meeting with its agenda, attendance and minutes' },
};

/**
 * A schedule with some periods changed, from text such as `case=10,minutes=15` (whole years, 1 to 100). Unknown kinds
 * and bad numbers are refused with a message naming them, so a typo never shortens retention silently.
 */
export function retentionScheduleFrom(text: string | undefined, base: RetentionSchedule = DEFAULT_RETENTION): RetentionSchedule {
  if (!text?.trim()) return base;
  const schedule: Record<RetentionKind, RetentionRule> = { ...base };
  for (const part of text.split(',').map((p) => p.trim()).filter(Boolean)) {
    const m = /^([A-Za-z]+)=(\d{1,3})$/.exec(part);
    if (!m) throw new Error(`"${part}" is not kind=years (for example case=8).`);
    const kind = m[1] as RetentionKind;
    if (!RETENTION_KINDS.includes(kind)) throw new Error(`"${m[1]}" is not a record kind with a retention period (${RETENTION_KINDS.join(', ')}).`);
    const years = Number(m[2]);
    if (years < 1 || years > 100) throw new Error(`${kind}: ${years} years is outside 1 to 100.`);
    schedule[kind] = { ...schedule[kind], years };
  }
  return schedule;
}

/**
 * The date (YYYY-MM-DD, UTC) from which a record may be disposed of: the event's date plus the kind's period.
 * 29 February counts to 28 February in a year without one, never into March.
 */
export function retentionDateFor(kind: RetentionKind, eventAt: Date | string, schedule: RetentionSchedule = DEFAULT_RETENTION): string {
  const at = new Date(eventAt);
  if (Number.isNaN(at.getTime())) throw new Error(`Not a date: ${String(eventAt)}`);
  const year = at.getUTCFullYear() + schedule[kind].years;
  const month = at.getUTCMonth();
  const lastDay = new Date(Date.UTC(year, month + 1, 0)).getUTCDate();
  return new Date(Date.UTC(year, month, Math.min(at.getUTCDate(), lastDay))).toISOString().slice(0, 10);
}

/** Whether a record's retention has run out on `today` (and nothing, such as a legal hold, keeps it). */
export const retentionDue = (retentionDate: string | undefined, today: Date): boolean =>
  !!retentionDate && retentionDate <= today.toISOString().slice(0, 10);
