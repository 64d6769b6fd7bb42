import * as fs from 'fs';
import * as path from 'path';
import { test, expect, strings, rememberLanguage, screenshot } from './fixtures';

// The installable app: manifest, icons, and reading pages offline through the service worker
// (which the other specs block so that page.route() sees every request).
test.use({ serviceWorkers: 'allow' });

test('the manifest names the municipality in the asked language and its icons exist', async ({ request }) => {
  const sv = await request.get('/manifest.webmanifest?lang=sv');
  expect(sv.status()).toBe(200);
  expect(sv.headers()['content-type']).toContain('application/manifest+json');
  const m = await sv.json();
  expect(m).toMatchObject({
    name: 'Osallistu – Virtby stad',
    short_name: 'Osallistu',
    lang: 'sv',
    display: 'standalone',
    start_url: '/',
  });
  const fi = await (await request.get('/manifest.webmanifest')).json();
  expect(fi.name).toBe('Osallistu – Virtalan kaupunki');
  for (const icon of m.icons) {
    const r = await request.get(`/${icon.src}`);
    expect(r.status(), icon.src).toBe(200);
    expect(r.headers()['content-type']).toBe(icon.type);
  }
  const purposes = m.icons.filter((i: any) => i.sizes === '512x512').map((i: any) => i.purpose);
  expect(purposes.sort()).toEqual(['any', 'maskable']);
});

test('a viewed plan can be read again offline, with a notice saying so', async ({ page, context }, info) => {
  const en = strings.en;
  await rememberLanguage(page, 'en');
  await page.goto('/plans/1');
  await expect(page.locator('h1')).toContainText('Jokiranta');
  // The page links the manifest in its language.
  await expect(page.locator('link[rel=manifest]')).toHaveAttribute('href', /manifest\.webmanifest\?lang=en$/);
  // Wait for the service worker to control the page, then view the plan through it.
  await page.evaluate(async () => {
    await navigator.serviceWorker.ready;
    if (!navigator.serviceWorker.controller) {
      await new Promise((resolve) => navigator.serviceWorker.addEventListener('controllerchange', resolve, { once: true }));
    }
  });
  await page.reload();
  await expect(page.locator('h1')).toContainText('Jokiranta');
  await expect(page.getByTestId('offline-notice')).toHaveCount(0);

  await context.setOffline(true);
  await page.reload();
  await expect(page.locator('h1')).toContainText('Jokiranta');
  await expect(page.getByTestId('offline-notice')).toContainText(en.offline_title);
  await screenshot(page, `${info.project.name}-en-plan-offline`);

  // A page never opened before says what is wrong instead of going blank.
  await page.getByRole('link', { name: en.nav_projects }).click();
  await expect(page.locator('h1')).toHaveText(en.projects_title);
  await expect(page.getByRole('alert').or(page.locator('.os-error, .os-notice')).first()).toBeVisible();

  await context.setOffline(false);
  await expect(page.getByTestId('offline-notice')).toHaveCount(0);
});

test('on a very slow network a viewed plan shows its cached copy after a few seconds, and the late answer refreshes the cache', async ({ page, context }, info) => {
  test.setTimeout(info.timeout * 2);
  await rememberLanguage(page, 'en');
  await page.goto('/plans/1');
  await expect(page.locator('h1')).toContainText('Jokiranta');
  await page.evaluate(async () => {
    await navigator.serviceWorker.ready;
    if (!navigator.serviceWorker.controller) {
      await new Promise((resolve) => navigator.serviceWorker.addEventListener('controllerchange', resolve, { once: true }));
    }
  });
  await page.reload();
  await expect(page.locator('h1')).toContainText('Jokiranta');

  // Now the plan's answer takes 15 s (context.route also sees the service worker's requests);
  // the app itself would wait 20 s before giving up.
  let late = 0;
  await context.route('**/api/v1/plans/1', async (route) => {
    await new Promise((r) => setTimeout(r, 15_000));
    late += 1;
    await route.continue().catch(() => undefined);
  });
  const started = Date.now();
  await page.reload();
  await expect(page.locator('h1')).toContainText('Jokiranta', { timeout: 10_000 });
  const waited = Date.now() - started;
  expect(waited).toBeLessThan(10_000);
  // The network's answer still arrives and goes into the cache.
  await expect.poll(() => late, { timeout: 20_000 }).toBeGreaterThan(0);
  await context.unroute('**/api/v1/plans/1');
});

test('a new version waits for the resident, and updating keeps the comment being written', async ({ page }, info) => {
  // The app configured for the fakes runs from a copy of dist/ that this test may change.
  const port = Number(process.env.OSALLISTU_E2E_PORT ?? 4817);
  const app = `http://127.0.0.1:${port + 3}`;
  const dist = path.resolve(__dirname, '../../target/e2e-dist-fakes');
  const en = strings.en;
  await rememberLanguage(page, 'en');
  await page.goto(`${app}/plans/kkOpenHearing000000000000000001`);
  await page.evaluate(async () => {
    await navigator.serviceWorker.ready;
    if (!navigator.serviceWorker.controller) {
      await new Promise((resolve) => navigator.serviceWorker.addEventListener('controllerchange', resolve, { once: true }));
    }
  });
  const text = `Luonnos ennen päivitystä ${info.project.name} ${Date.now().toString(36)}`;
  await page.locator('#os-comment-form').getByLabel(en.plans_form_text).fill(text);

  // A new version is deployed: the service worker script changes.
  for (const f of ['sw.js.br', 'sw.js.gz']) fs.rmSync(path.join(dist, f), { force: true });
  fs.appendFileSync(path.join(dist, 'sw.js'), `\n// deployed ${info.project.name} ${Date.now()}\n`);
  await page.evaluate(async () => (await navigator.serviceWorker.getRegistration())!.update());

  // The app offers it, and does not reload by itself.
  const update = page.getByRole('button', { name: en.update_now });
  await expect(update).toBeVisible({ timeout: 15_000 });
  await expect(page.getByText(en.update_ready)).toBeVisible();
  await expect(page.locator('#os-comment-form').getByLabel(en.plans_form_text)).toHaveValue(text);
  await update.click();
  // The new version took over after a reload, and the draft is back in the form.
  await expect(update).toHaveCount(0, { timeout: 15_000 });
  await expect(page.locator('#os-comment-form').getByLabel(en.plans_form_text)).toHaveValue(text);
  expect(await page.evaluate(async () => !!(await navigator.serviceWorker.getRegistration())!.active && !(await navigator.serviceWorker.getRegistration())!.waiting)).toBe(true);
});
