import { ValidationError } from '../../../src/domain/errors';
import { instantInPeriod, monthsBefore, parsePeriod, periodInstants } from '../../../src/domain/indicators/period';

describe('report periods', () => {
  it('reads a month, a quarter, a year and a custom run of days, with every month they touch', () => {
    expect(parsePeriod('2026-02')).toEqual({ kind: 'month', from: '2026-02-01', to: '2026-02-28', label: 'February 2026', months: ['2026-02'] });
    expect(parsePeriod('2026-Q2')).toMatchObject({ kind: 'quarter', from: '2026-04-01', to: '2026-06-30', months: ['2026-04', '2026-05', '2026-06'] });
    expect(parsePeriod('2024')).toMatchObject({ kind: 'year', from: '2024-01-01', to: '2024-12-31' });
    expect(parsePeriod('2024').months).toHaveLength(12);
    expect(parsePeriod('2026-01-20..2026-03-02')).toMatchObject({
      kind: 'custom', from: '2026-01-20', to: '2026-03-02', label: '20 January 2026 to 2 March 2026', months: ['2026-01', '2026-02', '2026-03'],
    });
  });

  it.each(['', '2026-13', '2026-Q5', '26', '2026-03-10..2026-03-01', '2026-02-30..2026-03-01', '2020-01-01..2026-01-01', '2026-03; drop'])(
    'refuses %p with a ValidationError on the period field', (text) => {
      expect(() => parsePeriod(text)).toThrow(ValidationError);
    });

  it('counts instants by their London date: 23:30 UTC on 31 May in summer time is 1 June', () => {
    const june = parsePeriod('2026-06');
    expect(instantInPeriod('2026-05-31T23:30:00.000Z', june)).toBe(true);
    expect(instantInPeriod('2026-06-30T23:30:00.000Z', june)).toBe(false);
    expect(instantInPeriod('2026-06-30T22:59:59.000Z', june)).toBe(true);
    expect(instantInPeriod(undefined, june)).toBe(false);
  });

  it('bounds the period in UTC from London midnights (BST in June, GMT in January)', () => {
    expect(periodInstants(parsePeriod('2026-06'))).toEqual({ start: '2026-05-31T23:00:00.000Z', endExclusive: '2026-06-30T23:00:00.000Z' });
    expect(periodInstants(parsePeriod('2026-01'))).toEqual({ start: '2026-01-01T00:00:00.000Z', endExclusive: '2026-02-01T00:00:00.000Z' });
  });

  it('looks back whole calendar months', () => {
    expect(monthsBefore('2026-03-31', 12)).toBe('2025-03-31');
    expect(monthsBefore('2024-02-29', 12)).toBe('2023-02-28');
  });
});
