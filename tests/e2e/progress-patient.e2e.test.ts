import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
// bypassCSP only lets the test inject axe-core; the app's own CSP is checked by the API tests.
import { seriousAxeViolations, signIn, useServerAndBrowser } from './harness.ts';

const env = useServerAndBrowser({ beforeAll, afterAll });

/** Today in Phoenix (UTC-7, no daylight saving), where Maria lives: her diary's day. */
const phoenixToday = () => new Date(Date.now() - 7 * 3_600_000).toISOString().slice(0, 10);

/** "Sun, Nov 22, 2026": how the progress tables name a day. */
const tableDay = (date: string) =>
  new Intl.DateTimeFormat('en-US', {
    timeZone: 'UTC',
    weekday: 'short',
    month: 'short',
    day: 'numeric',
    year: 'numeric',
  }).format(new Date(`${date}T12:00:00Z`));

/** Taps a value on one of the 0–10 scales (a radio group named by its question). */
async function tap(page: Page, question: string | RegExp, value: string) {
  await page.getByRole('radiogroup', { name: question }).getByText(value, { exact: true }).click();
}

describe('patient diary, questionnaires and progress on a phone', () => {
  it('Maria writes today’s diary entry, finds it on her progress charts with her acupuncture sessions marked, and answers a PEG', async () => {
    const context = await env.browser.newContext({
      bypassCSP: true,
      viewport: { width: 390, height: 844 },
      isMobile: true,
      hasTouch: true,
    });
    const page = await context.newPage();
    await signIn(page, env.server.url, 'maria.lopez@example.org');
    await page.waitForURL('**/patient');
    const today = phoenixToday();

    // The phone menu lists the three new pages.
    await page.getByRole('button', { name: 'Open navigation' }).click();
    const nav = page.getByRole('navigation', { name: 'Main' });
    for (const name of ['Pain diary', 'My progress', 'Questionnaires'])
      await nav.getByRole('link', { name }).waitFor();
    await page.keyboard.press('Escape');
    await nav.waitFor({ state: 'hidden' });

    // The portal home leads to the diary; there is no entry for today in the demo yet.
    const tracking = page.getByRole('region', { name: 'Your diary and progress' });
    await tracking.getByText('No entry for today yet.', { exact: false }).waitFor();
    await tracking.getByRole('link', { name: 'Pain diary' }).click();
    await page.waitForURL('**/patient/diary');
    await page.getByRole('heading', { level: 1, name: 'Pain diary' }).waitFor();
    await expect(page.getByLabel('Day', { exact: true }).inputValue()).resolves.toBe(today);
    await page.getByRole('button', { name: "Save today's entry" }).waitFor();
    expect(await seriousAxeViolations(page)).toEqual([]);

    // Nothing answered: saving says what to do instead.
    await page.getByRole('button', { name: "Save today's entry" }).click();
    await page.getByRole('alert').filter({ hasText: 'Answer at least one question' }).waitFor();

    // The routine entry: three taps, a number and a tap.
    await tap(page, 'Pain now', '5');
    await tap(page, 'Average pain today', '4');
    await tap(page, 'Worst pain today', '6');
    await page.getByLabel('Hours of sleep').fill('7.5');
    await tap(page, 'Sleep quality', 'Good');

    // "More" opens the rest: the plan's therapies and self-care, her medicines.
    await page.getByRole('button', { name: 'More' }).click();
    // (A chip's checkbox is visually hidden behind its label, which is what is tapped.)
    const more = page.getByRole('group', { name: 'Therapies done today' });
    await more.getByText('Acupuncture', { exact: true }).waitFor();
    await more.getByText('Tai chi', { exact: true }).waitFor();
    await page
      .getByRole('group', { name: 'Medicines and supplements taken today' })
      .getByText('sertraline 50 mg', { exact: true })
      .waitFor();
    await page.getByText('A short walk after lunch', { exact: true }).click();
    await expect(page.getByRole('checkbox', { name: 'A short walk after lunch' }).isChecked()).resolves.toBe(
      true,
    );
    expect(await seriousAxeViolations(page)).toEqual([]);

    await page.getByRole('button', { name: "Save today's entry" }).click();
    await page
      .getByRole('status')
      .filter({ hasText: /^Saved at \d{1,2}:\d{2} [AP]M MST \(America\/Phoenix\)\.$/ })
      .waitFor();
    await page
      .getByRole('region', { name: 'Your last 7 days' })
      .getByText('Pain now 5 · average 4 · worst 6 · sleep 7.5 h (good)')
      .waitFor();

    // An earlier day is marked as added later.
    await page
      .getByLabel('Day', { exact: true })
      .fill(new Date(Date.parse(today) - 3 * 86_400_000).toISOString().slice(0, 10));
    await page.getByText('This entry will be marked as added later.').waitFor();
    await page.getByLabel('Day', { exact: true }).fill(today);
    await page.getByText('Today’s entry is loaded').waitFor();

    // My progress: today's entry is in the pain chart's table, the sessions are marked.
    await page.getByRole('link', { name: 'See my progress' }).click();
    await page.waitForURL('**/patient/progress');
    await page.getByRole('heading', { level: 1, name: 'My progress' }).waitFor();
    await page.getByText(/^This week: average pain \d+(\.\d)? over \d+ days?; last week /).waitFor();
    await page.getByRole('button', { name: 'Show the numbers: Pain by day' }).click();
    const painTable = page.getByRole('table', { name: 'Pain by day' });
    const todayRow = painTable.getByRole('row').filter({ hasText: tableDay(today) });
    await expect(todayRow.getByRole('cell').allTextContents()).resolves.toEqual(['5', '4', '6', '']);

    // Her five acupuncture visits: in the sessions table and as labelled marks on the chart.
    const sessions = page.getByRole('table', { name: 'Sessions attended' });
    await expect(sessions.getByRole('cell', { name: 'Acupuncture', exact: true }).count()).resolves.toBe(5);
    const pain = page.getByRole('region', { name: 'Your pain' });
    await expect(pain.locator('svg text', { hasText: /^Acupuncture$/ }).count()).resolves.toBe(5);
    await pain.locator('svg text', { hasText: /^Plan v2$/ }).waitFor();
    await page.getByRole('region', { name: 'Your goals' }).getByText('Sleep through the night').waitFor();
    await page
      .getByRole('region', { name: 'Mood (PHQ-9)' })
      .getByText(/mild depression symptoms/)
      .waitFor();
    expect(await seriousAxeViolations(page)).toEqual([]);

    // A PEG: word for word, one 0–10 scale per question.
    await page.getByRole('link', { name: 'Answer a questionnaire' }).click();
    await page.waitForURL('**/patient/questionnaires');
    await page
      .getByRole('region', { name: 'To answer' })
      .getByText(/^Next due /)
      .first()
      .waitFor();
    await page.getByRole('region', { name: 'To answer' }).getByRole('link', { name: 'PEG' }).click();
    await page.waitForURL('**/patient/questionnaires/peg');
    await page.getByText('Thinking about the past week:').waitFor();
    await page.getByRole('button', { name: 'Send my answers' }).click();
    await page.getByRole('alert').filter({ hasText: '3 questions are not answered yet.' }).waitFor();
    expect(await seriousAxeViolations(page)).toEqual([]);
    await tap(page, /^What number best describes your pain on average in the past week\?/, '3');
    await tap(page, /interfered with your enjoyment of life\?/, '4');
    await tap(page, /interfered with your general activity\?/, '2');
    await page.getByRole('button', { name: 'Send my answers' }).click();
    await page.getByRole('heading', { name: 'Your PEG score: 3 out of 10' }).waitFor();
    expect(await seriousAxeViolations(page)).toEqual([]);

    // The new score heads her past scores.
    await page.getByRole('link', { name: 'Back to questionnaires' }).first().click();
    await page.waitForURL('**/patient/questionnaires');
    const past = page.getByRole('region', { name: 'Your past scores' });
    await expect
      .poll(() => past.getByRole('listitem').first().innerText())
      .toMatch(/^PEG: 3 out of 10 \(lower is better\)/);
    expect(await seriousAxeViolations(page)).toEqual([]);
    await context.close();
  });

  it('a PHQ-9 answer about self-harm brings the crisis line at once', async () => {
    const context = await env.browser.newContext({
      bypassCSP: true,
      viewport: { width: 390, height: 844 },
      isMobile: true,
      hasTouch: true,
    });
    const page = await context.newPage();
    await signIn(page, env.server.url, 'maria.lopez@example.org');
    await page.waitForURL('**/patient');
    await page.goto(`${env.server.url}/patient/questionnaires/phq-9`);
    const groups = page.getByRole('radiogroup');
    await groups.first().waitFor();
    expect(await groups.count()).toBe(9);
    await page
      .getByRole('radiogroup', { name: 'Feeling down, depressed, or hopeless' })
      .getByRole('radio', { name: 'Several days' })
      .check();
    for (let i = 0; i < 9; i++) {
      const group = groups.nth(i);
      if ((await group.getByRole('radio', { checked: true }).count()) === 0)
        await group.getByRole('radio', { name: i === 8 ? 'Several days' : 'Not at all' }).check();
    }
    await page.getByRole('button', { name: 'Send my answers' }).click();
    const crisis = page.getByRole('alert').filter({ hasText: 'call or text 988' });
    await crisis
      .getByText(
        'If you are thinking about harming yourself, call or text 988 (Suicide & Crisis Lifeline) or call 911.',
      )
      .waitFor();
    await crisis.getByText('Your care team will be told').waitFor();
    await page.getByRole('heading', { name: 'Your PHQ-9 score: 2 out of 27' }).waitFor();
    await page.getByText('None or minimal depression symptoms.').waitFor();
    expect(await seriousAxeViolations(page)).toEqual([]);
    await context.close();
  });

  it('Maria turns on a daily diary reminder at a time of her choosing', async () => {
    const context = await env.browser.newContext({ bypassCSP: true, viewport: { width: 390, height: 844 } });
    const page = await context.newPage();
    await signIn(page, env.server.url, 'maria.lopez@example.org');
    await page.waitForURL('**/patient');
    await page.goto(`${env.server.url}/patient/diary`);
    const reminder = page.getByRole('region', { name: 'Daily reminder' });
    await reminder.getByText('Times are in America/Phoenix.', { exact: false }).waitFor();
    await reminder.getByLabel('Remind me to fill in my diary').check({ force: true });
    await reminder.getByLabel('Reminder time').fill('21:30');
    await reminder.getByRole('button', { name: 'Save reminder' }).click();
    await reminder.getByText('Saved: a reminder at 21:30 on days without an entry.').waitFor();
    await page.reload();
    await expect(
      page.getByRole('region', { name: 'Daily reminder' }).getByLabel('Reminder time').inputValue(),
    ).resolves.toBe('21:30');
    expect(await seriousAxeViolations(page)).toEqual([]);
    await context.close();
  });
});
