import { caseHref, hashForSubPage, parseHash, registerHref } from '../../tabs/src/routing/useHashRoute';

// Deep links: the addresses cards and people use, and the page a Teams deep link names in the tab's context.

test('hash addresses open the right page', () => {
  expect(parseHash('')).toEqual({ page: 'home' });
  expect(parseHash('#/')).toEqual({ page: 'home' });
  expect(parseHash('#/cases/case%2F1')).toEqual({ page: 'case', id: 'case/1' });
  expect(parseHash('#/cases/by-ref/CASPA-2026-0014')).toEqual({ page: 'caseByRef', ref: 'CASPA-2026-0014' });
  expect(parseHash('#/refer')).toEqual({ page: 'refer' });
  expect(parseHash('#/refer/case-9')).toEqual({ page: 'refer', draftId: 'case-9' });
  expect(parseHash('#/screening')).toEqual({ page: 'screening' });
  expect(parseHash('#/actions')).toEqual({ page: 'actions', scope: 'mine' });
  expect(parseHash('#/actions?scope=overdue')).toEqual({ page: 'actions', scope: 'overdue' });
  expect(parseHash('#/actions?scope=everything')).toEqual({ page: 'actions', scope: 'mine' });
  expect(parseHash('#/meetings/')).toEqual({ page: 'meetings' });
  expect(parseHash('#/config')).toEqual({ page: 'config' });
  expect(parseHash('#/nowhere')).toEqual({ page: 'notFound', path: '/nowhere' });
  // A malformed escape is no page, not a crash.
  expect(parseHash('#/cases/%E0%A4%A').page).toBe('notFound');
});

test('the register lives at #/register, and its old links (#/?…) still open it with their filters', () => {
  const current = parseHash(registerHref(new URLSearchParams({ status: 'open' })));
  expect(current.page).toBe('register');
  const old = parseHash('#/?status=open&q=CASPA');
  expect(old.page).toBe('register');
  expect(old.page === 'register' && old.query.get('status')).toBe('open');
});

test("inside Teams, the context's subPageId names the page (as cards' deep links set it)", () => {
  expect(hashForSubPage('cases/case-42')).toBe(caseHref('case-42'));
  expect(hashForSubPage('/cases/by-ref/CASPA-2026-0014')).toBe('#/cases/by-ref/CASPA-2026-0014');
  expect(hashForSubPage('refer')).toBe('#/refer');
  expect(hashForSubPage('#/actions?scope=overdue')).toBe('#/actions?scope=overdue');
  expect(hashForSubPage('')).toBeUndefined();
  expect(hashForSubPage(undefined)).toBeUndefined();
  expect(hashForSubPage('no-such-page')).toBeUndefined();
});
