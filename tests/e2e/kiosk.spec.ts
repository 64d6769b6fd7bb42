import type { APIRequestContext, Locator, Page } from '@playwright/test';
import jsQR from 'jsqr';
import { PNG } from 'pngjs';
import { test, expect, strings, config, axeViolations, screenshot } from './fixtures';

// Library kiosk mode on a portrait touch screen: the idle countdown and reset (every storage
// wiped, the start page in the default language, nothing of the previous resident behind
// Back), "Continue" keeping the session, and links to other sites shown as QR codes that
// decode to the right addresses. The idle time is shortened to 12 s (warning for the last 6).
//
// In most tests the page's clock stands still (Playwright's `clock.setFixedTime`) until the test
// moves it with `pass()`: what the idle guard sees then depends on the steps, never on how fast a
// busy machine runs them (an axe scan that outlasts the countdown used to reset the kiosk
// mid-test). The test of Back after a reset runs on the real clock, because the fake one also
// hides how a document was reached (`performance.getEntriesByType('navigation')` is empty), with
// an idle time long enough for its steps.

const fi = strings.fi;
const en = strings.en;
const IDLE_SECONDS = 12;
const kioskConfig = { ...config, kiosk: { enabled: true, idle_reset_seconds: IDLE_SECONDS } };

// The service worker would answer requests before page.route() sees them: blocked here, and
// let run in the one test about it.
test.use({
  viewport: { width: 1080, height: 1920 }, hasTouch: true, isMobile: false, deviceScaleFactor: 1,
  serviceWorkers: 'block',
});

let now = 0;

test.beforeEach(async ({ page }, info) => {
  test.skip(info.project.name !== 'desktop', 'the kiosk profile runs once, in its own viewport');
  test.setTimeout(info.timeout * 3);
  await page.route('**/config.json', (route) =>
    route.fulfill({ status: 200, contentType: 'application/json', body: JSON.stringify(kioskConfig) }),
  );
  if (!info.title.startsWith('left alone')) {
    now = Date.now();
    await page.clock.setFixedTime(now);
  }
});

/** Lets `seconds` pass on the page's clock, once the idle guard is running. */
async function pass(page: Page, seconds: number) {
  await expect(page.locator('dialog.os-kiosk-dialog')).toBeAttached();
  now += seconds * 1000;
  await page.clock.setFixedTime(now);
}

/** Everything the browser keeps for the app's origin. */
async function leftovers(page: Page) {
  return page.evaluate(async () => ({
    localStorage: Object.keys(localStorage),
    sessionStorage: Object.keys(sessionStorage),
    indexedDB: (await indexedDB.databases()).map((d) => d.name),
    caches: await caches.keys(),
    cookies: document.cookie,
  }));
}
const NOTHING = { localStorage: [], sessionStorage: [], indexedDB: [], caches: [], cookies: '' };

/** The QR code in `scope`, read back from a screenshot of it. */
async function decodeQr(scope: Locator): Promise<string | undefined> {
  const code = scope.locator('[data-testid=kiosk-qr]');
  await expect(code).toBeVisible();
  const png = PNG.sync.read(await code.screenshot());
  return jsQR(new Uint8ClampedArray(png.data), png.width, png.height)?.data;
}

async function eventBySlug(request: APIRequestContext, slug: string) {
  const r = await request.get('/api/v1/events?limit=100');
  const found = (await r.json()).items.find((e: { slug: string }) => e.slug === slug);
  expect(found, `demo event ${slug}`).toBeTruthy();
  return found as { id: number };
}

