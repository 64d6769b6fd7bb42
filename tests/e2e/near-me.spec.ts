import { test, expect, strings, rememberLanguage } from './fixtures';

// "Nearest first": the position is asked for only when the resident presses the button.

type ApiPlan = { id: number; title: { en: string }; bbox: [number, number, number, number] | null };

test('plans sort nearest first from the resident\'s position, with distances', async ({ page, context, request }) => {
  const en = strings.en;
  const plans: ApiPlan[] = (await (await request.get('/api/v1/plans?limit=100')).json()).items;
  const located = plans.filter((p) => p.bbox);
  expect(located.length).toBeGreaterThan(2);
  // Stand in the middle of the plan that the usual order shows last.
  await rememberLanguage(page, 'en');
  await page.goto('/plans');
  const cards = page.locator('.os-plan-card');
  await expect(cards.first()).toBeVisible();
  const titles = await cards.locator('h3').allInnerTexts();
  const target = located.find((p) => p.title.en === titles.filter((t) => located.some((l) => l.title.en === t)).pop())!;
  const [w, s, e, n] = target.bbox!;
  await context.grantPermissions(['geolocation']);
  await context.setGeolocation({ latitude: (s + n) / 2, longitude: (w + e) / 2 });
  // No position is asked for before the button is pressed.
  await expect(page.locator('.os-card__distance')).toHaveCount(0);

  const button = page.getByRole('button', { name: en.near_me_button });
  await button.click();
  await expect(button).toHaveAttribute('aria-pressed', 'true');
  await expect(page.getByText(en.near_me_on)).toBeVisible();
  await expect(cards.first().locator('h3')).toHaveText(target.title.en);
  await expect(cards.first().locator('.os-card__distance')).toHaveText(en.near_me_distance.replace('{distance}', '50 m'));
  // Distances grow down the list.
  const metres = (await page.locator('.os-plan-card .os-card__distance').allInnerTexts()).map((t) => {
    const m = t.match(/([\d.]+) (m|km)/)!;
    return Number(m[1]) * (m[2] === 'km' ? 1000 : 1);
  });
  expect(metres).toEqual([...metres].sort((a, b) => a - b));

  // Pressing again restores the usual order.
  await button.click();
  await expect(button).toHaveAttribute('aria-pressed', 'false');
  await expect(cards.locator('h3')).toHaveText(titles);
  await expect(page.locator('.os-card__distance')).toHaveCount(0);
  // The position was never stored on the device.
  const stored = await page.evaluate(() => JSON.stringify({ ...localStorage }) + JSON.stringify({ ...sessionStorage }));
  expect(stored).not.toContain(String(((s + n) / 2).toFixed(3)));
});

test('events sort nearest first, online events last', async ({ page, context }) => {
  const en = strings.en;
  await context.grantPermissions(['geolocation']);
  // Virtala library (Kirjastokatu 3), the venue of the resident evening.
  await context.setGeolocation({ latitude: 60.3942, longitude: 25.6627 });
  await rememberLanguage(page, 'en');
  await page.goto('/events');
  const cards = page.locator('.os-ev-card');
  await expect(cards.first()).toBeVisible();
  await page.getByRole('button', { name: en.near_me_button }).click();
  await expect(cards.first()).toContainText('Virtala library');
  await expect(cards.first().locator('.os-card__distance')).toHaveText(en.near_me_distance.replace('{distance}', '50 m'));
  // The online event has no distance and comes after every event with a venue.
  const hasDistance = await cards.evaluateAll((els) => els.map((el) => !!el.querySelector('.os-card__distance')));
  const firstWithout = hasDistance.indexOf(false);
  if (firstWithout >= 0) expect(hasDistance.slice(firstWithout).every((d) => !d)).toBe(true);
});
