import type { APIRequestContext } from '@playwright/test';
import { test, expect, strings, axeViolations, screenshot } from './fixtures';
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

  await card.getByRole('link').click();
  await expect(page.locator('h1')).toContainText('City centre cycle routes');
  await expect(page.locator('.os-comment').first()).toBeVisible();
  // Kerrokantasi has no public reporting: no button that would fail.
  await expect(page.getByRole('button', { name: en.plans_report })).toHaveCount(0);

  const text = unique('Pyöräkaistalle lisää tilaa');
  await page.getByLabel(en.plans_form_text).fill(text);
  await page.getByLabel(en.plans_form_nickname).fill('Aino');
  await page.getByLabel(en.plans_location_point).check();
  await page.getByRole('button', { name: en.plans_location_add_centre }).click();
  await expect(page.locator('.os-map-vertex')).toHaveCount(1);
  await page.getByRole('button', { name: en.plans_form_send }).click();
  await expect(page.locator('.os-form__status').first()).toHaveText(en.plans_send_sent);
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