test('left alone, the kiosk counts down, wipes everything and starts over; Back shows nothing', async ({ page, blocked, cspViolations }) => {
  // The real clock (see above): an idle time no step of this test comes near.
  const REAL_IDLE_SECONDS = 40;
  await page.unroute('**/config.json');
  await page.route('**/config.json', (route) =>
    route.fulfill({ json: { ...config, kiosk: { enabled: true, idle_reset_seconds: REAL_IDLE_SECONDS } } }),
  );
  const comment = `Kioskin luonnos ${Date.now().toString(36)}`;
  const name = `Kiosk Resident ${Date.now().toString(36)}`;

  await page.goto('/');
  await expect(page.locator('.os-root.os-kiosk')).toBeVisible();
  await expect(page.locator('html')).toHaveAttribute('lang', 'fi');
  // The resident switches to English and moves around in the app (history entries).
  await page.getByRole('button', { name: 'English' }).tap();
  await expect(page.locator('html')).toHaveAttribute('lang', 'en');
  await page.getByRole('navigation').getByRole('link', { name: en.nav_plans }).tap();
  await page.locator('.os-plan-card', { hasText: 'Jokiranta' }).getByRole('link').tap();
  await expect(page).toHaveURL(/\/plans\/1$/);
  await page.getByLabel(en.plans_form_text).fill(comment);
  await page.getByLabel(en.plans_form_nickname).fill(name);
  await expect.poll(async () => JSON.stringify(await page.evaluate(() => ({ ...sessionStorage })))).toContain(comment);

  await page.getByRole('navigation').getByRole('link', { name: en.nav_events }).tap();
  await page.locator('.os-ev-card').first().getByRole('link').first().tap();
  await expect(page.getByRole('heading', { name: en.ev_join_title, level: 2 })).toBeVisible();
  await page.getByLabel(en.ev_join_name).fill(name);
  await page.getByLabel(en.ev_join_email).fill('kiosk@example.fi');
  // Whatever else may sit on the origin: a cookie, an IndexedDB database, a Cache Storage cache.
  await page.evaluate(async () => {
    document.cookie = 'kiosk_site=1; path=/; max-age=3600';
    await new Promise((resolve) => {
      const open = indexedDB.open('kiosk-test');
      open.onsuccess = () => { open.result.close(); resolve(null); };
    });
    await (await caches.open('kiosk-test')).put('/kiosk-test', new Response('x'));
  });
  const before = await leftovers(page);
  expect(before.sessionStorage.length).toBeGreaterThan(0);
  expect(before.indexedDB).toContain('kiosk-test');
  expect(before.cookies).toContain('kiosk_site=1');
  const eventUrl = page.url();

  // No input: the countdown dialog, then the reset.
  const dialog = page.getByRole('alertdialog', { name: en.kiosk_idle_title });
  await expect(dialog).toBeVisible({ timeout: REAL_IDLE_SECONDS * 1000 });
  await expect(dialog.getByRole('button', { name: en.kiosk_idle_continue })).toBeFocused();
  await expect(page).toHaveURL(/\/$/, { timeout: REAL_IDLE_SECONDS * 1000 });
  await expect(page.locator('.os-root.os-kiosk h1')).toBeVisible();
  await expect(page.locator('html')).toHaveAttribute('lang', 'fi');
  await expect(page.getByRole('heading', { level: 1 })).toContainText(fi.home_title.split('{')[0].trim());
  await expect.poll(() => leftovers(page)).toEqual(NOTHING);
  expect(await page.context().cookies()).toEqual([]);
  await expect(page.getByText(name)).toHaveCount(0);

  // Back: every earlier entry of the session shows the start page, with nothing typed.
  const visited: string[] = [];
  page.on('framenavigated', (f) => { if (f === page.mainFrame()) visited.push(new URL(f.url()).pathname); });
  for (let i = 0; i < 3; i++) {
    await page.goBack();
    await expect(page).toHaveURL(/\/$/);
    await expect(page.locator('.os-root.os-kiosk h1')).toBeVisible();
    await expect(page.getByText(name)).toHaveCount(0);
    await expect(page.getByText(comment)).toHaveCount(0);
    expect(page.url()).not.toBe(eventUrl);
  }
  // Back did reach the earlier addresses (/events, /plans/1, /plans), each replaced at once.
  expect(visited).toEqual(expect.arrayContaining(['/events', '/plans/1', '/plans']));
  expect(JSON.stringify(await leftovers(page))).not.toContain(comment);
  expect(await cspViolations()).toEqual([]);
  expect(blocked).toEqual([]);
});

