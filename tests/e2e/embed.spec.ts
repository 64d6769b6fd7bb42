import type { Page } from '@playwright/test';
import { test, expect, strings, screenshot } from './fixtures';

// A municipal website on another origin (fakes/host.mjs serving host/index.html) embeds the
// app with embed.js. The embedded app is the one configured for Kerrokantasi + Linked Events
// fakes, whose config.json allows the host's origin (embed.allowed_origins).

const port = Number(process.env.OSALLISTU_E2E_PORT ?? 4817);
const APP = `http://127.0.0.1:${port + 3}`;
const HOST = `http://127.0.0.1:${port + 4}`;
const TITLE = 'Osallistu: kaavat ja tapahtumat';

async function frameHeights(page: Page) {
  const box = (await page.locator(`iframe[title="${TITLE}"]`).boundingBox())!;
  const frame = page.frames().find((f) => f.url().startsWith(APP))!;
  const inner = await frame.evaluate(() => ({
    body: document.body.offsetHeight,
    scrolls: document.documentElement.scrollHeight > document.documentElement.clientHeight + 1,
  }));
  return { outer: box.height, ...inner };
}

test('the embedded app loads, fits its content, follows the host address and language, and leaks nothing', async ({ page, request, blocked }, info) => {
  // The app allows exactly this host to frame it.
  const csp = (await request.get(`${APP}/plans`)).headers()['content-security-policy'];
  expect(csp).toContain(`frame-ancestors 'self' ${HOST}`);

  await page.goto(`${HOST}/`);
  const app = page.frameLocator(`iframe[title="${TITLE}"]`);
  await expect(app.locator('h1')).toHaveText('Avoin kuuleminen: Keskustan pyöräreitit');

  // It resizes to its content: as tall as the app's page, with no scrollbar of its own.
  await expect.poll(async () => {
    const h = await frameHeights(page);
    return Math.abs(h.outer - h.body) <= 2 && h.body > 1000 && !h.scrolls;
  }, { timeout: 10_000 }).toBe(true);
  const tall = (await frameHeights(page)).outer;

  // The host's address keeps the app's page; a page inside the app updates it.
  await expect(page).toHaveURL(`${HOST}/#osallistu=/plans/kkOpenHearing000000000000000001`);
  await app.getByRole('link', { name: strings.fi.nav_events }).click();
  await expect(app.locator('h1')).toHaveText(strings.fi.events_title);
  await expect(page).toHaveURL(`${HOST}/#osallistu=/events`);
  // …and shrinks with a shorter page.
  await expect.poll(async () => (await frameHeights(page)).outer).not.toBe(tall);

  // Language from the host: changing data-lang switches the app.
  await page.locator('#osallistu-here').evaluate((el) => el.setAttribute('data-lang', 'sv'));
  await expect(app.locator('h1')).toHaveText(strings.sv.events_title);

  // A deep link on the host opens that page in the app.
  await page.goto(`${HOST}/#osallistu=/projects`);
  await page.reload();
  await expect(app.locator('h1')).toHaveText(strings.fi.projects_title);

  // A message that does not come from the app's iframe is ignored.
  const before = (await frameHeights(page)).outer;
  await page.evaluate(() => window.postMessage({ type: 'osallistu:height', height: 37 }, '*'));
  await page.waitForTimeout(300);
  expect((await frameHeights(page)).outer).toBe(before);

  // Nothing leaks into the host page: no new globals, the host's own styles unchanged.
  const leaked = await page.evaluate(() => {
    const before = new Set((window as any).hostKeysBefore as string[]);
    return Object.keys(window).filter((k) => !before.has(k) && !/^\d+$/.test(k) && k !== 'hostKeysBefore');
  });
  expect(leaked).toEqual([]);
  const host = await page.evaluate(() => ({
    h1: getComputedStyle(document.querySelector('h1')!).color,
    font: getComputedStyle(document.body).fontFamily,
    sheets: document.styleSheets.length,
  }));
  expect(host).toEqual({ h1: 'rgb(200, 0, 0)', font: 'Georgia, serif', sheets: 1 });
  await screenshot(page, `${info.project.name}-fi-embedded`);
  expect(blocked).toEqual([]);
});
