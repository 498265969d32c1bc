import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
// bypassCSP only lets the test inject axe-core; the app's own CSP is checked by the API tests.
import { seriousAxeViolations, signIn, useServerAndBrowser } from './harness.ts';

const env = useServerAndBrowser({ beforeAll, afterAll });

const phoenix = 'America/Phoenix';

/** Today's date in Phoenix, as YYYY-MM-DD (the server's clock is real time). */
function todayIn(timeZone: string): string {
  return new Intl.DateTimeFormat('en-CA', {
    timeZone,
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
  }).format(new Date());
}

function addDays(day: string, days: number): string {
  const date = new Date(`${day}T00:00:00Z`);
  date.setUTCDate(date.getUTCDate() + days);
  return date.toISOString().slice(0, 10);
}

/** 1 = Monday … 7 = Sunday. */
function isoWeekday(day: string): number {
  const weekday = new Date(`${day}T00:00:00Z`).getUTCDay();
  return weekday === 0 ? 7 : weekday;
}

/** The Monday of the week a day falls in. */
const monday = (day: string) => addDays(day, 1 - isoWeekday(day));

const utc = (options: Intl.DateTimeFormatOptions) =>
  new Intl.DateTimeFormat('en-US', { timeZone: 'UTC', ...options });
/** "Wednesday, November 25, 2026", as the day headings read. */
const longDay = (day: string) =>
  utc({ weekday: 'long', month: 'long', day: 'numeric', year: 'numeric' }).format(
    new Date(`${day}T00:00:00Z`),
  );
/** "Wed, Nov 25, 2026", as the portal's visit list reads. */
const shortDay = (day: string) =>
  utc({ weekday: 'short', month: 'short', day: 'numeric', year: 'numeric' }).format(
    new Date(`${day}T00:00:00Z`),
  );

// The first Wednesday after today in Phoenix, and the Wednesday after it (the visit that is moved).
const today = todayIn(phoenix);
const firstVisit = addDays(today, ((3 - isoWeekday(today) + 7) % 7) + (isoWeekday(today) === 3 ? 7 : 0));
const secondVisit = addDays(firstVisit, 7);

async function newPage(mobile: boolean): Promise<Page> {
  const context = await env.browser.newContext({
    bypassCSP: true,
    ...(mobile ? { viewport: { width: 390, height: 844 }, isMobile: true } : {}),
  });
  return context.newPage();
}

