/** @jest-environment jsdom */
import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import type { RegisterItem } from '../../src/contract';
import RegisterPage from '../../tabs/src/pages/register/RegisterPage';
import { useHashRoute } from '../../tabs/src/routing/useHashRoute';
import { type Call, fakeServer, renderTab } from './support/renderTab';

// The register's filters: each one goes into the address and into the API query, and the table shows what the
// server answered, fetched a page at a time as the table is scrolled near its end and rendered only where it is in view.

const STATUSES = ['submitted', 'open', 'open', 'closed', 'escalated'] as const;
const ROWS: RegisterItem[] = Array.from({ length: 450 }, (_, i) => ({
  id: `case-${i + 1}`,
  ref: `INV-2026-${String(i + 1).padStart(4, '0')}`,
  status: STATUSES[i % STATUSES.length]!,
  initials: 'A.B.',
  referrerAgencyId: 'ag-police',
  access: 'full',
  riskLevel: i % 2 ? 'high' : 'low',
  leadAgencyId: 'ag-police',
  overdueActions: 0,
}));

/**
 * A fake of GET /api/cases: filters by status, q, riskLevel and pages as the server does, with a cursor for the next
 * page (here the row it starts at) that it honours over the page number; the total only when not asked to leave it
 * out (total=false), and nothing but the total for pageSize=0.
 */
function registerServer(): Call[] {
  return fakeServer((call) => {
    if (!call.url.startsWith('/api/cases?')) return undefined;
    const p = new URL(call.url, 'http://tab.invalid').searchParams;
    const matching = ROWS.filter(
      (r) => (!p.get('status') || r.status === p.get('status')) && (!p.get('riskLevel') || r.riskLevel === p.get('riskLevel')) && (!p.get('q') || r.ref.includes(p.get('q')!)),
    );
    const page = Number(p.get('page'));
    const size = Number(p.get('pageSize'));
    const start = p.get('cursor') ? Number(p.get('cursor')!.slice('row-'.length)) : (page - 1) * size;
    const end = start + size;
    return {
      status: 200,
      body:
        size === 0
          ? { items: [], total: matching.length, page: 1, pageSize: 0 }
          : {
              items: matching.slice(start, end),
              ...(p.get('total') === 'false' ? {} : { total: matching.length }),
              page,
              pageSize: size,
              ...(end < matching.length ? { nextCursor: `row-${end}` } : {}),
            },
    };
  });
}

function Harness() {
  const route = useHashRoute();
  return route.page === 'register' ? <RegisterPage params={route.query} /> : <p>left the register</p>;
}

const registerCalls = (calls: Call[]) => calls.filter((c) => c.url.startsWith('/api/cases?')).map((c) => new URL(c.url, 'http://tab.invalid').searchParams);
/** The page requests (rows); the count requests (pageSize=0) are countCalls. */
const caseCalls = (calls: Call[]) => registerCalls(calls).filter((p) => p.get('pageSize') !== '0');
const countCalls = (calls: Call[]) => registerCalls(calls).filter((p) => p.get('pageSize') === '0');
const status = () => screen.getAllByRole('status').map((s) => s.textContent ?? '').join(' ');

beforeAll(() => {
  // jsdom lays nothing out: give the table's scrolling area a height so the virtualiser has a window to fill.
  Object.defineProperty(HTMLElement.prototype, 'clientHeight', { configurable: true, get: () => 600 });
  Object.defineProperty(HTMLElement.prototype, 'clientWidth', { configurable: true, get: () => 1000 });
  Object.defineProperty(HTMLElement.prototype, 'offsetHeight', { configurable: true, get: () => 50 });
});

beforeEach(() => {
  window.location.hash = '#/register';
});

const renderedRefs = () => [...screen.getByRole('table', { name: 'Cases' }).querySelectorAll('tbody tr[data-index] a')].map((a) => a.textContent);

/** Scrolls the table's scrolling area to show row `index` at its top, as a user's wheel does. */
function scrollToRow(index: number) {
  const scroller = screen.getByRole('table', { name: 'Cases' }).parentElement!;
  scroller.scrollTop = index * 53;
  fireEvent.scroll(scroller);
}

