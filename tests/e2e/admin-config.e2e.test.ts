import { afterAll, beforeAll, describe, expect, it } from 'vitest';
// bypassCSP only lets the test inject axe-core; the app's own CSP is checked by the API tests.
import { callApi, nextPhoenixWeekday, seriousAxeViolations, signIn, useServerAndBrowser } from './harness.ts';

const env = useServerAndBrowser({ beforeAll, afterAll });

const phoenix = 'Meridian Integrative Health — Phoenix';

async function signedIn(email: string, home: string) {
  const context = await env.browser.newContext({ bypassCSP: true });
  const page = await context.newPage();
  await signIn(page, env.server.url, email);
  await page.waitForURL(`**${home}`);
  return { context, page };
}

const call = <T>(email: string, method: string, path: string, body?: unknown) =>
  callApi<T>(env.server.url, email, method, path, body);

function utcDatePlus(days: number): string {
  return new Date(Date.now() + days * 86_400_000).toISOString().slice(0, 10);
}

describe('admin configuration and the clinician’s waitlist in Chromium', () => {
  it('the admin changes the self-pay price and durations of Cupping, and they stay saved after a reload', async () => {
    const { context, page } = await signedIn('admin@example.org', '/admin');
    await page
      .getByRole('navigation', { name: 'Main' })
      .getByRole('link', { name: 'Service catalog' })
      .click();
    await page.getByRole('heading', { level: 1, name: 'Service catalog' }).waitFor();

    const cuppingRow = () =>
      page
        .getByRole('region', { name: 'Acupuncture services' })
        .getByRole('row')
        .filter({ has: page.getByRole('rowheader', { name: 'Cupping', exact: true }) });
    await cuppingRow().getByText('$60.00').waitFor();
    await cuppingRow().getByText('30, 45 min').waitFor();
    await cuppingRow().getByText('Acupuncture licence (LAc)').waitFor();
    await page.waitForLoadState('networkidle');
    expect(await seriousAxeViolations(page)).toEqual([]);

    await cuppingRow().getByRole('button', { name: 'Edit Cupping' }).click();
    const dialog = page.getByRole('dialog', { name: 'Edit Cupping' });
    await dialog.getByLabel(/^Durations/).fill('30, 45, 60');
    await dialog.getByLabel(/^Self-pay price/).fill('65.50');
    expect(await seriousAxeViolations(page)).toEqual([]);
    // A mistake is explained next to the field, and nothing is sent.
    await dialog.getByLabel(/^Group capacity/).fill('0');
    await dialog.getByRole('button', { name: 'Save changes' }).click();
    await dialog
      .getByRole('alert')
      .filter({ hasText: 'Check the fields marked above' })
      .getByText('The capacity is a whole number from 1 to 200.')
      .waitFor();
    await expect(dialog.getByLabel(/^Group capacity/).getAttribute('aria-invalid')).resolves.toBe('true');
    await dialog.getByLabel(/^Group capacity/).fill('1');
    // A refusal by the server is shown as it is written, in an alert (here a 400 made up on the way).
    await page.route(
      '**/api/admin/services/*',
      (route) =>
        route.fulfill({
          status: 400,
          contentType: 'application/json',
          body: JSON.stringify({
            error: { code: 'VALIDATION', message: 'Give at least one duration in minutes.' },
          }),
        }),
      { times: 1 },
    );
    await dialog.getByRole('button', { name: 'Save changes' }).click();
    await dialog
      .getByRole('alert')
      .filter({ hasText: 'The service was not saved' })
      .getByText('Give at least one duration in minutes.')
      .waitFor();
    expect(await seriousAxeViolations(page)).toEqual([]);
    await dialog.getByRole('button', { name: 'Save changes' }).click();
    await dialog.waitFor({ state: 'detached' });
    await page
      .getByRole('status')
      .filter({ hasText: 'Saved Cupping: durations and self-pay price.' })
      .waitFor();

    await page.reload();
    await cuppingRow().getByText('$65.50').waitFor();
    await cuppingRow().getByText('30, 45, 60 min').waitFor();
    const saved = await call<{ services: { code: string; durations: number[]; selfPayCents: number }[] }>(
      'admin@example.org',
      'GET',
      '/api/services?includeInactive=true',
    );
    expect(saved.services.find((s) => s.code === 'cupping')).toMatchObject({
      durations: [30, 45, 60],
      selfPayCents: 6550,
    });

    // Rooms per location: a new one is listed; a name already taken is refused in an alert.
    const locations = page.getByRole('region', { name: 'Locations', exact: true });
    await locations.getByLabel('Location', { exact: true }).selectOption({ label: phoenix });
    await locations.getByRole('rowheader', { name: 'Acupuncture 1' }).waitFor();
    const addRoom = locations.getByRole('region', { name: 'Add a room' });
    await addRoom.getByLabel(/^Room name/).fill('Acupuncture 3');
    await addRoom.getByRole('checkbox', { name: 'Cupping', exact: true }).check();
    await addRoom.getByRole('checkbox', { name: 'Acupuncture', exact: true }).check();
    await addRoom.getByRole('button', { name: 'Add room' }).click();
    await addRoom.getByRole('status').getByText(`Added Acupuncture 3 at ${phoenix}.`).waitFor();
    await locations
      .getByRole('row')
      .filter({ has: page.getByRole('rowheader', { name: 'Acupuncture 3' }) })
      .getByText('Acupuncture, Cupping')
      .waitFor();
    await addRoom.getByLabel(/^Room name/).fill('Acupuncture 1');
    await addRoom.getByRole('checkbox', { name: 'Cupping', exact: true }).check();
    await addRoom.getByRole('button', { name: 'Add room' }).click();
    await addRoom
      .getByRole('alert')
      .getByText('There is already a room called "Acupuncture 1" here.')
      .waitFor();

    // What Phoenix offers: Cupping taken off the list, saved with the PUT.
    const offered = locations.getByRole('region', { name: 'Offered here' });
    await offered.getByRole('checkbox', { name: 'Cupping', exact: true }).uncheck();
    await offered.getByRole('button', { name: `Save what ${phoenix} offers` }).click();
    await offered
      .getByRole('status')
      .getByText(/now offers \d+ services/)
      .waitFor();
    const atPhoenix = await call<{ services: { code: string }[] }>(
      'admin@example.org',
      'GET',
      `/api/services?locationId=${(await call<{ locations: { id: string; name: string }[] }>('admin@example.org', 'GET', '/api/locations')).locations.find((l) => l.name === phoenix)!.id}`,
    );
    expect(atPhoenix.services.some((s) => s.code === 'cupping')).toBe(false);
    expect(atPhoenix.services.some((s) => s.code === 'acupuncture')).toBe(true);
    expect(await seriousAxeViolations(page)).toEqual([]);
    await context.close();
  });

  it('the admin adds a credential to Mei Chen, sets her weekly hours and adds time off over a booked visit', async () => {
    // A visit with Mei Chen next Thursday, so her time off has something to move.
    const services = await call<{ services: { id: string; code: string }[] }>(
      'coordinator@example.org',
      'GET',
      '/api/services',
    );
    const acupuncture = services.services.find((s) => s.code === 'acupuncture')!.id;
    const locations = await call<{ locations: { id: string; name: string }[] }>(
      'coordinator@example.org',
      'GET',
      '/api/locations',
    );
    const phoenixId = locations.locations.find((l) => l.name === phoenix)!.id;
    const patients = await call<{ patients: { id: string; mrn: string }[] }>(
      'coordinator@example.org',
      'GET',
      '/api/patients?q=',
    );
    const maria = patients.patients.find((p) => p.mrn === 'MER-000101')!.id;
    const practitioners = await call<{ practitioners: { id: string; name: string }[] }>(
      'coordinator@example.org',
      'GET',
      `/api/practitioners?locationId=${phoenixId}&serviceId=${acupuncture}`,
    );
    const chen = practitioners.practitioners.find((p) => p.name.startsWith('Mei Chen'))!.id;
    const thursday = nextPhoenixWeekday(4);
    const free = await call<{ slots: { start: string }[] }>(
      'coordinator@example.org',
      'GET',
      `/api/slots?${new URLSearchParams({ serviceId: acupuncture, locationId: phoenixId, practitionerId: chen, patientId: maria, from: thursday, to: thursday })}`,
    );
    expect(free.slots.length).toBeGreaterThan(0);
    await call('coordinator@example.org', 'POST', `/api/patients/${maria}/appointments`, {
      serviceId: acupuncture,
      locationId: phoenixId,
      practitionerId: chen,
      start: free.slots[0]!.start,
    });

    const { context, page } = await signedIn('admin@example.org', '/admin');
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Practitioners' }).click();
    await page.getByRole('heading', { level: 1, name: 'Practitioners' }).waitFor();
    const list = page.getByRole('region', { name: 'Practitioners and volunteers', exact: true });
    const rowOf = (name: string) =>
      list.getByRole('row').filter({ has: page.getByRole('rowheader', { name, exact: true }) });
    // Hannah Berg's licence runs out within 60 days in the demo: it is marked.
    await rowOf('Hannah Berg, LMT')
      .getByText(/^Expires in \d+ days?$/)
      .first()
      .waitFor();
    await rowOf('Pat Morgan').getByText('Volunteer', { exact: true }).waitFor();
    await page.waitForLoadState('networkidle');
    expect(await seriousAxeViolations(page)).toEqual([]);

    await rowOf('Mei Chen, LAc').getByRole('button', { name: 'Manage Mei Chen, LAc' }).click();
    const manage = page.getByRole('region', { name: 'Credentials and hours of Mei Chen, LAc' });
    await expect
      .poll(() => page.evaluate(() => document.activeElement?.textContent))
      .toBe('Credentials and hours of Mei Chen, LAc');

    // A credential that expires within 60 days shows up marked in her row.
    const credential = manage.getByRole('region', { name: 'Add a credential' });
    await credential.getByLabel(/^Credential/).selectOption({ label: 'Reiki practitioner training' });
    await credential.getByLabel(/^Number/).fill('RT-2044');
    await credential.getByLabel(/^Issued by/).fill('Reiki Alliance');
    await credential.getByLabel('Issued on (optional)').fill('2025-03-01');
    await credential.getByLabel(/^Expires on/).fill(utcDatePlus(30));
    await credential.getByRole('button', { name: 'Add credential' }).click();
    await credential
      .getByRole('status')
      .getByText('Added Reiki practitioner training (RT-2044) for Mei Chen, LAc.')
      .waitFor();
    const reiki = rowOf('Mei Chen, LAc')
      .getByRole('listitem')
      .filter({ hasText: 'Reiki practitioner training' });
    await reiki.getByText('RT-2044, Reiki Alliance').waitFor();
    await reiki.getByText('Expires in 30 days').waitFor();

    // Weekly hours at Phoenix, with the keyboard where it matters.
    const hours = manage.getByRole('region', { name: 'Weekly hours', exact: true });
    await hours.getByLabel('Location', { exact: true }).selectOption({ label: phoenix });
    await hours.getByLabel('Works on Monday').check();
    await hours.getByLabel('Monday starts').fill('09:00');
    await hours.getByLabel('Monday ends').fill('15:00');
    await hours.getByLabel('Monday break starts').fill('12:00');
    await hours.getByLabel('Monday break ends').fill('16:00');
    await hours.getByRole('button', { name: 'Save weekly hours' }).click();
    await hours
      .getByRole('alert')
      .getByText('Monday: the break must fall within the working hours.')
      .waitFor();
    await hours.getByLabel('Monday break ends').fill('12:30');
    await hours.getByRole('button', { name: 'Copy Monday to Tuesday–Friday' }).click();
    await hours.getByLabel('Works on Saturday').uncheck();
    const sunday = hours.getByLabel('Works on Sunday');
    await sunday.uncheck();
    await sunday.focus();
    await page.keyboard.press('Space');
    await expect(sunday.isChecked()).resolves.toBe(true);
    await page.keyboard.press('Tab');
    await expect
      .poll(() => page.evaluate(() => document.activeElement?.getAttribute('aria-label')))
      .toBe('Sunday starts');
    await page.keyboard.press('Shift+Tab');
    await page.keyboard.press('Space');
    await expect(sunday.isChecked()).resolves.toBe(false);
    expect(await seriousAxeViolations(page)).toEqual([]);
    await hours.getByRole('button', { name: 'Save weekly hours' }).click();
    const savedHours = hours.getByRole('status').filter({ hasText: 'Weekly hours saved' });
    await savedHours.getByText('Monday 09:00–15:00, break 12:00–12:30').waitFor();
    await savedHours.getByText('Friday 09:00–15:00, break 12:00–12:30').waitFor();
    await expect(savedHours.getByText(/Saturday|Sunday/).count()).resolves.toBe(0);

    // Time off over Thursday, in Phoenix time: the booked visit needs moving.
    const off = manage.getByRole('region', { name: 'Time off', exact: true });
    await expect(off.getByLabel(/^Times are in/).inputValue()).resolves.toBe('America/Phoenix');
    await off.getByLabel(/^Starts/).fill(`${thursday}T00:00`);
    await off.getByLabel(/^Ends/).fill(`${thursday}T23:59`);
    await off.getByLabel('Reason (optional)').fill('Conference');
    await off.getByRole('button', { name: 'Add time off' }).click();
    await off
      .getByRole('status')
      .getByText(/[1-9]\d* booked visits? needs? moving\./)
      .waitFor();
    expect(await seriousAxeViolations(page)).toEqual([]);
    await context.close();
  });

  it('Dr. Patel puts Maria on the acupuncture waitlist as urgent from her chart, changes the priority and takes her off', async () => {
    const { context, page } = await signedIn('dr.patel@example.org', '/clinician');
    await page.getByRole('link', { name: /Lopez/ }).first().click();
    const waitlist = page.getByRole('region', { name: 'Waitlist', exact: true });
    await waitlist.getByText('Not on the waitlist for anything.').waitFor();
    const form = waitlist.getByRole('region', { name: 'Add to waitlist' });
    await expect(form.getByLabel(/^Location/).inputValue()).resolves.not.toBe('');
    await form.getByLabel(/^Location/).selectOption({ label: phoenix });
    await form.getByLabel(/^Service/).selectOption({ label: 'Acupuncture' });
    // Without a reason the form says what is missing.
    await form.getByRole('radio', { name: 'Urgent' }).check();
    await form.getByRole('button', { name: 'Add to waitlist' }).click();
    await form.getByText('Give the clinical reason for the priority.').waitFor();
    await form.getByLabel(/^Reason/).fill('Severe flare of low back pain; cannot work.');
    await page.waitForLoadState('networkidle');
    expect(await seriousAxeViolations(page)).toEqual([]);
    await form.getByRole('button', { name: 'Add to waitlist' }).click();
    await waitlist
      .getByRole('status')
      .getByText(`On the waitlist for Acupuncture at ${phoenix} as Urgent.`)
      .waitFor();
    const entry = waitlist.getByRole('article', { name: `Acupuncture at ${phoenix}` });
    await entry.getByText('Urgent', { exact: true }).waitFor();
    await entry.getByText('Waiting', { exact: true }).waitFor();
    await entry
      .getByText(/Severe flare of low back pain; cannot work\. \(set by Dr\. Anika Patel\)/)
      .waitFor();
    expect(await seriousAxeViolations(page)).toEqual([]);

    // The same service and place again is refused by the server, in an alert.
    await form.getByLabel(/^Service/).selectOption({ label: 'Acupuncture' });
    await form.getByRole('radio', { name: 'Routine' }).check();
    await form.getByLabel(/^Reason/).fill('Second request');
    await form.getByRole('button', { name: 'Add to waitlist' }).click();
    await form
      .getByRole('alert')
      .getByText(/already on the waitlist for this service here/)
      .waitFor();

    await entry.getByRole('button', { name: `Change priority: Acupuncture at ${phoenix}` }).click();
    await entry.getByRole('radio', { name: 'Soon' }).check();
    await entry.getByLabel(/^Reason for the priority/).fill('Flare settling with medication.');
    await entry.getByRole('button', { name: 'Save priority' }).click();
    await entry.getByText('Soon', { exact: true }).waitFor();
    await entry.getByText(/Flare settling with medication\./).waitFor();
    expect(await seriousAxeViolations(page)).toEqual([]);

    await entry.getByRole('button', { name: `Take off the waitlist: Acupuncture at ${phoenix}` }).click();
    await entry.waitFor({ state: 'detached' });
    await waitlist.getByText('Not on the waitlist for anything.').waitFor();
    expect(await seriousAxeViolations(page)).toEqual([]);
    await context.close();
  });
});
