/** @jest-environment jsdom */
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import ReferralPage from '../../tabs/src/pages/refer/ReferralPage';
import { SAFEGUARDING_BASIS, STEPS, emptyReferral, referralBody, validateReferral, type ReferralForm } from '../../tabs/src/pages/refer/referralModel';
import { type Call, caseRecord, fakeServer, partnerMe, renderTab } from './support/renderTab';

// The referral form's validation: required answers, the consent rule, and the server's field errors, each shown on
// its own field (aria-invalid, and the message tied to the control by aria-describedby).

const STORAGE_KEY = `riskpanel.referral.${partnerMe.member.id}.new`;

/** A complete referral made without consent, as the form holds it. */
const complete = (): ReferralForm => ({
  ...emptyReferral(),
  adult: { name: 'Ursula Invented Vane', dateOfBirth: '1950-03-04', address: '1 Invented Row', postcode: 'LU1 2AB', nhsNumber: '' },
  riskCategories: ['self_neglect', 'hoarding'],
  reasons: 'Invented reasons.',
  childrenAtRisk: 'no',
  otherAdultsAtRisk: 'no',
  currentSupport: 'Invented support.',
  capacity: 'presumed',
  adultAware: 'yes',
  consent: 'refused',
  noConsentReason: 'Invented: serious risk of harm.',
  lawfulBasis: SAFEGUARDING_BASIS,
  adultViews: 'Invented views.',
  advocacyNeeded: 'no',
});

/** Starts the form where a user left it (the tab keeps the form in sessionStorage). */
function resumeAt(form: ReferralForm, step: number) {
  window.sessionStorage.setItem(STORAGE_KEY, JSON.stringify({ form, step, savedAt: new Date().toISOString() }));
}

/** The message(s) tied to a control by aria-describedby. */
function descriptionOf(element: HTMLElement): string {
  return (element.getAttribute('aria-describedby') ?? '')
    .split(/\s+/)
    .filter(Boolean)
    .map((id) => document.getElementById(id)?.textContent ?? '')
    .join(' ');
}

function expectInvalid(element: HTMLElement, message: string | RegExp) {
  expect(element.getAttribute('aria-invalid')).toBe('true');
  expect(descriptionOf(element)).toMatch(message);
}

beforeEach(() => {
  window.sessionStorage.clear();
  window.location.hash = '#/refer';
});

