import { afterAll, beforeAll, describe, expect, it } from 'vitest';
// bypassCSP only lets the test inject axe-core; the app's own CSP is checked by the API tests.
import { callApi, seriousAxeViolations, signIn, useServerAndBrowser } from './harness.ts';

const env = useServerAndBrowser({ beforeAll, afterAll });

/** A date some days from today, as YYYY-MM-DD. */
function daysAhead(days: number): string {
  return new Date(Date.now() + days * 86_400_000).toISOString().slice(0, 10);
}

async function mariaId(): Promise<string> {
  const { patients } = await callApi<{ patients: { id: string; mrn: string }[] }>(
    env.server.url,
    'dr.patel@example.org',
    'GET',
    '/api/patients?q=Lopez',
  );
  return patients.find((p) => p.mrn === 'MER-000101')!.id;
}

async function openMariaAsPatel() {
  const context = await env.browser.newContext({ bypassCSP: true });
  const page = await context.newPage();
  await signIn(page, env.server.url, 'dr.patel@example.org');
  await page.waitForURL('**/clinician');
  await page.getByRole('link', { name: /Lopez/ }).first().click();
  await page.getByRole('heading', { level: 1, name: 'Maria Lopez' }).waitFor();
  return { context, page };
}

describe('the consultation workspace in Chromium', () => {
  it('Dr Patel holds a consultation for Maria: safety, a new condition, three therapies, a goal, a booked visit, signed and sent', async () => {
    const context = await env.browser.newContext({ bypassCSP: true });
    const page = await context.newPage();
    await signIn(page, env.server.url, 'dr.patel@example.org');
    await page.waitForURL('**/clinician');
    await page.getByRole('link', { name: /Lopez/ }).first().click();

    // Maria's record: her plan so far, and a consultation to start.
    const consultation = page.getByRole('region', { name: 'Consultation', exact: true });
    await consultation.getByRole('button', { name: 'Start consultation' }).click();
    await page.waitForURL('**/consultation/**');
    await page.getByRole('heading', { level: 1, name: 'Consultation: Maria Lopez' }).waitFor();
    await page.getByText('Meridian is decision support for professionals, not medical advice.').waitFor();

    // The intake in her words, with the screens scored.
    const intake = page.getByRole('region', { name: 'Intake summary' });
    await intake.getByText('PHQ-2 (depression)').waitFor();
    await expect(intake.getByText(/^(Positive|Negative)$/).count()).resolves.toBeGreaterThanOrEqual(2);

    // The major St John's wort + sertraline finding, with its sources.
    const safety = page.getByRole('region', { name: 'Safety panel' });
    const major = safety.getByRole('region', { name: 'Major' });
    await major
      .getByText(/St John.s wort/i)
      .first()
      .waitFor();
    await expect(major.getByText(/sertraline/i).count()).resolves.toBeGreaterThan(0);
    await expect(safety.locator('a[href^="https://"]').count()).resolves.toBeGreaterThan(0);

    // Anxiety is recorded; the recommendations now speak for it too.
    const recommendations = page.getByRole('region', { name: 'Recommendations' });
    await page.getByLabel('Add a condition').fill('anxiety');
    await page.getByRole('button', { name: 'Record condition' }).click();
    await page.getByText('Recorded the condition “anxiety”', { exact: false }).waitFor();
    await recommendations.getByText(/^For .*anxiety/i).waitFor();

    // Three recommended therapies not yet in the plan, each with its grade and a source.
    const ranked = recommendations
      .getByRole('list', { name: 'Recommended therapies' })
      .locator(':scope > li');
    const added: string[] = [];
    for (const item of await ranked.all()) {
      if (added.length === 3) break;
      const box = item.getByRole('checkbox', { name: /^Add .+ to plan$/ });
      if (await box.isChecked()) continue;
      if ((await item.textContent())?.includes('Contraindicated')) continue;
      await expect(item.getByText('Grade:').count()).resolves.toBe(1);
      await expect(item.locator('a[href^="https://"]').count()).resolves.toBeGreaterThan(0);
      const label =
        (await box.getAttribute('aria-label')) ?? (await item.locator('label').first().textContent());
      const name = /^Add (.+) to plan$/.exec(label ?? '')?.[1];
      expect(name).toMatch(/^[A-Z]/);
      await page.getByRole('checkbox', { name: `Add ${name} to plan` }).check();
      added.push(name!);
    }
    expect(added).toHaveLength(3);
    const plan = page.getByRole('region', { name: 'Plan', exact: true });
    for (const name of added) await plan.getByText(name, { exact: true }).waitFor();

    // A measurable goal, with its preview, and a review date.
    await plan.getByLabel('Goal', { exact: true }).fill('Work a full day with less pain');
    await plan.getByLabel('Target', { exact: true }).fill('4');
    await plan.getByLabel('Weeks', { exact: true }).fill('12');
    await plan.getByText('Preview: PEG ≤ 4 by 12 weeks').waitFor();
    await plan.getByRole('button', { name: 'Add goal' }).click();
    await plan.getByText(/Work a full day with less pain — PEG ≤ 4 by 12 weeks/).waitFor();
    await plan.getByLabel('Review date').fill(daysAhead(70));
    await plan.getByRole('button', { name: 'Save plan' }).click();
    await plan.getByText(/^Saved at /).waitFor();
    await plan.getByText('The saved plan has everything it needs to be signed.').waitFor();

    expect(await seriousAxeViolations(page)).toEqual([]);

    // The first acupuncture visit is booked from the plan.
    await plan.getByRole('button', { name: 'Book first visit for Acupuncture' }).click();
    const booking = page.getByRole('region', { name: 'Book the first visit: Acupuncture' });
    await booking.getByLabel('Service', { exact: true }).selectOption({ label: 'Acupuncture' });
    const slot = booking
      .getByRole('region', { name: 'Free times' })
      .getByRole('button', { name: /^\d{1,2}:\d{2} (AM|PM)/ })
      .first();
    await slot.click();
    await booking.getByRole('button', { name: 'Book this visit' }).click();
    await plan.getByText(/Booked the first visit of Acupuncture/).waitFor();

    // Signed and sent by fax; the letter and the FHIR document are served.
    const sign = page.getByRole('region', { name: 'Sign and send' });
    await expect(
      sign.getByLabel('Send summary to primary care provider via').locator('option:checked').textContent(),
    ).resolves.toBe('Fax');
    await sign.getByRole('button', { name: 'Sign and send' }).click();
    const pdfLink = sign.getByRole('link', { name: /Open letter \(PDF\)/ });
    await pdfLink.waitFor();
    await sign.getByRole('link', { name: /Open letter \(HTML\)/ }).waitFor();
    const pdf = await context.request.get(
      new URL((await pdfLink.getAttribute('href'))!, env.server.url).href,
    );
    expect(pdf.status()).toBe(200);
    expect(pdf.headers()['content-type']).toContain('application/pdf');
    const fhirHref = await sign.getByRole('link', { name: /FHIR document/ }).getAttribute('href');
    const fhir = await context.request.get(new URL(fhirHref!, env.server.url).href);
    expect(fhir.status()).toBe(200);
    const bundle = (await fhir.json()) as { resourceType: string; type: string };
    expect(bundle.resourceType).toBe('Bundle');
    expect(bundle.type).toBe('document');
    expect(await seriousAxeViolations(page)).toEqual([]);

    // Back on the record: the plan's new version with what changed, and the letter among the past consultations.
    await page.getByRole('link', { name: '← Back to the patient record' }).click();
    const planSection = page.getByRole('region', { name: 'Plan', exact: true });
    await planSection.getByRole('heading', { name: 'Current plan: version 3' }).waitFor();
    const history = planSection.getByRole('table');
    await history.getByText(`Therapy added: ${added[0]}`, { exact: false }).waitFor();
    await planSection.getByRole('button', { name: 'View version 1' }).click();
    await planSection.getByRole('heading', { name: /^Version 1 \(an older version/ }).waitFor();
    await expect(
      page
        .getByRole('region', { name: 'Past consultations' })
        .getByRole('link', { name: /Letter \(PDF\)/ })
        .count(),
    ).resolves.toBe(2);
    expect(await seriousAxeViolations(page)).toEqual([]);
    await context.close();
  });

  it('will not sign while a patient-reported supplement is unconfirmed, and signs once it is confirmed', async () => {
    // Maria adds a supplement in the portal: it waits for reconciliation.
    const patientId = await mariaId();
    await callApi(env.server.url, 'maria.lopez@example.org', 'POST', `/api/patients/${patientId}/regimen`, {
      category: 'supplement',
      text: 'magnesium',
      dose: '200 mg',
      frequency: 'at night',
    });
    const { context, page } = await openMariaAsPatel();
    await page.getByRole('button', { name: 'Start consultation' }).click();
    await page.waitForURL('**/consultation/**');
    const reconciliation = page.getByRole('region', { name: 'Medicines and supplements reconciliation' });
    const magnesium = reconciliation.getByRole('listitem').filter({ hasText: 'magnesium' });
    await magnesium.getByText('Reported by patient — not verified').waitFor();
    await magnesium.getByText('Supplement: 200 mg, at night').waitFor();

    // The plan carried over is complete, so signing stops only at the reconciliation, with the server's words.
    const sign = page.getByRole('region', { name: 'Sign and send' });
    await sign.getByRole('button', { name: 'Sign and send' }).click();
    await sign
      .getByRole('alert')
      .getByText(/Reconcile the medicines and supplements first.*magnesium/)
      .waitFor();
    expect(await seriousAxeViolations(page)).toEqual([]);

    await reconciliation.getByRole('button', { name: 'Confirm magnesium' }).click();
    await magnesium.getByText('Confirmed', { exact: true }).waitFor();
    await reconciliation.getByText('Every medicine and supplement has been confirmed.').waitFor();
    await sign.getByRole('button', { name: 'Sign and send' }).click();
    await sign.getByRole('link', { name: /Open letter \(PDF\)/ }).waitFor();
    await context.close();
  });

  it('adjusts the plan with a reason, and says clearly when someone else changed it first', async () => {
    const patientId = await mariaId();
    const { context, page } = await openMariaAsPatel();
    const plan = page.getByRole('region', { name: 'Plan', exact: true });
    const heading = plan.getByRole('heading', { name: /^Current plan: version \d+$/ });
    const before = Number(/\d+$/.exec((await heading.textContent()) ?? '')![0]);
    await plan.getByRole('button', { name: 'Adjust plan' }).click();
    await plan.getByRole('heading', { name: `Adjust plan (editing version ${before})` }).waitFor();
    await plan.getByLabel('Review date').fill(daysAhead(90));
    await plan.getByLabel('Reason for the change').fill('Review moved after the first acupuncture visits.');

    // Meanwhile a colleague saves a new version.
    const current = await callApi<{ plan: { shown: { content: Record<string, unknown> } } }>(
      env.server.url,
      'dr.patel@example.org',
      'GET',
      `/api/patients/${patientId}/care-plan`,
    );
    await callApi(
      env.server.url,
      'dr.patel@example.org',
      'POST',
      `/api/patients/${patientId}/care-plan/versions`,
      {
        content: { ...current.plan.shown.content, reviewDate: daysAhead(60) },
        reason: 'Review brought forward.',
        basedOn: before,
      },
    );

    await plan.getByRole('button', { name: 'Save new version' }).click();
    const conflict = plan.getByRole('alert').filter({ hasText: 'The plan changed while you were editing' });
    await conflict.getByText(`version ${before + 1} is now the latest`, { exact: false }).waitFor();
    expect(await seriousAxeViolations(page)).toEqual([]);
    await conflict.getByRole('button', { name: 'Load the latest version' }).click();
    await plan.getByRole('heading', { name: `Current plan: version ${before + 1}` }).waitFor();

    await plan.getByRole('button', { name: 'Adjust plan' }).click();
    await plan.getByLabel('Review date').fill(daysAhead(90));
    await plan.getByLabel('Reason for the change').fill('Review moved after the first acupuncture visits.');
    await plan.getByRole('button', { name: 'Save new version' }).click();
    await plan.getByText(`Version ${before + 2} is now the current plan.`).waitFor();
    await plan.getByRole('heading', { name: `Current plan: version ${before + 2}` }).waitFor();
    await plan.getByRole('table').getByText('Review moved after the first acupuncture visits.').waitFor();
    await context.close();
  });
});
