import { fhirProblems } from '@meridian/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
// bypassCSP only lets the test inject axe-core; the app's own CSP is checked by the API tests.
import { seriousAxeViolations, signIn, useServerAndBrowser } from './harness.ts';

const env = useServerAndBrowser({ beforeAll, afterAll });

const inDays = (days: number) => new Date(Date.now() + days * 86_400_000).toISOString().slice(0, 10);

// Issue 5's acceptance, end to end in one story: a new patient's intake, the consultation, the plan
// with a booked visit, the summary to the primary care provider, and the plan in the patient's words.
describe('a new patient, from intake to plan, in Chromium', () => {
  it('David sends his intake; Grace Kim, NP holds the consultation, books acupuncture from the plan and signs; David reads his plan', async () => {
    // 1. David's intake: sertraline and St John's wort, no known allergies.
    const patientContext = await env.browser.newContext({ bypassCSP: true });
    const patient = await patientContext.newPage();
    await signIn(patient, env.server.url, 'david.nguyen@example.org');
    await patient.waitForURL('**/patient');
    await patient.goto(`${env.server.url}/patient/intake`);
    await patient
      .getByLabel('Why are you coming to the program?')
      .fill('Low back pain and worry that keeps me awake.');
    const first = patient.getByRole('group', { name: 'Medicine or supplement 1' });
    await first.getByLabel('Medicine or supplement name').fill('sertraline');
    await first.getByText('In our list as sertraline (medicine).').waitFor();
    await first.getByLabel('Dose', { exact: true }).fill('50 mg');
    await first.getByLabel('How often', { exact: true }).fill('daily');
    await patient.getByRole('button', { name: 'Add a medicine or supplement' }).click();
    const second = patient.getByRole('group', { name: 'Medicine or supplement 2' });
    await second.getByLabel('Medicine or supplement name').fill("St John's wort");
    await second.getByText("In our list as St John's wort (supplement).").waitFor();
    await second.getByLabel('Dose', { exact: true }).fill('300 mg');
    await second.getByLabel('How often', { exact: true }).fill('three times a day');
    await patient.getByLabel('No known allergies').check();
    await patient.getByRole('button', { name: 'Submit to my care team' }).click();
    await patient.getByRole('heading', { name: 'Your answers were sent to your care team' }).waitFor();

    // 2. The consultation: the major interaction is on screen.
    const clinicianContext = await env.browser.newContext({ bypassCSP: true });
    const page = await clinicianContext.newPage();
    await signIn(page, env.server.url, 'grace.kim@example.org');
    await page.waitForURL('**/clinician');
    await page
      .getByRole('link', { name: /Nguyen/ })
      .first()
      .click();
    await page.getByRole('heading', { level: 1, name: 'David Nguyen' }).waitFor();
    await page
      .getByRole('region', { name: 'Consultation', exact: true })
      .getByRole('button', { name: 'Start consultation' })
      .click();
    await page.waitForURL('**/consultation/**');
    const safety = page.getByRole('region', { name: 'Safety panel' });
    const major = safety.getByRole('region', { name: 'Major' });
    await major
      .getByText(/St John.s wort/i)
      .first()
      .waitFor();
    await expect(major.getByText(/sertraline/i).count()).resolves.toBeGreaterThan(0);

    // Reconciliation: both of David's entries are confirmed.
    const reconciliation = page.getByRole('region', { name: 'Medicines and supplements reconciliation' });
    for (const name of ['sertraline', "St John's wort"]) {
      await reconciliation.getByRole('button', { name: `Confirm ${name}` }).click();
      await reconciliation
        .getByRole('listitem')
        .filter({ hasText: name })
        .getByText('Confirmed', { exact: true })
        .waitFor();
    }

    // Conditions: chronic low back pain and anxiety.
    const recommendations = page.getByRole('region', { name: 'Recommendations' });
    for (const condition of ['chronic low back pain', 'anxiety']) {
      await page.getByLabel('Add a condition').fill(condition);
      await page.getByRole('button', { name: 'Record condition' }).click();
      await page.getByText(`Recorded the condition “${condition}”`, { exact: false }).waitFor();
    }
    await recommendations
      .getByText(/^For .*anxiety/i)
      .first()
      .waitFor();

    // Three recommended therapies, acupuncture among them, each with its grade and a source.
    const ranked = recommendations
      .getByRole('list', { name: 'Recommended therapies' })
      .locator(':scope > li');
    const chosen: string[] = [];
    const pick = async (name: string) => {
      const item = ranked.filter({ has: page.getByRole('checkbox', { name: `Add ${name} to plan` }) });
      await expect(item.getByText('Grade:').count()).resolves.toBe(1);
      await expect(item.locator('a[href^="https://"]').count()).resolves.toBeGreaterThan(0);
      await page.getByRole('checkbox', { name: `Add ${name} to plan` }).check();
      chosen.push(name);
    };
    await pick('Acupuncture');
    for (const item of await ranked.all()) {
      if (chosen.length === 3) break;
      const box = item.getByRole('checkbox', { name: /^Add .+ to plan$/ });
      if ((await box.isChecked()) || (await item.textContent())?.includes('Contraindicated')) continue;
      const label =
        (await box.getAttribute('aria-label')) ?? (await item.locator('label').first().textContent());
      await pick(/^Add (.+) to plan$/.exec(label ?? '')![1]!);
    }
    expect(chosen).toHaveLength(3);

    // A measurable goal and a review date.
    const plan = page.getByRole('region', { name: 'Plan', exact: true });
    await plan.getByLabel('Goal', { exact: true }).fill('Work a full day with less pain');
    await plan.getByLabel('Target', { exact: true }).fill('4');
    await plan.getByLabel('Weeks', { exact: true }).fill('12');
    await plan.getByRole('button', { name: 'Add goal' }).click();
    await plan.getByText(/Work a full day with less pain — PEG ≤ 4 by 12 weeks/).waitFor();
    await plan.getByLabel('Review date').fill(inDays(84));
    await plan.getByRole('button', { name: 'Save plan' }).click();
    await plan.getByText('The saved plan has everything it needs to be signed.').waitFor();
    expect(await seriousAxeViolations(page)).toEqual([]);

    // The first acupuncture visit, booked from the plan at David's own clinic.
    await plan.getByRole('button', { name: 'Book first visit for Acupuncture' }).click();
    const booking = page.getByRole('region', { name: 'Book the first visit: Acupuncture' });
    await expect
      .poll(() => booking.getByLabel('Service', { exact: true }).locator('option:checked').textContent())
      .toBe('Acupuncture');
    await booking
      .getByRole('region', { name: 'Free times' })
      .getByRole('button', { name: /^\d{1,2}:\d{2} (AM|PM)/ })
      .first()
      .click();
    await booking.getByRole('button', { name: 'Book this visit' }).click();
    await plan.getByText(/Booked the first visit of Acupuncture/).waitFor();

    // Signed: the letter (PDF) and the FHIR document, which validates against the R4 definitions.
    const sign = page.getByRole('region', { name: 'Sign and send' });
    await sign.getByRole('button', { name: 'Sign and send' }).click();
    const pdfLink = sign.getByRole('link', { name: /Open letter \(PDF\)/ });
    await pdfLink.waitFor();
    const pdf = await clinicianContext.request.get(
      new URL((await pdfLink.getAttribute('href'))!, env.server.url).href,
    );
    expect(pdf.headers()['content-type']).toContain('application/pdf');
    expect((await pdf.body()).subarray(0, 5).toString()).toBe('%PDF-');
    const fhirHref = await sign.getByRole('link', { name: /FHIR document/ }).getAttribute('href');
    const bundle = (await (
      await clinicianContext.request.get(new URL(fhirHref!, env.server.url).href)
    ).json()) as {
      resourceType: string;
      type: string;
    };
    expect(bundle).toMatchObject({ resourceType: 'Bundle', type: 'document' });
    expect(fhirProblems(bundle)).toEqual([]);
    await clinicianContext.close();

    // 3. David reads his plan in plain words.
    await patient.goto(`${env.server.url}/patient/plan`);
    await patient.getByRole('heading', { level: 1, name: 'My plan' }).waitFor();
    await patient.getByRole('heading', { name: 'Your goals' }).first().waitFor();
    await patient
      .getByText(/Work a full day with less pain/)
      .first()
      .waitFor();
    await patient
      .getByText(/Acupuncture/)
      .first()
      .waitFor();
    await expect(patient.getByText(/M54\.50|ICD-10/).count()).resolves.toBe(0);
    expect(await seriousAxeViolations(patient)).toEqual([]);
    await patientContext.close();
  });
});
