import { afterAll, beforeAll, describe, expect, it } from 'vitest';
// bypassCSP only lets the test inject axe-core; the app's own CSP is checked by the API tests.
import { seriousAxeViolations, signIn, useServerAndBrowser } from './harness.ts';

const env = useServerAndBrowser({ beforeAll, afterAll });

async function openMaria(email: string) {
  const context = await env.browser.newContext({ bypassCSP: true });
  const page = await context.newPage();
  await signIn(page, env.server.url, email);
  await page.waitForURL('**/clinician');
  await page.getByRole('link', { name: /Lopez/ }).first().click();
  await page.getByRole('heading', { name: 'Safety panel' }).waitFor();
  return { context, page };
}

describe('the safety panel in Chromium', () => {
  it("shows St John's wort with sertraline as Major in Maria's chart, with clickable sources, accessibly", async () => {
    const { context, page } = await openMaria('dr.patel@example.org');
    const panel = page.getByRole('region', { name: 'Safety panel' });
    const major = panel.getByRole('region', { name: 'Major' });
    await major
      .getByText(/St John.s wort/i)
      .first()
      .waitFor();
    await expect(major.getByText(/sertraline/i).count()).resolves.toBeGreaterThan(0);
    const sources = panel.locator('a[target="_blank"][href^="https://"]');
    await expect(sources.count()).resolves.toBeGreaterThan(0);
    expect(await seriousAxeViolations(page)).toEqual([]);
    await context.close();
  });

  it('previews what a new item would add while it is typed, and says when a name is not recognised', async () => {
    const { context, page } = await openMaria('dr.patel@example.org');
    const name = page.getByLabel(/^Name/);
    await name.fill('warfarin');
    const preview = page.locator('[aria-live="polite"]').filter({ hasText: /warfarin/i });
    await preview.first().waitFor();
    await name.fill('sertralin');
    await page
      .getByText(/Not recognised/i)
      .first()
      .waitFor();
    await page
      .getByRole('button', { name: /sertraline/i })
      .first()
      .waitFor();
    await context.close();
  });

  it('shows Maria her own findings in plain words, without an acknowledge button', async () => {
    const context = await env.browser.newContext({ bypassCSP: true });
    const page = await context.newPage();
    await signIn(page, env.server.url, 'maria.lopez@example.org');
    await page.waitForURL('**/patient');
    await page
      .getByText(/St John.s wort/i)
      .first()
      .waitFor();
    await expect(page.getByRole('button', { name: /acknowledge/i }).count()).resolves.toBe(0);
    expect(await seriousAxeViolations(page)).toEqual([]);
    await context.close();
  });
});
