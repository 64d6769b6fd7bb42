import type { APIRequestContext } from '@playwright/test';
import { test, expect, strings, axeViolations, screenshot, rememberLanguage } from './fixtures';
import { APP, KK, received, unique, open } from './fake-backends';

// The app with plans from the fake Kerrokantasi (fakes/kerrokantasi.mjs).

const en = strings.en;

test('Kerrokantasi: browse hearings, comment on a point placed with the keyboard, vote', async ({ page, request, blocked }, info) => {
  await open(page, '/plans');
  const card = page.locator('.os-plan-card', { hasText: 'City centre cycle routes' });
  await expect(card).toBeVisible();
  await expect(page.locator('.os-plan-card', { hasText: 'Park renovation' })).toBeVisible();
  const list = (await received(request, KK)).filter((r) => r.path === '/v1/hearing/');
  expect(list.length).toBeGreaterThan(0);
  expect(list.every((r) => r.authorization === null)).toBe(true);
  expect(list[0].query).toMatchObject({ include: 'geojson' });
  // Hearings have no phases: no phase filter, no phase legend.
  await expect(page.getByLabel(en.plans_filter_phase)).toHaveCount(0);
  await expect(page.locator('.os-legend')).toHaveCount(0);
  await expect(page.getByLabel(en.plans_filter_text)).toBeVisible();

  await card.getByRole('link').click();
  await expect(page.locator('h1')).toContainText('City centre cycle routes');
  await expect(page.locator('.os-comment').first()).toBeVisible();
  // Kerrokantasi has no public reporting: no button that would fail.
  await expect(page.getByRole('button', { name: en.plans_report })).toHaveCount(0);

  const text = unique('Pyöräkaistalle lisää tilaa');
  await page.locator('#os-comment-form').getByLabel(en.plans_form_text).fill(text);
  await page.locator('#os-comment-form').getByLabel(en.plans_form_nickname).fill('Aino');
  await page.getByLabel(en.plans_location_point).check();
  await page.getByRole('button', { name: en.plans_location_add_centre }).click();
  await expect(page.locator('.os-map-vertex')).toHaveCount(1);
  await page.getByRole('button', { name: en.plans_form_send }).click();
  await expect(page.locator('#os-comment-form .os-form__status')).toHaveText(en.plans_send_sent);
  const mine = page.locator('.os-comment', { hasText: text });
  await expect(mine).toBeVisible();

  // What Kerrokantasi received: one POST, trailing slash, the point as GeoJSON.
  const posts = (await received(request, KK)).filter((r) => r.method === 'POST' && r.body?.content === text);
  expect(posts).toHaveLength(1);
  expect(posts[0].path).toBe('/v1/hearing/kkOpenHearing000000000000000001/sections/kkMainSection00000000000000001/comments/');
  expect(posts[0].body.author_name).toBe('Aino');
  const geometry = posts[0].body.geojson.type === 'Feature' ? posts[0].body.geojson.geometry : posts[0].body.geojson;
  expect(geometry.type).toBe('Point');
  expect(geometry.coordinates).toHaveLength(2);
  expect(geometry.coordinates[0]).toBeGreaterThan(19); // longitude first, in Finland
  expect(geometry.coordinates[1]).toBeGreaterThan(59);

  // Vote for it: the vote endpoint of its section.
  await mine.getByRole('button', { name: /vote/i }).first().click();
  const id = await lastId(request, text);
  await expect
    .poll(async () => (await received(request, KK)).filter((r) => r.method === 'POST' && r.path.endsWith(`/comments/${id}/vote/`)).length)
    .toBe(1);
  await screenshot(page, `${info.project.name}-en-kerrokantasi-hearing`);
  expect(await axeViolations(page)).toEqual([]);
  expect(blocked).toEqual([]);
});

async function lastId(request: APIRequestContext, text: string): Promise<number> {
  const r = await request.get(`${KK}/v1/hearing/kkOpenHearing000000000000000001/sections/kkMainSection00000000000000001/comments/`);
  const items: { id: number; content: string }[] = await r.json();
  return items.find((c) => c.content === text)!.id;
}

test('Kerrokantasi: a closed hearing says so and offers no form', async ({ page }) => {
  await open(page, '/plans/kkClosedHearing00000000000000002');
  await expect(page.locator('h1')).toContainText('Park renovation');
  await expect(page.getByLabel(en.plans_form_text)).toHaveCount(0);
});

test('Kerrokantasi: an answer lost after the comment was stored does not store it twice', async ({ page, request }) => {
  await open(page, '/plans/kkOpenHearing000000000000000001');
  await expect(page.locator('.os-comment').first()).toBeVisible();
  // Kerrokantasi takes no Idempotency-Key. The first POST reaches it and is stored, but its
  // answer never reaches the page (the connection is reset): the app must look before it
  // posts again.
  let forwarded = 0;
  await page.route('**/v1/hearing/kkOpenHearing000000000000000001/sections/*/comments/', async (route) => {
    if (route.request().method() === 'POST' && forwarded === 0) {
      forwarded++;
      await route.fetch();
      return route.abort('connectionreset');
    }
    return route.fallback();
  });
  const text = unique('Vastaus katosi matkalla');
  await page.locator('#os-comment-form').getByLabel(en.plans_form_text).fill(text);
  await page.getByRole('button', { name: en.plans_form_send }).click();
  await expect(page.locator('#os-comment-form .os-form__status')).toHaveText(en.plans_send_sent, { timeout: 15_000 });
  await expect(page.locator('.os-comment', { hasText: text })).toHaveCount(1);
  expect(forwarded).toBe(1);
  const posts = (await received(request, KK)).filter((r) => r.method === 'POST' && r.body?.content === text);
  expect(posts).toHaveLength(1);
  const r = await request.get(`${KK}/v1/hearing/kkOpenHearing000000000000000001/sections/kkMainSection00000000000000001/comments/`);
  const stored = ((await r.json()) as { content: string }[]).filter((c) => c.content === text);
  expect(stored).toHaveLength(1);
});

