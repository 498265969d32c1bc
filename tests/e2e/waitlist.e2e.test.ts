import { afterAll, beforeAll, describe, expect, it } from 'vitest';
// bypassCSP only lets the test inject axe-core; the app's own CSP is checked by the API tests.
import { callApi, nextPhoenixWeekday, seriousAxeViolations, signIn, useServerAndBrowser } from './harness.ts';

const env = useServerAndBrowser({ beforeAll, afterAll });

const call = <T>(email: string, method: string, path: string, body?: unknown) =>
  callApi<T>(env.server.url, email, method, path, body);

describe('the waitlist in Chromium', () => {
  it('offers a freed acupuncture time to Maria, put on the waitlist as urgent; she accepts it in the portal; the desk sees the queue', async () => {
    const services = await call<{ services: { id: string; code: string }[] }>(
      'maria.lopez@example.org',
      'GET',
      '/api/services',
    );
    const acupuncture = services.services.find((s) => s.code === 'acupuncture')!.id;
    const locations = await call<{ locations: { id: string; name: string }[] }>(
      'maria.lopez@example.org',
      'GET',
      '/api/locations',
    );
    const phoenix = locations.locations.find((l) => l.name.includes('Phoenix'))!.id;
    const patients = await call<{ patients: { id: string; mrn: string }[] }>(
      'coordinator@example.org',
      'GET',
      '/api/patients?q=',
    );
    const maria = patients.patients.find((p) => p.mrn === 'MER-000101')!.id;
    const james = patients.patients.find((p) => p.mrn === 'MER-000102')!.id;
    const practitioners = await call<{ practitioners: { id: string; name: string }[] }>(
      'coordinator@example.org',
      'GET',
      `/api/practitioners?locationId=${phoenix}&serviceId=${acupuncture}`,
    );
    const chen = practitioners.practitioners.find((p) => p.name.startsWith('Mei Chen'))!.id;

    await call('dr.patel@example.org', 'POST', `/api/patients/${maria}/waitlist`, {
      serviceId: acupuncture,
      locationId: phoenix,
      priority: 'urgent',
      reason: 'Severe flare of low back pain',
    });
    // James's Thursday visit is cancelled: the time goes to Maria first.
    const start = new Date(`${nextPhoenixWeekday(4)}T21:00:00Z`).toISOString(); // 14:00 in Phoenix
    const booked = await call<{ id: string }>(
      'coordinator@example.org',
      'POST',
      `/api/patients/${james}/appointments`,
      {
        serviceId: acupuncture,
        locationId: phoenix,
        practitionerId: chen,
        start,
      },
    );
    await call('coordinator@example.org', 'POST', `/api/patients/${james}/appointments/${booked.id}/cancel`, {
      reason: 'Travelling',
    });

    const context = await env.browser.newContext({ bypassCSP: true });
    const page = await context.newPage();
    await signIn(page, env.server.url, 'maria.lopez@example.org');
    await page.waitForURL('**/patient');
    const waitlist = page.getByRole('region', { name: 'Waitlist' });
    await waitlist.getByText('A time is free for you').waitFor();
    await waitlist.getByText('2:00 PM').first().waitFor();
    expect(await seriousAxeViolations(page)).toEqual([]);
    await waitlist.getByRole('button', { name: 'Accept this time' }).click();
    await waitlist.waitFor({ state: 'detached' });
    const upcoming = await call<{ appointments: { start: string; status: string }[] }>(
      'maria.lopez@example.org',
      'GET',
      `/api/patients/${maria}/appointments`,
    );
    expect(upcoming.appointments.some((a) => a.start === start && a.status === 'booked')).toBe(true);
    await context.close();

    const desk = await env.browser.newContext({ bypassCSP: true });
    const deskPage = await desk.newPage();
    await signIn(deskPage, env.server.url, 'coordinator@example.org');
    await deskPage.waitForURL('**/coordinator');
    await deskPage.getByRole('link', { name: 'Waitlist and paperwork' }).first().click();
    await deskPage.getByRole('heading', { name: 'Waitlist, by medical need' }).waitFor();
    await deskPage
      .getByText(/Nobody is waiting|In the order freed times are offered/)
      .first()
      .waitFor();
    expect(await seriousAxeViolations(deskPage)).toEqual([]);
    await desk.close();
  });
});

describe('booking on the desk in Chromium', () => {
  it('lets the coordinator find a patient and open the booking form with every service the desk books', async () => {
    const context = await env.browser.newContext({ bypassCSP: true });
    const page = await context.newPage();
    await signIn(page, env.server.url, 'coordinator@example.org');
    await page.waitForURL('**/coordinator');
    await page
      .getByRole('navigation', { name: 'Main' })
      .getByRole('link', { name: 'Book for a patient' })
      .click();
    await page.getByRole('heading', { level: 1, name: 'Book for a patient' }).waitFor();
    await page.getByLabel('Search patients').fill('Carter');
    await page.getByRole('button', { name: 'Book for James Carter' }).click();
    await page.getByText('Booking for James Carter (MER-000102)').waitFor();
    const service = page.getByLabel('Service', { exact: true });
    await service
      .locator('option', { hasText: 'Chiropractic care' })
      .or(service.locator('option', { hasText: 'Integrative physical therapy' }))
      .first()
      .waitFor({ state: 'attached' });
    expect(await seriousAxeViolations(page)).toEqual([]);
    await context.close();
  });
});
