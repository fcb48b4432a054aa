import type { Browser } from 'playwright-core';
import { launchBrowser } from './support/browser';
import { fillReferral, inventedReferral } from './support/referralForm';
import { navigateTo, openAs, openTab, registerRows, signInAs } from './support/tabPage';
import { type PersonaItem, type TabServer, personas, startTabServer } from './support/tabServer';

// The referral form in Chromium against the real server: submitting, drafts, and a connection lost on the way.
jest.setTimeout(90_000);

let server: TabServer;
let browser: Browser;
let coordinator: PersonaItem;
let partner: PersonaItem;

beforeAll(async () => {
  server = await startTabServer();
  browser = await launchBrowser();
  const all = await personas(server);
  coordinator = all.find((p) => p.roles.includes('coordinator'))!;
  partner = all.find((p) => p.name === 'Alex Brightwater') ?? all.find((p) => p.roles.includes('partner'))!;
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

const storedByName = async (name: string) =>
  (await server.store.transaction((tx) => tx.find('cases'))).filter((c) => c.adult.name === name);

test('a partner submits a referral, then finds it in the register, and the coordinator finds it in the screening queue', async () => {
  const name = 'Quentin Invented Xylander';
  const { page, context, problems } = await openTab(browser, server);
  await signInAs(page, partner.name);
  await navigateTo(page, 'Refer an adult', 'Refer an adult');
  await fillReferral(page, inventedReferral(name));

  // The review shows every answer before it goes.
  await page.getByRole('region', { name: 'The adult' }).getByText(name).waitFor();
  await page.getByRole('button', { name: 'Submit referral' }).click();
  const done = page.getByRole('heading', { level: 1, name: /^Referral .+ submitted$/ });
  await done.waitFor();
  const ref = /^Referral (.+) submitted$/.exec((await done.textContent()) ?? '')![1]!;

  const [stored] = await storedByName(name);
  expect(stored).toMatchObject({ ref, status: 'submitted', initials: 'Q.I.X.', consent: 'refused', riskCategories: ['self_neglect'], childrenAtRisk: false });
  expect(stored!.lawfulBasis).toMatch(/Schedule 1 paragraph 18/);
  expect(stored!.adult.postcode).toBe('LU1 2AB');

  // In the partner's register, by its reference.
  await navigateTo(page, 'Register', 'Case register');
  await page.getByRole('searchbox', { name: 'Search by reference or initials' }).fill(ref);
  await page.getByRole('status').filter({ hasText: 'Showing 1 of 1 case.' }).waitFor();
  await expect(registerRows(page).locator('td:first-child a').allTextContents()).resolves.toEqual([ref]);
  await expect(registerRows(page).locator('td:nth-child(3)').textContent()).resolves.toBe('Submitted');
  expect(problems).toEqual([]);
  await context.close();

  // In the coordinator's screening queue, with what they can do about it.
  const coord = await openAs(browser, server, coordinator.email, '#/screening');
  await coord.page.getByRole('heading', { level: 1, name: 'Screening queue' }).waitFor();
  const item = coord.page.getByRole('listitem', { name: ref });
  await item.waitFor();
  await item.getByText('Q.I.X.').waitFor();
  await item.getByRole('button', { name: `Request information about ${ref}` }).waitFor();
  expect(coord.problems).toEqual([]);
  await coord.context.close();
});

test('a lost connection during submission keeps everything typed, says so, and lets the user try again', async () => {
  const name = 'Rosalind Invented Quayle';
  const { page, context, problems } = await openAs(browser, server, partner.email, '#/refer');
  await page.getByRole('heading', { level: 1, name: 'Refer an adult' }).waitFor();
  await fillReferral(page, inventedReferral(name));

  // The network drops the submission.
  let attempts = 0;
  await page.route('**/api/referrals', (route) => {
    attempts += 1;
    return route.abort('internetdisconnected');
  });
  await page.getByRole('button', { name: 'Submit referral' }).click();
  const alert = page.getByRole('alert').filter({ hasText: 'Your referral was not sent: no connection' });
  await alert.waitFor();
  await alert.getByText('Everything you typed is still here').waitFor();
  expect(attempts).toBe(1);
  await expect(storedByName(name)).resolves.toEqual([]);
  // Still on the review, with the answers.
  await page.getByRole('heading', { level: 2, name: /Review and submit/ }).waitFor();
  await page.getByRole('region', { name: 'The adult' }).getByText(name).waitFor();

  // A reload (or a closed laptop lid) does not lose it either: the tab kept it.
  await page.reload();
  await page.getByText('Your referral is as you left it').waitFor();
  await page.getByRole('heading', { level: 2, name: /Review and submit/ }).waitFor();
  await page.getByRole('button', { name: /^1\. The adult/ }).click();
  await expect(page.getByRole('textbox', { name: "Adult's full name" }).inputValue()).resolves.toBe(name);
  await page.getByRole('button', { name: /^6\. Review and submit/ }).click();

  // Still offline: the retry says so again; back online, it goes.
  await page.getByRole('button', { name: 'Submit referral' }).click();
  await alert.waitFor();
  expect(attempts).toBe(2);
  await page.unroute('**/api/referrals');
  await alert.getByRole('button', { name: 'Try again' }).click();
  await page.getByRole('heading', { level: 1, name: /^Referral .+ submitted$/ }).waitFor();
  await expect(storedByName(name)).resolves.toHaveLength(1);

  // Sent: the kept copy is gone, so the form starts empty again, even after a reload.
  await page.reload();
  await page.getByRole('heading', { level: 1, name: 'Refer an adult' }).waitFor();
  await expect(page.getByRole('textbox', { name: "Adult's full name" }).inputValue()).resolves.toBe('');
  // The aborted requests were the test's doing: anything else the browser reported is a fault.
  expect(problems.filter((p) => !/ERR_INTERNET_DISCONNECTED|Failed to load resource/.test(p))).toEqual([]);
  await context.close();
});

test('a referral saved as a draft is kept for its author, who finishes and submits it later', async () => {
  const name = 'Tobias Invented Umber';
  const { page, context, problems } = await openAs(browser, server, partner.email, '#/refer');
  await page.getByRole('heading', { level: 1, name: 'Refer an adult' }).waitFor();

  // Only the name is needed for a draft; a malformed postcode is still refused, on its field.
  await page.getByRole('textbox', { name: 'Postcode' }).fill('NOT A POSTCODE');
  await page.getByRole('button', { name: 'Save as draft' }).click();
  await page.getByRole('textbox', { name: "Adult's full name" }).and(page.locator('[aria-invalid="true"]')).waitFor();
  await page.getByRole('textbox', { name: 'Postcode' }).and(page.locator('[aria-invalid="true"]')).waitFor();
  await page.getByRole('textbox', { name: "Adult's full name" }).fill(name);
  await page.getByRole('textbox', { name: 'Postcode' }).fill('LU2 0AA');
  await page.getByRole('button', { name: 'Save as draft' }).click();
  await page.getByRole('status').getByText(/^Draft .+ saved at/).waitFor();
  const [draft] = await storedByName(name);
  expect(draft).toMatchObject({ status: 'draft', adult: { name, postcode: 'LU2 0AA' } });
  await context.close();

  // Later, from the draft's own page: the form opens with what was saved.
  const later = await openAs(browser, server, partner.email, `#/cases/${draft!.id}`);
  await later.page.getByRole('link', { name: 'Continue this draft' }).click();
  await later.page.getByRole('heading', { level: 1, name: `Referral ${draft!.ref} (draft)` }).waitFor();
  await expect(later.page.getByRole('textbox', { name: "Adult's full name" }).inputValue()).resolves.toBe(name);
  await fillReferral(later.page, { ...inventedReferral(name), postcode: 'LU2 0AA', consent: 'Consent given' });
  await later.page.getByRole('button', { name: 'Submit referral' }).click();
  await later.page.getByRole('heading', { level: 1, name: `Referral ${draft!.ref} submitted` }).waitFor();
  const [submitted] = await storedByName(name);
  expect(submitted).toMatchObject({ id: draft!.id, status: 'submitted', consent: 'given' });
  expect(submitted!.lawfulBasis).toBeUndefined();
  expect([...problems, ...later.problems]).toEqual([]);
  await later.context.close();
});