test('a comment sent while the terminal could not reach the server survives the reset, without its name, and is delivered when its plan is next opened', async ({ page, request }) => {
  const text = `Kioskista lähetetty ${Date.now().toString(36)}`;
  const name = `Kiosk Sender ${Date.now().toString(36)}`;
  // The terminal cannot reach the server for comments: the comment is queued, not sent.
  await page.route('**/api/v1/plans/1/comments', (route) =>
    route.request().method() === 'POST' ? route.abort('internetdisconnected') : route.fallback(),
  );
  await page.goto('/plans/1');
  await page.getByLabel(fi.plans_form_text).fill(text);
  await page.getByLabel(fi.plans_form_nickname).fill(name);
  await page.getByRole('button', { name: fi.plans_form_send }).click();
  await expect(page.locator('.os-form__status').first()).not.toBeEmpty();
  await expect.poll(async () => JSON.stringify(await page.evaluate(() => ({ ...sessionStorage })))).toContain(text);

  await pass(page, IDLE_SECONDS + 1);
  await expect(page).toHaveURL(/\/$/);
  await expect(page.locator('.os-root.os-kiosk')).toBeVisible();
  // Only the queued comment is left on the terminal, and nothing in it names anyone.
  const kept = await page.evaluate(() => ({ ...sessionStorage }));
  expect(JSON.stringify(kept)).toContain(text);
  expect(JSON.stringify(kept)).not.toContain(name);
  expect(Object.keys(kept).every((k) => k.includes('outbox'))).toBe(true);

  await page.unroute('**/api/v1/plans/1/comments');
  await page.goto('/plans/1');
  await expect.poll(async () => {
    const res = await request.get('/api/v1/plans/1/comments?limit=1000');
    return ((await res.json()).items as any[]).filter((c) => c.text === text).map((c) => c.nickname);
  }).toEqual([null]);
  await expect(page.locator('.os-comment', { hasText: text })).toBeVisible();
});

test('the countdown dialog is accessible and "Continue" keeps the session', async ({ page }) => {
  const comment = `Jatkuva luonnos ${Date.now().toString(36)}`;
  await page.goto('/plans/1');
  await expect(page.locator('.os-comment').first()).toBeVisible();
  expect(await axeViolations(page)).toEqual([]);
  await screenshot(page, 'kiosk-fi-plan');
  await page.getByLabel(fi.plans_form_text).fill(comment);
  // A nickname is never remembered on a kiosk.
  await expect(page.getByText(fi.plans_form_nickname_hint_kiosk)).toBeVisible();

  const dialog = page.getByRole('alertdialog', { name: fi.kiosk_idle_title });
  await pass(page, IDLE_SECONDS - 5);
  await expect(dialog).toBeVisible();
  const resume = dialog.getByRole('button', { name: fi.kiosk_idle_continue });
  await expect(resume).toBeFocused();
  await expect(page.getByTestId('kiosk-countdown')).toHaveText(/\d+/);
  // Heard at a few steps only: at this idle time, the start of the warning and 5 seconds.
  await expect(page.locator('#os-kiosk-idle-status')).toHaveText(/[56]/);
  expect(await axeViolations(page)).toEqual([]);
  await page.screenshot({ path: `${__dirname}/artifacts/kiosk-fi-idle-dialog.png` });

  await resume.tap();
  await expect(dialog).toBeHidden();
  await expect(page.getByLabel(fi.plans_form_text)).toHaveValue(comment);
  // The full time starts again: still no dialog a few seconds later.
  await pass(page, 3);
  await page.waitForTimeout(500);
  await expect(dialog).toBeHidden();
  // Touching the page counts as use too.
  await page.getByLabel(fi.plans_form_text).tap();
  await pass(page, 3);
  await page.waitForTimeout(500);
  await expect(dialog).toBeHidden();
  await expect(page).toHaveURL(/\/plans\/1$/);
});

