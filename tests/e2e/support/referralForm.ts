import type { Page } from 'playwright-core';

/** An invented adult and referral, typed into the form as a person would. */
export interface ReferralAnswers {
  name: string;
  postcode: string;
  category: string;
  reasons: string;
  support: string;
  consent: 'Consent given' | 'Consent refused';
  noConsentReason?: string;
  views: string;
}

export const inventedReferral = (name: string): ReferralAnswers => ({
  name,
  postcode: 'LU1 2AB',
  category: 'Self-neglect',
  reasons: 'Invented for a browser test: the adult has stopped opening the door to carers and the flat is cold.',
  support: 'Invented: a weekly welfare call from the council, which the adult often misses.',
  consent: 'Consent refused',
  noConsentReason: 'Invented: the adult is at risk of serious harm this winter and other agencies hold relevant information.',
  views: 'Invented: says they want to be left alone but would accept a heater.',
});

const next = (page: Page) => page.getByRole('button', { name: 'Next', exact: true }).click();
const step = (page: Page, title: string) => page.getByRole('heading', { level: 2, name: new RegExp(title) }).waitFor();

/**
 * Fills every step of the referral form and stops on "Review and submit". Without consent it first tries to move
 * on without a reason, and checks the consent rule stops it with the message on the field.
 */
export async function fillReferral(page: Page, r: ReferralAnswers): Promise<void> {
  await step(page, 'The adult');
  await page.getByRole('textbox', { name: "Adult's full name" }).fill(r.name);
  await page.getByRole('textbox', { name: 'Postcode' }).fill(r.postcode);
  await next(page);

  await step(page, 'Reasons and risks');
  await page.getByRole('group', { name: 'Risk categories' }).getByRole('checkbox', { name: r.category }).check();
  await page.getByRole('textbox', { name: 'Reasons for the referral' }).fill(r.reasons);
  await page.getByRole('radiogroup', { name: 'Are children at risk?' }).getByRole('radio', { name: 'No' }).check();
  await page.getByRole('radiogroup', { name: 'Are other adults at risk?' }).getByRole('radio', { name: 'No' }).check();
  await next(page);

  await step(page, 'Care and support');
  await page.getByRole('textbox', { name: 'Care and support in place now' }).fill(r.support);
  await next(page);

  await step(page, 'Capacity and consent');
  await page.getByRole('radio', { name: 'Capacity presumed' }).check();
  await page.getByRole('radiogroup', { name: 'Does the adult know about this referral?' }).getByRole('radio', { name: 'Yes' }).check();
  await page.getByRole('radio', { name: r.consent }).check();
  if (r.consent !== 'Consent given') {
    await next(page);
    // The consent rule: no moving on without a reason and a lawful basis, each said on its own field.
    const reason = page.getByRole('textbox', { name: 'Why the referral is made without consent' });
    await reason.and(page.locator('[aria-invalid="true"]')).waitFor();
    await page.getByRole('alert').filter({ hasText: 'There is a problem' }).waitFor();
    await reason.fill(r.noConsentReason ?? 'Invented reason.');
    await page.getByRole('button', { name: 'Use the safeguarding basis' }).click();
  }
  await next(page);

  await step(page, "Other processes and the adult's views");
  await page.getByRole('textbox', { name: "The adult's own views" }).fill(r.views);
  await page.getByRole('radiogroup', { name: 'Does the adult need an advocate?' }).getByRole('radio', { name: 'No' }).check();
  await next(page);

  await step(page, 'Review and submit');
}
