import { test, expect, strings, rememberLanguage, screenshot } from './fixtures';
import type { Page, Request } from '@playwright/test';

// Code splitting (src/pages/lazy.rs, scripts/wasm-split/): the first load carries only the shell;
// each area's wasm chunk is fetched when one of its routes is first shown.

/** A lazily loaded chunk (not the main module, which Trunk names `…_bg.wasm`). */
const CHUNK = /\/(split|chunk)_[a-z0-9_]+-[0-9a-f]{16}\.wasm$/;

function chunkRequests(page: Page): string[] {
  const seen: string[] = [];
  page.on('request', (r: Request) => {
    if (CHUNK.test(new URL(r.url()).pathname)) seen.push(new URL(r.url()).pathname);
  });
  return seen;
}

function pageErrors(page: Page): string[] {
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  return errors;
}

test('the front page loads no chunk; each area loads its own chunk once, served immutable', async ({ page, blocked, cspViolations }) => {
  const t = strings.en;
  await rememberLanguage(page, 'en');
  const chunks = chunkRequests(page);
  const errors = pageErrors(page);

  await page.goto('/');
  await expect(page.getByRole('navigation', { name: t.nav_label })).toBeVisible();
  await page.waitForLoadState('networkidle');
  expect(chunks, 'the shell fetches no area chunk').toEqual([]);

  const response = page.waitForResponse((r) => /\/split_plans-[0-9a-f]{16}\.wasm$/.test(new URL(r.url()).pathname));
  await page.getByRole('navigation', { name: t.nav_label }).getByRole('link', { name: t.nav_plans }).click();
  const chunk = await response;
  expect(chunk.status()).toBe(200);
  expect(chunk.headers()['content-type']).toBe('application/wasm');
  expect(chunk.headers()['cache-control']).toContain('immutable');
  await expect(page.locator('h1')).toHaveText(t.plans_title);
  expect(chunks.some((c) => c.includes('/split_plans-'))).toBe(true);

  // Another area loads its own chunk; coming back to plans fetches nothing again.
  await page.getByRole('navigation', { name: t.nav_label }).getByRole('link', { name: t.nav_events }).click();
  await expect(page.locator('h1')).toHaveText(t.events_title);
  expect(chunks.some((c) => c.includes('/split_events-'))).toBe(true);
  const before = chunks.length;
  await page.getByRole('navigation', { name: t.nav_label }).getByRole('link', { name: t.nav_plans }).click();
  await expect(page.locator('h1')).toHaveText(t.plans_title);
  expect(chunks.length).toBe(before);

  // The accessibility statement is a chunk of its own too.
  await page.getByRole('link', { name: t.footer_accessibility }).click();
  await expect(page.locator('h1')).toHaveText(t.a11y_title);
  expect(chunks.some((c) => c.includes('/split_accessibility-'))).toBe(true);

  // The chunks' loader keeps its name, so it must be revalidated rather than cached for a year.
  const loader = await page.request.get('/__wasm_split.js');
  expect(loader.headers()['content-type']).toContain('javascript');
  expect(loader.headers()['cache-control']).toBe('no-cache');

  expect(errors).toEqual([]);
  expect(await cspViolations()).toEqual([]);
  expect(blocked).toEqual([]);
});

test('a deep link to /plans shows the page from its chunk', async ({ page, blocked, cspViolations }) => {
  const t = strings.sv;
  await rememberLanguage(page, 'sv');
  const chunks = chunkRequests(page);
  await page.goto('/plans');
  await expect(page.locator('h1')).toHaveText(t.plans_title);
  expect(chunks.some((c) => c.includes('/split_plans-'))).toBe(true);
  expect(await cspViolations()).toEqual([]);
  expect(blocked).toEqual([]);
});

for (const lang of ['fi', 'en'] as const) {
  test(`a chunk that fails to load shows the error panel, and Try again loads it (${lang})`, async ({ page, blocked, cspViolations }, info) => {
    const t = strings[lang];
    await rememberLanguage(page, lang);
    const errors = pageErrors(page);
    await page.goto('/');
    await expect(page.getByRole('navigation', { name: t.nav_label })).toBeVisible();

    // Offline, or the chunk was removed by a redeploy: every chunk request fails.
    let failed = 0;
    const offline = async (route: import('@playwright/test').Route) => {
      failed += 1;
      await route.abort('internetdisconnected');
    };
    await page.route(CHUNK, offline);
    await page.getByRole('navigation', { name: t.nav_label }).getByRole('link', { name: t.nav_projects }).click();

    const panel = page.getByRole('alert').filter({ hasText: t.error_title });
    await expect(panel).toBeVisible();
    await expect(panel).toContainText(t.error_text);
    expect(failed).toBeGreaterThan(0);
    await screenshot(page, `${info.project.name}-${lang}-chunk-error`);
    // The app is alive: no panic notice, the navigation still works.
    await expect(page.locator('#os-panic')).toHaveCount(0);

    // Still offline: Try again fails again, visibly, without breaking anything.
    const attempts = failed;
    await panel.getByRole('button', { name: t.error_retry }).click();
    await expect(panel).toBeVisible();
    await expect.poll(() => failed).toBeGreaterThan(attempts);

    // Back online: Try again loads the chunk and shows the page.
    await page.unroute(CHUNK, offline);
    await page.getByRole('alert').filter({ hasText: t.error_title }).getByRole('button', { name: t.error_retry }).click();
    await expect(page.locator('h1')).toHaveText(t.projects_title);
    await expect(page.getByRole('alert')).toHaveCount(0);

    await expect(page.locator('#os-panic')).toHaveCount(0);
    expect(errors).toEqual([]);
    expect(await cspViolations()).toEqual([]);
    expect(blocked).toEqual([]);
  });
}

test('while a chunk loads, a translated status says so', async ({ page }) => {
  const t = strings.fi;
  await rememberLanguage(page, 'fi');
  await page.goto('/');
  await expect(page.getByRole('navigation', { name: t.nav_label })).toBeVisible();
  // Hold the chunk back until the status has been seen.
  let release!: () => void;
  const held = new Promise<void>((resolve) => (release = resolve));
  await page.route(CHUNK, async (route) => {
    await held;
    await route.continue();
  });
  await page.getByRole('navigation', { name: t.nav_label }).getByRole('link', { name: t.nav_events }).click();
  await expect(page.getByRole('status').filter({ hasText: t.loading })).toBeVisible();
  release();
  await expect(page.locator('h1')).toHaveText(t.events_title);
  await expect(page.getByRole('status').filter({ hasText: t.loading })).toHaveCount(0);
});
