import { test, expect, strings, config, rememberLanguage } from './fixtures';

// Edges found by running the app as a new municipality would (issue "Correct against the real
// municipal servers"): no participant made by reading, no CSP reports from hostile backend
// HTML, and kiosk QR buttons that say what they open.

const en = strings.en;

test('reading a plan creates no participant; the first write does', async ({ page }) => {
  const posts: string[] = [];
  page.on('request', (r) => {
    if (r.method() === 'POST') posts.push(new URL(r.url()).pathname);
  });
  await rememberLanguage(page, 'en');
  await page.goto('/plans/1');
  await expect(page.locator('.os-comment').first()).toBeVisible();
  await page.goto('/events');
  await expect(page.locator('h1')).toBeVisible();
  await page.goto('/plans/1');
  await expect(page.locator('.os-comment').first()).toBeVisible();
  expect(posts).toEqual([]);
  expect(await page.evaluate(() => Object.keys(localStorage).filter((k) => k.includes('participant')))).toEqual([]);

  // A vote is a write: now the device gets its participant, once.
  const created = page.waitForResponse((r) => r.url().endsWith('/api/v1/participants') && r.request().method() === 'POST');
  await page.locator('.os-comment').first().getByRole('button', { name: new RegExp(`^${en.plans_vote.split('{')[0].trim()}`) }).first().click();
  expect((await created).status()).toBe(201);
  await expect.poll(() => posts.filter((p) => p.endsWith('/participants')).length).toBe(1);
});

test('hostile backend HTML is shown sanitised without a single CSP report', async ({ page, cspViolations }) => {
  const payloads = [
    '<img src=x onerror="window.__xss=1">',
    '<svg/onload=window.__xss=2>',
    '<p onclick="window.__xss=3" onmouseover=\'window.__xss=4\'>Klikkaa</p>',
    '<video><source onerror="window.__xss=5"></video>',
    '<math><mtext><table><mglyph><style><img src=x onerror=window.__xss=6></style></mglyph></table></mtext></math>',
    '<a href="javascript:window.__xss=7">x</a>',
  ];
  await page.route('**/api/v1/plans/1', async (route) => {
    const res = await route.fetch();
    const body = await res.json();
    for (const l of ['fi', 'sv', 'en']) body.description[l] = `<p>Kuvaus</p>${payloads.join('')}`;
    return route.fulfill({ response: res, json: body });
  });
  await rememberLanguage(page, 'en');
  await page.goto('/plans/1');
  await expect(page.locator('.os-rich-text')).toContainText('Kuvaus');
  await expect(page.locator('.os-rich-text')).toHaveAttribute('data-state', 'html');
  await expect(page.locator('.os-rich-text [onerror], .os-rich-text [onclick], .os-rich-text img, .os-rich-text svg')).toHaveCount(0);
  await page.locator('.os-rich-text').hover();
  expect(await page.evaluate(() => (window as any).__xss)).toBeUndefined();
  expect(await cspViolations()).toEqual([]);
});

test('on a kiosk every "Continue on your phone" button is named after what it opens', async ({ page }, info) => {
  test.skip(info.project.name !== 'desktop', 'one viewport is enough');
  await page.route('**/config.json', (route) =>
    route.fulfill({ json: { ...config, kiosk: { enabled: true, idle_reset_seconds: 3600 } } }),
  );
  await rememberLanguage(page, 'fi');
  await page.goto('/plans/1');
  const buttons = page.locator('.os-kiosk-phone');
  await expect(buttons.first()).toBeVisible();
  const names: string[] = [];
  for (const b of await buttons.all()) {
    const label = await b.evaluate((el) => {
      const ids = (el.getAttribute('aria-labelledby') ?? '').split(/\s+/).filter(Boolean);
      return ids.map((id) => document.getElementById(id)?.textContent?.trim() ?? '').join(' ');
    });
    names.push(label);
  }
  expect(names.length).toBeGreaterThan(1);
  // Each name starts with the shared words and then says which document or site it is.
  for (const n of names) expect(n.startsWith(strings.fi.kiosk_phone)).toBe(true);
  expect(new Set(names).size).toBe(names.length);
  // The accessible name the browser computes is the same.
  await expect(buttons.first()).toHaveAccessibleName(names[0]);
});
