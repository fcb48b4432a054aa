import { FaultInjector } from './faults';
import { type ColumnKind, evaluateFilter, FilterSyntaxError, filterColumns, parseFilter } from './odataFilter';

const kinds: Record<string, ColumnKind> = { Title: 'text', Status: 'choice', Due: 'dateTime', Count: 'number', Active: 'boolean', Tags: 'multichoice' };
const match = (filter: string, fields: Record<string, unknown>) => evaluateFilter(parseFilter(filter), fields, (c) => kinds[c]!);

describe("the fake's $filter", () => {
  it('compares as SharePoint does: text without case, dates as instants, booleans as 1/0 or true/false', () => {
    expect(match("fields/Title eq 'ABC'", { Title: 'abc' })).toBe(true);
    expect(match("fields/Title ne 'ABC'", { Title: 'abc' })).toBe(false);
    expect(match("fields/Title eq 'O''Brien'", { Title: "o'brien" })).toBe(true);
    expect(match("fields/Due lt '2026-06-15T00:00:00Z'", { Due: '2026-06-14T23:00:00Z' })).toBe(true);
    expect(match("fields/Due ge '2026-06-15T00:00:00Z'", { Due: '2026-06-14T23:00:00Z' })).toBe(false);
    expect(match('fields/Count gt 2 and fields/Count le 3', { Count: 3 })).toBe(true);
    expect(match('fields/Active eq 1', { Active: true })).toBe(true);
    expect(match('fields/Active eq false', { Active: true })).toBe(false);
    expect(match("fields/Tags eq 'Red'", { Tags: ['red', 'blue'] })).toBe(true);
  });

  it('treats an empty value as unequal to anything and outside every range', () => {
    expect(match("fields/Title ne 'x'", {})).toBe(true);
    expect(match("fields/Title eq 'x'", {})).toBe(false);
    expect(match("fields/Due lt '2030-01-01T00:00:00Z'", {})).toBe(false);
  });

  it('supports startswith, or, not and parentheses, and names columns in order', () => {
    expect(match("startswith(fields/Title,'Inv')", { Title: 'invented' })).toBe(true);
    expect(match("(fields/Status eq 'Open' or fields/Status eq 'Escalated') and not (fields/Count eq 1)", { Status: 'Escalated', Count: 2 })).toBe(true);
    expect(filterColumns(parseFilter("fields/Status eq 'Open' and fields/Due lt '2026-01-01'"))).toEqual(['Status', 'Due']);
  });

  it('rejects what Graph would reject', () => {
    expect(() => parseFilter("Status eq 'Open'")).toThrow(FilterSyntaxError);
    expect(() => parseFilter("fields/Status like 'Open'")).toThrow(/Unsupported operator/);
    expect(() => parseFilter("fields/Status eq 'Open")).toThrow(/Unterminated/);
  });
});

describe("the fake's fault injection", () => {
  it('faults every Nth request, cycling through the kinds', () => {
    const f = new FaultInjector({ every: 3, kinds: ['429', '503', 'drop'] });
    expect(Array.from({ length: 9 }, () => f.next(false) ?? '-')).toEqual(['-', '-', '429', '-', '-', '503', '-', '-', 'drop']);
  });

  it('faults at random with a seed, the same way every run, and only throttles inside batches', () => {
    const run = () => {
      const f = new FaultInjector({ rate: 0.2, seed: 42, kinds: ['429', 'drop'] });
      return Array.from({ length: 200 }, (_, i) => f.next(i % 2 === 0) ?? '-');
    };
    const a = run();
    expect(run()).toEqual(a);
    const faults = a.filter((x) => x !== '-').length;
    expect(faults).toBeGreaterThan(20);
    expect(faults).toBeLessThan(60);
    expect(a.filter((x, i) => i % 2 === 0 && x === 'drop')).toEqual([]);
  });
});
