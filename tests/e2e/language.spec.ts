import { test, expect, strings, rememberLanguage } from './fixtures';

test('the language switch changes the texts and html lang, and is remembered', async ({ page }) => {
  await rememberLanguage(page, 'fi');
  await page.goto('/plans');
  await expect(page.locator('h1')).toHaveText(strings.fi.plans_title);

  await page.getByRole('button', { name: 'Svenska' }).click();
  await expect(page.locator('html')).toHaveAttribute('lang', 'sv');
  await expect(page.locator('h1')).toHaveText(strings.sv.plans_title);
  await expect(page.getByRole('button', { name: 'Svenska' })).toHaveAttribute('aria-pressed', 'true');

  // A fresh visit (no init script this time) keeps the chosen language.
  await page.context().clearCookies();
  const next = await page.context().newPage();
  await next.goto('/plans');
  await expect(next.locator('h1')).toHaveText(strings.sv.plans_title);
});

test('without a remembered choice the browser language is used', async ({ browser }) => {
  const context = await browser.newContext({ locale: 'sv-FI' });
  const page = await context.newPage();
  await page.goto('/');
  await expect(page.locator('html')).toHaveAttribute('lang', 'sv');
  await context.close();
});
