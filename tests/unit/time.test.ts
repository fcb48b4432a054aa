import { daysOverdue, isOverdue } from '../../src/domain/rules';
import {
  addDays, daysBetween, endOfLondonDay, hasLondonDayEnded, londonDate, londonDateTime, londonTimeOn, nextLondonTime, zonedTimeToUtc,
} from '../../src/domain/time';
import { requireNotPast } from '../../src/kernel/guards';
import { ValidationError } from '../../src/domain/errors';

const at = (iso: string) => new Date(iso);
const iso = (d: Date) => d.toISOString();
const open = (dueDate: string) => ({ status: 'in_progress' as const, dueDate });

describe('the BST overdue bug (pinned)', () => {
  it('an action due on a summer date is not overdue at 23:30 London time that day', () => {
    // 23:30 BST on 15 June is 22:30 UTC.
    expect(isOverdue(open('2026-06-15'), at('2026-06-15T22:30:00Z'))).toBe(false);
    expect(daysOverdue(open('2026-06-15'), at('2026-06-15T22:30:00Z'))).toBe(0);
  });

  it('is overdue at 00:30 London time the next day, although UTC is still on the due date', () => {
    // 00:30 BST on 16 June is 23:30 UTC on 15 June: the old UTC rule said "not overdue".
    expect(isOverdue(open('2026-06-15'), at('2026-06-15T23:30:00Z'))).toBe(true);
    expect(daysOverdue(open('2026-06-15'), at('2026-06-15T23:30:00Z'))).toBe(1);
  });

  it('in winter London is on UTC: overdue from UTC midnight', () => {
    expect(isOverdue(open('2026-01-15'), at('2026-01-15T23:59:59Z'))).toBe(false);
    expect(isOverdue(open('2026-01-15'), at('2026-01-16T00:00:00Z'))).toBe(true);
  });

  it('a finished action is never overdue', () => {
    expect(isOverdue({ status: 'completed', dueDate: '2026-06-15' }, at('2026-07-01T12:00:00Z'))).toBe(false);
  });
});

describe('London dates', () => {
  it('"today" is the London date', () => {
    expect(londonDate(at('2026-06-15T22:59:59Z'))).toBe('2026-06-15');
    expect(londonDate(at('2026-06-15T23:00:00Z'))).toBe('2026-06-16');
    expect(londonDate(at('2026-12-31T23:59:59Z'))).toBe('2026-12-31');
  });

  it('a date ends at London midnight: 23:00 UTC in summer, 00:00 UTC in winter', () => {
    expect(iso(endOfLondonDay('2026-06-15'))).toBe('2026-06-15T23:00:00.000Z');
    expect(iso(endOfLondonDay('2026-01-15'))).toBe('2026-01-16T00:00:00.000Z');
    expect(hasLondonDayEnded('2026-06-15', at('2026-06-15T22:59:59.999Z'))).toBe(false);
    expect(hasLondonDayEnded('2026-06-15', at('2026-06-15T23:00:00Z'))).toBe(true);
    expect(() => endOfLondonDay('15/06/2026')).toThrow(RangeError);
    expect(() => endOfLondonDay('2026-02-30')).toThrow(RangeError);
  });

  it('counts calendar days, not 24-hour periods, across both clock changes', () => {
    expect(addDays('2026-03-28', 1)).toBe('2026-03-29');
    expect(addDays('2026-03-29', 1)).toBe('2026-03-30');
    expect(addDays('2026-10-24', 2)).toBe('2026-10-26');
    expect(daysBetween('2026-03-28', '2026-03-30')).toBe(2);
    expect(daysBetween('2026-10-24', '2026-10-26')).toBe(2);
    expect(daysBetween('2026-06-20', '2026-06-15')).toBe(-5);
  });

  it('adds days across month, year and leap-day ends, and refuses dates that do not exist', () => {
    expect(addDays('2028-02-28', 1)).toBe('2028-02-29');
    expect(addDays('2027-02-28', 1)).toBe('2027-03-01');
    expect(addDays('2026-12-31', 1)).toBe('2027-01-01');
    expect(addDays('2026-01-01', -1)).toBe('2025-12-31');
    expect(daysBetween('2026-01-01', '2027-01-01')).toBe(365);
    expect(daysBetween('2028-01-01', '2029-01-01')).toBe(366);
    expect(() => addDays('2026-02-30', 1)).toThrow(RangeError);
    expect(() => daysBetween('2026-13-01', '2026-01-01')).toThrow(RangeError);
    expect(() => addDays('next week', 1)).toThrow(RangeError);
  });

  it('gives the same day end however often it is asked (the cache hands out copies)', () => {
    const first = endOfLondonDay('2026-06-15');
    first.setTime(0);
    expect(iso(endOfLondonDay('2026-06-15'))).toBe('2026-06-15T23:00:00.000Z');
  });

  it('tells instants to people in UK time', () => {
    expect(londonDateTime('2026-06-15T09:00:00Z')).toBe('15 June 2026 at 10:00');
    expect(londonDateTime('2026-01-05T09:00:00Z')).toBe('5 January 2026 at 09:00');
    expect(londonDateTime(at('2026-10-25T00:30:00Z'))).toBe('25 October 2026 at 01:30');
    expect(londonDateTime(at('2026-10-25T01:30:00Z'))).toBe('25 October 2026 at 01:30');
  });
});