test('each step asks for its required answers, on the fields, before moving on', async () => {
  fakeServer(() => undefined);
  const user = userEvent.setup();
  renderTab(<ReferralPage />);

  await user.click(screen.getByRole('button', { name: 'Next' }));
  const name = screen.getByRole('textbox', { name: "Adult's full name" });
  expectInvalid(name, "Enter the adult's full name.");
  // The summary lists it, takes focus, and its link leads to the field.
  const summary = screen.getByRole('alert', { name: 'There is a problem' });
  expect(document.activeElement).toBe(summary);
  await user.click(within(summary).getByRole('button', { name: /Adult's full name/ }));
  expect(document.activeElement).toBe(name);

  // A malformed optional answer is refused too; a fixed answer loses its message as it is typed.
  await user.type(screen.getByRole('textbox', { name: 'Postcode' }), 'LU99');
  await user.type(name, 'Ursula Invented Vane');
  expect(name.getAttribute('aria-invalid')).toBeNull();
  await user.click(screen.getByRole('button', { name: 'Next' }));
  expectInvalid(screen.getByRole('textbox', { name: 'Postcode' }), 'Enter a UK postcode, like LU1 2AB.');
  await user.clear(screen.getByRole('textbox', { name: 'Postcode' }));
  await user.click(screen.getByRole('button', { name: 'Next' }));

  // Step 2: every question unanswered is named, each on its own control.
  await screen.findByRole('heading', { level: 2, name: /Reasons and risks/ });
  await user.click(screen.getByRole('button', { name: 'Next' }));
  expect(descriptionOf(screen.getByRole('group', { name: /Risk categories/ }))).toMatch('Choose at least one risk category.');
  expectInvalid(screen.getByRole('textbox', { name: 'Reasons for the referral' }), 'Say why you are referring the adult.');
  expectInvalid(screen.getByRole('radiogroup', { name: 'Are children at risk?' }), 'Say whether children are at risk.');
  // The step list marks the step that needs answers.
  expect(screen.getByRole('button', { name: /^2\. Reasons and risks \(needs an answer\)/ }).getAttribute('aria-current')).toBe('step');
});

test('the consent rule: without consent, a reason and a lawful basis are required; with consent, neither', async () => {
  fakeServer(() => undefined);
  const user = userEvent.setup();
  resumeAt({ ...complete(), consent: '', noConsentReason: '', lawfulBasis: '' }, STEPS.findIndex((s) => s.key === 'consent'));
  renderTab(<ReferralPage />);
  await screen.findByRole('heading', { level: 2, name: /Capacity and consent/ });

  await user.click(screen.getByRole('button', { name: 'Next' }));
  expectInvalid(screen.getByRole('radiogroup', { name: "The adult's consent to the referral" }), "Choose whether the adult has consented.");

  await user.click(screen.getByRole('radio', { name: 'Consent refused' }));
  await user.click(screen.getByRole('button', { name: 'Next' }));
  expectInvalid(screen.getByRole('textbox', { name: 'Why the referral is made without consent' }), /record why the referral is shared anyway/);
  expectInvalid(screen.getByRole('textbox', { name: 'Lawful basis for sharing without consent' }), /lawful basis for sharing/);

  await user.click(screen.getByRole('button', { name: 'Use the safeguarding basis' }));
  expect((screen.getByRole('textbox', { name: 'Lawful basis for sharing without consent' }) as HTMLTextAreaElement).value).toBe(SAFEGUARDING_BASIS);
  await user.click(screen.getByRole('button', { name: 'Next' }));
  // Still the reason.
  expectInvalid(screen.getByRole('textbox', { name: 'Why the referral is made without consent' }), /record why/);

  // With consent, the reason and basis are neither asked nor sent.
  await user.click(screen.getByRole('radio', { name: 'Consent given' }));
  expect(screen.queryByRole('textbox', { name: 'Why the referral is made without consent' })).toBeNull();
  await user.click(screen.getByRole('button', { name: 'Next' }));
  await screen.findByRole('heading', { level: 2, name: /Other processes and the adult's views/ });

  // The same rule, as a function: the server's words (src/domain/rules.ts consentProblems).
  expect(Object.keys(validateReferral({ ...complete(), noConsentReason: '', lawfulBasis: '' }, 'submit')).sort()).toEqual(['lawfulBasis', 'noConsentReason']);
  expect(validateReferral({ ...complete(), consent: 'given', noConsentReason: '', lawfulBasis: '' }, 'submit')).toEqual({});
  expect(referralBody({ ...complete(), consent: 'given' })).not.toHaveProperty('lawfulBasis');
  // A draft needs only the name.
  expect(validateReferral({ ...emptyReferral(), adult: { ...emptyReferral().adult, name: 'Someone Invented' } }, 'draft')).toEqual({});
});

test("the server's field errors land on the fields they name, on whichever step holds them", async () => {
  let answer: 'refuse' | 'accept' = 'refuse';
  const calls: Call[] = fakeServer((call) => {
    if (call.method !== 'POST' || call.url !== '/api/referrals') return undefined;
    if (answer === 'accept') return { status: 201, body: caseRecord() };
    return {
      status: 400,
      body: {
        type: 'about:blank', title: 'Invalid input', status: 400, detail: 'adult.postcode: must be a UK postcode; lawfulBasis: must be at most 500 characters',
        errors: [
          { field: 'adult.postcode', message: 'must be a UK postcode' },
          { field: 'lawfulBasis', message: 'must be at most 500 characters' },
        ],
      },
    };
  });
  const user = userEvent.setup();
  resumeAt(complete(), STEPS.length - 1);
  renderTab(<ReferralPage />);
  await screen.findByRole('heading', { level: 2, name: /Review and submit/ });

  await user.click(screen.getByRole('button', { name: 'Submit referral' }));
  // Sent as typed (blanks left out).
  const sent = calls.find((c) => c.url === '/api/referrals')!.body as Record<string, unknown>;
  expect(sent).toMatchObject({ adult: { name: 'Ursula Invented Vane', postcode: 'LU1 2AB' }, consent: 'refused', lawfulBasis: SAFEGUARDING_BASIS, childrenAtRisk: false });
  expect(sent.adult).not.toHaveProperty('nhsNumber');

  // The first field named is on step 1: the form goes there, and the field carries the server's message.
  await screen.findByRole('heading', { level: 2, name: /The adult/ });
  expectInvalid(screen.getByRole('textbox', { name: 'Postcode' }), 'This must be a UK postcode.');
  const summary = screen.getByRole('alert', { name: 'There is a problem' });
  within(summary).getByRole('button', { name: /Postcode: This must be a UK postcode\./ });
  // The other is on step 4: its link goes there and to the field.
  await user.click(within(summary).getByRole('button', { name: /Lawful basis for sharing without consent/ }));
  await screen.findByRole('heading', { level: 2, name: /Capacity and consent/ });
  const basis = screen.getByRole('textbox', { name: 'Lawful basis for sharing without consent' });
  await waitFor(() => expect(document.activeElement).toBe(basis));
  expectInvalid(basis, 'This must be at most 500 characters.');

  // Accepted the second time: the page says so, and the kept copy is gone.
  answer = 'accept';
  await user.click(screen.getByRole('button', { name: /^6\. Review and submit/ }));
  await user.click(screen.getByRole('button', { name: 'Submit referral' }));
  await screen.findByRole('heading', { level: 1, name: 'Referral INV-2026-0042 submitted' });
  expect(window.sessionStorage.getItem(STORAGE_KEY)).toBeNull();
});

test('a lost connection keeps the referral, says so, and offers to try again', async () => {
  let online = false;
  fakeServer((call) => (call.url === '/api/referrals' ? (online ? { status: 201, body: caseRecord({ id: 'c', ref: 'INV-2026-0043' }) } : 'network-error') : undefined));
  const user = userEvent.setup();
  resumeAt(complete(), STEPS.length - 1);
  renderTab(<ReferralPage />);
  await user.click(await screen.findByRole('button', { name: 'Submit referral' }));

  const noticeOf = () => screen.queryAllByRole('alert').find((a) => /Your referral was not sent: no connection/.test(a.textContent ?? ''));
  await waitFor(() => expect(noticeOf()).toBeDefined());
  const notice = noticeOf()!;
  expect(notice.textContent).toMatch('Everything you typed is still here');
  // Nothing lost: on screen and in the tab's storage.
  screen.getByText('Ursula Invented Vane');
  expect(JSON.parse(window.sessionStorage.getItem(STORAGE_KEY)!).form.adult.name).toBe('Ursula Invented Vane');

  online = true;
  await user.click(within(notice).getByRole('button', { name: 'Try again' }));
  await screen.findByRole('heading', { level: 1, name: 'Referral INV-2026-0043 submitted' });
});
