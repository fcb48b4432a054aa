import type { Browser } from 'playwright-core';
import { isActionFinished } from '../../src/domain/rules';
import { launchBrowser } from './support/browser';
import { openAs } from './support/tabPage';
import { type PersonaItem, type TabServer, apiAs, personas, startTabServer } from './support/tabServer';

// Screening, actions and the case plan in Chromium against the real server, each as the person who does it.
jest.setTimeout(90_000);

interface QueueItem { id: string; ref: string; status: string; referrerAgencyId: string }

let server: TabServer;
let browser: Browser;
let all: PersonaItem[];
let coordinator: PersonaItem;

beforeAll(async () => {
  server = await startTabServer();
  browser = await launchBrowser();
  all = await personas(server);
  coordinator = all.find((p) => p.roles.includes('coordinator'))!;
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

const storedCase = (id: string) => server.store.transaction((tx) => tx.get('cases', id));
const personaOfMember = async (memberId: string) => {
  const member = await server.store.transaction((tx) => tx.get('members', memberId));
  return all.find((p) => p.email === member?.email);
};

test('a coordinator asks the referrer for more information, and the referrer answers on the case page', async () => {
  const queue = await apiAs<QueueItem[]>(server, coordinator.email, '/api/screening-queue');
  const item = queue.find((i) => i.status === 'submitted');
  if (!item) throw new Error('The demo seed has no submitted referral');
  const question = 'Invented question: has the GP seen the adult since the fall?';

  const coord = await openAs(browser, server, coordinator.email, '#/screening');
  const card = coord.page.getByRole('listitem', { name: item.ref });
  await card.getByRole('button', { name: `Request information about ${item.ref}` }).click();
  const dialog = coord.page.getByRole('dialog');
  // Sending without a question is refused in the dialog, on the field.
  await dialog.getByRole('button', { name: 'Send request' }).click();
  await dialog.getByText('Write what you need to know.').waitFor();
  await dialog.getByRole('textbox', { name: 'What do you need to know?' }).fill(question);
  await dialog.getByRole('button', { name: 'Send request' }).click();
  await coord.page.getByRole('status').getByText(`Information requested about ${item.ref}.`).waitFor();
  await card.getByText('Information requested', { exact: true }).waitFor();
  await card.getByText(question, { exact: false }).waitFor();
  const asked = await storedCase(item.id);
  expect(asked).toMatchObject({ status: 'info_requested', infoRequest: { question } });
  expect(coord.problems).toEqual([]);
  await coord.context.close();

  // The referrer sees the question on the case and answers it: the referral returns to the queue.
  const referrer = await personaOfMember(asked!.referrerMemberId);
  if (!referrer) throw new Error('The referral was not made by a demo persona');
  const ref = await openAs(browser, server, referrer.email, `#/cases/by-ref/${item.ref}`);
  await ref.page.getByRole('heading', { level: 1, name: `Case ${item.ref}` }).waitFor();
  const section = ref.page.getByRole('region', { name: 'Information requested' });
  await section.getByText(question).waitFor();
  await section.getByRole('textbox', { name: 'Your answer' }).fill('Invented answer: yes, last Tuesday; no new concerns.');
  await section.getByRole('button', { name: 'Send answer' }).click();
  await ref.page.getByRole('region', { name: 'Information requested' }).waitFor({ state: 'detached' });
  await expect(storedCase(item.id)).resolves.toMatchObject({ status: 'submitted' });
  expect(ref.problems).toEqual([]);
  await ref.context.close();
});

test('the chair accepts a listed referral with a lead, a risk level and a review date', async () => {
  const queue = await apiAs<QueueItem[]>(server, coordinator.email, '/api/screening-queue');
  const item = queue.find((i) => i.status === 'listed');
  if (!item) throw new Error('The demo seed has no listed referral');
  const chair = all.find((p) => p.roles.includes('chair'))!;
  const leadAgency = await server.store.transaction((tx) => tx.get('agencies', item.referrerAgencyId));
  const lead = (await server.store.transaction((tx) => tx.find('members'))).find((m) => m.agencyId === item.referrerAgencyId && m.active)!;

  const { page, context, problems } = await openAs(browser, server, chair.email, '#/screening');
  const card = page.getByRole('listitem', { name: item.ref });
  // The chair screens; asking for information and listing are the coordinators'.
  await expect(card.getByRole('button', { name: `Request information about ${item.ref}` }).count()).resolves.toBe(0);
  await card.getByRole('button', { name: `Record decision on ${item.ref}` }).click();
  const dialog = page.getByRole('dialog');
  await dialog.getByRole('radio', { name: 'Accept: open a case' }).check();
  await dialog.getByRole('button', { name: 'Record decision' }).click();
  // Accepting needs the rationale and a lead professional (the lead agency defaults to the referrer's).
  await dialog.getByText('Every decision needs its rationale.').waitFor();
  await dialog.getByText('Choose the lead professional.').waitFor();
  await expect(dialog.getByRole('combobox', { name: 'Lead agency' }).inputValue()).resolves.toBe(leadAgency!.id);
  await dialog.getByRole('textbox', { name: 'Rationale' }).fill('Invented rationale: the risk needs more than one agency.');
  await dialog.getByRole('combobox', { name: 'Lead professional' }).selectOption(lead.id);
  await dialog.getByRole('combobox', { name: 'Risk level' }).selectOption('high');
  await dialog.getByRole('button', { name: 'Record decision' }).click();
  await page.getByRole('status').getByText(`Decision recorded on ${item.ref}: accepted.`).waitFor();
  await expect(page.getByRole('listitem', { name: item.ref }).count()).resolves.toBe(0);
  const accepted = await storedCase(item.id);
  expect(accepted).toMatchObject({ status: 'open', leadAgencyId: item.referrerAgencyId, leadProfessionalId: lead.id, riskLevel: 'high' });
  expect(accepted!.nextReviewDate! >= new Date().toISOString().slice(0, 10)).toBe(true);
  expect(problems).toEqual([]);
  await context.close();
});

test("an action's owner notes progress and completes it from the Actions page", async () => {
  const actions = await server.store.transaction((tx) => tx.find('actions'));
  const personaMembers = new Map<string, PersonaItem>();
  for (const p of all.filter((x) => x.roles.includes('partner'))) {
    const member = (await server.store.transaction((tx) => tx.find('members'))).find((m) => m.email === p.email);
    if (member) personaMembers.set(member.id, p);
  }
  // One whose description is the owner's only one of that wording, so its row is unambiguous.
  const action = actions.find(
    (a) => a.parentKind === 'case' && !isActionFinished(a) && personaMembers.has(a.ownerId) &&
      actions.filter((b) => b.ownerId === a.ownerId && b.description === a.description).length === 1,
  );
  if (!action) throw new Error('The demo seed has no open case action owned by a partner persona');
  const owner = personaMembers.get(action.ownerId)!;

  const { page, context, problems } = await openAs(browser, server, owner.email, '#/actions');
  const table = page.getByRole('table', { name: 'My actions' });
  const row = table.getByRole('row').filter({ hasText: action.description });
  await row.getByRole('button', { name: `Add progress: ${action.description}` }).click();
  await page.getByRole('dialog').getByRole('textbox', { name: 'Progress note' }).fill('Invented progress: visit booked for Thursday.');
  await page.getByRole('dialog').getByRole('button', { name: 'Save progress' }).click();
  await page.getByRole('dialog').waitFor({ state: 'detached' });
  await expect(server.store.transaction((tx) => tx.get('actions', action.id))).resolves.toMatchObject({ status: 'in_progress' });

  await row.getByRole('button', { name: `Complete: ${action.description}` }).click();
  const dialog = page.getByRole('dialog');
  await expect(dialog.getByRole('radio', { name: 'Completed' }).isChecked()).resolves.toBe(true);
  await dialog.getByRole('textbox', { name: 'Evidence it is done (optional)' }).fill('Invented evidence: visit made, notes on file.');
  await dialog.getByRole('button', { name: 'Save outcome' }).click();
  // Finished actions leave the list of open ones; focus, which was on its button, stays in the list rather than
  // dropping to the top of the page.
  await table.getByRole('row').filter({ hasText: action.description }).waitFor({ state: 'detached' });
  await page.waitForFunction(() => document.getElementById('actions-panel')?.contains(document.activeElement) === true);
  const done = await server.store.transaction((tx) => tx.get('actions', action.id));
  const member = (await server.store.transaction((tx) => tx.find('members'))).find((m) => m.email === owner.email)!;
  expect(done).toMatchObject({ status: 'completed', completedById: member.id, evidence: 'Invented evidence: visit made, notes on file.' });
  expect(problems).toEqual([]);
  await context.close();
});

test('a plan changed by someone else meanwhile: the save is refused, the change is shown, and a retry keeps both', async () => {
  const open = await apiAs<{ items: { id: string; ref: string }[] }>(server, coordinator.email, '/api/cases?status=open&pageSize=200');
  const target = open.items[0]!;
  const { page, context, problems } = await openAs(browser, server, coordinator.email, `#/cases/${target.id}`);
  await page.getByRole('heading', { level: 1, name: `Case ${target.ref}` }).waitFor();
  await page.getByRole('button', { name: 'Edit the plan' }).click();
  const form = page.getByRole('form', { name: 'Edit the plan' });
  const contingency = 'Invented contingency: if the door is not answered twice, police welfare check the same day.';
  await form.getByRole('textbox', { name: 'Contingency plan' }).fill(contingency);

  // Meanwhile, someone else changes the escalation plan.
  const before = (await storedCase(target.id))!;
  const theirs = 'Invented escalation: straight back to the chair if the adult is admitted to hospital.';
  const response = await fetch(`${server.url}/api/cases/${target.id}/plan`, {
    method: 'PATCH',
    headers: { Authorization: `Dev ${coordinator.email}`, 'Content-Type': 'application/json' },
    body: JSON.stringify({ escalationPlan: theirs, expectedVersion: before.version }),
  });
  expect(response.status).toBe(200);

  await form.getByRole('button', { name: 'Save the plan' }).click();
  const notice = page.getByRole('alert').filter({ hasText: 'Someone else changed this while you were working' });
  await notice.waitFor();
  await notice.getByText('Escalation plan').waitFor();
  await notice.getByText(theirs, { exact: false }).waitFor();
  // What was typed is still there.
  await expect(form.getByRole('textbox', { name: 'Contingency plan' }).inputValue()).resolves.toBe(contingency);

  await notice.getByRole('button', { name: 'Save my changes again' }).click();
  await page.getByRole('status').getByText('The plan is saved.').waitFor();
  const after = (await storedCase(target.id))!;
  expect(after.contingencyPlan).toBe(contingency);
  expect(after.escalationPlan).toBe(theirs);
  // The 409 itself is the point of the test; nothing else may go wrong.
  expect(problems.filter((p) => !/status of 409/.test(p))).toEqual([]);
  await context.close();
});

test('the lead agency records a new version of the risk assessment and sees what changed', async () => {
  const open = await apiAs<{ items: { id: string; ref: string }[] }>(server, coordinator.email, '/api/cases?status=open&pageSize=200');
  let target: { id: string; ref: string; count: number } | undefined;
  for (const item of open.items) {
    const detail = await apiAs<{ riskAssessments: unknown[] }>(server, coordinator.email, `/api/cases/${item.id}`);
    if (detail.riskAssessments.length > 0) {
      target = { ...item, count: detail.riskAssessments.length };
      break;
    }
  }
  if (!target) throw new Error('The demo seed has no open case with a risk assessment');
  const { page, context, problems } = await openAs(browser, server, coordinator.email, `#/cases/${target.id}`);
  await page.getByRole('button', { name: 'Record a new version' }).click();
  const form = page.getByRole('form', { name: 'New version of the risk assessment' });
  const domain = form.getByRole('group', { name: 'Money management' });
  await domain.getByRole('radio', { name: 'Red' }).check();
  await form.getByRole('button', { name: 'Save this version' }).click();
  // A rating needs its evidence: said on the field, and in the summary.
  await domain.getByRole('textbox', { name: 'Evidence' }).and(page.locator('[aria-invalid="true"]')).waitFor();
  await domain.getByRole('textbox', { name: 'Evidence' }).fill('Invented: rent arrears of three months, bailiffs letter seen.');
  await form.getByRole('button', { name: 'Save this version' }).click();
  await page.getByRole('status').getByText(/The new version of the risk assessment is saved/).waitFor();
  const risk = page.getByRole('region', { name: 'Risk assessment' });
  await risk.getByRole('heading', { name: `What changed from version ${target.count}` }).waitFor();
  await risk.getByText(/^Money management: .* → Red \(high\)$/).waitFor();
  const stored = await server.store.transaction((tx) => tx.find('riskAssessments', { where: [{ field: 'caseId', op: 'eq', value: target!.id }] }));
  expect(stored).toHaveLength(target.count + 1);
  expect(problems).toEqual([]);
  await context.close();
});