test('links to other sites become QR codes that decode to their addresses', async ({ page, request, blocked, cspViolations }) => {
  // The footer's municipality website.
  await page.goto('/');
  const footer = page.locator('.os-footer');
  await expect(footer.getByRole('link', { name: fi.footer_website })).toHaveCount(0);
  await footer.getByRole('button', { name: fi.kiosk_phone }).tap();
  await expect(footer.getByRole('button', { name: fi.kiosk_phone })).toHaveAttribute('aria-expanded', 'true');
  expect(await decodeQr(footer)).toBe(config.municipality.website);
  await expect(footer.getByTestId('kiosk-qr-url')).toHaveText(config.municipality.website);
  expect(await axeViolations(page)).toEqual([]);
  await screenshot(page, 'kiosk-fi-home-qr');

  // A plan document.
  const plan = await (await request.get('/api/v1/plans/1')).json();
  const doc = plan.documents[0];
  await page.goto('/plans/1');
  const docs = page.locator('.os-plan__documents');
  await expect(docs.locator('a')).toHaveCount(0);
  await docs.getByRole('button', { name: fi.kiosk_phone }).first().tap();
  expect(await decodeQr(docs)).toBe(doc.url);

  // An event's online link, once it is open (the event is moved to start now).
  const online = await eventBySlug(request, 'mantymaki-verkkoinfo');
  await page.route(`**/api/v1/events/${online.id}`, async (route) => {
    const response = await route.fetch();
    const body = await response.json();
    body.starts_at = new Date(Date.now() - 5 * 60_000).toISOString();
    body.ends_at = new Date(Date.now() + 55 * 60_000).toISOString();
    await route.fulfill({ response, json: body });
  });
  await page.goto(`/events/${online.id}`);
  const section = page.locator('.os-ev-online');
  await expect(section.getByText(fi.ev_online_kiosk)).toBeVisible();
  await expect(section.locator('a')).toHaveCount(0);
  await section.getByRole('button', { name: fi.kiosk_phone }).tap();
  expect(await decodeQr(section)).toBe('https://meet.virtala.example/mantymaki');
  expect(await axeViolations(page)).toEqual([]);
  await screenshot(page, 'kiosk-fi-event-online-qr');
  expect(page.url()).toContain(`/events/${online.id}`);
  expect(await cspViolations()).toEqual([]);
  expect(blocked).toEqual([]);
});

test('a link inside backend rich text shows its QR code instead of leaving the app', async ({ page }) => {
  await page.route('**/api/v1/plans/1', async (route) => {
    const response = await route.fetch();
    const body = await response.json();
    const html = '<p>Lisätietoa <a href="https://example.org/kaava">kaavasivulla</a>.</p>';
    body.description = { fi: html, sv: html, en: html };
    await route.fulfill({ response, json: body });
  });
  await page.goto('/plans/1');
  const link = page.locator('.os-rich-text a', { hasText: 'kaavasivulla' });
  await expect(link).toBeVisible();
  await link.tap();
  await expect(page).toHaveURL(/\/plans\/1$/);
  const panel = page.locator('.os-qr');
  expect(await decodeQr(panel)).toBe('https://example.org/kaava');
});

