/** @jest-environment jsdom */
import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { SubjectAccessSection } from '../../tabs/src/pages/case/sections/SubjectAccessSection';
import { renderTab } from '../tab/support/renderTab';

// The case page's subject access section: a reason is required before anything is asked of the server; the file the
// server answers is handed to the browser under the server's name; a refusal shows the server's words on the field.

interface Sent { url: string; method?: string; body: unknown; headers: Record<string, string> }

function fakeFileServer(answer: { status: number; body: string; headers?: Record<string, string> }): Sent[] {
  const sent: Sent[] = [];
  global.fetch = jest.fn(async (input: RequestInfo | URL, init?: RequestInit) => {
    const url = String(input);
    sent.push({ url, method: init?.method, body: init?.body ? JSON.parse(String(init.body)) : undefined, headers: (init?.headers ?? {}) as Record<string, string> });
    if (url === '/api/agencies' || url === '/api/members') return { ok: true, status: 200, text: async () => '[]', json: async () => [] } as unknown as Response;
    const headers = new Map(Object.entries(answer.headers ?? {}));
    return {
      ok: answer.status < 300, status: answer.status, headers: { get: (k: string) => headers.get(k.toLowerCase()) ?? null },
      json: async () => JSON.parse(answer.body), blob: async () => new Blob([answer.body]),
    } as unknown as Response;
  }) as typeof fetch;
  return sent;
}

const saved: string[] = [];
beforeEach(() => {
  saved.length = 0;
  URL.createObjectURL = jest.fn(() => 'blob:invented');
  URL.revokeObjectURL = jest.fn();
  jest.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (this: HTMLAnchorElement) { saved.push(this.download); });
});
afterEach(() => jest.restoreAllMocks());

const exportCalls = (sent: Sent[]) => sent.filter((s) => s.url.endsWith('/subject-access'));

it('asks for a reason first, then downloads the Word document under the server\'s name', async () => {
  const sent = fakeFileServer({ status: 200, body: 'PK-invented', headers: { 'content-disposition': 'attachment; filename="INV-2026-0042-subject-access-2026-06-15.docx"' } });
  renderTab(<SubjectAccessSection caseId="case-new" caseRef="INV-2026-0042" />);
  const user = userEvent.setup();

  await user.click(screen.getByRole('button', { name: 'Download the Word document' }));
  expect(await screen.findByText(/Say why you are exporting/)).toBeTruthy();
  expect(exportCalls(sent)).toEqual([]);

  await user.type(screen.getByRole('textbox', { name: /Reason for the export/ }), 'Invented SAR-0042');
  await user.click(screen.getByRole('button', { name: 'Download the Word document' }));
  await waitFor(() => expect(screen.getByText('Downloaded INV-2026-0042-subject-access-2026-06-15.docx.')).toBeTruthy());
  expect(exportCalls(sent).map((s) => [s.method, s.url, s.body])).toEqual([['POST', '/api/cases/case-new/subject-access', { reason: 'Invented SAR-0042', format: 'docx' }]]);
  expect(exportCalls(sent)[0]!.headers['Content-Type']).toBe('application/json');
  expect(saved).toEqual(['INV-2026-0042-subject-access-2026-06-15.docx']);
});

it('shows the server\'s refusal, on the reason field when it names it, and saves nothing', async () => {
  const problem = { title: 'Invalid input', status: 400, detail: 'Some fields are not valid.', errors: [{ field: 'reason', message: 'must be at most 300 characters' }] };
  const sent = fakeFileServer({ status: 400, body: JSON.stringify(problem) });
  renderTab(<SubjectAccessSection caseId="case-new" caseRef="INV-2026-0042" />);
  const user = userEvent.setup();
  await user.type(screen.getByRole('textbox', { name: /Reason for the export/ }), 'Invented reason');
  await user.click(screen.getByRole('button', { name: 'Download the JSON file' }));
  expect(await screen.findByText('must be at most 300 characters')).toBeTruthy();
  expect(screen.getAllByRole('alert').map((a) => a.textContent).join(' ')).toContain('The export did not workSome fields are not valid.');
  expect(exportCalls(sent).map((s) => s.body)).toEqual([{ reason: 'Invented reason', format: 'json' }]);
  expect(saved).toEqual([]);
});
