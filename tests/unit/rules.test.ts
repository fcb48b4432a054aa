import { consentProblems, daysOverdue, formatRef, initialsOf, isOverdue } from '../../src/domain/rules';

const today = new Date('2026-06-15T09:00:00Z');

describe('isOverdue', () => {
  it('is true once the due date has passed and the action is not finished', () => {
    expect(isOverdue({ status: 'not_started', dueDate: '2026-06-14' }, today)).toBe(true);
    expect(isOverdue({ status: 'in_progress', dueDate: '2025-12-31' }, today)).toBe(true);
  });

  it('is false on the due date itself and before it', () => {
    expect(isOverdue({ status: 'in_progress', dueDate: '2026-06-15' }, today)).toBe(false);
    expect(isOverdue({ status: 'not_started', dueDate: '2026-07-01' }, today)).toBe(false);
  });

  it.each(['completed', 'not_done_circumstance', 'not_done_agency', 'cancelled'] as const)('is false for a %s action, however late', (status) => {
    expect(isOverdue({ status, dueDate: '2026-01-01' }, today)).toBe(false);
  });

  it('judges "today" by the London date: overdue from midnight BST, an hour before UTC midnight', () => {
    expect(isOverdue({ status: 'in_progress', dueDate: '2026-06-15' }, new Date('2026-06-15T22:59:59Z'))).toBe(false);
    expect(isOverdue({ status: 'in_progress', dueDate: '2026-06-15' }, new Date('2026-06-15T23:00:00Z'))).toBe(true);
  });

  it('counts whole days overdue, never negative', () => {
    expect(daysOverdue({ dueDate: '2026-06-01' }, today)).toBe(14);
    expect(daysOverdue({ dueDate: '2026-06-20' }, today)).toBe(0);
  });
});

describe('initialsOf', () => {
  it.each([
    ['Jo Anne Smith', 'J.A.S.'],
    ['  alex   example ', 'A.E.'],
    ['Mary-Jane Watson-Brown', 'M.J.W.B.'],
    ['Ólafur Þórsson', 'Ó.Þ.'],
    ['Prince', 'P.'],
  ])('%s → %s', (name, initials) => {
    expect(initialsOf(name)).toBe(initials);
  });

  it('gives nothing for a blank name rather than failing', () => {
    expect(initialsOf('   ')).toBe('');
  });
});

describe('formatRef', () => {
  it('pads the number to four digits after the prefix and year', () => {
    expect(formatRef('CASPA', 2026, 14)).toBe('CASPA-2026-0014');
    expect(formatRef('MARM', 2027, 1)).toBe('MARM-2027-0001');
  });

  it('keeps numbers past 9999 whole', () => {
    expect(formatRef('CASPA', 2026, 12345)).toBe('CASPA-2026-12345');
  });
});

describe('consentProblems', () => {
  it('has nothing to say when the adult consents', () => {
    expect(consentProblems({ consent: 'given' })).toEqual([]);
  });

  it.each(['refused', 'not_sought_unsafe', 'lacks_capacity'] as const)('without consent (%s) needs a reason and a lawful basis', (consent) => {
    expect(consentProblems({ consent }).map((p) => p.field)).toEqual(['noConsentReason', 'lawfulBasis']);
  });

  it('names only what is missing, and treats blank text as missing', () => {
    expect(consentProblems({ consent: 'refused', noConsentReason: 'Risk to life.', lawfulBasis: '  ' })).toEqual([
      { field: 'lawfulBasis', message: expect.stringContaining('lawful basis') },
    ]);
    expect(
      consentProblems({ consent: 'refused', noConsentReason: 'Risk to life.', lawfulBasis: 'UK GDPR Art 9, DPA 2018 Sch 1 para 18' }),
    ).toEqual([]);
  });
});
