import { afterAll, beforeAll, describe, expect, it } from 'vitest';
// bypassCSP only lets the test inject axe-core; the app's own CSP is checked by the API tests.
import { callApi, seriousAxeViolations, signIn, useServerAndBrowser } from './harness.ts';

const env = useServerAndBrowser({ beforeAll, afterAll });
const patel = 'dr.patel@example.org';

/** A date some days from today, as YYYY-MM-DD. */
function daysAhead(days: number): string {
  return new Date(Date.now() + days * 86_400_000).toISOString().slice(0, 10);
}

async function mariaId(): Promise<string> {
  const { patients } = await callApi<{ patients: { id: string; mrn: string }[] }>(
    env.server.url,
    patel,
    'GET',
    '/api/patients?q=Lopez',
  );
  return patients.find((p) => p.mrn === 'MER-000101')!.id;
}

async function signedInAsPatel() {
  const context = await env.browser.newContext({ bypassCSP: true });
  const page = await context.newPage();
  await signIn(page, env.server.url, patel);
  await page.waitForURL('**/clinician');
  return { context, page };
}

describe('clinician progress and plan review in Chromium', () => {
  it("Dr Patel reviews Maria's plan from his worklist: goals, acupuncture on the chart, an adjusted plan (version 3)", async () => {
    const patientId = await mariaId();
    const progress = await callApi<{ goals: { what: string }[]; review: { version: number } }>(
      env.server.url,
      patel,
      'GET',
      `/api/patients/${patientId}/progress`,
    );
    expect(progress.review.version).toBe(2);
    const { context, page } = await signedInAsPatel();

    // Maria is in "Reviews due" on his home page, with her plan's version.
    const due = page.getByRole('region', { name: 'Reviews due' });
    const row = due.getByRole('row').filter({ hasText: 'Maria Lopez' });
    await row.getByText('Version 2').waitFor();
    await row.getByRole('link', { name: 'Maria Lopez' }).click();

    // The review screen: each goal of the plan with its status.
    await page.waitForURL(`**/clinician/patients/${patientId}/review`);
    await page.getByRole('heading', { level: 1, name: 'Plan review: Maria Lopez' }).waitFor();
    const goals = page.getByRole('table', { name: 'Progress against each goal' });
    await goals.waitFor();
    for (const goal of progress.goals) await goals.getByRole('rowheader', { name: goal.what }).waitFor();
    await expect(goals.getByRole('row').count()).resolves.toBe(progress.goals.length + 1);
    await expect(
      goals
        .getByRole('cell')
        .filter({ hasText: /^(Met|On track|Off track|No data)$/ })
        .count(),
    ).resolves.toBe(progress.goals.length);
    await page.getByText(/^Clinically important fall in pain: −\d+(\.\d)? points \(−\d+%\)/).waitFor();

    // Her five acupuncture sessions are marked on the pain chart, and listed in its table.
    const pain = page.getByRole('region', { name: 'Pain', exact: true });
    // Recharts draws the marks' labels as SVG text in a layer of their own.
    const marks = pain.locator('svg text.recharts-label').filter({ hasText: /^Acupuncture$/ });
    await marks.first().waitFor();
    await expect(marks.count()).resolves.toBe(5);
    await pain.getByRole('button', { name: 'Show the table: Pain by day' }).click();
    const byDay = pain.getByRole('table', { name: 'Pain by day' });
    await expect(byDay.getByRole('row').filter({ hasText: 'Acupuncture' }).count()).resolves.toBe(5);
    await byDay.getByRole('row').filter({ hasText: 'Plan v2' }).waitFor();
    await expect(
      page
        .getByRole('table', { name: 'Attended sessions' })
        .getByRole('cell', { name: 'Acupuncture' })
        .count(),
    ).resolves.toBe(5);
    expect(await seriousAxeViolations(page)).toEqual([]);

    // The review adjusts the plan: a later review date and two more acupuncture sessions.
    const form = page.getByRole('region', { name: 'End the review of version 2' });
    await form.getByLabel('Adjust the plan').check();
    const sessions = form.getByLabel('Sessions of Acupuncture');
    const before = Number(await sessions.inputValue());
    await sessions.fill(String(before + 2));
    await form.getByLabel('Review date').fill(daysAhead(42));
    expect(await seriousAxeViolations(page)).toEqual([]);
    await form.getByRole('button', { name: 'Save review' }).click();
    await form.getByText('Write what the review found (at least 3 characters).').waitFor();
    const note =
      'Pain down by more than 2 points since acupuncture began; two more sessions, review in six weeks.';
    await form.getByLabel('Review note').fill(note);
    await form.getByRole('button', { name: 'Save review' }).click();
    await page.getByRole('status').filter({ hasText: 'Version 3 created' }).waitFor();
    await page.getByText('Version 2 was reviewed and adjusted; version 3 is now the current plan.').waitFor();

    // The patient page: the plan's history has version 3 from the review, and no review is due.
    await page.getByRole('link', { name: '← Back to the patient record' }).first().click();
    await page.getByRole('heading', { level: 1, name: 'Maria Lopez' }).waitFor();
    const plan = page.getByRole('region', { name: 'Plan', exact: true });
    await plan.getByRole('heading', { name: 'Current plan: version 3' }).waitFor();
    const history = plan.getByRole('table');
    const v3 = history.getByRole('row').filter({ hasText: `Review: ${note}` });
    await v3.getByRole('rowheader', { name: '3 (current)' }).waitFor();
    await expect(v3.getByText(/Acupuncture/).count()).resolves.toBeGreaterThan(0);

    const section = page.getByRole('region', { name: 'Progress', exact: true });
    await section.getByText('No review is due yet.', { exact: false }).waitFor();
    await section.getByRole('link', { name: 'Review now' }).waitFor();
    await expect(section.getByRole('link', { name: 'Review plan' }).count()).resolves.toBe(0);
    const chart = section.getByRole('region', { name: 'Pain', exact: true });
    await expect(
      chart
        .locator('svg text.recharts-label')
        .filter({ hasText: /^Acupuncture$/ })
        .count(),
    ).resolves.toBe(5);
    await chart
      .locator('svg text.recharts-label')
      .filter({ hasText: /^Plan v3$/ })
      .waitFor();
    await chart.getByRole('button', { name: 'Show the table: Pain by day' }).click();
    await section.getByRole('table', { name: 'Pain by day' }).waitFor();
    await section.getByRole('button', { name: 'Show the table: PHQ-9 scores' }).click();
    await section.getByRole('table', { name: 'PHQ-9 scores' }).getByText('moderate').first().waitFor();
    await section.getByRole('button', { name: 'Show the table: Sleep by day' }).click();
    await section.getByRole('table', { name: 'Sleep by day' }).waitFor();
    expect(await seriousAxeViolations(page)).toEqual([]);

    // And the worklist no longer lists her.
    await page.getByRole('link', { name: '← Back to your patients' }).click();
    await page.getByRole('region', { name: 'Reviews due' }).getByText('No reviews due').waitFor();
    await context.close();
  });

  it('refuses a review of a version that is no longer the latest, then confirms the latest', async () => {
    const patientId = await mariaId();
    const { context, page } = await signedInAsPatel();
    await page.goto(`${env.server.url}/clinician/patients/${patientId}/review`);
    const form = page.getByRole('region', { name: /^End the review of version \d+$/ });
    await form.waitFor();
    const reviewed = Number(/(\d+)$/.exec((await form.getByRole('heading').first().textContent()) ?? '')![1]);
    await form.getByLabel('Confirm the plan as it is').check();
    await form.getByLabel('Review note').fill('Going well; no change.');

    // Meanwhile a colleague saves a new version.
    const current = await callApi<{ plan: { shown: { content: Record<string, unknown> } } }>(
      env.server.url,
      patel,
      'GET',
      `/api/patients/${patientId}/care-plan`,
    );
    await callApi(env.server.url, patel, 'POST', `/api/patients/${patientId}/care-plan/versions`, {
      content: { ...current.plan.shown.content, reviewDate: daysAhead(56) },
      reason: 'Review moved a little later.',
      basedOn: reviewed,
    });

    await form.getByRole('button', { name: 'Save review' }).click();
    const conflict = page.getByRole('alert').filter({ hasText: 'The plan changed since this review began' });
    await conflict.getByText(`version ${reviewed + 1} is now the latest`, { exact: false }).waitFor();
    expect(await seriousAxeViolations(page)).toEqual([]);
    await conflict.getByRole('button', { name: 'Reload the latest plan' }).click();

    const latest = page.getByRole('region', { name: `End the review of version ${reviewed + 1}` });
    await latest.getByLabel('Confirm the plan as it is').check();
    await latest.getByLabel('Review note').fill('Going well; no change.');
    await latest.getByRole('button', { name: 'Save review' }).click();
    await page.getByRole('status').filter({ hasText: 'Plan confirmed' }).waitFor();
    await page.getByText(`Version ${reviewed + 1} was reviewed and stays the current plan.`).waitFor();
    await page
      .getByRole('table', { name: 'Earlier reviews of the plan, newest first' })
      .getByText(`Confirmed version ${reviewed + 1}`)
      .waitFor();
    await context.close();
  });
});