test('Kerrokantasi: a comment without a name shows the app\'s own word for anonymous', async ({ page }) => {
  const fi = strings.fi;
  await rememberLanguage(page, 'fi');
  await page.goto(`${APP}/plans/kkOpenHearing000000000000000001`);
  await expect(page.locator('.os-comment').first()).toBeVisible();
  const text = unique('Nimetön mielipide');
  await page.locator('#os-comment-form').getByLabel(fi.plans_form_text).fill(text);
  await page.getByRole('button', { name: fi.plans_form_send }).click();
  const mine = page.locator('.os-comment', { hasText: text });
  await expect(mine).toBeVisible();
  await expect(mine.locator('.os-comment__author')).toHaveText(fi.plans_anonymous);
  // Also after a reload, as Kerrokantasi lists it ("Anonymous" stored).
  await page.reload();
  await expect(page.locator('.os-comment', { hasText: text }).locator('.os-comment__author')).toHaveText(fi.plans_anonymous);
  await expect(page.getByText('Anonymous', { exact: true })).toHaveCount(0);
});

test('Kerrokantasi: part sections are shown with their text, and their questions go to their section', async ({ page, request }) => {
  const hearing = 'Kw7MoOHN41sZZb0T63nMKeFCy4CVbrII';
  // Open for comments now, whatever day the test runs.
  await page.route(`**/v1/hearing/${hearing}/`, async (route) => {
    const res = await route.fetch();
    const body = await res.json();
    body.open_at = new Date(Date.now() - 86_400_000).toISOString();
    body.close_at = new Date(Date.now() + 86_400_000).toISOString();
    return route.fulfill({ response: res, json: body });
  });
  await open(page, `/plans/${hearing}`);
  await expect(page.locator('h1')).toContainText('Library park renewal');
  const play = page.locator('.os-plan__part', { has: page.getByRole('heading', { name: 'Play area' }) });
  await expect(play).toContainText('A new play area at the south edge.');
  await expect(play.locator('.os-rich-text strong')).toHaveText('south edge');
  await expect(page.getByRole('heading', { level: 2, name: 'Lighting' })).toBeVisible();
  // The part's questions are in the part, not in the general form.
  await expect(play.getByRole('group', { name: /Which play equipment matters most/ })).toBeVisible();
  await expect(page.locator('#os-comment-form').getByRole('group', { name: /Which play equipment/ })).toHaveCount(0);
  await play.getByLabel('Swings').check();
  const text = unique('Keinut ensin');
  await play.getByLabel(en.plans_part_text).fill(text);
  // The name that goes with it is shown in the part's form too.
  await play.getByLabel(en.plans_form_nickname).fill('Aino');
  await play.getByRole('button', { name: en.plans_part_send }).click();
  await expect(play.locator('.os-form__status')).toHaveText(en.plans_send_sent);
  const posts = (await received(request, KK)).filter((r) => r.method === 'POST' && r.body?.content === text);
  expect(posts).toHaveLength(1);
  expect(posts[0].path).toBe(`/v1/hearing/${hearing}/sections/rjgqJJJFOcHW7ajb29ayIFQ3Yjn9NP8s/comments/`);
  expect(posts[0].body.answers).toEqual([{ question: 2, type: 'single-choice', answers: [4] }]);
  expect(posts[0].body.author_name).toBe('Aino');
  expect(await axeViolations(page)).toEqual([]);
});

test('Kerrokantasi: text in another language than the page is marked with its language', async ({ page }) => {
  const fi = strings.fi;
  await rememberLanguage(page, 'fi');
  await page.goto(`${APP}/plans`);
  // A hearing written in Swedish only, in the Finnish UI.
  const card = page.locator('.os-plan-card', { hasText: 'Strandvägens gatuplan' });
  await expect(card.locator('h3 [lang="sv"]')).toHaveText('Strandvägens gatuplan');
  // A Finnish title needs no mark of its own.
  await expect(page.locator('.os-plan-card', { hasText: 'Kirjastopuiston uudistus' }).locator('h3 [lang]')).toHaveCount(0);
  await card.getByRole('link').click();
  await expect(page.locator('h1')).toHaveAttribute('lang', 'sv');
  await expect(page.locator('h1')).toHaveText('Strandvägens gatuplan');
  await expect(page.locator('.os-plan__meta [lang="sv"]')).toHaveText('Gamla stan');
  await expect(page.locator('.os-rich-text[lang="sv"]')).toContainText('Strandvägen');
  await expect(page.getByRole('heading', { name: fi.plans_form_heading, level: 2 })).not.toHaveAttribute('lang', /./);
});
