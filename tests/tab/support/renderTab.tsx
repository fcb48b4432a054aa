import { FluentProvider, webLightTheme } from '@fluentui/react-components';
import { render } from '@testing-library/react';
import type { ReactElement } from 'react';
import { ApiClient } from '../../../tabs/src/api/client';
import type { Me } from '../../../src/contract';
import { SessionContext } from '../../../tabs/src/auth/session';
import { DirectoryProvider } from '../../../tabs/src/hooks/useDirectory';

// The tab's pages rendered in jsdom with a signed-in session and a fake server: the API client is the real one,
// only `fetch` is replaced, so requests, problem+json and network failures go through the same code as in a browser.

export interface Call { method: string; url: string; body?: unknown }
export type Answer = { status: number; body?: unknown } | 'network-error';
export type Handler = (call: Call) => Answer | undefined;

export const AGENCIES = [
  { id: 'ag-police', name: 'Invented Constabulary', shortName: 'Police', kind: 'police', active: true },
  { id: 'ag-council', name: 'Invented Borough Council', shortName: 'Council', kind: 'council', active: true },
];
export const MEMBERS = [
  { id: 'm-pat', name: 'Pat Invented', agencyId: 'ag-council', roles: ['partner'], agencyLead: false, active: true },
  { id: 'm-alex', name: 'Alex Invented', agencyId: 'ag-police', roles: ['partner'], agencyLead: false, active: true },
];

export const partnerMe: Me = {
  member: { id: 'm-alex', name: 'Alex Invented', email: 'alex@invented.example', roles: ['partner'], agencyLead: false },
  agency: { id: 'ag-police', name: 'Invented Constabulary', shortName: 'Police' },
  can: {
    refer: true, screen: false, coordinate: false, readScreeningQueue: false, readAgencyActions: false, readDataQuality: false,
    runOverdueScan: false, readAuditTrail: false, readMemberEmails: false, readMeetings: true, manageMeetings: false, readReports: false,
    manageMembers: false, reviewAccess: false, breakGlass: true,
  },
};

/** Replaces fetch with `handler` (plus the directory lists every page needs); returns every call made. */
export function fakeServer(handler: Handler): Call[] {
  const calls: Call[] = [];
  global.fetch = jest.fn(async (input: RequestInfo | URL, init?: RequestInit) => {
    const url = String(input);
    const call: Call = { method: init?.method ?? 'GET', url, body: init?.body ? JSON.parse(String(init.body)) : undefined };
    calls.push(call);
    const answer: Answer | undefined =
      handler(call) ??
      (url === '/api/agencies' ? { status: 200, body: AGENCIES } : url === '/api/members' ? { status: 200, body: MEMBERS } : undefined);
    if (!answer) return response({ status: 404, body: { title: 'Not found', status: 404, detail: `No fake for ${call.method} ${url}` } });
    if (answer === 'network-error') throw new TypeError('Failed to fetch');
    return response(answer);
  }) as typeof fetch;
  return calls;
}

function response({ status, body }: { status: number; body?: unknown }): Response {
  const text = body === undefined ? '' : JSON.stringify(body);
  return { ok: status >= 200 && status < 300, status, text: async () => text, json: async () => JSON.parse(text) } as Response;
}

export function renderTab(ui: ReactElement, me: Me = partnerMe) {
  const session = { client: new ApiClient({ kind: 'dev', email: me.member.email ?? 'someone@invented.example' }), me };
  return render(
    <FluentProvider theme={webLightTheme}>
      <SessionContext.Provider value={session}>
        <DirectoryProvider>{ui}</DirectoryProvider>
      </SessionContext.Provider>
    </FluentProvider>,
  );
}

/** A whole case record as a command answers it (the contract's savedCaseSchema); override what a test is about. */
export function caseRecord(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    id: 'case-new', version: 1, ref: 'INV-2026-0042', status: 'submitted', createdAt: '2026-06-15T09:00:00Z', updatedAt: '2026-06-15T09:00:00Z',
    receivedAt: '2026-06-15T09:00:00Z', referrerMemberId: 'm-alex', referrerAgencyId: 'ag-police', adult: { name: 'Ursula Invented Vane' },
    initials: 'U.I.V.', riskCategories: ['self_neglect'], reasons: 'Invented.', currentSupport: 'Invented.', otherProcessesConsidered: [],
    adultViews: 'Invented.', involvements: [], restricted: false, namedMemberIds: [], legalHold: false,
    ...overrides,
  };
}
