import { test, expect, strings, rememberLanguage } from './fixtures';

const t = strings.fi;

test('keyboard alone reaches the skip link, every nav item and the language switch', async ({ page }) => {
  await rememberLanguage(page, 'fi');
  await page.goto('/');
  await expect(page.locator('h1')).toBeVisible();

  await page.keyboard.press('Tab');
  await expect(page.locator(':focus')).toHaveText(t.skip_to_content);

  const wanted = new Set([t.nav_plans, t.nav_projects, t.nav_events, t.nav_followed, 'Suomi', 'Svenska', 'English']);
  for (let i = 0; i < 20 && wanted.size > 0; i++) {
    await page.keyboard.press('Tab');
    wanted.delete(((await page.locator(':focus').textContent()) ?? '').trim());
  }
  expect([...wanted]).toEqual([]);
});

test('the skip link moves focus to the main content', async ({ page }) => {
  await rememberLanguage(page, 'fi');
  await page.goto('/plans');
  await expect(page.locator('h1')).toBeVisible();
  await page.keyboard.press('Tab');
  await page.keyboard.press('Enter');
  await expect(page.locator(':focus')).toHaveAttribute('id', 'os-main');
});

test('Enter on a nav item opens the page and puts focus on its heading', async ({ page }) => {
  await rememberLanguage(page, 'fi');
  await page.goto('/');
  const nav = page.getByRole('navigation', { name: t.nav_label });
  await nav.getByRole('link', { name: t.nav_events }).focus();
  await page.keyboard.press('Enter');
  await expect(page).toHaveURL(/\/events$/);
  await expect(page.locator('h1')).toHaveText(t.events_title);
  await expect(page.locator('h1')).toBeFocused();
  await expect(nav.getByRole('link', { name: t.nav_events })).toHaveAttribute('aria-current', 'page');
  await page.goBack();
  await expect(page.locator('h1')).not.toHaveText(t.events_title);
});