test('every control is a large touch target and the type is larger', async ({ page }) => {
  const small = async () =>
    page.evaluate(() =>
      [...document.querySelectorAll('.os-root a, .os-root button, .os-root input, .os-root select, .os-root textarea')]
        .filter((el) => !el.closest('.os-skip-link, .leaflet-container') && !el.classList.contains('os-skip-link'))
        .map((el) => ({ el, box: el.getBoundingClientRect() }))
        .filter(({ el, box }) => box.width > 0 && (el as HTMLInputElement).type !== 'hidden' && box.height < 56
          && !['radio', 'checkbox'].includes((el as HTMLInputElement).type))
        .map(({ el, box }) => `${el.tagName.toLowerCase()}.${el.className} "${el.textContent?.trim().slice(0, 30)}" ${Math.round(box.height)}px`),
    );
  for (const path of ['/', '/plans/1', '/events']) {
    await page.goto(path);
    await expect(page.locator('.os-root.os-kiosk h1')).toBeVisible();
    await page.waitForLoadState('networkidle');
    expect(await small(), path).toEqual([]);
  }
  const px = (selector: string) =>
    page.evaluate((s) => parseFloat(getComputedStyle(document.querySelector(s)!).fontSize), selector);
  expect(await px('.os-root')).toBe(20);
  expect(await px('.os-page__intro')).toBeGreaterThanOrEqual(20);
  expect(await px('h1')).toBeGreaterThanOrEqual(36);
});

test('?kiosk=1 makes any installation a kiosk for the session, through its resets', async ({ page }) => {
  await page.unroute('**/config.json');
  await page.route('**/config.json', (route) =>
    route.fulfill({
      status: 200,
      contentType: 'application/json',
      body: JSON.stringify({ ...config, kiosk: { enabled: false, idle_reset_seconds: IDLE_SECONDS } }),
    }),
  );
  await page.goto('/plans');
  await expect(page.locator('.os-root')).not.toHaveClass(/os-kiosk/);
  await page.goto('/?kiosk=1');
  await expect(page.locator('.os-root.os-kiosk')).toBeVisible();
  await page.getByRole('navigation').getByRole('link', { name: fi.nav_events }).tap();
  await page.reload();
  await expect(page.locator('.os-root.os-kiosk')).toBeVisible();
  // The reset keeps the mode: the start page is loaded with ?kiosk=1 again.
  await pass(page, IDLE_SECONDS + 1);
  await expect(page).toHaveURL(/\/\?kiosk=1$/);
  await expect(page.locator('.os-root.os-kiosk')).toBeVisible();
  expect((await leftovers(page)).sessionStorage).toEqual(['osallistu.kiosk']);
});

test.describe('with the service worker of normal use in the same browser', () => {
  test.use({ serviceWorkers: 'allow' });

  test('the reset unregisters it before clearing its caches, and a kiosk registers none', async ({ page, context }) => {
    // context.route() also sees the service worker's own requests (Chromium).
    await page.unroute('**/config.json');
    await context.route('**/config.json', (route) =>
      route.fulfill({
        status: 200,
        contentType: 'application/json',
        body: JSON.stringify({ ...config, kiosk: { enabled: false, idle_reset_seconds: IDLE_SECONDS } }),
      }),
    );
    await page.goto('/plans');
    await expect(page.locator('.os-root')).not.toHaveClass(/os-kiosk/);
    await expect.poll(() => page.evaluate(async () => (await navigator.serviceWorker.getRegistrations()).length)).toBe(1);
    await expect.poll(() => page.evaluate(() => caches.keys()), { timeout: 10_000 }).not.toEqual([]);

    await page.goto('/?kiosk=1');
    await expect(page.locator('.os-root.os-kiosk')).toBeVisible();
    await page.getByRole('navigation').getByRole('link', { name: fi.nav_plans }).tap();
    await pass(page, IDLE_SECONDS - 5);
    await expect(page.getByRole('alertdialog')).toBeVisible();
    await pass(page, 6);
    await expect(page).toHaveURL(/\/\?kiosk=1$/);
    await expect(page.locator('.os-root.os-kiosk h1')).toBeVisible();
    await expect.poll(() => page.evaluate(async () => ({
      workers: (await navigator.serviceWorker.getRegistrations()).length,
      caches: await caches.keys(),
    }))).toEqual({ workers: 0, caches: [] });
    await page.waitForTimeout(1_000);
    expect(await page.evaluate(async () => (await navigator.serviceWorker.getRegistrations()).length)).toBe(0);
  });
});
