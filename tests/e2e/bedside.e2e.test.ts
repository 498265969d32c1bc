import type { Locator, Page } from 'playwright-core';
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

/** Picks a score on one of the 0–10 scales, e.g. "Pain before (0 = none, 10 = worst)". */
async function score(scope: Locator | Page, label: string, value: number) {
  await scope
    .getByRole('radiogroup', { name: new RegExp(`^${label} \\(0 = none`) })
    .getByText(String(value), { exact: true })
    .click();
}

describe('bedside orders in Chromium', () => {
  it('a nurse orders bedside massage for Grace (chest drain); the massage therapist sees it with its precautions and records before/after scores, which show in Grace’s history', async () => {
    // Hana Lind, RN orders from Grace's chart.
    const nurse = await signedIn('hana.lind@example.org', '/clinician');
    await nurse.page
      .getByRole('link', { name: /Thompson/ })
      .first()
      .click();
    const chart = nurse.page.getByRole('region', { name: 'Bedside orders' });
    await chart.getByRole('heading', { name: 'Order a bedside service' }).waitFor();
    await chart.getByLabel(/^Service/).selectOption({ label: 'Massage at the bedside' });
    await chart.getByLabel(/^Unit/).fill('Cardiac surgery, 4 West');
    await chart.getByLabel(/^Room/).fill('412');
    await chart.getByLabel('Bed (optional)').fill('B');
    await chart.getByRole('checkbox', { name: 'Chest drain' }).check();
    await chart.getByRole('checkbox', { name: 'IV line' }).check();
    await chart.getByRole('checkbox', { name: 'Surgical wound' }).check();
    await chart
      .getByLabel(/^Notes for the therapist/)
      .fill('Chest drain on the left: work on the right side.');
    await chart.getByRole('button', { name: 'Order' }).click();

    const placed = chart.getByRole('region', { name: 'Ordered: Massage at the bedside' });
    await placed.waitFor();
    const placedPrecautions = placed.getByRole('list', { name: 'Precautions on this order' });
    await placedPrecautions.getByText('Chest drain', { exact: true }).waitFor();
    await placedPrecautions.getByText('Surgical wound', { exact: true }).waitFor();
    // The surgical wound enters the safety check of massage: a documented Major precaution.
    await placed
      .getByRole('article', { name: /Open wound/ })
      .getByText('Major')
      .waitFor();
    // The order is listed in the chart too.
    await chart
      .getByRole('article', { name: 'Massage at the bedside' })
      .getByText('Waiting for a therapist')
      .waitFor();
    expect(await seriousAxeViolations(nurse.page)).toEqual([]);

    // Hannah Berg, LMT finds it on her worklist.
    const therapist = await signedIn('hannah.berg@example.org', '/clinician');
    const worklist = therapist.page.getByRole('region', { name: 'Bedside worklist' });
    const card = worklist.getByRole('article', { name: /Massage at the bedside · Grace Thompson/ });
    await card.waitFor();
    const precautions = card.getByRole('list', { name: 'Precautions' });
    await precautions.getByText('Chest drain', { exact: true }).waitFor();
    await precautions.getByText('IV line', { exact: true }).waitFor();
    await card.getByText('Cardiac surgery, 4 West · Room 412 · Bed B').waitFor();
    await card.getByText(/work on the right side/).waitFor();
    await card.getByText(/Ordered by Hana Lind, RN/).waitFor();
    await card
      .getByText(/America\/Chicago|CST|CDT/)
      .first()
      .waitFor();
    await card.getByRole('article', { name: /Open wound/ }).waitFor();
    expect(await seriousAxeViolations(therapist.page)).toEqual([]);

    await card.getByRole('button', { name: 'Record visit' }).click();
    await score(card, 'Pain before', 7);
    await score(card, 'Anxiety before', 6);
    await score(card, 'Pain after', 4);
    await score(card, 'Anxiety after', 3);
    await card.getByLabel(/^Minutes/).fill('20');
    await card.getByLabel(/^Notes/).fill('Gentle hand and foot massage; slept afterwards.');
    expect(await seriousAxeViolations(therapist.page)).toEqual([]);
    await card.getByRole('button', { name: 'Save' }).click();
    const saved = worklist.getByRole('status').filter({ hasText: 'Visit saved' });
    await saved.getByText(/Pain 7 → 4 · Anxiety 6 → 3 · 20 minutes/).waitFor();
    // The visit completed the order, so it has left the worklist.
    await card.waitFor({ state: 'detached' });

    // Grace's bedside history shows the scores.
    await nurse.page.reload();
    const history = nurse.page.getByRole('region', { name: 'Bedside visits and scores' });
    const row = history.getByRole('row').filter({ hasText: 'Hannah Berg, LMT' });
    await row.getByText('7 → 4 (down 3)').waitFor();
    await row.getByText('6 → 3 (down 3)').waitFor();
    await expect(row.getByText('Massage at the bedside').count()).resolves.toBe(1);
    await nurse.page
      .getByRole('region', { name: 'Bedside orders' })
      .getByRole('article', { name: 'Massage at the bedside' })
      .getByText('Completed')
      .waitFor();
    expect(await seriousAxeViolations(nurse.page)).toEqual([]);

    await therapist.context.close();
    await nurse.context.close();
  });

  it('says what is missing from an order, and shows a refusal by the server in an alert', async () => {
    const nurse = await signedIn('hana.lind@example.org', '/clinician');
    await nurse.page
      .getByRole('link', { name: /Thompson/ })
      .first()
      .click();
    const chart = nurse.page.getByRole('region', { name: 'Bedside orders' });
    await chart.getByRole('heading', { name: 'Order a bedside service' }).waitFor();
    await chart.getByLabel(/^Service/).selectOption({ value: '' });
    await chart.getByRole('button', { name: 'Order' }).click();
    await chart.getByText('Choose the service to order.').waitFor();
    await nurse.context.close();

    // An order that is completed elsewhere while the therapist's worklist is open.
    const { context, page } = await signedIn('hannah.berg@example.org', '/clinician');
    const api = context.request;
    const me = await (await api.get(`${env.server.url}/api/me`)).json();
    const headers = { 'X-CSRF-Token': me.csrfToken as string };
    const grace = (await (await api.get(`${env.server.url}/api/patients?q=Thompson`)).json()).patients[0];
    const services = (
      await (await api.get(`${env.server.url}/api/services?locationId=${grace.location.id}`)).json()
    ).services as { id: string; code: string }[];
    const massage = services.find((s) => s.code === 'inpatient-massage')!;
    const created = await api.post(`${env.server.url}/api/patients/${grace.id}/bedside-orders`, {
      headers,
      data: {
        serviceId: massage.id,
        locationId: grace.location.id,
        unit: 'Cardiac surgery, 4 West',
        room: '412',
        precautions: ['fall-risk'],
        notes: 'Second visit, after lunch.',
      },
    });
    expect(created.status()).toBe(201);
    const order = await created.json();

    await page.reload();
    const card = page
      .getByRole('region', { name: 'Bedside worklist' })
      .getByRole('article')
      .filter({ hasText: 'Second visit, after lunch.' });
    await card.getByRole('list', { name: 'Precautions' }).getByText('Fall risk').waitFor();
    const done = await api.post(`${env.server.url}/api/bedside-orders/${order.id}/sessions`, {
      headers,
      data: { painBefore: 3, painAfter: 2, anxietyBefore: null, anxietyAfter: null, minutes: 15 },
    });
    expect(done.status()).toBe(201);

    await card.getByRole('button', { name: 'Record visit' }).click();
    await score(card, 'Pain before', 4);
    await card.getByLabel(/^Minutes/).fill('15');
    await card.getByRole('button', { name: 'Save' }).click();
    await card
      .getByRole('alert')
      .getByText(/This order is completed/)
      .waitFor();
    expect(await seriousAxeViolations(page)).toEqual([]);
    await context.close();
  });

  it('a volunteer records a hand massage on rounds with comfort scores', async () => {
    const { context, page } = await signedIn('volunteer@example.org', '/volunteer');
    const rounds = page.getByRole('region', { name: 'Record a visit' });
    const visit = rounds.getByRole('article').first();
    await visit.waitFor();
    await visit.getByRole('button', { name: 'Record visit' }).click();
    await score(visit, 'Pain before', 5);
    await score(visit, 'Pain after', 3);
    await score(visit, 'Anxiety before', 6);
    await score(visit, 'Anxiety after', 2);
    // The minutes come from the scheduled visit.
    await expect(visit.getByLabel(/^Minutes/).inputValue()).resolves.toBe('15');
    expect(await seriousAxeViolations(page)).toEqual([]);
    await visit.getByRole('button', { name: 'Save' }).click();
    await rounds
      .getByRole('status')
      .getByText(/Pain 5 → 3 · Anxiety 6 → 2 · 15 minutes/)
      .waitFor();
    await context.close();
  });

  it('shows the admin the credentials expiring within 60 days', async () => {
    const { context, page } = await signedIn('admin@example.org', '/admin');
    const section = page.getByRole('region', { name: 'Credentials expiring within 60 days' });
    const table = section.getByRole('table');
    await table.waitFor();
    const row = table.getByRole('row').filter({ hasText: 'Hannah Berg, LMT' }).first();
    await row.getByText(/Expires in \d+ days?|Expired/).waitFor();
    await page.waitForLoadState('networkidle');
    expect(await seriousAxeViolations(page)).toEqual([]);
    await context.close();
  });
});
