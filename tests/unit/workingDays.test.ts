import Holidays from 'date-holidays';
import {
  addWorkingDays, bankHolidays, isBankHoliday, isWorkingDay, minutesTimeliness, workingDaysBetween,
} from '../../src/domain/workingDays';

const at = (iso: string) => new Date(iso);

describe('working days in England and Wales', () => {
  it('weekends are not working days; ordinary weekdays are', () => {
    expect(isWorkingDay('2027-03-20')).toBe(false); // Saturday
    expect(isWorkingDay('2027-03-21')).toBe(false); // Sunday
    expect(isWorkingDay('2027-03-22')).toBe(true); // Monday
    expect(isWorkingDay('2027-03-25')).toBe(true); // Thursday
  });

  it('knows Easter 2027, the late May and August bank holidays', () => {
    for (const d of ['2027-03-26', '2027-03-29', '2027-05-03', '2027-05-31', '2027-08-30']) {
      expect([d, isBankHoliday(d), isWorkingDay(d)]).toEqual([d, true, false]);
    }
    // Easter Sunday is a Sunday, not a bank holiday; Mother's Day is an observance only.
    expect(isBankHoliday('2027-03-28')).toBe(false);
    expect(isBankHoliday('2027-03-07')).toBe(false);
  });

  it('Christmas and Boxing Day on a weekend give substitute Mondays and Tuesdays (2027), Boxing Day on a Saturday gives the Monday (2026)', () => {
    expect(isWorkingDay('2027-12-27')).toBe(false);
    expect(isWorkingDay('2027-12-28')).toBe(false);
    expect(isWorkingDay('2027-12-29')).toBe(true);
    expect(isWorkingDay('2026-12-28')).toBe(false);
    expect(isWorkingDay('2026-12-29')).toBe(true);
    expect([...bankHolidays(2027).keys()]).toEqual([
      '2027-01-01', '2027-03-26', '2027-03-29', '2027-05-03', '2027-05-31', '2027-08-30',
      '2027-12-25', '2027-12-26', '2027-12-27', '2027-12-28',
    ]);
  });

  it("Wales' public holidays equal England's in every year from 2020 to 2040", () => {
    const wales = new Holidays('GB', 'WLS');
    for (let year = 2020; year <= 2040; year++) {
      const welsh = wales.getHolidays(year).filter((h) => h.type === 'public').map((h) => h.date.slice(0, 10));
      expect([year, welsh]).toEqual([year, [...bankHolidays(year).keys()]]);
    }
  });

  it('refuses what is not a calendar date', () => {
    expect(() => isWorkingDay('27-03-2027')).toThrow(RangeError);
    expect(() => isWorkingDay('2027-02-30')).toThrow(RangeError);
    expect(() => addWorkingDays('2027-03-01', -1)).toThrow(RangeError);
  });
});

describe('counting working days between instants', () => {
  it('the same day is 0; Friday to Monday is 1; backwards is negative', () => {
    expect(workingDaysBetween(at('2027-03-22T09:00:00Z'), at('2027-03-22T17:00:00Z'))).toBe(0);
    expect(workingDaysBetween(at('2027-03-19T15:00:00Z'), at('2027-03-22T09:00:00Z'))).toBe(1);
    expect(workingDaysBetween(at('2027-03-22T09:00:00Z'), at('2027-03-19T15:00:00Z'))).toBe(-1);
  });

  it('across Easter 2027: Thursday 25 March to Thursday 1 April is 3 working days, not 5', () => {
    expect(workingDaysBetween(at('2027-03-25T14:00:00Z'), at('2027-04-01T10:00:00+01:00'))).toBe(3);
  });

  it('across Christmas 2027 (substitute days): Thursday 23 December to Thursday 30 December is 3', () => {
    expect(workingDaysBetween(at('2027-12-23T12:00:00Z'), at('2027-12-30T12:00:00Z'))).toBe(3);
  });

  it('judges days in London, not UTC: 23:30 BST is still that day, 00:30 BST is the next', () => {
    // Friday 25 June 2027 23:30 BST (22:30Z) → Monday 28 June: 1 working day.
    expect(workingDaysBetween(at('2027-06-25T22:30:00Z'), at('2027-06-28T09:00:00+01:00'))).toBe(1);
    // 23:30Z on Friday is 00:30 BST on Saturday: to Monday is still 1 (Saturday, Sunday are not working days).
    expect(workingDaysBetween(at('2027-06-25T23:30:00Z'), at('2027-06-28T09:00:00+01:00'))).toBe(1);
    // Thursday 24 June 23:30Z is Friday 00:30 BST: to Monday is 1, not 2.
    expect(workingDaysBetween(at('2027-06-24T23:30:00Z'), at('2027-06-28T09:00:00+01:00'))).toBe(1);
  });

  it('addWorkingDays skips weekends and bank holidays', () => {
    expect(addWorkingDays('2027-03-25', 0)).toBe('2027-03-25');
    expect(addWorkingDays('2027-03-25', 1)).toBe('2027-03-30');
    expect(addWorkingDays('2027-05-28', 3)).toBe('2027-06-03'); // Friday before the late May bank holiday
    expect(addWorkingDays('2027-08-26', 3)).toBe('2027-09-01'); // Thursday before the August bank holiday
    expect(addWorkingDays('2027-12-23', 2)).toBe('2027-12-29');
  });
});

describe('the 3-working-day minutes standard', () => {
  it('a meeting on Thursday before Easter: minutes by the end of Thursday 1 April are on time', () => {
    const ended = at('2027-03-25T12:30:00Z');
    expect(minutesTimeliness(ended, at('2027-04-01T22:59:00Z'))).toEqual({ workingDays: 3, dueBy: '2027-04-01', met: true });
    // 1 April 2027 is in BST: 23:00Z is already 2 April in London.
    expect(minutesTimeliness(ended, at('2027-04-01T23:00:00Z'))).toEqual({ workingDays: 4, dueBy: '2027-04-01', met: false });
  });

  it('a Friday meeting before the late May bank holiday is due on Thursday 3 June', () => {
    const ended = at('2027-05-28T12:00:00+01:00');
    expect(minutesTimeliness(ended, at('2027-06-03T16:00:00+01:00'))).toMatchObject({ workingDays: 3, dueBy: '2027-06-03', met: true });
    expect(minutesTimeliness(ended, at('2027-06-04T09:00:00+01:00'))).toMatchObject({ workingDays: 4, met: false });
  });

  it('a Thursday meeting before the August bank holiday is due on Wednesday 1 September', () => {
    const ended = at('2027-08-26T15:00:00+01:00');
    expect(minutesTimeliness(ended, at('2027-08-31T09:00:00+01:00'))).toMatchObject({ workingDays: 2, dueBy: '2027-09-01', met: true });
    expect(minutesTimeliness(ended, at('2027-09-02T09:00:00+01:00'))).toMatchObject({ workingDays: 4, met: false });
  });

  it('over Christmas 2027 the substitute days do not count', () => {
    const ended = at('2027-12-23T12:00:00Z');
    expect(minutesTimeliness(ended, at('2027-12-30T17:00:00Z'))).toEqual({ workingDays: 3, dueBy: '2027-12-30', met: true });
    expect(minutesTimeliness(ended, at('2027-12-31T09:00:00Z'))).toEqual({ workingDays: 4, dueBy: '2027-12-30', met: false });
  });

  it('minutes issued the same day are on time with 0 working days', () => {
    expect(minutesTimeliness(at('2027-03-22T12:00:00Z'), at('2027-03-22T16:00:00Z'))).toEqual({ workingDays: 0, dueBy: '2027-03-25', met: true });
  });
});
