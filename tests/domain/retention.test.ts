import { DEFAULT_RETENTION, retentionDateFor, retentionDue, retentionScheduleFrom } from '../../src/domain/retention';

describe('the retention schedule', () => {
  it('counts whole years from the event, 29 February to 28 February', () => {
    expect(retentionDateFor('case', '2026-06-15T09:00:00Z')).toBe('2034-06-15');
    expect(retentionDateFor('decision', '2026-06-15T09:00:00Z')).toBe('2038-06-15');
    expect(retentionDateFor('case', '2028-02-29T12:00:00Z')).toBe('2036-02-29');
    expect(retentionDateFor('case', '2028-02-29T12:00:00Z', retentionScheduleFrom('case=1'))).toBe('2029-02-28');
  });

  it('is configurable per kind, and refuses what it does not understand', () => {
    const s = retentionScheduleFrom('case=10, minutes=15');
    expect([s.case.years, s.minutes.years, s.decision.years]).toEqual([10, 15, DEFAULT_RETENTION.decision.years]);
    expect(() => retentionScheduleFrom('cases=10')).toThrow(/not a record kind/);
    expect(() => retentionScheduleFrom('case=0')).toThrow(/outside 1 to 100/);
    expect(() => retentionScheduleFrom('case:8')).toThrow(/kind=years/);
  });

  it('is due on its date, not before', () => {
    expect(retentionDue('2034-06-15', new Date('2034-06-14T23:59:59Z'))).toBe(false);
    expect(retentionDue('2034-06-15', new Date('2034-06-15T00:00:00Z'))).toBe(true);
    expect(retentionDue(undefined, new Date('2099-01-01T00:00:00Z'))).toBe(false);
  });
});