describe('scheduling in Chromium', () => {
  it('Maria books a six-visit acupuncture series in Arizona from the portal and sees it on her home page; a coordinator moves one visit and Maria sees the change', async () => {
    // Maria, on her phone.
    const maria = await newPage(true);
    await signIn(maria, env.server.url, 'maria.lopez@example.org');
    await maria.waitForURL('**/patient');
    const upcoming = maria.getByRole('region', { name: 'Upcoming visits' });
    await upcoming.waitFor();
    // The home page's other sections load beside this one; click once the layout has settled.
    await maria.waitForLoadState('networkidle');
    await upcoming.getByRole('link', { name: 'Book a visit' }).click();
    await maria.waitForURL('**/patient/book');
    await maria.getByRole('heading', { level: 1, name: 'Book a visit' }).waitFor();

    // Her home location is chosen for her; she asks for acupuncture with Mei Chen on Wednesdays from 10 AM.
    await expect(
      maria.getByLabel('Location', { exact: true }).locator('option:checked').textContent(),
    ).resolves.toContain('Phoenix');
    await maria.getByLabel('Service', { exact: true }).selectOption({ label: 'Acupuncture' });
    await maria.getByLabel('Practitioner', { exact: true }).selectOption({ label: 'Mei Chen, LAc' });
    await maria.getByLabel('From').fill(firstVisit);
    await maria.getByRole('checkbox', { name: 'Wednesday' }).check();
    await maria.getByLabel('Earliest start', { exact: true }).selectOption('10:00');

    // Times are Phoenix times, with the zone named.
    // Each day's times are a group named by the day.
    const slot = maria
      .getByRole('group', { name: longDay(firstVisit) })
      .getByRole('button', { name: '10:00 AM MST', exact: true });
    await slot.waitFor();
    await maria.getByText('America/Phoenix').first().waitFor();
    expect(await seriousAxeViolations(maria)).toEqual([]);
    await slot.click();

    // Coverage is shown before anything is booked.
    await maria.getByRole('heading', { name: 'Confirm your visit' }).waitFor();
    await maria.getByText('Copay: $25.00.').waitFor();
    await maria.getByRole('radio', { name: 'A series of weekly visits' }).check();
    await expect(maria.getByLabel('Number of weekly visits').inputValue()).resolves.toBe('6');
    const plan = maria.getByRole('list', { name: 'Your visits' });
    await plan.getByText('Visit 6:').waitFor();
    await expect(plan.getByRole('listitem').count()).resolves.toBe(6);
    // Should a week's usual time be taken, pick the first alternative offered.
    for (const group of await maria.getByRole('radiogroup', { name: /^Visit \d+:/ }).all()) {
      await group.getByRole('radio').first().check();
    }
    expect(await seriousAxeViolations(maria)).toEqual([]);
    await maria.getByRole('button', { name: 'Book 6 visits' }).click();

    // Back on her home page, the six visits are listed in Phoenix time.
    await maria.waitForURL('**/patient');
    await upcoming.getByText('Your 6 visits are booked.').waitFor();
    const acupuncture = upcoming.getByRole('listitem').filter({ hasText: 'Acupuncture' });
    await acupuncture.first().waitFor();
    await expect(acupuncture.count()).resolves.toBe(6);
    const second = acupuncture.filter({ hasText: shortDay(secondVisit) });
    await expect(second.textContent()).resolves.toMatch(/10:00 AM – 11:00 AM MST \(America\/Phoenix\)/);
    await expect(second.textContent()).resolves.toContain('Mei Chen, LAc');
    await expect(second.textContent()).resolves.toContain('Copay: $25.00.');

    // The coordinator finds the second visit on the calendar.
    const desk = await newPage(false);
    await signIn(desk, env.server.url, 'coordinator@example.org');
    await desk.waitForURL('**/coordinator');
    await desk.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Calendar' }).click();
    await desk.waitForURL('**/coordinator/calendar**');
    await desk
      .getByLabel('Location', { exact: true })
      .selectOption({ label: 'Meridian Integrative Health — Phoenix' });
    await desk.getByLabel('Practitioner', { exact: true }).selectOption({ label: 'Mei Chen, LAc' });
    const day = desk.getByRole('region', { name: longDay(secondVisit) });
    // The calendar opens on this week (Monday to Sunday); step forward to the second visit's week.
    const weeksAhead = (Date.parse(monday(secondVisit)) - Date.parse(monday(today))) / (7 * 86_400_000);
    for (let week = 0; week < weeksAhead; week++) {
      await desk.getByRole('button', { name: 'Next week' }).click();
    }
    const booking = day.getByRole('button', { name: /Maria Lopez \(MER-000101\) · Acupuncture/ });
    await booking.waitFor();
    await expect(booking.textContent()).resolves.toContain('10:00 AM – 11:00 AM MST');
    expect(await seriousAxeViolations(desk)).toEqual([]);

    // The panel shows who and what; the move is made from the keyboard.
    await booking.focus();
    await desk.keyboard.press('Enter');
    const panel = desk.getByRole('dialog', { name: 'Maria Lopez: Acupuncture' });
    await panel.getByText('Maria Lopez (MER-000101)').waitFor();
    await panel.getByText('Covered', { exact: true }).waitFor();
    await panel.getByRole('button', { name: 'Move', exact: true }).click();
    const newTime = panel
      .getByRole('group', { name: longDay(secondVisit) })
      .getByRole('button', { name: /^2:00 PM MST/ });
    await newTime.focus();
    await desk.keyboard.press('Enter');
    await expect(newTime.getAttribute('aria-pressed')).resolves.toBe('true');
    expect(await seriousAxeViolations(desk)).toEqual([]);
    await panel.getByRole('button', { name: /^Move to / }).click();
    await desk
      .getByRole('status')
      .filter({ hasText: /Maria Lopez’s Acupuncture moved to .*2:00 PM MST/ })
      .waitFor();
    await day
      .getByRole('button', { name: /Maria Lopez/ })
      .filter({ hasText: '2:00 PM – 3:00 PM MST' })
      .waitFor();

    // Maria sees the new time.
    await maria.reload();
    const moved = maria
      .getByRole('region', { name: 'Upcoming visits' })
      .getByRole('listitem')
      .filter({ hasText: shortDay(secondVisit) });
    await moved.getByText(/2:00 PM – 3:00 PM MST \(America\/Phoenix\)/).waitFor();
    await expect(
      maria
        .getByRole('region', { name: 'Upcoming visits' })
        .getByRole('listitem')
        .filter({ hasText: 'Acupuncture' })
        .count(),
    ).resolves.toBe(6);
    expect(await seriousAxeViolations(maria)).toEqual([]);

    await maria.context().close();
    await desk.context().close();
  });
});