test('the register fetches its first page only, shows the total, and renders only the rows in view', async () => {
  const calls = registerServer();
  renderTab(<Harness />);
  await waitFor(() => expect(status()).toMatch('Showing 100 of 450 cases; scroll down for more.'), { timeout: 10_000 });
  // One page of 100; the rest waits until the user scrolls near the end of what is here.
  expect(caseCalls(calls).map((p) => [p.get('page'), p.get('pageSize'), p.get('cursor'), p.get('total')])).toEqual([['1', '100', null, 'false']]);
  // The total is asked once, on its own, for the same query.
  expect(countCalls(calls).map((p) => p.toString())).toEqual(['pageSize=0']);
  const table = screen.getByRole('table', { name: 'Cases' });
  // The table says how many cases there are in all, fetched or not.
  expect(table.getAttribute('aria-rowcount')).toBe('451');
  const rows = table.querySelectorAll('tbody tr[data-index]');
  expect(rows.length).toBeGreaterThan(5);
  expect(rows.length).toBeLessThan(60);
  expect(within(rows[0] as HTMLElement).getByRole('link').textContent).toBe('INV-2026-0001');
});

test('scrolling near the end fetches the next page by its cursor, keeps the rows it has, and stops at the last', async () => {
  const calls = registerServer();
  renderTab(<Harness />);
  await waitFor(() => expect(status()).toMatch('Showing 100 of 450 cases'), { timeout: 10_000 });
  // Scrolling within the first page's top half fetches nothing.
  scrollToRow(20);
  await waitFor(() => expect(renderedRefs()).toContain('INV-2026-0030'));
  expect(caseCalls(calls)).toHaveLength(1);

  // Near its end: the next page, asked for by the cursor the first answered, joins the end of the table.
  scrollToRow(70);
  await waitFor(() => expect(status()).toMatch('Showing 200 of 450 cases; scroll down for more.'));
  expect(caseCalls(calls).map((p) => p.get('cursor'))).toEqual([null, 'row-100']);
  // What was fetched stays: scrolling back to the top shows the first rows without fetching them again.
  scrollToRow(0);
  await waitFor(() => expect(renderedRefs()[0]).toBe('INV-2026-0001'));
  scrollToRow(160);
  await waitFor(() => expect(status()).toMatch('Showing 300 of 450 cases'));
  scrollToRow(260);
  await waitFor(() => expect(status()).toMatch('Showing 400 of 450 cases'));
  scrollToRow(360);
  await waitFor(() => expect(status()).toMatch(/^Showing 450 of 450 cases\.$/));
  // Every page once, in order; nothing after the last.
  scrollToRow(440);
  await waitFor(() => expect(renderedRefs().some((ref) => ref! > 'INV-2026-0400')).toBe(true));
  expect(caseCalls(calls).map((p) => p.get('cursor'))).toEqual([null, 'row-100', 'row-200', 'row-300', 'row-400']);
  expect(screen.getByRole('table', { name: 'Cases' }).getAttribute('aria-rowcount')).toBe('451');
});

test('each filter goes into the address and the API query; clearing them brings every case back', async () => {
  const calls = registerServer();
  const user = userEvent.setup();
  renderTab(<Harness />);
  await waitFor(() => expect(status()).toMatch('Showing 100 of 450 cases'));

  await user.selectOptions(screen.getByRole('combobox', { name: 'Status' }), 'open');
  await waitFor(() => expect(status()).toMatch('Showing 100 of 180 cases'));
  expect(window.location.hash).toBe('#/register?status=open');
  const openQueries = caseCalls(calls).filter((p) => p.get('status') === 'open');
  expect(openQueries.length).toBe(1);
  // Every row rendered is open.
  const statuses = [...screen.getByRole('table', { name: 'Cases' }).querySelectorAll('tbody tr[data-index] td:nth-child(3)')].map((td) => td.textContent);
  expect(new Set(statuses)).toEqual(new Set(['Open']));

  await user.selectOptions(screen.getByRole('combobox', { name: 'Risk level' }), 'high');
  await waitFor(() => expect(status()).toMatch('Showing 90 of 90 cases.'));
  expect(caseCalls(calls).at(-1)!.get('riskLevel')).toBe('high');
  expect(caseCalls(calls).at(-1)!.get('status')).toBe('open');

  await user.click(screen.getByRole('checkbox', { name: 'Review due' }));
  await waitFor(() => expect(window.location.hash).toContain('reviewDue=true'));
  await waitFor(() => expect(caseCalls(calls).at(-1)!.get('reviewDue')).toBe('true'));

  // The search waits for a pause in typing, then asks once.
  await user.click(screen.getByRole('checkbox', { name: 'Review due' }));
  const before = caseCalls(calls).length;
  await user.type(screen.getByRole('searchbox', { name: 'Search by reference or initials' }), 'INV-2026-0002');
  await waitFor(() => expect(window.location.hash).toContain('q=INV-2026-0002'));
  await waitFor(() => expect(status()).toMatch(/Showing \d+ of \d+ cases?\./));
  const searches = caseCalls(calls).slice(before).filter((p) => p.get('q'));
  expect(searches.map((p) => p.get('q'))).toEqual(['INV-2026-0002']);

  // Sorting by a column: ascending first, and the address keeps it.
  await user.click(screen.getByRole('button', { name: 'Reference' }));
  await waitFor(() => expect(window.location.hash).toContain('sort=ref&order=asc'));

  await user.click(screen.getByRole('button', { name: 'Clear filters' }));
  await waitFor(() => expect(status()).toMatch('Showing 100 of 450 cases'));
  expect(window.location.hash).toBe('#/register?sort=ref&order=asc');
  expect((screen.getByRole('searchbox', { name: 'Search by reference or initials' }) as HTMLInputElement).value).toBe('');
  expect(screen.queryByRole('button', { name: 'Clear filters' })).toBeNull();
});