describe('the clock changes (last Sunday of March and of October 2026)', () => {
  it('the March day is 23 hours long: London midnight is 00:00 UTC before it and 23:00 UTC after it', () => {
    expect(iso(endOfLondonDay('2026-03-28'))).toBe('2026-03-29T00:00:00.000Z');
    expect(iso(endOfLondonDay('2026-03-29'))).toBe('2026-03-29T23:00:00.000Z');
    expect(isOverdue(open('2026-03-29'), at('2026-03-29T22:59:00Z'))).toBe(false);
    expect(isOverdue(open('2026-03-29'), at('2026-03-29T23:00:00Z'))).toBe(true);
  });

  it('the October day is 25 hours long: due that day, not overdue until 00:00 GMT', () => {
    expect(iso(endOfLondonDay('2026-10-24'))).toBe('2026-10-24T23:00:00.000Z');
    expect(iso(endOfLondonDay('2026-10-25'))).toBe('2026-10-26T00:00:00.000Z');
    expect(isOverdue(open('2026-10-25'), at('2026-10-25T23:30:00Z'))).toBe(false);
    expect(isOverdue(open('2026-10-25'), at('2026-10-26T00:00:00Z'))).toBe(true);
  });

  it('a time in the March gap moves on by the gap; a repeated October time is its first (BST) occurrence', () => {
    expect(iso(zonedTimeToUtc({ year: 2026, month: 3, day: 29, hour: 1, minute: 30 }))).toBe('2026-03-29T01:30:00.000Z');
    expect(iso(zonedTimeToUtc({ year: 2026, month: 10, day: 25, hour: 1, minute: 30 }))).toBe('2026-10-25T00:30:00.000Z');
    expect(iso(zonedTimeToUtc({ year: 2026, month: 3, day: 8, hour: 2, minute: 30 }, 'America/New_York'))).toBe('2026-03-08T07:30:00.000Z');
  });

  it('the daily scan time stays at 07:00 London time on either side of each change', () => {
    expect(iso(londonTimeOn('2026-03-28', '07:00'))).toBe('2026-03-28T07:00:00.000Z');
    expect(iso(londonTimeOn('2026-03-29', '07:00'))).toBe('2026-03-29T06:00:00.000Z');
    expect(iso(londonTimeOn('2026-10-24', '07:00'))).toBe('2026-10-24T06:00:00.000Z');
    expect(iso(londonTimeOn('2026-10-25', '07:00'))).toBe('2026-10-25T07:00:00.000Z');
    expect(iso(nextLondonTime(at('2026-03-28T07:00:00Z'), '07:00'))).toBe('2026-03-29T06:00:00.000Z');
    expect(iso(nextLondonTime(at('2026-10-24T06:00:00Z'), '07:00'))).toBe('2026-10-25T07:00:00.000Z');
    // 01:30 on the October day happens twice; it runs once.
    const first = nextLondonTime(at('2026-10-24T12:00:00Z'), '01:30');
    expect(iso(first)).toBe('2026-10-25T00:30:00.000Z');
    expect(iso(nextLondonTime(first, '01:30'))).toBe('2026-10-26T01:30:00.000Z');
    expect(() => londonTimeOn('2026-03-29', '7am')).toThrow(RangeError);
  });
});

describe('requireNotPast judges "today" in London', () => {
  it('refuses yesterday\'s London date at 00:30 BST, and accepts today\'s', () => {
    const now = at('2026-06-15T23:30:00Z'); // 00:30 BST on 16 June
    expect(() => requireNotPast('2026-06-15', now, 'dueDate')).toThrow(ValidationError);
    expect(() => requireNotPast('2026-06-16', now, 'dueDate')).not.toThrow();
  });
});
