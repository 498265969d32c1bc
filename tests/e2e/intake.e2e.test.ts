import { afterAll, beforeAll, describe, expect, it } from 'vitest';
// bypassCSP only lets the test inject axe-core; the app's own CSP is checked by the API tests.
import { seriousAxeViolations, signIn, useServerAndBrowser } from './harness.ts';

const env = useServerAndBrowser({ beforeAll, afterAll });

const reasons = 'Low mood and poor sleep since the winter; I would like to feel like myself again.';

describe('patient intake in Chromium', () => {
  it('David fills in his health questionnaire, saves a draft, finds it kept after a reload, and sends it to his care team; his plan page waits for the consultation', async () => {
    const context = await env.browser.newContext({ bypassCSP: true });
    const page = await context.newPage();
    await signIn(page, env.server.url, 'david.nguyen@example.org');
    await page.waitForURL('**/patient');

    // The portal home says he has not started, and leads to the questionnaire.
    const care = page.getByRole('region', { name: 'Your care' });
    await care.getByText('Not started yet.').waitFor();
    await care.getByRole('link', { name: 'Your health questionnaire' }).click();
    await page.waitForURL('**/patient/intake');
    await page.getByRole('heading', { level: 1, name: 'Your health questionnaire' }).waitFor();
    await page.getByLabel('Why are you coming to the program?').waitFor();
    expect(await seriousAxeViolations(page)).toEqual([]);

    // Sending too early: the server's gaps are listed, and the (empty) answers are saved as a draft.
    await page.getByRole('button', { name: 'Submit to my care team' }).click();
    const refused = page.getByRole('alert').filter({ hasText: 'Not sent yet' });
    await refused.getByText('Tell us why you are coming to the program.').waitFor();
    await refused.getByText('List your allergies, or confirm that you have none.').waitFor();

    // His answers.
    await page.getByLabel('Why are you coming to the program?').fill(reasons);
    await page.getByLabel('Goal 1').fill('Sleep through the night');

    const first = page.getByRole('group', { name: 'Medicine or supplement 1' });
    await first.getByLabel('Medicine or supplement name').fill('Sertraline');
    // The name is recognised from the knowledge base's typing suggestions.
    await first.getByText('In our list as sertraline (medicine).').waitFor();
    await first.getByLabel('Dose', { exact: true }).fill('50 mg');
    await first.getByLabel('How often', { exact: true }).fill('daily');

    await page.getByRole('button', { name: 'Add a medicine or supplement' }).click();
    const second = page.getByRole('group', { name: 'Medicine or supplement 2' });
    // The new row's name has the focus.
    await expect
      .poll(() =>
        second.getByLabel('Medicine or supplement name').evaluate((el) => el === document.activeElement),
      )
      .toBe(true);
    await second.getByLabel('Medicine or supplement name').fill("St John's wort");
    await second.getByText("In our list as St John's wort (supplement).").waitFor();
    await expect(second.getByLabel('Medicine or supplement?').inputValue()).resolves.toBe('supplement');
    await second.getByLabel('Dose', { exact: true }).fill('300 mg');
    await second.getByLabel('How often', { exact: true }).fill('three times a day');

    // A name the knowledge base does not know is kept, with a note.
    await page.getByRole('button', { name: 'Add a medicine or supplement' }).click();
    const third = page.getByRole('group', { name: 'Medicine or supplement 3' });
    await third.getByLabel('Medicine or supplement name').fill('Grandma Tran tonic');
    await third.getByText('Not in our list yet — your care team will check it.').waitFor();
    await third.getByRole('button', { name: 'Remove medicine or supplement 3' }).click();
    await third.waitFor({ state: 'detached' });

    await page.getByLabel('No known allergies').check();

    // Two of the screening questions, answered in words.
    await page
      .getByRole('radiogroup', { name: 'Feeling down, depressed or hopeless' })
      .getByRole('radio', { name: 'More than half the days' })
      .check();
    await page
      .getByRole('radiogroup', { name: 'Having little interest or pleasure in doing things' })
      .getByRole('radio', { name: 'Several days' })
      .check();
    expect(await seriousAxeViolations(page)).toEqual([]);

    await page.getByRole('status').filter({ hasText: 'You have changes that are not saved yet.' }).waitFor();
    await page.getByRole('button', { name: 'Save draft' }).click();
    await page
      .getByRole('status')
      .filter({ hasText: /^Saved at \d{1,2}:\d{2} [AP]M E[SD]T \(America\/New_York\)\.$/ })
      .waitFor();

    // After a reload the draft is as he left it.
    await page.reload();
    await page.getByLabel('Why are you coming to the program?').waitFor();
    await expect(page.getByLabel('Why are you coming to the program?').inputValue()).resolves.toBe(reasons);
    const kept = page.getByRole('group', { name: 'Medicine or supplement 2' });
    await expect(kept.getByLabel('Medicine or supplement name').inputValue()).resolves.toBe("St John's wort");
    await expect(kept.getByLabel('Dose', { exact: true }).inputValue()).resolves.toBe('300 mg');
    await expect(kept.getByLabel('How often', { exact: true }).inputValue()).resolves.toBe(
      'three times a day',
    );
    await expect(
      page
        .getByRole('group', { name: 'Medicine or supplement 1' })
        .getByLabel('Medicine or supplement name')
        .inputValue(),
    ).resolves.toBe('Sertraline');
    await expect(page.getByLabel('No known allergies').isChecked()).resolves.toBe(true);
    await expect(
      page
        .getByRole('radiogroup', { name: 'Feeling down, depressed or hopeless' })
        .getByRole('radio', { name: 'More than half the days' })
        .isChecked(),
    ).resolves.toBe(true);
    await page
      .getByRole('status')
      .filter({ hasText: /^Saved at / })
      .waitFor();

    // He sends it; the confirmation and what he sent are shown.
    await page.getByRole('button', { name: 'Submit to my care team' }).click();
    await page.getByRole('heading', { name: 'Your answers were sent to your care team' }).waitFor();
    await page.getByText('Your care team will read your answers before your first consultation.').waitFor();
    await page.getByText("St John's wort, 300 mg, three times a day").waitFor();
    await page.getByText('Sertraline, 50 mg, daily').waitFor();
    await page.getByRole('button', { name: 'Update my answers' }).waitFor();
    expect(await seriousAxeViolations(page)).toEqual([]);

    // His plan page waits for the consultation.
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'My plan' }).click();
    await page.waitForURL('**/patient/plan');
    await page.getByRole('heading', { level: 1, name: 'My plan' }).waitFor();
    await page.getByText('Your plan will appear here after your consultation.').waitFor();
    await page.getByRole('link', { name: 'Book a visit' }).first().waitFor();
    expect(await seriousAxeViolations(page)).toEqual([]);

    // The home page says the questionnaire was sent.
    await page.getByRole('link', { name: 'Patient portal' }).click();
    await page.waitForURL('**/patient');
    await page
      .getByRole('region', { name: 'Your care' })
      .getByText(/^Sent to your care team on /)
      .waitFor();
    await context.close();
  });
});