test('the agency and lead filters offer the partnership from the directory', async () => {
  const calls = registerServer();
  const user = userEvent.setup();
  renderTab(<Harness />);
  const agency = screen.getByRole('combobox', { name: 'Agency' });
  await waitFor(() => expect(within(agency).getAllByRole('option').map((o) => o.textContent)).toEqual(['Any agency', 'Invented Borough Council', 'Invented Constabulary']));
  await user.selectOptions(agency, 'ag-council');
  await user.selectOptions(screen.getByRole('combobox', { name: 'Lead professional' }), 'm-pat');
  await waitFor(() => expect(window.location.hash).toBe('#/register?agencyId=ag-council&leadProfessionalId=m-pat'));
  await waitFor(() => expect(caseCalls(calls).at(-1)!.get('leadProfessionalId')).toBe('m-pat'));
  expect(caseCalls(calls).at(-1)!.get('agencyId')).toBe('ag-council');
});

test('old register links (#/?status=…) still open the register with their filters', async () => {
  const calls = registerServer();
  window.location.hash = '#/?status=closed';
  renderTab(<Harness />);
  await waitFor(() => expect(status()).toMatch('Showing 90 of 90 cases.'));
  expect(caseCalls(calls)[0]!.get('status')).toBe('closed');
  expect((screen.getByRole('combobox', { name: 'Status' }) as HTMLSelectElement).value).toBe('closed');
});

/** Holds back the count's answer until released; the pages answer at once. */
function holdCount(): { release: () => void; fail: () => void } {
  const answer = global.fetch;
  let settle: (ok: boolean) => void = () => undefined;
  const held = new Promise<boolean>((resolve) => (settle = resolve));
  global.fetch = jest.fn(async (input: RequestInfo | URL, init?: RequestInit) => {
    const answered = answer(input, init); // the server records the call as it is sent
    if (String(input).startsWith('/api/cases?') && String(input).includes('pageSize=0') && !(await held)) throw new TypeError('Failed to fetch');
    return answered;
  }) as typeof fetch;
  return { release: () => settle(true), fail: () => settle(false) };
}

test('the rows never wait on the count: both are asked at once, the rows show first, then how many match', async () => {
  const calls = registerServer();
  const count = holdCount();
  renderTab(<Harness />);
  await waitFor(() => expect(status()).toMatch('100 cases loaded; counting how many match…'), { timeout: 10_000 });
  expect(renderedRefs()[0]).toBe('INV-2026-0001');
  // Both requests went out before either answered the page.
  expect([caseCalls(calls).length, countCalls(calls).length]).toEqual([1, 1]);
  count.release();
  await waitFor(() => expect(status()).toMatch('Showing 100 of 450 cases; scroll down for more.'));
  expect(screen.getByRole('table', { name: 'Cases' }).getAttribute('aria-rowcount')).toBe('451');
});

test('a count that fails leaves the rows and says the total is unknown', async () => {
  registerServer();
  const count = holdCount();
  renderTab(<Harness />);
  await waitFor(() => expect(status()).toMatch('100 cases loaded; counting how many match…'), { timeout: 10_000 });
  count.fail();
  await waitFor(() => expect(status()).toMatch('100 cases loaded; the total could not be counted'));
  expect(screen.queryByRole('alert')).toBeNull();
  expect(renderedRefs()[0]).toBe('INV-2026-0001');
});
