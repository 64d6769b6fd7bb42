import { test, expect, strings, rememberLanguage } from './fixtures';

// WCAG 1.4.10 Reflow: at 320 CSS px (what a 1280 px window shows at 400 % zoom, or a small
// phone) nothing may need horizontal scrolling.
const PATHS = ['/', '/plans', '/projects', '/events', '/followed', '/accessibility', '/no/such-page'];

test.use({ viewport: { width: 320, height: 640 } });

for (const path of PATHS) {
  test(`${path} reflows at 320 px without horizontal scrolling`, async ({ page }) => {
    await rememberLanguage(page, 'fi');
    await page.goto(path);
    await expect(page.locator('h1')).toBeVisible();
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    expect(overflow).toBeLessThanOrEqual(0);
    // Every interactive element keeps a 44 px touch target.
    const small = await page.evaluate(() =>
      [...document.querySelectorAll<HTMLElement>('.os-root a, .os-root button')]
        .filter((el) => el.offsetParent !== null && !el.classList.contains('os-skip-link'))
        .map((el) => ({ text: el.textContent?.trim(), r: el.getBoundingClientRect() }))
        .filter(({ r }) => r.height < 44 || r.width < 44)
        .map(({ text, r }) => `${text} ${Math.round(r.width)}×${Math.round(r.height)}`),
    );
    expect(small).toEqual([]);
  });
}

test('the German-length words of Swedish still fit at 320 px', async ({ page }) => {
  await rememberLanguage(page, 'sv');
  await page.goto('/accessibility');
  await expect(page.locator('h1')).toHaveText(strings.sv.a11y_title);
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  expect(overflow).toBeLessThanOrEqual(0);
});
