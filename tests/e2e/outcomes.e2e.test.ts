import { afterAll, beforeAll, describe, expect, it } from 'vitest';
// bypassCSP only lets the test inject axe-core; the app's own CSP is checked by the API tests.
import { seriousAxeViolations, signIn, useServerAndBrowser } from './harness.ts';

const env = useServerAndBrowser({ beforeAll, afterAll });

async function signedIn(email: string, home: string) {
  const context = await env.browser.newContext({ bypassCSP: true });
  const page = await context.newPage();
  await signIn(page, env.server.url, email);
  await page.waitForURL(`**${home}`);
  return { context, page };
}

describe('program outcome reports in Chromium', () => {
  it('a researcher lands on the de-identified reports, sees bedside massage and a suppressed group, and downloads the CSV', async () => {
    const { context, page } = await signedIn('researcher@example.org', '/research');
    await page.getByRole('heading', { level: 1, name: 'Program outcomes', exact: true }).waitFor();
    await page
      .getByText('De-identified: no names or record numbers; groups under 11 patients are not shown.')
      .waitFor();

    // The nav offers the reports and nothing else.
    const nav = page.getByRole('navigation', { name: 'Main' });
    await expect(nav.getByRole('link').allTextContents()).resolves.toEqual(['Program outcomes']);

    // The bedside report: bedside massage reached the dozen demo inpatients.
    const bedside = page.getByRole('region', {
      name: 'Bedside services: pain and anxiety before and after',
      exact: true,
    });
    const massage = bedside.getByRole('row').filter({ hasText: 'Massage at the bedside' });
    await massage.waitFor();
    const patients = Number(await massage.getByRole('cell').first().textContent());
    expect(patients).toBeGreaterThanOrEqual(11);
    await massage.getByText(/→/).first().waitFor();
    await massage
      .getByText(/\(−?\d+\.\d to −?\d+\.\d\)/)
      .first()
      .waitFor();
    await bedside.getByRole('img', { name: /Bar chart of the mean pain and anxiety/ }).waitFor();

    // At least one group (here or in the outcome report) is too small to show.
    await page
      .getByText(/fewer than 11 patients — not shown/)
      .first()
      .waitFor();
    const report = page.getByRole('region', { name: 'Change in pain by therapy', exact: true });
    await report.getByRole('heading', { name: 'Method' }).waitFor();
    await page.waitForLoadState('networkidle');
    expect(await seriousAxeViolations(page)).toEqual([]);

    // The CSV link carries the report's query and answers with CSV, without a patient's name in it.
    const link = report.getByRole('link', { name: 'Download CSV' });
    const href = await link.getAttribute('href');
    expect(href).toMatch(
      /^\/api\/outcomes\/report\.csv\?groupBy=therapy&measure=pain&from=\d{4}-\d{2}-\d{2}&to=/,
    );
    const csv = await context.request.get(`${env.server.url}${href}`);
    expect(csv.status()).toBe(200);
    expect(csv.headers()['content-type']).toMatch(/^text\/csv/);
    const text = await csv.text();
    expect(text.split(/\r?\n/)[0]).toBe(
      'group,n,baseline_mean,follow_up_mean,mean_change,ci95_low,ci95_high,improved_share',
    );
    for (const name of ['Maria Lopez', 'Lopez', 'MER-0', 'Walter', 'Kowalski'])
      expect(text).not.toContain(name);

    // Grouping by location changes the report and the URL.
    await page.getByLabel('Group by').selectOption('location');
    await page.getByRole('button', { name: 'Show report' }).click();
    await page.waitForURL(/groupBy=location/);
    await page
      .getByRole('region', { name: 'Change in pain by location', exact: true })
      .getByRole('table')
      .waitFor();

    // Patient pages are not open to a researcher: the app sends them back to their reports.
    await page.goto(`${env.server.url}/clinician`);
    await page.waitForURL('**/research');
    await page.goto(`${env.server.url}/patient`);
    await page.waitForURL('**/research');
    await context.close();
  });

  it('an administrator opens the same report at /admin/outcomes from the admin home', async () => {
    const { context, page } = await signedIn('admin@example.org', '/admin');
    await page.getByRole('link', { name: 'Program outcome reports' }).click();
    await page.waitForURL('**/admin/outcomes');
    await page.getByRole('heading', { level: 1, name: 'Program outcomes', exact: true }).waitFor();
    await page
      .getByRole('navigation', { name: 'Main' })
      .getByRole('link', { name: 'Program outcomes' })
      .waitFor();
    const bedside = page.getByRole('region', {
      name: 'Bedside services: pain and anxiety before and after',
      exact: true,
    });
    await bedside.getByRole('row').filter({ hasText: 'Massage at the bedside' }).waitFor();
    await page
      .getByRole('region', { name: 'Change in pain by therapy', exact: true })
      .getByRole('link', { name: 'Download CSV' })
      .waitFor();
    await page.waitForLoadState('networkidle');
    expect(await seriousAxeViolations(page)).toEqual([]);
    await context.close();
  });

  it('shows the server’s refusal to a clinician who opens the report’s address', async () => {
    const { context, page } = await signedIn('dr.patel@example.org', '/clinician');
    // The web app keeps clinicians out of the page; the API refuses them too, with a message.
    const answer = await context.request.get(`${env.server.url}/api/outcomes/report`);
    expect(answer.status()).toBe(403);
    expect(((await answer.json()) as { error: { message: string } }).error.message).toMatch(
      /administrators and researchers only/,
    );
    await page.goto(`${env.server.url}/admin/outcomes`);
    await page.waitForURL('**/clinician');
    await context.close();
  });
});
