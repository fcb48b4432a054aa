// The period picker's state and the API's period text (2026-03, 2026-Q1, 2026, 2026-03-01..2026-04-15).

export type PeriodKind = 'month' | 'quarter' | 'year' | 'custom';
export interface PeriodChoice { kind: PeriodKind; month: string; year: string; quarter: string; from: string; to: string }

const pad = (n: number) => String(n).padStart(2, '0');

/** This quarter, as today reads in the browser (the server judges the period in UK dates). */
export function initialChoice(today = new Date()): PeriodChoice {
  const year = String(today.getFullYear());
  const month = `${year}-${pad(today.getMonth() + 1)}`;
  const date = `${month}-${pad(today.getDate())}`;
  return { kind: 'quarter', month, year, quarter: String(Math.floor(today.getMonth() / 3) + 1), from: `${month}-01`, to: date };
}

/** The period as the API takes it; undefined while the picker holds something incomplete. */
export function periodText(c: PeriodChoice): string | undefined {
  switch (c.kind) {
    case 'month': return /^\d{4}-\d{2}$/.test(c.month) ? c.month : undefined;
    case 'quarter': return /^\d{4}$/.test(c.year) ? `${c.year}-Q${c.quarter}` : undefined;
    case 'year': return /^\d{4}$/.test(c.year) ? c.year : undefined;
    case 'custom': return c.from && c.to ? `${c.from}..${c.to}` : undefined;
  }
}
