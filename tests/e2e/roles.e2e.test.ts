import { afterAll, beforeAll, describe, expect, it } from 'vitest';
// bypassCSP only lets the test inject axe-core; the app's own CSP is checked by the API tests.
import { seriousAxeViolations, signIn, useServerAndBrowser } from './harness.ts';

const env = useServerAndBrowser({ beforeAll, afterAll });

const homes = [
  { email: 'maria.lopez@example.org', path: '/patient', heading: 'Patient portal', clinical: true },
  { email: 'dr.patel@example.org', path: '/clinician', heading: 'Clinician workspace', clinical: true },
  { email: 'coordinator@example.org', path: '/coordinator', heading: 'Coordinator desk', clinical: false },
  { email: 'volunteer@example.org', path: '/volunteer', heading: 'Volunteer rounds', clinical: false },
  { email: 'admin@example.org', path: '/admin', heading: 'Admin', clinical: false },
];

describe('signing in as each demo role in Chromium', () => {
  for (const home of homes) {
    it(`lands ${home.email} on ${home.heading}, accessible, with the notice where clinical`, async () => {
      const context = await env.browser.newContext({ bypassCSP: true });
      const page = await context.newPage();
      await signIn(page, env.server.url, home.email);
      await page.waitForURL(`**${home.path}`);
      await expect(page.getByRole('heading', { level: 1 }).textContent()).resolves.toBe(home.heading);
      await page.waitForLoadState('networkidle');
      if (home.clinical) {
        await page
          .getByText('Meridian is decision support for professionals, not medical advice.')
          .first()
          .waitFor();
      }
      expect(await seriousAxeViolations(page)).toEqual([]);
      await context.close();
    });
  }
});

describe('the web app', () => {
  it('shows Maria her own record and care team in her location’s time zone', async () => {
    const context = await env.browser.newContext({ bypassCSP: true });
    const page = await context.newPage();
    await signIn(page, env.server.url, 'maria.lopez@example.org');
    await page.waitForURL('**/patient');
    await page.getByText('MER-000101').first().waitFor();
    await page.getByText('Dr. Anika Patel').first().waitFor();
    await page.getByText('America/Phoenix').first().waitFor();
    await context.close();
  });

  it('lets a clinician outside the care team break the glass with a reason, and shows the emergency banner', async () => {
    const context = await env.browser.newContext({ bypassCSP: true });
    const page = await context.newPage();
    await signIn(page, env.server.url, 'dr.okafor@example.org');
    await page.waitForURL('**/clinician');
    const patients = await (await context.request.get(`${env.server.url}/api/patients?q=`)).json();
    expect(patients.patients.map((p: { mrn: string }) => p.mrn)).not.toContain('MER-000101');
    // Dr. Okafor learns Maria's id from a referral letter and opens it directly.
    const coordinator = await env.browser.newContext({ bypassCSP: true });
    const desk = await coordinator.newPage();
    await signIn(desk, env.server.url, 'coordinator@example.org');
    await desk.waitForURL('**/coordinator');
    const all = await (await coordinator.request.get(`${env.server.url}/api/patients?q=Lopez`)).json();
    const mariaId = all.patients[0].id as string;
    await coordinator.close();

    await page.goto(`${env.server.url}/clinician/patients/${mariaId}`);
    const reason = page.getByLabel(/reason/i);
    await reason.waitFor();
    expect(await seriousAxeViolations(page)).toEqual([]);
    await reason.fill('Covering for Dr. Patel during her leave this week');
    await page.getByRole('button', { name: /break the glass/i }).click();
    await page
      .getByText(/this access is audited/i)
      .first()
      .waitFor();
    await page.getByText('MER-000101').first().waitFor();
    await context.close();
  });

  it('signs out, after which the pages ask to sign in again', async () => {
    const context = await env.browser.newContext({ bypassCSP: true });
    const page = await context.newPage();
    await signIn(page, env.server.url, 'volunteer@example.org');
    await page.waitForURL('**/volunteer');
    await page.getByRole('button', { name: 'Sign out' }).first().click();
    await page.waitForURL('**/sign-in');
    await page.goto(`${env.server.url}/volunteer`);
    await page.waitForURL('**/sign-in');
    await context.close();
  });

  it('is usable on a phone: the navigation opens from a menu button', async () => {
    const context = await env.browser.newContext({
      bypassCSP: true,
      viewport: { width: 375, height: 740 },
      isMobile: true,
    });
    const page = await context.newPage();
    await signIn(page, env.server.url, 'admin@example.org');
    await page.waitForURL('**/admin');
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    expect(overflow).toBeLessThanOrEqual(0);
    expect(await seriousAxeViolations(page)).toEqual([]);
    await page.getByRole('button', { name: 'Open navigation' }).click();
    const drawerNav = page.getByRole('dialog').getByRole('navigation', { name: 'Main' });
    await drawerNav.getByRole('link', { name: 'Admin' }).waitFor();
    await context.close();
  });
});
